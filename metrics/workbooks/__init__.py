"""Department workbooks: figures out to Excel and back in, with a preview before any write.

- `layout`   what a sheet looks like (shared by the writer and the reader, so they cannot drift)
- `template` writes a department's workbook (or every department's in one)
- `reader`   reads a workbook back into typed values, with a problem per bad cell
- `appendix` reads 附件 表1–表5 (our Excel export's layout and the ministry template's)
- `preview`  compares what was read with the server: changes, others' changes, problems
  (`rows` does it for data-set sheets; `changes` holds the result)
- `apply`    writes a preview's changes through metrics/services.py (same rules as the forms)
"""
