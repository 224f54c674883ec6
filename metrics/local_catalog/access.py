"""Access to a catalog owner's page, in the style of reporting/access.py: 404 for what the
user may not see, 403 for what they may see but not change.

School: its administrator (and the platform operator) reads and writes; the school's other
people 403; anybody else 404. Region: its bureau users and those above it read, its bureau
administrators (and the operator) write; everyone else 404."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from metrics.local_catalog.owners import Owner
from reporting.access import get_region_for_bureau_admin
from reporting.models import Region, School


def get_owner_for_user(request, scope: str, key: str, *, write: bool = False) -> Owner:
    user = request.user
    if scope == "school":
        school = get_object_or_404(School, slug=key)
        if not user.is_superuser:
            if user.school_id != school.pk:
                raise Http404
            if not user.is_school_admin:
                raise PermissionDenied
        return Owner(school=school)
    if scope == "region":
        if write:
            return Owner(region=get_region_for_bureau_admin(request, key))
        region = get_object_or_404(Region, code=key)
        if not user.is_superuser and (
            not user.is_bureau
            or user.region_id is None
            or region.pk not in user.region.with_descendants()
        ):
            raise Http404
        return Owner(region=region)
    raise Http404


def can_write(user, owner: Owner) -> bool:
    if user.is_superuser:
        return True
    return user.is_school_admin if owner.school else user.is_bureau_admin
