"""Demo text: the whole sample report loaded into the 2025 outline (idempotent).

The text comes from fixtures/narrative/sample-2025.json (made once by demo/convert.py); photos
are generated placeholders with their caption; numeric tables are generated from the figures.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from pathlib import Path

from django.conf import settings
from django.db import models, transaction

from metrics.api import figure_values
from narrative.figures import figure_text
from narrative.grid import grid_from_text
from narrative.models import Block, FrontMatter, Section
from narrative.outline import create_outline
from narrative.sanitize import clean_html
from reporting.models import Department, ReportYear, School

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "narrative" / "sample-2025.json"
_MARK = re.compile(r"\[\[([a-z0-9_]+)\|([^\]]+)\]\]")
PHOTO_NAMESPACE = uuid.UUID("6f1c2f0e-8a43-4c55-9d1e-5a7d8a3b2c10")


@transaction.atomic
def load(school: School, year: ReportYear) -> None:

    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    create_outline(year=year)
    departments = {d.code: d for d in Department.objects.filter(school=school)}
    figures = {code: figure_text(f) for code, f in figure_values(year).items() if f.display}
    Section.objects.filter(year=year).delete()
    loader = _Loader(year, departments, figures)
    loader.section(data["overview"], None, "overview", 1, Section.Kind.OVERVIEW)
    for position, chapter in enumerate(data["sections"], start=2):
        key = "ch" + chapter["number"].rstrip(".")
        loader.section(chapter, None, key, position, Section.Kind.CHAPTER)
    Section.objects.create(
        year=year,
        key="appendix",
        kind=Section.Kind.APPENDIX,
        title="附件 职业教育质量数据表",
        position=len(data["sections"]) + 2,
    )
    _front_matter(year, data["front"])
    _add_charts(year)


# Two charts from the sample's own multi-year tables, each right after its table: the years
# are the school years those tables hold (a data set spans several years in one report year).
DEMO_CHARTS = {
    "certificates": ("近年学生参加各类证书考核通过率变化", "line"),
    "progression": ("近三年毕业生升学人数（按升学途径）", "bar"),
}


def _add_charts(year: ReportYear) -> None:
    for key, (caption, style) in DEMO_CHARTS.items():
        table = Block.objects.filter(section__year=year, table_key=key, case=None).first()
        if table is None:
            continue
        Block.objects.filter(section=table.section, case=None, position__gt=table.position).update(
            position=models.F("position") + 1
        )
        Block.objects.create(
            section=table.section,
            kind=Block.Kind.CHART,
            position=table.position + 1,
            caption=caption,
            chart={"series": key, "years": [], "style": style},
        )


class _Loader:
    def __init__(self, year, departments, figures):
        self.year = year
        self.departments = departments
        self.figures = figures

    def section(self, node, parent, key, position, kind=Section.Kind.SECTION):
        section = Section.objects.create(
            year=self.year,
            parent=parent,
            key=key,
            kind=kind,
            title=node["title"],
            position=position,
            department=self.departments.get(node["department"]),
        )
        self.blocks(section, None, node["blocks"])
        for index, child in enumerate(node["children"], start=1):
            child_key = "s" + child["number"].rstrip(".").replace(".", "-")
            self.section(child, section, child_key, index)
        return section

    def blocks(self, section, case, items):
        for position, item in enumerate(items, start=1):
            block = Block(section=section, case=case, position=position, kind=item["kind"])
            if item["kind"] == "text":
                block.body = clean_html(self.bind(item["html"]))
            elif item["kind"] == "photo":
                block.caption, block.source = item["caption"], item["source"]
                block.photo = placeholder_photo(self.year, item["number"], item["caption"])
            elif item["kind"] == "table":
                block.caption, block.source = item["caption"], item["source"]
                block.table_key = item.get("table_key", "")
                block.wide = item.get("wide", False)
                if "grid_text" in item:
                    block.grid = grid_from_text(item["grid_text"], item["header_rows"])
            elif item["kind"] == "case":
                block.title, block.subtitle = item["title"], item["subtitle"]
            block.save()
            if item["kind"] == "case":
                self.blocks(section, block, item["parts"])

    def bind(self, html: str) -> str:
        """[[code|557 人]] becomes a bound figure when the stored figure prints the same; a number
        the sample's tables contradict stays as typed, so the prose check reports it."""

        def replace(match: re.Match) -> str:
            code, printed = match.groups()
            if "".join(self.figures.get(code, "").split()) == "".join(printed.split()):
                return f'<span class="bound-figure" data-code="{code}"></span>'
            return printed

        return _MARK.sub(replace, html)


def placeholder_photo(year: ReportYear, number: str, caption: str):
    from narrative.models import Photo
    from narrative.uploads import store_photo

    name = uuid.uuid5(PHOTO_NAMESPACE, f"{year.school.slug}/{year.year}/{number}/{caption}")
    existing = Photo.objects.filter(uuid=name).first()
    if existing and existing.print_copy.storage.exists(existing.print_copy.name):
        return existing
    from narrative.demo.placeholders import draw

    return store_photo(year=year, data=draw(f"图 {number}", caption), name=name)


def _front_matter(year: ReportYear, front: dict) -> None:
    values = dict(front)
    for field in ("cover_date", "declaration_date", "preface_date"):
        values[field] = datetime.date.fromisoformat(values[field]) if values[field] else None
    values["preface"] = clean_html(values["preface"])
    values["back_postcode"] = values["back_postcode"] or year.school.postcode
    FrontMatter.objects.update_or_create(year=year, defaults=values)
