import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import translation

IDLE_REFRESH_KEY = "_idle_refreshed"


def chosen_language(get_response):
    """Simplified Chinese unless the user picked another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a teacher whose
    browser happens to be set to English would get a half-translated page; the language here
    is a choice (the set_language cookie), never a guess.
    """
    available = {code for code, _ in settings.LANGUAGES}

    def middleware(request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if code not in available:
            code = settings.LANGUAGE_CODE
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = get_response(request)
            response.headers.setdefault("Content-Language", code)
        return response

    return middleware


def idle_expiry(get_response):
    """Moves a signed-in session's idle expiry on (SESSION_COOKIE_AGE from now), at most once
    every SESSION_REFRESH_SECONDS.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) wrote and committed its
    row on every page view, a write per read for nothing: the idle timeout is counted in
    minutes, so being a minute less exact costs nothing and saves most of those writes.
    """
    every = settings.SESSION_REFRESH_SECONDS

    def middleware(request):
        session = request.session
        if SESSION_KEY in session:
            now = int(time.time())
            if now - session.get(IDLE_REFRESH_KEY, 0) >= every:
                session[IDLE_REFRESH_KEY] = now  # modified: saved with a new expiry
        return get_response(request)

    return middleware
