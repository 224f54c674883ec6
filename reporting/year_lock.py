"""PostgreSQL's half of "a locked year is locked on every path".

Every table whose rows belong to a report year (directly through `year`, or through a parent
such as a block's section) carries the trigger `RefuseWhenYearLocked`: INSERT, UPDATE and
DELETE are refused while the owning year's status is `locked`, whatever the write path (a
service, 学校管理, a management command, raw SQL). The unlock service flips the status first,
in the same transaction, and is therefore the only way past.

The trigger reads the year row FOR SHARE: a write that races with the lock service waits for
the lock to commit and is then refused, so a published edition always matches the stored data.
Python's guard is `ReportYear.ensure_open()`; the trigger catches whatever escapes it.
"""

from __future__ import annotations

import pgtrigger
from django.db import DatabaseError

# Custom SQLSTATE of the refusal, so the web layer can tell it from any other database error.
LOCKED_SQLSTATE = "YLOCK"
TRIGGER_NAME = "refuse_when_year_locked"

_RAISE = """
RAISE EXCEPTION USING
    ERRCODE = '{sqlstate}',
    MESSAGE = 'report year ' || {year} || ' is locked: writes are refused until it is unlocked',
    DETAIL = 'report_year=' || {year};
"""


def _refuse_if_locked(year_expr: str) -> str:
    return f"""
    owner_year := {year_expr};
    IF owner_year IS NOT NULL THEN
        SELECT status INTO owner_status FROM reporting_reportyear WHERE id = owner_year FOR SHARE;
        IF owner_status = 'locked' THEN
            {_RAISE.format(sqlstate=LOCKED_SQLSTATE, year="owner_year")}
        END IF;
    END IF;
    """


class RefuseWhenYearLocked(pgtrigger.Trigger):
    """`through`: the foreign key to a parent that has the year (e.g. "section"); without it
    the table has its own `year` foreign key."""

    when = pgtrigger.Before
    operation = pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete
    declare = [("owner_year", "bigint"), ("owner_status", "varchar")]

    def __init__(self, *, through: str | None = None, name: str = TRIGGER_NAME):
        self.through = through
        super().__init__(name=name)

    def year_sql(self, model, row: str) -> str:
        if self.through is None:
            return f"{row}.{model._meta.get_field('year').column}"
        link = model._meta.get_field(self.through)
        parent = link.related_model._meta
        return (
            f"(SELECT {parent.get_field('year').column} FROM {parent.db_table}"
            f" WHERE {parent.pk.column} = {row}.{link.column})"
        )

    def get_func(self, model):
        old = _refuse_if_locked(self.year_sql(model, "OLD"))
        new = _refuse_if_locked(self.year_sql(model, "NEW"))
        return f"""
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {old} END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN {new} END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
        """


class KeepLockedYear(pgtrigger.Trigger):
    """On the year itself: a locked year can be unlocked, but neither changed nor deleted."""

    when = pgtrigger.Before
    operation = pgtrigger.Update | pgtrigger.Delete
    func = f"""
        IF OLD.status = 'locked' AND (TG_OP = 'DELETE' OR NEW.status = 'locked') THEN
            {_RAISE.format(sqlstate=LOCKED_SQLSTATE, year="OLD.id")}
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    """

    def __init__(self):
        super().__init__(name="keep_locked_year")


def locked_year_id(error: BaseException) -> int | None:
    """The report year named by a refusal of the triggers above, or None for other errors."""
    while error is not None:
        if isinstance(error, DatabaseError) or hasattr(error, "sqlstate"):
            cause = error.__cause__ or error
            if getattr(cause, "sqlstate", None) == LOCKED_SQLSTATE:
                detail = getattr(getattr(cause, "diag", None), "message_detail", "") or ""
                _, _, number = detail.partition("report_year=")
                return int(number) if number.isdigit() else None
        error = error.__cause__
    return None
