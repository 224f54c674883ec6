"""Numbers typed in the report text, found and checked against the year's figures.

extract.py finds "中级职称 38 人", "生师比为 18.55:1", "对口就业率达 85%" with their label, unit
and precision; check.py matches them to the figures (metrics.api.prose_quantities: catalog
indicators and data-set numbers, by label and by the phrases kept in metrics.ProsePhrase) and
says which disagree (an error on 数据校验, the sentence quoted), which agree (a hint: the editor
offers to turn them into bound figures) and which contradict each other where no figure is
stored. Numbers that match nothing are left alone.
"""
