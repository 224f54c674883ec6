"""Generated numbers: sections 1. / 1.1. / 1.1.1. from their positions, and 图/表/案例 n-m per
chapter in reading order. Two queries for a whole year; nothing here is ever stored."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from narrative.models import Block, Section
from reporting.models import ReportYear


@dataclass
class SectionNode:
    section: Section
    number: str  # "1.1." ; "" for the overview and the appendix
    level: int  # 1 for chapters, 2 for their sections …
    chapter_number: int  # 0 outside the numbered chapters
    children: list[SectionNode] = field(default_factory=list)
    blocks: list[BlockNode] = field(default_factory=list)


@dataclass
class BlockNode:
    block: Block
    label: str = ""  # "图 1-1", "表 6-9", "案例 2-3"
    anchor: str = ""  # "photo-1-1", …
    parts: list[BlockNode] = field(default_factory=list)  # a case's text and photos


@dataclass
class Outline:
    roots: list[SectionNode]
    photos: list[BlockNode]
    tables: list[BlockNode]
    cases: list[BlockNode]

    def walk(self):
        """Every section node in reading order."""
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def by_pk(self) -> dict[int, SectionNode]:
        return {node.section.pk: node for node in self.walk()}


def build_outline(year: ReportYear, *, with_blocks: bool = True) -> Outline:
    sections = list(
        Section.objects.filter(year=year).select_related("department").order_by("position", "pk")
    )
    children: dict[int | None, list[Section]] = defaultdict(list)
    for section in sections:
        children[section.parent_id].append(section)

    blocks_by_section: dict[int, list[Block]] = defaultdict(list)
    parts_by_case: dict[int, list[Block]] = defaultdict(list)
    if with_blocks:
        for block in Block.objects.filter(section__year=year).select_related("photo"):
            if block.case_id:
                parts_by_case[block.case_id].append(block)
            else:
                blocks_by_section[block.section_id].append(block)
        for bucket in (*blocks_by_section.values(), *parts_by_case.values()):
            bucket.sort(key=lambda b: (b.position, b.pk))

    outline = Outline(roots=[], photos=[], tables=[], cases=[])
    counters: dict[tuple[int, str], int] = defaultdict(int)

    def label(chapter: int, kind: str, prefix: str, anchor_kind: str) -> tuple[str, str]:
        counters[(chapter, kind)] += 1
        n = counters[(chapter, kind)]
        return f"{prefix} {chapter}-{n}", f"{anchor_kind}-{chapter}-{n}"

    def block_node(block: Block, chapter: int) -> BlockNode:
        node = BlockNode(block=block)
        if block.kind in (Block.Kind.PHOTO, Block.Kind.CHART):  # one 图 n-m sequence for both
            node.label, node.anchor = label(chapter, "photo", "图", "photo")
            outline.photos.append(node)
        elif block.kind == Block.Kind.TABLE:
            node.label, node.anchor = label(chapter, "table", "表", "table")
            outline.tables.append(node)
        elif block.kind == Block.Kind.CASE:
            node.label, node.anchor = label(chapter, "case", "案例", "case")
            outline.cases.append(node)
            node.parts = [block_node(part, chapter) for part in parts_by_case[block.pk]]
        return node

    def visit(section: Section, prefix: str, level: int, chapter: int) -> SectionNode:
        node = SectionNode(section=section, number=prefix, level=level, chapter_number=chapter)
        node.blocks = [block_node(block, chapter) for block in blocks_by_section[section.pk]]
        for index, child in enumerate(children[section.pk], start=1):
            child_prefix = f"{prefix}{index}." if prefix else ""
            node.children.append(visit(child, child_prefix, level + 1, chapter))
        return node

    chapter_index = 0
    for section in children[None]:
        if section.kind == Section.Kind.CHAPTER:
            chapter_index += 1
            outline.roots.append(visit(section, f"{chapter_index}.", 1, chapter_index))
        else:
            outline.roots.append(visit(section, "", 1, 0))
    return outline
