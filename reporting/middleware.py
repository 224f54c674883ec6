from django.conf import settings
from django.utils import translation


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
