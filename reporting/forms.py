"""The login forms (the site's and the admin's)."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class UsernameLengthChecked:
    """Django's login forms only announce the username length in the HTML (maxlength); this
    checks it. A longer name is refused before authentication, so it is never recorded as a
    failed attempt (django-axes keeps usernames in 255 characters: a longer one was a 500)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(
            MaxLengthValidator(
                username.max_length, message=_("用户名不能超过 %(limit_value)d 个字符。")
            )
        )


class LoginForm(UsernameLengthChecked, AuthenticationForm):
    pass


class AdminLoginForm(UsernameLengthChecked, AdminAuthenticationForm):
    """The admin's login form also takes POSTs from a logged-in school administrator."""
