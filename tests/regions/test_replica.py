"""With REPLICA_DATABASE_URL set, the bureau's region pages read from the replica and write
nothing there; without it, everything stays on the one database."""

import os
import subprocess
import sys

from config import localdb

SCRIPT = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.db import router
from reporting.models import ReportYear
from regions import views
from regions.replica import replica_reads
page = replica_reads(lambda request: (ReportYear.objects.all().db, router.db_for_write(ReportYear)))
print(ReportYear.objects.all().db, *page(None), views.region_compare.__wrapped__.__name__)
"""


def test_region_pages_read_from_the_replica_when_one_is_configured():
    env = {**os.environ, "REPLICA_DATABASE_URL": localdb.url()}
    output = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert output == ["default", "replica", "default", "region_compare"]
