"""Writing a section: its text (with conflict detection), and its photo, table and case blocks.
Keyword-only steps: transaction, state check (open year), save, revision history."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from narrative.errors import EditConflict, NarrativeError, SaveConflict
from narrative.models import Block, FrontMatter, Section, SectionRevision
from narrative.sanitize import clean_html
from narrative.uploads import discard_unused_photos, store_photo
from review.guard import edit_refusal
from review.models import ReviewItem


def _lock(section: Section, user) -> Section:
    locked = (
        Section.objects.select_for_update(of=("self",))
        .select_related("year", "updated_by")
        .get(pk=section.pk)
    )
    locked.year.ensure_open()
    # A submitted or approved section is read-only for its department until returned.
    refusal = edit_refusal(
        year=locked.year, user=user, kind=ReviewItem.Kind.SECTION, key=locked.key
    )
    if refusal:
        raise NarrativeError(refusal)
    return locked


def save_section_text(*, section: Section, user, texts: dict[int, str], based_on: int) -> Section:
    """Save the text blocks of a section. A save based on an older version than the stored one
    is refused (SaveConflict) and kept as a conflicting revision, so nothing typed is lost."""
    cleaned = {int(pk): clean_html(html) for pk, html in texts.items()}
    with transaction.atomic():
        current = _lock(section, user)
        if current.version == based_on:
            return _store_text(current, user, cleaned, based_on)
        # The refused text is committed on its own, outside any rolled-back transaction.
        revision = SectionRevision.objects.create(
            section=current,
            version=current.version,
            based_on=based_on,
            conflict=True,
            texts={str(pk): html for pk, html in cleaned.items()},
            author=user,
        )
    who = current.updated_by.get_full_name() if current.updated_by else _("其他人")
    when = timezone.localtime(current.updated_at).strftime("%H:%M")
    raise SaveConflict(
        _(
            "未保存：%(who)s 在 %(when)s 保存了本节的新版本（第 %(version)s 版），"
            "而您是在第 %(based)s 版上修改的。您的文字已作为冲突版本保留，"
            "请对照下方两个版本合并后再保存。"
        )
        % {"who": who, "when": when, "version": current.version, "based": based_on},
        revision_pk=revision.pk,
    )


def _store_text(current: Section, user, cleaned: dict[int, str], based_on: int) -> Section:
    blocks = {
        b.pk: b for b in Block.objects.filter(section=current, kind=Block.Kind.TEXT, pk__in=cleaned)
    }
    changed = []
    for pk, html in cleaned.items():
        if pk in blocks and blocks[pk].body != html:
            blocks[pk].body = html
            changed.append(blocks[pk])
    Block.objects.bulk_update(changed, ["body"])  # one statement for every changed block
    current.version += 1
    current.updated_by = user
    current.save(update_fields=["version", "updated_by", "updated_at"])
    SectionRevision.objects.create(
        section=current,
        version=current.version,
        based_on=based_on,
        texts={str(pk): html for pk, html in cleaned.items()},
        author=user,
    )
    return current


def _next_position(section: Section, case: Block | None) -> int:
    siblings = Block.objects.filter(section=section, case=case)
    return (siblings.aggregate(m=Max("position"))["m"] or 0) + 1


def _bump(section: Section, user) -> None:
    """Structural changes count as a new version too: an open editor must not overwrite them."""
    section.version += 1
    section.updated_by = user
    section.save(update_fields=["version", "updated_by", "updated_at"])


@transaction.atomic
def add_block(
    *,
    section: Section,
    user,
    kind: str,
    case: Block | None = None,
    fields: dict | None = None,
    image: bytes | None = None,
) -> Block:
    current = _lock(section, user)
    if case is not None and (case.section_id != current.pk or case.kind != Block.Kind.CASE):
        raise NarrativeError(_("案例不属于本节。"))
    if case is not None and kind not in (Block.Kind.TEXT, Block.Kind.PHOTO):
        raise NarrativeError(_("案例中只能添加文字和图片。"))
    block = Block(section=current, case=case, kind=kind, position=_next_position(current, case))
    for name, value in (fields or {}).items():
        setattr(block, name, value)
    if kind == Block.Kind.TEXT:
        block.body = clean_html(block.body)
    if kind == Block.Kind.PHOTO:
        if image is None:
            raise NarrativeError(_("请选择要上传的图片。"))
        block.photo = store_photo(year=current.year, data=image, user=user)
    block.save()
    _bump(current, user)
    return block


def check_version(stored, version: str | None, submitted: dict, what: str) -> None:
    """Refuse a form based on an older version of `stored` (locked by the caller); the
    message names the fields whose stored value differs from what the user typed. None is
    a caller that is not a form (reporting/versions.py)."""
    current = stored.edit_version()
    if version is None or version == current:
        return
    differing = [
        str(stored._meta.get_field(name).verbose_name)
        for name, value in submitted.items()
        if getattr(stored, name, value) != value
    ]
    raise EditConflict(
        _(
            "未保存：您打开%(what)s后，其他人已修改并保存了它。您填写的内容仍在下方"
            "（上传的图片需重新选择）；与当前保存内容不同的项：%(fields)s。"
            "核对后再次点击保存，将以您填写的内容为准。"
        )
        % {"what": what, "fields": "、".join(differing) or _("无")},
        version=current,
    )


@transaction.atomic
def update_block(
    *, block: Block, user, fields: dict, version: str | None = None, image: bytes | None = None
) -> Block:
    current = _lock(block.section, user)
    block = Block.objects.select_for_update().get(pk=block.pk, section=current)
    check_version(block, version, fields, _("此表单"))
    for name, value in fields.items():
        setattr(block, name, value)
    replaced = block.photo_id
    if block.kind == Block.Kind.PHOTO and image is not None:
        block.photo = store_photo(year=current.year, data=image, user=user)
    block.save()
    discard_unused_photos([replaced])
    _bump(current, user)
    return block


@transaction.atomic
def move_block(*, block: Block, user, direction: str) -> None:
    current = _lock(block.section, user)
    siblings = list(
        Block.objects.filter(section=current, case_id=block.case_id).order_by("position", "pk")
    )
    index = next(i for i, b in enumerate(siblings) if b.pk == block.pk)
    other = index + (-1 if direction == "up" else 1)
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            Block.objects.filter(pk=sibling.pk).update(position=position)
    _bump(current, user)


@transaction.atomic
def delete_block(*, block: Block, user) -> None:
    current = _lock(block.section, user)
    if block.kind == Block.Kind.TEXT and block.body:
        # Keep the deleted words in the revision history.
        SectionRevision.objects.create(
            section=current,
            version=current.version,
            based_on=current.version,
            texts={str(block.pk): block.body},
            author=user,
        )
    photos = [block.photo_id, *block.parts.values_list("photo_id", flat=True)]
    block.delete()
    discard_unused_photos(photos)
    _bump(current, user)


@transaction.atomic
def save_front_matter(
    *, front_matter: FrontMatter, fields: dict, version: str | None = None
) -> FrontMatter:
    """Save the front matter (stored at the first save; until then the page shows defaults)."""
    front_matter.year.ensure_open()
    stored = FrontMatter.objects.select_for_update().filter(year=front_matter.year_id).first()
    front_matter = stored or front_matter
    check_version(front_matter, version, fields, _("封面、声明与前言"))
    for name, value in fields.items():
        setattr(front_matter, name, value)
    front_matter.preface = clean_html(front_matter.preface)
    front_matter.save()
    return front_matter
