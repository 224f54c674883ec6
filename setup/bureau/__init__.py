"""A bureau administrator (教育局管理员) creates the schools of their region and below, each
the way a school starts on its own (setup.services.create_school), one by one or from a
workbook: upload → preview (every row checked) → 确认创建 (checked again, all rows or none)."""
