from django.shortcuts import render

from reporting.tasks import tasks_for


def home(request):
    return render(request, "reporting/home.html", {"tasks": tasks_for(request.user)})
