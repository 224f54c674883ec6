"""Hand-written tables in the metrics contract's shape (metrics.api.Table), for the writers."""

from decimal import Decimal

from metrics.api import Cell, Table

EVIL = '=HYPERLINK("http://evil","x")'


def header(*texts: str) -> list[Cell]:
    return [Cell(text, header=True) for text in texts]


SCORECARD = Table(
    key="appendix-1",
    title="表1 人才培养质量计分卡",
    source="",
    header_rows=[header("序号", "指标", "单位", "2025年")],
    rows=[
        [Cell("1"), Cell("毕业生人数"), Cell("人"), Cell("557", 557, "0")],
        [Cell("2"), Cell("毕业去向落实人数"), Cell("人"), Cell("549", 549, "0")],
        [
            Cell("", rowspan=2),
            Cell("其中：升学人数", indent=1),
            Cell("人"),
            Cell("480", 480, "0"),
        ],
        [Cell("升入本科人数", indent=1), Cell("人"), Cell("12", 12, "0")],
        [Cell("3"), Cell("月收入"), Cell("元"), Cell("3500.50", Decimal("3500.50"), "0.00")],
        [Cell("4"), Cell("合作企业"), Cell("—"), Cell(EVIL, EVIL)],
        [Cell("5"), Cell("-负数开头的说明"), Cell("\x07人"), Cell("+86", "+86")],
    ],
)

WIDE = Table(
    key="major_changes",
    title="专业设置调整情况",
    source="图表数据来源：连州市职业技术学校教务处数据统计",
    header_rows=[
        [Cell("年份", header=True, rowspan=2), Cell("新增专业", header=True, colspan=2)],
        header("专业代码", "专业名称"),
    ],
    rows=[[Cell("2025"), Cell("710201"), Cell("计算机应用")]],
    wide=True,
)
