"""An optional read replica for the bureau's pages (REPLICA_DATABASE_URL, see the README's
Production section). The region pages only read, and a few seconds of replication lag do not
matter to a progress table, so their reads go to the replica; every write (the session's
last-seen time, anything else) stays on the primary. Without a replica nothing changes."""

from __future__ import annotations

from contextvars import ContextVar
from functools import wraps

from django.conf import settings

REPLICA = "replica"
_reading: ContextVar[bool] = ContextVar("regions_replica_reads", default=False)


def replica_reads(view):
    """Decorator: the view's reads go to the replica when one is configured."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if REPLICA not in settings.DATABASES:
            return view(request, *args, **kwargs)
        token = _reading.set(True)
        try:
            return view(request, *args, **kwargs)
        finally:
            _reading.reset(token)

    return wrapper


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading.get() else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: same rows, same ids

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
