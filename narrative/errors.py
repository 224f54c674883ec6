from reporting.errors import ReportError


class NarrativeError(ReportError):
    """A refused step of the report text, with a message in plain Chinese for the user."""


class SaveConflict(NarrativeError):
    """Someone saved the section after this editor opened it; the refused text is kept."""

    def __init__(self, message: str, *, revision_pk: int):
        super().__init__(message)
        self.revision_pk = revision_pk


class EditConflict(NarrativeError):
    """The form was based on an older version; nothing saved. `version` is the current one,
    so a second save made after reading the explanation goes through."""

    def __init__(self, message: str, *, version: str):
        super().__init__(message)
        self.version = version
