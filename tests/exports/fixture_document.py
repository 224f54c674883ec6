"""A small report document written by hand in the narrative's HTML contract
(narrative/document.py), so the print pipeline is tested on a known shape: front
matter, 目录 and the three lists, chapters long enough to span pages, a wide table, cases,
a photo, the appendix and the back cover."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from PIL import Image

PHOTO_PATH = "fixture/photo-1-1.jpg"
CHAPTERS = ["人才培养", "服务贡献", "文化传承", "国际合作", "产教融合", "发展保障", "面临挑战"]
PARAGRAPH = (
    "学校坚持立德树人根本任务，深化产教融合、校企合作，全面提升人才培养质量。"
    "本年度在校生1651人，教职工107人，其中专任教师84人，毕业生557人。"
) * 4


def write_photo() -> None:
    path = Path(settings.MEDIA_ROOT) / PHOTO_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        Image.new("RGB", (600, 400), (70, 120, 180)).save(path, "JPEG", quality=80)


def _toc_entry(target: str, number: str, title: str, level: int) -> str:
    return (
        f'<li class="toc-entry level-{level}"><a href="#{target}">'
        f'<span class="toc-number">{number}</span> <span class="toc-title">{title}</span>'
        "</a></li>"
    )


def _table(table_id: str, caption: str, columns: int, rows: int, wide: bool = False) -> str:
    head = "".join(f"<th>列{c}</th>" for c in range(1, columns + 1))
    body = "".join(
        "<tr>" + "".join(f"<td>{r * c}</td>" for c in range(1, columns + 1)) + "</tr>"
        for r in range(1, rows + 1)
    )
    return (
        f'<figure class="report-table{" wide" if wide else ""}" id="{table_id}">'
        f"<figcaption>{caption}</figcaption><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
        '<p class="table-source">图表数据来源：连州市职业技术学校教务处数据统计</p></figure>'
    )


def _chapter(number: int, title: str) -> str:
    parts = [f'<section class="chapter" id="chapter-{number}">']
    parts.append(f'<h1><span class="number">{number}.</span> {title}</h1>')
    for sub in (1, 2):
        parts.append(f'<section class="section level-2" id="section-{number}-{sub}">')
        parts.append(f'<h2><span class="number">{number}.{sub}.</span> 第{sub}节</h2>')
        parts.extend(f"<p>{PARAGRAPH}</p>" for _ in range(3))
        parts.append("</section>")
    if number == 1:
        parts.append(
            f'<figure class="photo" id="photo-1-1"><img src="/media/{PHOTO_PATH}" alt="实训">'
            "<figcaption>图 1-1 学生在实训基地</figcaption></figure>"
        )
        parts.append(_table("table-1-1", "表 1-1 近三年证书通过率", 5, 60))
        parts.append(
            '<aside class="case" id="case-1-1"><h4 class="case-title">案例 1-1 鉴法普法</h4>'
            f'<p class="case-subtitle">——鉴法普法走进校园</p><p>{PARAGRAPH}</p></aside>'
        )
    if number == 6:
        parts.append(_table("table-6-1", "表 6-1 教学评价评分表", 36, 8, wide=True))
    parts.append("</section>")
    return "".join(parts)


def fixture_html(*, draft: bool = True) -> str:
    toc = [_toc_entry("overview", "", "学校概况", 1)]
    for number, title in enumerate(CHAPTERS, start=1):
        toc.append(_toc_entry(f"chapter-{number}", f"{number}.", title, 1))
        toc.append(_toc_entry(f"section-{number}-1", f"{number}.1.", "第1节", 2))
    toc.append(_toc_entry("appendix", "", "附件", 1))
    chapters = "".join(_chapter(n, t) for n, t in enumerate(CHAPTERS, start=1))
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>质量年度报告</title>
<link rel="stylesheet" href="/static/narrative/report.css"></head>
<body class="report {"draft" if draft else "final"} kind-zhongzhi" data-school="lianzhou"
 data-year="2025">
<section class="cover" id="cover"><h1 class="cover-title">2025年度中等职业教育<br>质量年度报告</h1>
<p class="cover-motto">敬人敬业 至精至诚</p><p class="cover-school">连州市职业技术学校</p>
<p class="cover-pinyin">lian zhou shi zhi ye ji shu xue xiao</p>
<p class="cover-date">2025年12月</p></section>
<section class="front-matter publication" id="publication"><h1>公开形式</h1>
<p>学校网站：https://www.lianzhou.gov.cn</p></section>
<section class="front-matter declaration" id="declaration"><h1>内容真实性责任声明</h1>
<p>本校对报告内容的真实性、完整性和准确性负责。</p><p class="signature">法定代表人：王少林</p>
</section>
<section class="front-matter preface" id="preface"><h1>前言</h1><p>{PARAGRAPH}</p>
<p class="signature">编委会</p><p class="date">2025年12月</p></section>
<nav class="toc" id="toc"><h1>目 录</h1><ol>{"".join(toc)}</ol></nav>
<nav class="list-of-photos" id="list-of-photos"><h1>图目录</h1><ol>
{_toc_entry("photo-1-1", "图 1-1", "学生在实训基地", 1)}</ol></nav>
<nav class="list-of-tables" id="list-of-tables"><h1>表目录</h1><ol>
{_toc_entry("table-1-1", "表 1-1", "近三年证书通过率", 1)}
{_toc_entry("table-6-1", "表 6-1", "教学评价评分表", 1)}</ol></nav>
<nav class="list-of-cases" id="list-of-cases"><h1>案例目录</h1><ol>
{_toc_entry("case-1-1", "案例 1-1", "鉴法普法", 1)}</ol></nav>
<main class="report-body">
<section class="chapter overview" id="overview"><h1>学校概况</h1><p>{PARAGRAPH}</p></section>
{chapters}
<section class="appendix" id="appendix"><h1>附件</h1>
{_table("appendix-1", "表1 人才培养质量计分卡", 4, 20)}</section>
</main>
<section class="back-cover" id="back-cover"><p>地址：连州市城南北紫岩 3 号</p>
<p>招生电话：0763-6608038</p><p>传真：0763-6608038</p><p>邮编：513400</p></section>
</body></html>"""
