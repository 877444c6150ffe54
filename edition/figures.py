"""Figures: every quantity printed on the page, labelled from front matter, and the page's
arithmetic checked where it implies relations between its numbers."""

from __future__ import annotations

import ast
import dataclasses
import operator
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import chain

from edition.content import Document
from edition.dates_en import english_date
from edition.errors import Diagnostics, Loc, show_invisible
from edition.figures_en import english_places
from edition.frontmodel import CheckEntry
from edition.model import Article, ArticleParts, Block, Chart, Check, Edition, Figure, Mention
from edition.numbers import extract_zh

TOLERANCE = 0.005  # the page rounds; a relation holds within half a percent
_REF = re.compile(r"\{([a-z]+[0-9]+):([^{}]+)\}")


# Furniture prints codes (telephone numbers, postcode, licence number, page number) that
# are not quantities; a number there is a figure only where an editor labels it (the price).
FURNITURE = {"masthead", "nameplate", "footer"}
# Numbers inside these names are part of the name, not figures.
NAME_TYPES = {"person", "place", "organisation", "document"}


def extract_figures(article: Article, mentions: Sequence[Mention], types: Mapping[str, str]) -> list[Figure]:
    """Quantities and dates of every block of an article. Ordinals are not figures, nor are
    numbers that are part of a name (十四师47团, the years in document titles): they are the entity's."""
    names: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.start >= 0 and types[m.entity] in NAME_TYPES:
            names.setdefault(m.block, []).append((m.start, m.start + len(m.zh)))
    figures = []
    for block in article.blocks:
        spans = names.get(block.id, [])
        found = [
            q
            for q in extract_zh(block.zh)
            if q.kind != "ordinal" and not any(a <= q.start and q.end <= b for a, b in spans)
        ]
        dates = [english_date(q.text, block.en) if q.kind == "date" else "" for q in found]
        places = english_places(found, dates, block.en)
        for k, (q, date, (en_start, en_end)) in enumerate(zip(found, dates, places, strict=True), start=1):
            figures.append(
                Figure(
                    id=f"{block.id}-n{k}",
                    article=article.id,
                    block=block.id,
                    text=q.text,
                    value=q.value,
                    unit=q.unit,
                    qualifier=q.qualifier,
                    kind=q.kind,
                    start=q.start,
                    end_value=q.end_value,
                    text_en=date,
                    en_start=en_start,
                    en_end=en_end,
                )
            )
    return figures


def by_block(figures: Sequence[Figure]) -> dict[str, list[Figure]]:
    index: dict[str, list[Figure]] = {}
    for figure in figures:
        index.setdefault(figure.block, []).append(figure)
    return index


def _locate(block: Block, text: str, figures: dict[str, list[Figure]]) -> Figure | None:
    """The figure printed within the first occurrence of ``text`` in the block."""
    at = block.zh.find(text)
    if at < 0:
        return None
    end = at + len(text)
    return next((f for f in figures.get(block.id, ()) if f.start < end and at < f.start + len(f.text)), None)


def label_figures(
    article: Article, doc: Document, figures: list[Figure], themes: Collection[str], diags: Diagnostics
) -> list[Figure]:
    """An article's figures with the labels of its front matter; unlabelled furniture figures
    left out. ``themes``: the ids site.toml declares ([[figures.themes]]); a label without
    ``theme:`` has none ("") and is listed after the themed figures."""
    by_id = {f.id: f for f in figures}
    index = by_block(figures)
    blocks = {b.local: b for b in article.blocks}
    unknown: dict[str, list[int]] = {}  # theme -> the lines naming it
    for entry in doc.article_front.figures.report(diags):
        loc = Loc(doc.path, entry.line, 1)
        block = blocks.get(str(entry.block))
        if block is None:
            if "block" not in entry.wrong:  # else the schema said so
                diags.no_such_block(loc, "figure label", entry.block, blocks)
            continue
        text = entry.text
        figure = _locate(block, text, index) if text else None
        if figure is None:
            diags.error(
                loc,
                f"figure label target {show_invisible(str(text))} not found among the figures of {block.id}",
                "copy the figure as printed in that block (e.g. 16.4万人), or correct 'block:'",
            )
            continue
        theme = entry.theme
        if theme and "theme" not in entry.wrong and theme not in themes:  # a wrong type: the schema said so
            unknown.setdefault(theme, []).append(entry.at("theme"))
        if by_id[figure.id].label_en:
            diags.error(
                loc,
                f"figure {figure.text} in {block.id} is labelled twice",
                "keep one label; lengthen 'text' to tell two figures apart",
            )
        by_id[figure.id] = dataclasses.replace(
            by_id[figure.id],
            label_en=entry.label,
            label_zh=entry.label_zh,
            theme=theme,
        )
    _unknown_themes(doc, unknown, themes, diags)
    kinds = {b.id: b.kind for b in article.blocks}
    return [by_id[f.id] for f in figures if kinds[f.block] not in FURNITURE or by_id[f.id].label_en]


