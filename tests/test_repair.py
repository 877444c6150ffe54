"""Each repair rule of the cut, on the real source lines that need it."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition import repair

SOURCE = (
    (Path(__file__).resolve().parent.parent / "source" / "china-reform-daily-2020-05-25-p12.txt")
    .read_text(encoding="utf-8")
    .split("\n")
)


def line(n: int) -> str:
    return SOURCE[n - 1]


def span(first: int, last: int) -> list[tuple[int, str]]:
    return [(n, line(n)) for n in range(first, last + 1)]


def test_source_is_the_published_extraction() -> None:
    import hashlib

    data = (Path(__file__).resolve().parent.parent / "source" / "china-reform-daily-2020-05-25-p12.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == "77cd7a967a99088f857e8cf0bd5bbc8e756473205593c3182725549ef53d4151"


@pytest.mark.parametrize(
    ("n", "units", "expected", "dropped"),
    [
        (2, ["Vision"], "视野 Vision 2020.05.25 星期一", ["Vision"]),
        (5, None, "CHINA REFORM DAILY12", ["CHINA REFORM", "DAILY", "12"]),
        (234, None, "提升城市品质 优化区域功能", ["提升城市品质", "优化区域功能"]),
    ],
)
def test_undouble_display_type(n: int, units: list[str] | None, expected: str, dropped: list[str]) -> None:
    result = repair.undouble(line(n).strip(), units, n)
    assert result.text == expected
    assert [a.text for a in result.artifacts] == dropped


def test_undouble_with_units_keeps_dates() -> None:
    # "2020" is "20" twice: only the declared unit may be collapsed on a mixed line.
    assert repair.undouble("VisionVision 2020", ["Vision"]).text == "Vision 2020"
    assert repair.undouble("2020").text == "20"  # why the whole-line rule is opt-in


def test_vertical_single_spaced_doubled_columns() -> None:
    result = repair.join_vertical(span(9, 25), phrase=4)
    assert result.text == "主动担当 积极作为"
    assert [(a.line, a.text) for a in result.artifacts] == [(18, "主动担当积极作为")]


def test_vertical_double_spaced_is_one_column() -> None:
    assert repair.join_vertical(span(47, 61), phrase=4).text == "脱贫攻坚 责无旁贷"
    assert repair.join_vertical(span(47, 61)).text == "脱贫攻坚责无旁贷"


def test_join_wrapped_cjk_without_spaces() -> None:
    parts = [line(n) for n in (63, 65, 67, 69, 71)]
    joined = repair.join_wrapped(parts)
    assert joined.startswith("打好脱贫攻坚战是党的十九大确定的三大攻坚战之一，")
    assert " " not in joined and "\n" not in joined


def test_join_wrapped_latin_words_get_a_space() -> None:
    assert repair.join_wrapped(["CHINA", "REFORM"]) == "CHINA REFORM"
    assert repair.join_wrapped(["金额", "2.86"]) == "金额2.86"


@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        (line(105), "金2.86亿元，年均增长7327万元，实施援助", 4),
        ("支援的消毒液 300 桶、口罩 1万个已到位。", "支援的消毒液300桶、口罩1万个已到位。", 3),
        ("位按不低于 30%比例购置", "位按不低于30%比例购置", 1),
        ("2月 14日，朝阳区委书记", "2月14日，朝阳区委书记", 1),
        ("视野 Vision", "视野 Vision", 0),
    ],
)
def test_number_spaces(text: str, expected: str, removed: int) -> None:
    result = repair.normalise_number_spaces(text)
    assert result.text == expected
    assert len(result.artifacts) == removed


def test_private_use_decimal_point() -> None:
    result = repair.map_private_use(line(7), 7)
    assert "零售价2.00元" in result.text
    assert "\U001001b0" not in result.text
    assert result.artifacts[0].text == "U+1001B0"


def test_paragraphs_end_on_short_sentence_final_lines() -> None:
    paragraphs = repair.split_paragraphs(span(63, 139))
    firsts = [p[0][0] for p in paragraphs]
    assert firsts == [63, 73, 91, 101, 111, 121, 131]


def test_paragraphs_in_a_narrow_column() -> None:
    paragraphs = repair.split_paragraphs(span(141, 233))
    assert [p[0][0] for p in paragraphs] == [141, 159, 181, 209, 223]


def test_paragraph_corrections() -> None:
    lines = span(63, 89)
    assert len(repair.split_paragraphs(lines, joins_after=[71])) == 1
    assert len(repair.split_paragraphs(lines, breaks_after=[79])) == 3


FULL = "一二三四五六七八九十"  # a column of 10 ems
INDENTED = "一二三四五六七八"  # a paragraph's first line, 2 ems in


def numbered(*texts: str) -> list[tuple[int, str]]:
    return list(enumerate(texts, start=1))


def test_a_full_line_ending_a_sentence_is_doubtful_without_indents() -> None:
    lines = numbered(FULL, "一二三四五六七八九。", FULL, "一二三。", FULL, FULL, "一二三四。")
    verdicts = repair.judge_breaks(lines)
    assert [b.line for b in verdicts if b.ends_paragraph] == [4, 7]
    assert [(b.line, b.doubt) for b in verdicts if b.doubt] == [(2, "ends a sentence and fills its column")]
    # Confirmed either way, it is no longer doubted, and the cut follows the editor.
    assert not any(b.doubt for b in repair.judge_breaks(lines, joins_after=[2]))
    assert [b.line for b in repair.judge_breaks(lines, breaks_after=[2]) if b.ends_paragraph] == [2, 4, 7]


def test_a_line_short_only_by_the_number_that_follows_does_not_end_a_paragraph() -> None:
    # "2020年" could not have fitted on line 2: its shortness says nothing.
    lines = numbered(FULL, "一二三四五六七八。", "2020年一二三四五六七八", FULL, "一二三。")
    verdicts = {b.line: b for b in repair.judge_breaks(lines)}
    assert not verdicts[2].ends_paragraph and verdicts[2].doubt
    assert repair.lead_width("2020年一二三") == 2 and repair.lead_width("“一二”") == repair.display_width("“一")


def test_the_next_lines_indent_decides_where_lines_fill_the_column() -> None:
    lines = numbered(
        INDENTED, FULL, "一二三。",  # a paragraph ending short
        INDENTED, FULL, "一二三四五六七八九。",  # ends full; the next line is indented: a break
        INDENTED, FULL, "一二三四五六七八九。",  # ends full; the next line is full: no break
        FULL, "一二三。",
    )  # fmt: skip
    assert repair.paragraph_indent([lines]) == 2
    verdicts = repair.judge_breaks(lines)
    assert [b.line for b in verdicts if b.ends_paragraph] == [3, 6, 11]
    assert not any(b.doubt for b in verdicts)
    assert repair.paragraph_indent([numbered(FULL, FULL, "一二。", FULL, "一二三。")]) == 0  # not indented
