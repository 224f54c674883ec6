from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from narrative.views.photos import photo_file
from reporting.admin_site import admin_site
from reporting.forms import LoginForm
from setup.account_views import ChangePasswordView, SetPasswordView

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
    path("report/", include("narrative.urls")),
    path("exports/", include("exports.urls")),
    path("setup/", include("setup.urls")),
    path("account/password/", ChangePasswordView.as_view(), name="change_password"),
    path("welcome/<uidb64>/<token>/", SetPasswordView.as_view(), name="set_password"),
    path("publication/", include("publication.urls")),
    path("review/", include("review.urls")),
    path("region/", include("regions.urls")),
    path("district/", include("districtreport.urls")),
    path("catalog/", include("metrics.local_catalog.urls")),
]

# Nothing under MEDIA_ROOT is served as plain media. Photos keep their /media/ URL (the print
# document names them so), but this view checks the user's school first; exported files are
# handed out only by the export download view. Any other /media/ URL is a 404.
urlpatterns += [
    path(
        f"{settings.MEDIA_URL.strip('/')}/photos/<slug:school>/<int:year>/<str:name>",
        photo_file,
        name="photo_file",
    )
]

admin.site = admin_site