def _unknown_themes(doc: Document, unknown: dict[str, list[int]], themes: Collection[str], diags: Diagnostics) -> None:
    """Each theme the file names and site.toml does not declare, once, at its first line (a
    theme misspelt, or a site.toml without its themes, is one mistake, not one per label)."""
    if unknown and not themes:
        first, lines = next(iter(unknown.items()))
        named = f" (this file's labels name {len(unknown)}: {', '.join(unknown)})" if len(unknown) > 1 else ""
        diags.error(
            Loc(doc.path, lines[0], 1),
            f"unknown theme {first!r}: site.toml declares no figure themes{named}",
            "declare them in site.toml, a [[figures.themes]] table each with id, name_en and name_zh",
        )
        return
    for theme, lines in unknown.items():
        also = f" (also at lines {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
        diags.error(
            Loc(doc.path, lines[0], 1),
            f"unknown theme {theme!r}{also}",
            f"use one of the themes site.toml declares: {', '.join(themes)}; or declare it there ([[figures.themes]])",
        )


_OPS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def evaluate(node: ast.AST) -> float:
    """Arithmetic on numbers only: + - * / and parentheses. Anything else is refused."""
    if isinstance(node, ast.Expression):
        return evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -evaluate(node.operand)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](evaluate(node.left), evaluate(node.right))
    raise ValueError("only numbers, figure references, + - * / and parentheses are allowed")


def run_checks(article: Article, doc: Document, figures: Sequence[Figure], diags: Diagnostics) -> list[Check]:
    """The arithmetic checks an article's front matter declares, evaluated on its figures."""
    checks = []
    index = by_block(figures)
    blocks = {b.local: b for b in article.blocks}
    for entry in doc.article_front.checks.report(diags):
        loc = Loc(doc.path, entry.line, 1)
        made = _check(article, blocks, index, entry, loc, diags)
        if made is not None:
            checks.append(made)
    return checks


def _side(
    expr: str, blocks: dict[str, Block], figures: dict[str, list[Figure]], loc: Loc, diags: Diagnostics
) -> tuple[float, str] | None:
    """Evaluate one side of a relation; also return it written with the figures' values."""
    problems = []

    def value(match: re.Match[str]) -> str:
        block = blocks.get(match.group(1))
        figure = _locate(block, match.group(2), figures) if block else None
        if figure is None:
            problems.append(match.group(0))
            return "0"
        return repr(figure.value)

    source = _REF.sub(value, expr)
    for problem in problems:
        diags.error(
            loc,
            f"check refers to {problem}, which is not a figure of this article",
            "write {block:text}, e.g. {p4:83个}, with the text as printed in that block",
        )
    if problems:
        return None
    try:
        result = evaluate(ast.parse(source.strip(), mode="eval"))
    except (SyntaxError, ValueError, ZeroDivisionError) as exc:
        diags.error(
            loc,
            f"check expression {expr.strip()!r} cannot be evaluated: {exc}",
            "use figure references, numbers, + - * / and one ==",
        )
        return None
    shown = _REF.sub(lambda m: m.group(2), expr).strip()
    return result, shown


def _check(
    article: Article,
    blocks: dict[str, Block],
    figures: dict[str, list[Figure]],
    entry: CheckEntry,
    loc: Loc,
    diags: Diagnostics,
) -> Check | None:
    check_id = entry.id
    if entry.count is not None:
        items = list(entry.count)
        missing = [i for i in items if not any(i in b.zh for b in article.blocks)]
        for item in missing:
            diags.error(
                loc, f"check {check_id}: {item!r} is not in the text of {article.id}", "list strings exactly as printed"
            )
        right = _side(entry.equals, blocks, figures, loc, diags)
        if missing or right is None:
            return None
        left = (float(len(items)), "、".join(items))
        expression = f"count({left[1]}) == {right[1]}"
    else:
        expr = entry.expr
        if expr.count("==") != 1:
            diags.error(loc, f"check {check_id}: the expression needs exactly one '=='", "write it as 'left == right'")
            return None
        left_text, right_text = expr.split("==")
        left_side = _side(left_text, blocks, figures, loc, diags)
        right = _side(right_text, blocks, figures, loc, diags)
        if left_side is None or right is None:
            return None
        left = left_side
        expression = f"{left[1]} == {right[1]}"
    ok = abs(left[0] - right[0]) <= TOLERANCE * max(abs(left[0]), abs(right[0]), 1.0)
    return Check(f"check-{check_id}", article.id, entry.label, expression, right[0], left[0], ok, loc)


