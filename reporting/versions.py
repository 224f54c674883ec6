"""Edit versions: every edit form carries the version of what it showed, and the service
compares it with the stored one under select_for_update before saving. A save based on an
older version is refused with an explanation and the user's input kept (the form is shown
again with it); a second save, made knowingly over the newer version, goes through.

A version is a fingerprint of the fields the form edits, so it needs no extra column and
any write path (another form, the admin, an import) changes it.

Services take `version=None` from callers that are not forms (demo loaders, imports, other
services); a form always passes a string, and a missing or garbled one is "" (stale).
"""

from __future__ import annotations

import hashlib
import json

from django import forms
from django.db import models

VERSION_LENGTH = 32


def fingerprint(*parts) -> str:
    text = json.dumps(parts, default=str, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:VERSION_LENGTH]


def fields_version(obj: models.Model, names) -> str:
    return fingerprint(*(getattr(obj, name) for name in names))


class VersionField(forms.CharField):
    """The hidden version of an edit form. Missing or garbled counts as stale (the service
    refuses it with the conflict message), never as a form error the user cannot see."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", VERSION_LENGTH)
        kwargs.setdefault("error_messages", {"max_length": ""})
        super().__init__(**kwargs)

    def clean(self, value):
        value = value if isinstance(value, str) else ""
        return value if len(value) == VERSION_LENGTH and value.isalnum() else ""


def refresh_version(form: forms.BaseForm, name: str, version: str) -> None:
    """After a refused save: keep the user's input, but let the next save be based on the
    version they have now been shown."""
    data = form.data.copy()
    data[form.add_prefix(name)] = version
    form.data = data
