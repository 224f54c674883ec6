"""Access to published editions: every member of the year's school may read and download
them (404 for another school); locking and unlocking is checked by the services."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from publication.models import EditionFile
from reporting.access import get_year_for_user


def get_edition_file_for_user(
    request: HttpRequest, school_slug: str, year: int, number: int, format: str
) -> EditionFile:
    report_year = get_year_for_user(request, school_slug, year)
    return get_object_or_404(
        EditionFile.objects.select_related("edition__year__school"),
        edition__year=report_year,
        edition__number=number,
        format=format,
    )
