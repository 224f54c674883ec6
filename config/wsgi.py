import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


def _load_and_freeze() -> None:
    """Import every view (and matplotlib, which draws the charts) at start-up, then hide all of it
    from the cyclic garbage collector: it lives as long as the process, and each full collection
    walking those ~200 000 objects doubled every other large page (the 1000-school comparison:
    106 → 225 ms; 110–130 ms once frozen, `make bench`). Gunicorn imports this module in each
    worker, so every app process starts this way."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (imports the URLconf and every view module)
    import narrative.charts.render  # noqa: F401

    gc.freeze()


_load_and_freeze()
