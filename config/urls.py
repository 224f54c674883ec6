from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import include, path
from django.views.i18n import set_language
from django.views.static import serve as static_serve

from reporting.admin_site import admin_site
from reporting.forms import LoginForm
from reporting.setup.account_views import ChangePasswordView, SetPasswordView


def serve_media(request, path, document_root):
    if path.startswith("exports/"):
        raise Http404
    return static_serve(request, path, document_root=document_root)


urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=LoginForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin_site.urls),
    # The language switcher is in the top bar of every page, the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("", include("reporting.urls")),
    path("figures/", include("metrics.urls")),
    path("report/", include("reporting.narrative.urls")),
    path("exports/", include("reporting.exports.urls")),
    path("setup/", include("reporting.setup.urls")),
    path("account/password/", ChangePasswordView.as_view(), name="change_password"),
    path("welcome/<uidb64>/<token>/", SetPasswordView.as_view(), name="set_password"),
    path("publication/", include("reporting.publication.urls")),
    path("review/", include("reporting.review.urls")),
    path("region/", include("reporting.regions.urls")),
]

# Uploaded photos are served by Django behind the login (LoginRequiredMiddleware); a front
# proxy may take this over with X-Accel-Redirect when traffic warrants it.
# Exported files are never served here: only through the export download view, which checks
# the school and role.
urlpatterns += [
    path(
        f"{settings.MEDIA_URL.strip('/')}/<path:path>",
        serve_media,
        {"document_root": settings.MEDIA_ROOT},
        name="media",
    )
]

admin.site = admin_site
