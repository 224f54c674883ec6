"""`manage.py export_report`: the command line answers unknown input in plain Chinese."""

import pytest
from django.core.management import CommandError, call_command


def test_unknown_format_is_refused_in_chinese(year, tmp_path):
    with pytest.raises(CommandError, match="未知的导出格式“odt”"):
        call_command(
            "export_report", school="lianzhou", year=2025, format="odt", output=tmp_path / "x"
        )


def test_unknown_school_is_refused_in_chinese(year, tmp_path):
    with pytest.raises(CommandError, match="找不到学校“nowhere”"):
        call_command(
            "export_report", school="nowhere", year=2025, format="pdf", output=tmp_path / "x"
        )


def test_unknown_year_is_refused_in_chinese(year, tmp_path):
    with pytest.raises(CommandError, match="没有2019年度的报告"):
        call_command(
            "export_report", school="lianzhou", year=2019, format="pdf", output=tmp_path / "x"
        )
