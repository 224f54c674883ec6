"""An app process (gunicorn imports config.wsgi in each worker) starts with every view and the
chart library loaded and frozen out of the garbage collector's sight (see config/wsgi.py)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import gc, sys, config.wsgi; "
    "print(gc.get_freeze_count(), 'matplotlib' in sys.modules, 'regions.views' in sys.modules)"
)


def test_the_wsgi_module_loads_the_views_and_freezes_start_up():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=dict(os.environ), capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    frozen, charts, views = result.stdout.split()
    assert int(frozen) > 50_000 and charts == "True" and views == "True"
