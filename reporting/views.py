from django.contrib.auth import views as auth_views
from django.shortcuts import render

from reporting.models import School, User
from reporting.tasks import tasks_for


def home(request):
    context = {
        "tasks": tasks_for(request.user),
        # A fresh installation: tell the platform operator how a school begins.
        "empty_installation": request.user.is_superuser and not School.objects.exists(),
    }
    return render(request, "reporting/home.html", context)


class LoginView(auth_views.LoginView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["no_users"] = not User.objects.exists()
        return context
