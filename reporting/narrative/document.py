"""The whole report as one HTML document, shared by the preview and every exporter.

CONTRACT between the narrative (which builds the document) and the exports (which print it).
The exports rely only on these ids and classes; anything else is free to change.

    render_report_html(year, *, target="web" | "print") -> str   # a complete <!doctype html> page

target="web": for the browser preview, images by their /media/ URL, links to the editor.
target="print": for WeasyPrint and Word: images use the print-size copy by their /media/ URL,
no editor links, no scripts; the document links exactly one stylesheet slot
`<link rel="stylesheet" href="/static/narrative/report.css">` (the exports add print.css).

<body class="report {draft|final} kind-{zhongzhi|gaozhi}" data-school="{slug}" data-year="2025">
  <section class="cover" id="cover">                h1.cover-title ("2025年度中等职业教育" <br>
                                                    "质量年度报告"), p.cover-motto, p.cover-school,
                                                    p.cover-pinyin, p.cover-date
  <section class="front-matter publication" id="publication">   公开形式 + web address
  <section class="front-matter declaration" id="declaration">   内容真实性责任声明
  <section class="front-matter preface" id="preface">           前言 + p.signature + p.date
  <nav class="toc" id="toc"> <h1>目 录</h1>
       <ol><li class="toc-entry level-N"><a href="#{id}"><span class="toc-number">1.1</span>
           <span class="toc-title">立德树人</span></a></li> … </ol>
  <nav class="list-of-photos" id="list-of-photos"> same shape, entries link "#photo-1-1"
  <nav class="list-of-tables" id="list-of-tables"> entries link "#table-1-1"
  <nav class="list-of-cases" id="list-of-cases">   entries link "#case-1-1"
  <main class="report-body">
    <section class="chapter overview" id="{section-id}"> <h1>学校概况</h1> … (first body page)
    <section class="chapter" id="{section-id}"> <h1><span class="number">1.</span> 人才培养</h1>
       <section class="section level-2" id="…"> <h2><span class="number">1.1.</span> …</h2>
          <section class="section level-3"> <h3> …   (h4… for deeper levels)
       text: <p>, <h5>/<h6> sub-headings inside text, <ul>/<ol>, <strong>, <table class="free">
       bound figure: <span class="bound-figure" data-code="graduates">557</span>
       photo: <figure class="photo" id="photo-1-1"><img src="/media/…" alt="…">
              <figcaption>图 1-1 …</figcaption></figure>
       table: <figure class="report-table [wide]" id="table-1-1">
              <figcaption>表 1-1 …</figcaption>
              <table><thead>…</thead><tbody>…</tbody></table>
              <p class="table-source">图表数据来源：…</p></figure>
       case:  <aside class="case" id="case-1-1"><h4 class="case-title">案例 1-1 …</h4>
              <p class="case-subtitle">——…</p> … text and photos … </aside>
    <section class="appendix" id="appendix"> <h1>附件</h1>
       one figure.report-table per appendix table (ids "appendix-1" …)
  </main>
  <section class="back-cover" id="back-cover"> address, admissions phone, fax, postcode
</body>
"""

from __future__ import annotations


def render_report_html(year, *, target: str = "web") -> str:
    raise NotImplementedError("built by the narrative feature")
