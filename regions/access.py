"""Who sees a region: its bureau users (教育局) see it and every region below it; superusers
see every region. Everyone else gets 404, as for another school's data. Bureau users never
write: `regions.middleware.BureauReadOnly` refuses their unsafe requests."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from reporting.models import Region, User


def visible_region_ids(user: User) -> list[int] | None:
    """None means every region (superuser); [] nothing."""
    if user.is_superuser:
        return None
    if not user.is_authenticated or not user.is_bureau or user.region_id is None:
        return []
    return user.region.with_descendants()


def get_region_for_user(request: HttpRequest, code: str) -> Region:
    visible = visible_region_ids(request.user)
    region = get_object_or_404(Region, code=code)
    if visible is not None and region.pk not in visible:
        raise Http404
    return region


def parse_year(year: str) -> int:
    """The URL's year; a year outside what a report can have is a 404, not a crash."""
    try:
        value = int(year)
    except ValueError:
        raise Http404 from None
    if not 2000 <= value <= 2100:
        raise Http404
    return value
