"""Users help themselves: set a password through a one-time link, change one's password."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _


@method_decorator(login_not_required, name="dispatch")
class SetPasswordView(auth_views.PasswordResetConfirmView):
    """Django's password-reset confirmation: the token is checked, then moved into the session
    so the link in the address bar no longer holds it."""

    template_name = "setup/set_password.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        messages.success(self.request, _("密码已设置，请用新密码登录。"))
        return super().form_valid(form)


class ChangePasswordView(auth_views.PasswordChangeView):
    template_name = "setup/change_password.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        messages.success(self.request, _("密码已修改。"))
        return super().form_valid(form)
