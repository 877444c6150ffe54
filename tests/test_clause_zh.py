"""A chart's Chinese label where its editor gave none: the clause of the text that prints the
figure (edition/charts.py clause_zh), each of its branches on a sentence of its own."""

from __future__ import annotations

import pytest

from edition.charts import clause_zh

CASES = [
    # (text, the figure as printed, the label)
    # the figure in the text's first clause: from the text's start to the clause's end
    ("累计投入资金2.86亿元，年均增长7327万元。", "2.86亿元", "累计投入资金2.86亿元"),
    # in a later clause: from the last stop before it
    ("朝阳区持续加大资金支持，累计投入资金2.86亿元，年均增长7327万元。", "2.86亿元", "累计投入资金2.86亿元"),
    # a clause that is little more than the figure: the clause before it too
    ("朝阳区持续加大资金支持，三年来共计，2.86亿元。", "2.86亿元", "三年来共计，2.86亿元"),
    # little more than the figure, with one stop before it: from the text's start (begin = 0)
    ("三年来共计投入，2.86亿元。", "2.86亿元", "三年来共计投入，2.86亿元"),
    # the last clause, without a stop after it: to the text's end
    ("项目已完工，项目总投资额达2100万元", "2100万元", "项目总投资额达2100万元"),
    # a report's dateline is not part of its first clause
    ("本报讯（记者 王某）朝阳区投入资金2100万元，用于改造。", "2100万元", "朝阳区投入资金2100万元"),
]


@pytest.mark.parametrize(("text", "figure", "label"), CASES)
def test_the_clause_that_prints_the_figure(text: str, figure: str, label: str) -> None:
    start = text.index(figure)
    assert clause_zh(text, start, start + len(figure)) == label
