from django.shortcuts import render

from reporting.models import School
from reporting.tasks import tasks_for


def home(request):
    context = {
        "tasks": tasks_for(request.user),
        # A fresh installation: tell the platform operator how a school begins.
        "empty_installation": request.user.is_superuser and not School.objects.exists(),
    }
    return render(request, "reporting/home.html", context)
