"""A write that PostgreSQL refused because its year is locked becomes a message, not a 500.

Python's guard (ReportYear.ensure_open) refuses first on every known path; this catches what
escapes it (a 学校管理 page, a cascade from deleting a department or a user…), so the user
reads who locked the year and when, and nothing was changed (the transaction rolled back).
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from reporting.models import ReportYear
from reporting.year_lock import locked_year_id


class locked_year_refusal:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        year_id = locked_year_id(exception)
        if year_id is None:
            return None
        year = ReportYear.objects.select_related("locked_by").filter(pk=year_id).first()
        if year is not None:
            messages.error(request, year.locked_message())
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = request.path if request.method == "GET" else "/"
        return redirect(back)