def annotate_figures(
    edition: Edition,
    docs: Sequence[Document],
    mentions: Mapping[str, Sequence[Mention]],
    diags: Diagnostics,
    steps: tuple[Callable[..., list[Figure]], Callable[..., list[Check]], Callable[..., list[Chart]]] | None = None,
) -> Edition:
    """Every article's figures, labelled, then its checks, then its charts (in that order, so
    that problems are reported stage by stage). ``mentions``: each article's, from annotate().
    ``steps``: the three per-article steps (article_figures, run_checks, read_charts by default).
    """
    article_figures_, run_checks_, read_charts_ = steps or (article_figures, run_checks, read_charts)
    docs_by_path = {d.path: d for d in docs}
    types = {e.id: e.type for e in edition.entities}
    articles = [(a, docs_by_path[a.path], mentions.get(a.id, ())) for a in edition.all_articles]
    themes = edition.config.theme_ids
    labelled = [article_figures_(article, doc, named, types, themes, diags) for article, doc, named in articles]
    checks = [run_checks_(a, d, f, diags) for (a, d, _), f in zip(articles, labelled, strict=True)]
    charts = [read_charts_(a, d, f, diags) for (a, d, _), f in zip(articles, labelled, strict=True)]
    edition = dataclasses.replace(
        edition,
        figures=tuple(chain.from_iterable(labelled)),
        checks=tuple(chain.from_iterable(checks)),
        charts=tuple(chain.from_iterable(charts)),
    )
    parts = {a.id: (named, figures) for (a, _, named), figures in zip(articles, labelled, strict=True)}
    made_for = (edition.pages, edition.articles, edition.entities, edition.figures)
    return dataclasses.replace(edition, parts=ArticleParts(parts, made_for))


def article_figures(
    article: Article,
    doc: Document,
    mentions: Sequence[Mention],
    types: Mapping[str, str],
    themes: Collection[str],
    diags: Diagnostics,
) -> list[Figure]:
    """An article's figures, labelled (``types``: entity id -> type, for numbers inside names;
    ``themes``: the theme ids site.toml declares)."""
    return label_figures(article, doc, extract_figures(article, mentions, types), themes, diags)


UNIT_EN = {
    "元": "yuan", "人": "people", "名": "people", "家": "(firms, bodies)", "个": "(items)", "次": "times",
    "笔": "loans", "套": "sets", "桶": "barrels", "种": "kinds", "公顷": "hectares", "平方米": "square metres",
    "%": "per cent", "项": "(items)", "期": "phases", "年": "years", "团": "regiment",
    # units of measure and time, which have one English each (usage walk 14 found 公里 and 天 left
    # in Chinese in the English column); a measure word of many (户: households, or firms in
    # 个体工商户; 条, 座, 台; 周, a week or a round) stays as printed. 周岁 "years of age" and
    # 千瓦时 "kilowatt-hours" are units of their own (reviews 18 and 19 found them cut as 周
    # "weeks" and 千瓦 "kilowatts")
    "千瓦": "kilowatts", "千瓦时": "kilowatt-hours", "周岁": "years of age",
    "公里": "kilometres", "千米": "kilometres", "平方公里": "square kilometres", "立方米": "cubic metres",
    "米": "metres", "吨": "tonnes", "千克": "kilograms", "克": "grams", "升": "litres",
    "亩": "mu", "天": "days", "小时": "hours", "分钟": "minutes", "个百分点": "percentage points",
    "‰": "per mille", "美元": "US dollars", "港元": "Hong Kong dollars", "欧元": "euros",
}  # fmt: skip


# The qualifiers (edition/numbers.py) as a Chinese view's table and charts write them
QUALIFIER_ZH = {"nearly": "近", "about": "约", "more than": "超过", "over": "超过", "at least": "不少于"}


def unit_en(unit: str) -> str:
    return UNIT_EN.get(unit, unit)


def format_value(figure: Figure) -> str:
    """A figure's normalised value in English conventions (dates as printed)."""
    if figure.kind == "date":
        return figure.text
    value = f"{figure.value:,.10g}" if figure.value != int(figure.value) else f"{int(figure.value):,}"
    return f"{value}–{figure.end_value:,.10g}" if figure.end_value is not None else value


def read_charts(article: Article, doc: Document, figures: Sequence[Figure], diags: Diagnostics) -> list[Chart]:
    """Waterfall charts declared in an article's front matter: its figures that add up, in order."""
    charts = []
    index = by_block(figures)
    blocks = {b.local: b for b in article.blocks}
    for entry in doc.article_front.charts.report(diags):
        loc = Loc(doc.path, entry.line, 1)
        steps = []
        for ref in entry.steps:
            match = _REF.fullmatch(ref)
            block = blocks.get(match.group(1)) if match else None
            figure = _locate(block, match.group(2), index) if match and block else None
            if figure is None:
                diags.error(
                    loc,
                    f"chart step {ref!r} is not a figure of this article",
                    "write {block:text}, e.g. {p4:2100万元}",
                )
                continue
            steps.append(figure)
        charts.append(
            Chart(
                id=entry.id,
                article=article.id,
                title=entry.title,
                description=entry.description,
                steps=tuple(f.id for f in steps),
                total=entry.total,
            )
        )
    return charts
