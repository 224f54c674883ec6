"""Test overrides: the same PostgreSQL, faster password hashing, quieter logs."""

import os

os.environ.setdefault("LOCAL_PG_FAST", "1")

from config.settings import *  # noqa: F403
from config.settings import _local_storage

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Several test runs may share the private server (parallel work on one machine):
# TEST_DB_SUFFIX keeps their databases and media apart.
_suffix = os.environ.get("TEST_DB_SUFFIX", "")
DATABASES["default"]["TEST"] = {"NAME": "test_vocreport" + (f"_{_suffix}" if _suffix else "")}  # noqa: F405
MEDIA_ROOT = BASE_DIR / "var" / ("test-media" + (f"-{_suffix}" if _suffix else ""))  # noqa: F405
PUBLISHED_ROOT = BASE_DIR / "var" / ("test-published" + (f"-{_suffix}" if _suffix else ""))  # noqa: F405
STORAGES["published"] = _local_storage(PUBLISHED_ROOT)  # noqa: F405  (the test root)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
AXES_ENABLED = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
