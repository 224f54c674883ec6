"""表6-3 本学年学校专业动态调整变化情况: majors added and stopped per category."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, n, t
from metrics.datasets.spec import DataSetSpec
from metrics.models import MajorChange


def major_count(text: str) -> int:
    """How many majors a cell names ("幼儿保育、中餐烹饪" → 2; "无" → 0)."""
    text = (text or "").strip()
    if text in ("", "无"):
        return 0
    return len([part for part in text.replace("，", "、").split("、") if part.strip()])


def layout(year, rows):
    header = [
        [
            h(_("专业大类")),
            h(_("增设招生专业")),
            h(_("增设招生专业个数")),
            h(_("停招专业")),
            h(_("停招专业个数")),
            h(_("备注")),
        ]
    ]
    body = [
        [
            t(r.category),
            t(r.added_major or _("无")),
            n(major_count(r.added_major)),
            t(r.stopped_major or _("无")),
            n(major_count(r.stopped_major)),
            t(r.note),
        ]
        for r in rows
    ]
    return header, body


SPEC = DataSetSpec(
    key="major_changes",
    model=MajorChange,
    title=gettext_lazy("本学年学校专业动态调整变化情况"),
    department_code="zhaosheng",
    fields=("category", "added_major", "stopped_major", "note"),
    layout=layout,
)
