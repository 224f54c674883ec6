"""Every page of the product needs a login: walk the whole URL configuration."""

from django.urls import URLPattern, URLResolver, get_resolver

# Pages meant for anonymous visitors.
# welcome/: the one-time set-password link of a new user (its token is the credential).
PUBLIC_PREFIXES = ("login/", "admin/login/", "i18n/", "static/", "admin/logout/", "welcome/")

SAMPLE_VALUES = {"int": "1", "slug": "lianzhou", "str": "x", "path": "x/y", "uuid": None}


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route, entry


def _concrete(route: str) -> str | None:
    import re

    if route.startswith("^") or "(?P" in route:
        return None  # regex routes (the admin's) are covered through their sample below
    url = route
    for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        value = SAMPLE_VALUES.get(converter or "str", "x")
        if value is None:
            value = "00000000-0000-0000-0000-000000000000"
        url = re.sub(rf"<(?:\w+:)?{name}>", value, url, count=1)
    return "/" + url


def test_every_page_redirects_anonymous_visitors_to_login(client, db):
    urls = {
        _concrete(route)
        for route, _ in _walk(get_resolver())
        if not route.startswith(PUBLIC_PREFIXES)
    }
    urls.discard(None)
    urls |= {"/admin/", "/admin/reporting/department/", "/admin/reporting/user/1/change/"}
    assert len(urls) >= 4
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login/" in response.url, url
