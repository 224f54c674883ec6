"""Domain errors shared by every part of the report (figures, text, publication).

A view catches `ReportError` and shows its message: each is a refusal in plain Chinese that
the user can act on, never a crash.
"""


class ReportError(Exception):
    """A refused step, with a message for the user."""


class YearLocked(ReportError):
    """A write to a locked report year (raised by `ReportYear.ensure_open`, the one guard)."""
