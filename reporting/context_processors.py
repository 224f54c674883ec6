from reporting.models import ReportYear


def school(request):
    """The logged-in user's school and its current report year, for the page header."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.school_id is None:
        return {}
    current = ReportYear.objects.filter(school_id=user.school_id).order_by("-year").first()
    return {"current_school": user.school, "current_year": current}
