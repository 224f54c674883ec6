"""Access helpers for review pages, in the style of reporting/access.py: 404 for another
school's year or an unknown item, 403 for what the user may see but not do."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from reporting.access import get_year_for_user
from review.items import Item, find_item


def get_item_for_user(request, school_slug: str, year: int, kind: str, key: str) -> Item:
    """Any user of the school may read an item, its thread and its history."""
    report_year = get_year_for_user(request, school_slug, year)
    if not request.user.is_superuser and not request.user.role:
        raise PermissionDenied
    item = find_item(report_year, kind, key)
    if item is None:
        raise Http404
    return item


def get_review_year_for_user(request, school_slug: str, year: int):
    """The committee's pages (工作台, bulk approval)."""
    return get_year_for_user(request, school_slug, year, manage=True)
