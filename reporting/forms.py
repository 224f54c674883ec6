"""The login form."""

from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form, with the username length actually checked: Django only announces
    it in the HTML (maxlength). A longer name is refused before authentication, so it is never
    recorded as a failed attempt (django-axes keeps usernames in 255 characters: a longer one
    was a 500)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(
            MaxLengthValidator(
                username.max_length, message=_("用户名不能超过 %(limit_value)d 个字符。")
            )
        )
