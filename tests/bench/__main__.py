"""`make bench`: every benchmark module prints its own table. Never run by pytest."""

import importlib
import os
import sys

MODULES = [
    "tests.bench.figures",
    "tests.bench.prose",
    "tests.bench.exports",
    "tests.bench.workbooks",
    "tests.bench.uploads",
    "tests.bench.regions",
    "tests.bench.pages",  # last: it saves figures and text (`make bench` reloads the demo first)
]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Set up like an app process (gunicorn imports config.wsgi): views loaded, start-up frozen.
    importlib.import_module("config.wsgi")
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        module.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
