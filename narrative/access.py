"""Access helpers for the report text, in the style of reporting/access.py:
404 for another school's year, 403 for what the user may see but not change."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from narrative.models import Block, Photo, Section
from reporting.access import can_manage_year, get_year_for_user


def effective_department_id(section: Section) -> int | None:
    """A section without its own department belongs to the nearest ancestor's."""
    node = section
    while node is not None:
        if node.department_id:
            return node.department_id
        node = node.parent
    return None


def can_write_section(user, section: Section) -> bool:
    if can_manage_year(user):
        return user.is_superuser or user.school_id == section.year.school_id
    return (
        user.is_department_member
        and user.school_id == section.year.school_id
        and user.department_id is not None
        and effective_department_id(section) == user.department_id
    )


def get_section_for_user(
    request: HttpRequest, school_slug: str, year: int, key: str, *, write: bool = False
) -> Section:
    report_year = get_year_for_user(request, school_slug, year)
    section = get_object_or_404(
        Section.objects.select_related("year__school", "department", "parent__parent__parent"),
        year=report_year,
        key=key,
    )
    if write and not can_write_section(request.user, section):
        raise PermissionDenied
    return section


def get_block_for_user(
    request: HttpRequest, school_slug: str, year: int, key: str, pk: int
) -> Block:
    """A block of a section the user may write."""
    section = get_section_for_user(request, school_slug, year, key, write=True)
    block = get_object_or_404(Block.objects.select_related("photo", "case"), section=section, pk=pk)
    block.section = section
    return block


def find_case(section: Section, value: str | None) -> Block | None:
    """The case block of this section named by a `case` parameter, or None when the value
    is empty, not a number (a hand-edited link) or not a case of this section."""
    if not value or not (value.isascii() and value.isdigit()):
        return None
    return section.blocks.filter(pk=int(value), kind=Block.Kind.CASE).first()


def get_case_or_404(section: Section, value: str | None) -> Block | None:
    """Like find_case, but a given value that names no case of the section is a 404."""
    case = find_case(section, value)
    if value and case is None:
        raise Http404
    return case


# What narrative/uploads.py names a photo's files: <uuid hex>[-print].<extension>
PHOTO_FILE_NAME = re.compile(r"[0-9a-f]{32}(-print)?\.[a-z]{3,4}")


def get_photo_for_user(request: HttpRequest, school_slug: str, year: int, name: str) -> str:
    """The stored name of a photo file (original or print copy) of a year the user belongs to;
    404 for another school's photo and for a name that is not a photo of this year."""
    report_year = get_year_for_user(request, school_slug, year)
    if not PHOTO_FILE_NAME.fullmatch(name):
        raise Http404
    stored = f"photos/{report_year.school.slug}/{report_year.year}/{name}"
    if not Photo.objects.filter(
        Q(original=stored) | Q(print_copy=stored), year=report_year
    ).exists():
        raise Http404
    return stored
