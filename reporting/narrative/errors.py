from reporting.errors import ReportError


class NarrativeError(ReportError):
    """A refused step of the report text, with a message in plain Chinese for the user."""


class SaveConflict(NarrativeError):
    """Someone saved the section after this editor opened it; the refused text is kept."""

    def __init__(self, message: str, *, revision_pk: int):
        super().__init__(message)
        self.revision_pk = revision_pk
