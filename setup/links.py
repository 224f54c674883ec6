"""One-time links to set a password, with Django's password-reset tokens: a token is valid for
PASSWORD_RESET_TIMEOUT (7 days) and dies as soon as the password is set or the user logs in,
because both change what the token is made from. No e-mail: the link is shown to whoever
creates the account, since school mail often does not work."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from reporting.models import User


def set_password_path(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("set_password", args=[uid, token])


def set_password_url(user: User, base_url: str) -> str:
    """The absolute link: `base_url` is the site's address (request or --base-url)."""
    return base_url.rstrip("/") + set_password_path(user)
