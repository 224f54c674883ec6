"""Convert the sample report's text (../shared/seeds/000_…txt) once into
fixtures/narrative/sample-2025.json. Run by hand; the product never reads ../shared:

    python -m narrative.demo.convert /work/shared/seeds/000_84e865a4e98e289b.txt

Sections follow the sample's 目录 (L43–110); photos, tables and cases their lines in the text.
Numbers that are figures of the year are marked [[code|as printed]] and become bound figures
when the demo is loaded (if the figure exists then).
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "fixtures" / "narrative" / "sample-2025.json"

BODY_TABLES = {
    "1-1": "certificates", "1-2": "gaokao_3plus", "1-3": "progression", "6-1": "funding",
    "6-2": "project_spending", "6-3": "major_changes", "6-4": "enrolment_plan", "6-5": "majors",
    "6-6": "teacher_titles", "6-7": "dual_teachers", "6-8": "major_industry",
}  # fmt: skip
# 表1-1's printed caption is the department's name (its source, misplaced); its real title is
# the line below it.
CAPTION_FIXES = {"1-1": "近年学生参加各类证书考核通过率情况"}
SOURCE_FIXES = {"1-1": "图表数据来源：连州市职业技术学校招生就业办数据统计"}
CASE_ENDS = {"6-1": 855}  # case 6-1 ends before "（三）赛教融合专业提质"
DEPARTMENTS = {
    "overview": "bangongshi", "1": "xuesheng", "1.2.1": "tuanwei", "1.2.3": "jiaowu",
    "1.3": "jiaowu", "1.4": "zhaosheng", "2": "jiaowu", "2.2": "zhaosheng", "2.3": "tuanwei",
    "2.3.3": "gonghui", "3": "tuanwei", "3.1": "jiaowu", "4": "bangongshi", "5": "jiaowu",
    "6": "dangzongzhi", "6.2": "caiwu", "6.2.3": "xuesheng", "6.3": "jiaowu",
    "6.3.1": "zhaosheng", "6.3.6": "renshi", "6.4": "zhiliang", "6.4.5": "zhaosheng",
    "6.5": "bangongshi", "6.5.1": "jiaowu", "6.5.2": "jiaowu", "7": "bangongshi",
}  # fmt: skip
# (line, text as printed, figure code)
BINDINGS = [
    (191, "1651 人", "students"), (195, "107 人", "staff"),
    (195, "13 人", "senior_titled_teachers"), (351, "175 人", "skill_certificates"),
    (454, "557 人", "graduates"), (454, "85%", "related_employment_rate"),
    (462, "4200 元/月", "starting_salary"), (580, "4 个", "party_branches"),
    (580, "69 人", "party_members"), (614, "3500 元", "funding_per_student"),
    (614, "658 万元", "fiscal_appropriation"), (641, "50 万元", "special_funds"),
    (677, "1698 人", "tuition_exempt_students"), (677, "166 人", "grant_students"),
    (677, "24 个", "work_study_posts"), (785, "107 人", "staff"),
    (785, "84 人", "fulltime_teachers"), (785, "7 人", "staff_industry_mentors"),
    (785, "18.55:1", "student_teacher_ratio"), (789, "13 人", "senior_titled_teachers"),
    (801, "12 人", "dual_teachers"), (801, "14.28%", "dual_teacher_share"),
]  # fmt: skip

HEADING_LINE = re.compile(r"^(?:- )?(\d+(?:\.\d+)*)\.\s*(.*)$")
TOC_LINE = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.+?)[.…\s]*\d*$")
PHOTO = re.compile(r"^图\s*(\d+-\d+)\s*(.+)$")
TABLE = re.compile(r"^表\s*(\d+-\d+)\s*(.+)$")
CASE = re.compile(r"^案例\s*(\d+-\d+)\s*(.+)$")
SUBHEADING = re.compile(
    r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|- ?\(\d\)|\(\d\))"
)
SENTENCE_END = tuple("。！？；：”）)…")


def parse_toc(lines: list[str]) -> list[tuple[str, str]]:
    toc = []
    for line in lines[42:110]:
        match = TOC_LINE.match(line.strip())
        if match:
            toc.append((match.group(1), match.group(2).strip().rstrip(".")))
    return toc


def department(number: str) -> str:
    parts = number.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in DEPARTMENTS:
            return DEPARTMENTS[".".join(parts[:n])]
    return ""


def mark(line_no: int, text: str) -> str:
    for line, printed, code in BINDINGS:
        # Not inside a longer number or an earlier mark: "7 人" is not the tail of "107 人".
        found = re.search(r"(?<![\d.|])" + re.escape(printed), text) if line == line_no else None
        if found:
            text = f"{text[: found.start()]}[[{code}|{printed}]]{text[found.end() :]}"
    return text


def grid_6_9(lines: list[str]) -> dict:
    rows = [line.split("\t") for line in lines[885:889]]
    width = 36
    text_rows = []
    for r, cells in enumerate(rows):
        cells = (cells + [""] * width)[:width]
        out = []
        for c, cell in enumerate(cells):
            cell = cell.strip()
            if r in (1, 2) and c == 0:
                out.append("^")
            elif not cell and r < 3 and c > 0 and any(x.strip() for x in cells[:c]):
                out.append("<" if r in (0, 1) else "")
            else:
                out.append(cell)
        text_rows.append(" | ".join(out))
    return {"grid_text": "\n".join(text_rows), "header_rows": 3}


def convert(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    toc = parse_toc(lines)
    data = {"front": front_matter(lines), "sections": []}
    by_number: dict[str, dict] = {}
    overview = {"number": "", "title": "学校概况", "department": DEPARTMENTS["overview"],
                "blocks": [], "children": []}  # fmt: skip
    data["overview"] = overview
    current = overview
    expected = 0
    case = None
    case_end = None
    paragraphs: list[str] = []
    pending_table = None
    table_for_source = None

    def target():
        return case["parts"] if case is not None else current["blocks"]

    def flush():
        if paragraphs:
            target().append({"kind": "text", "html": "".join(paragraphs)})
            paragraphs.clear()

    i = 186  # after the 学校概况 heading (L185)
    while i < 1037:
        line_no = i + 1
        raw = lines[i]
        line = raw.strip()
        i += 1
        if case is not None and case_end and line_no >= case_end:
            flush()
            case, case_end = None, None
        if not line or line in {"。", "\u3000"}:
            continue
        heading = HEADING_LINE.match(line)
        if heading and expected < len(toc) and heading.group(1) == toc[expected][0]:
            title = heading.group(2).strip() or lines[i + 1].strip()
            if not heading.group(2).strip():
                i += 2
            if title[:3] == toc[expected][1][:3] or not heading.group(2).strip():
                flush()
                case = None
                number, toc_title = toc[expected]
                expected += 1
                node = {"number": number + ".", "title": toc_title,
                        "department": department(number), "blocks": [], "children": []}  # fmt: skip
                parent_number = number.rsplit(".", 1)[0] if "." in number else None
                siblings = (
                    by_number[parent_number]["children"] if parent_number else data["sections"]
                )
                siblings.append(node)
                by_number[number] = node
                current = node
                continue
        if line.startswith("图表数据来源") or line.startswith("数据来源："):
            if table_for_source is not None:
                table_for_source["source"] = line.split("\t")[0].strip()
            continue
        if "\t" in raw or re.fullmatch(r"-+(\t-+)*", line):
            if (
                pending_table
                and pending_table["number"] == "6-9"
                and "grid_text" not in pending_table
            ):
                pending_table.update(grid_6_9(lines))
            continue
        if pending_table and line == "近年学生参加各类证书考核通过率情况":
            continue
        match = PHOTO.match(line)
        if match:
            flush()
            caption, source = match.group(2).strip(), ""
            found = re.search(r"[（(](数据来源[:：].+?)[)）]$", caption)
            if found:
                caption, source = (
                    caption[: found.start()].strip(),
                    found.group(1).replace(":", "："),
                )
            target().append({"kind": "photo", "number": match.group(1), "caption": caption,
                             "source": source})  # fmt: skip
            continue
        match = TABLE.match(line)
        if match:
            flush()
            case = None
            number = match.group(1)
            caption = CAPTION_FIXES.get(number, match.group(2).strip())
            source = SOURCE_FIXES.get(number, "")
            table = {"kind": "table", "number": number, "caption": caption, "source": source}
            if number in BODY_TABLES:
                table["table_key"] = BODY_TABLES[number]
            else:
                table["wide"] = True
            current["blocks"].append(table)
            pending_table = table_for_source = table
            continue
        match = CASE.match(line)
        if match:
            flush()
            case = {"kind": "case", "number": match.group(1), "title": match.group(2).strip(),
                    "subtitle": "", "parts": []}  # fmt: skip
            case_end = CASE_ENDS.get(match.group(1))
            current["blocks"].append(case)
            nxt = lines[i].strip() or lines[i + 1].strip()
            if nxt.startswith("——"):
                case["subtitle"] = nxt.lstrip("—")
                i = i + 1 if lines[i].strip() else i + 2
            continue
        pending_table = None
        paragraphs.append(paragraph_html(line_no, line, lines, i))
        # A paragraph broken across lines in the source: glue the continuation.
        while (
            not line.endswith(SENTENCE_END)
            and len(line) > 30
            and not SUBHEADING.match(line)
            and i < 1037
        ):
            j = i
            while j < 1037 and not lines[j].strip():
                j += 1
            nxt = lines[j].strip()
            if (not nxt or HEADING_LINE.match(nxt) or PHOTO.match(nxt) or TABLE.match(nxt)
                    or CASE.match(nxt) or SUBHEADING.match(nxt) or "\t" in nxt):  # fmt: skip
                break
            last = paragraphs.pop()
            joined = last[: -len("</p>")] + html.escape(mark(j + 1, nxt)) + "</p>"
            paragraphs.append(joined)
            line, i = nxt, j + 1
    flush()
    assert expected == len(toc), f"headings found {expected} of {len(toc)}"
    return data


def paragraph_html(line_no: int, line: str, lines, i) -> str:
    text = html.escape(mark(line_no, line))
    if SUBHEADING.match(line) and len(line) <= 40 and not line.endswith("。"):
        tag = "h6" if line.lstrip("- ").startswith("(") else "h5"
        return f"<{tag}>{text.lstrip('- ')}</{tag}>"
    if line.startswith("- "):
        return f"<ul><li><p>{text[2:]}</p></li></ul>"
    return f"<p>{text}</p>"


def front_matter(lines: list[str]) -> dict:
    return {
        "cover_date": "2025-12-23",
        "publication_form": lines[15].strip(),
        "web_address": "https://www.lianzhou.gov.cn",
        "declaration_text": lines[20].strip(),
        "legal_representative": "王少林",
        "declaration_date": "2025-12-24",
        "preface": "".join(f"<p>{html.escape(lines[n].strip())}</p>" for n in (32, 34)),
        "preface_signature": lines[36].strip(),
        "preface_date": "2025-12-23",
        "back_address": lines[1177].split("：", 1)[1].strip(),
        "back_admissions_phone": lines[1179].split("：", 1)[1].strip(),
        "back_fax": lines[1181].split("：", 1)[1].strip(),
        "back_postcode": "",
    }


if __name__ == "__main__":
    result = convert(Path(sys.argv[1]))
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {OUT}")
