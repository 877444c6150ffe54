"""Rendering: the Edition model -> {output path: bytes}, all in memory, nothing written."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from edition.annotate import ENTITY_TYPES
from edition.cite import cite, json_ld
from edition.charts import Bar, log_bars, waterfall
from edition.charts import money as money_fmt
from edition.errors import BuildError, Diagnostic, Loc, rel
from edition.figures import THEMES, format_value, unit_en
from edition.marks import Marker
from edition.markup import render_inline
from edition.model import Article, Block, Edition, Entity


@dataclass(frozen=True)
class View:
    code: str  # parallel | zh | en | zh-hant
    prefix: str  # output folder of the view ("" for the default)
    lang: str  # BCP 47 language of the interface and the page
    ui: str  # which column of ui.yaml: en | zh | zh-hant
    show_zh: bool
    show_en: bool

    @property
    def zh_lang(self) -> str:
        return "zh-Hant" if self.code == "zh-hant" else "zh-Hans"


VIEWS = (
    View("parallel", "", "en", "en", True, True),
    View("zh", "zh/", "zh-Hans", "zh", True, False),
    View("en", "en/", "en", "en", False, True),
    View("zh-hant", "zh-hant/", "zh-Hant", "zh-hant", True, False),
)


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # imported late: only the zh-Hant view needs it

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=4096)
def to_hant(text: str) -> str:
    return str(_converter().convert(text))


def relative(from_path: str, to_path: str) -> str:
    """A link from one output file to another, relative, so that any base path works.

    ``to_path`` names a file ("edition.json") or a folder ending in "/" ("articles/moyu/").
    """
    from_dir = posixpath.dirname(from_path) or "."
    target = to_path or "./"
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    if not target:
        return anchor
    is_dir = target.endswith("/")
    link = posixpath.relpath(target.rstrip("/") or ".", from_dir)
    if is_dir:
        link = "./" if link == "." else link + "/"
    return link + anchor


def page_file(path: str) -> str:
    """The file a page URL is written to: "articles/moyu/" -> "articles/moyu/index.html"."""
    return path + "index.html" if path == "" or path.endswith("/") else path


class Renderer:
    def __init__(
        self, templates: Mapping[str, str], strings: Mapping[str, Mapping[str, str]], templates_dir: str
    ) -> None:
        self.templates_dir = templates_dir
        self.env = jinja2.Environment(
            loader=jinja2.DictLoader(dict(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # render_inline escapes everything (html off), so its output is safe to mark as such.
        self.env.filters["inline"] = lambda text: Markup(render_inline(text))  # noqa: S704
        self.strings = strings

    def translate(self, view: View) -> Callable[[str], str]:
        def t(key: str) -> str:
            entry = self.strings.get(key)
            if entry is None:
                raise BuildError(
                    [
                        Diagnostic(
                            Loc(f"{self.templates_dir}/ui.yaml"), f"no UI string {key!r}", "add it with 'en' and 'zh'"
                        )
                    ]
                )
            if view.ui == "zh-hant":
                return to_hant(entry["zh"])
            return entry[view.ui]

        return t

    def render(self, name: str, context: dict[str, Any]) -> str:
        try:
            return self.env.get_template(name).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise BuildError(
                [
                    Diagnostic(
                        Loc(f"{self.templates_dir}/{exc.name or name}", exc.lineno or 1, 1),
                        f"template error: {exc.message}",
                        "fix the Jinja syntax",
                    )
                ]
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise BuildError(
                [
                    Diagnostic(
                        Loc(f"{self.templates_dir}/{name}"),
                        f"template not found: {exc.name}",
                        f"create {self.templates_dir}/{exc.name} or restore it from git",
                    )
                ]
            ) from None
        except jinja2.UndefinedError as exc:
            raise BuildError(
                [
                    Diagnostic(
                        Loc(f"{self.templates_dir}/{name}", _template_line(exc), 1),
                        f"template error: {exc.message}",
                        "check the variable name against the README's template context",
                    )
                ]
            ) from None


def _template_line(exc: BaseException) -> int:
    tb = exc.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith("<template>") or tb.tb_frame.f_globals.get("__jinja_template__"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def page_context(edition: Edition, view: View, path: str, renderer: Renderer, marker: Marker) -> dict[str, Any]:
    """What every template sees. ``path`` is the page's output path within the view."""
    owners = {b.id: a for a in edition.all_articles for b in a.blocks}

    def article_of(block: Block) -> Article:
        return owners[block.id]

    here = view.prefix + page_file(path)

    def url(target: str) -> str:
        if path == "404.html":  # served at any depth: only absolute links work
            return edition.config.base_path + view.prefix + target
        return relative(here, view.prefix + target)

    def root_url(target: str) -> str:
        if path == "404.html":
            return edition.config.base_path + target
        return relative(here, target)

    def zh(text: str) -> str:
        return to_hant(text) if view.code == "zh-hant" else text

    def marked(block: Block, lang: str) -> Markup:
        return marker.render(block, lang, zh if lang == "zh" else str, url)

    return {
        "edition": edition,
        "config": edition.config,
        "view": view,
        "views": [
            (v, edition.config.base_path + v.prefix if path == "404.html" else relative(here, v.prefix + path))
            for v in VIEWS
        ],
        "t": renderer.translate(view),
        "url": url,
        "root_url": root_url,
        "zh": zh,
        "marked": marked,
        "block": edition.block,
        "cite": lambda article, block=None: cite(edition, article, block),
        "json_ld": lambda article: json_ld(edition, article),
        "article_of": article_of,
        "search_terms": lambda article: search_terms(edition, article),
        "all_blocks": [b for a in edition.all_articles for b in a.blocks],
        "marker": marker,
        "path": path,
        "searchable": False,
        "canonical": edition.config.base_url + view.prefix + path,
        "alternates": [(v, edition.config.base_url + v.prefix + path) for v in VIEWS],
    }


def render_site(edition: Edition, renderer: Renderer) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    marker = Marker(edition)

    def emit(view: View, path: str, template: str, **extra: Any) -> None:
        context = page_context(edition, view, path, renderer, marker) | extra
        files[view.prefix + page_file(path)] = renderer.render(template, context).encode("utf-8")

    lookups = {
        "articles_by_id": {a.id: a for a in edition.all_articles},
        "blocks_by_id": {b.id: b for a in edition.all_articles for b in a.blocks},
        "sentence": sentence,
    }
    appendix = appendix_context(edition)
    groups = [(kind, [e for e in edition.entities if e.type == kind]) for kind in ENTITY_TYPES]
    groups = [(kind, entities) for kind, entities in groups if entities]
    for view in VIEWS:
        emit(view, "", "home.html", searchable=True)
        emit(view, "search/", "search.html")
        emit(view, "about/", "about.html")
        articles = edition.articles
        for index, article in enumerate(articles):
            photos = [p for p in edition.photos if p.article == article.id]
            emit(
                view,
                article.url,
                "article.html",
                article=article,
                previous=articles[index - 1] if index > 0 else None,
                next=articles[index + 1] if index + 1 < len(articles) else None,
                photos=photos,
                # the captions shown with the article carry mentions too: their notes belong here
                note_blocks=[*article.blocks, *(b for p in photos if (b := edition.block(p.block)))],
                see_also=see_also(edition, article),
                searchable=True,
            )
        emit(view, "figures/", "figures.html", **appendix, **lookups)
        emit(view, "index/", "index.html", groups=groups, kind=None)
        for kind, entities in groups:
            emit(view, f"index/{kind}/", "index.html", groups=[(kind, entities)], kind=kind)
        for entity in edition.entities:
            emit(view, f"entity/{entity.id}/", "entity.html", entity=entity, searchable=True, **lookups)
    emit(VIEWS[0], "404.html", "404.html")
    return files


def appendix_context(edition: Edition) -> dict[str, Any]:
    """The figures appendix: rows grouped by article and theme, the charts, the dates."""
    quantities = [f for f in edition.figures if f.kind != "date"]
    groups = []
    for article in edition.all_articles:
        mine = [f for f in quantities if f.article == article.id]
        themes = [(theme, [f for f in mine if f.theme == theme]) for theme in THEMES]
        if mine:
            groups.append((article, [(theme, figures) for theme, figures in themes if figures]))
    # Amounts the page reports (the price of the paper is furniture, not reporting).
    money = sorted((f for f in quantities if f.unit == "元" and f.theme != "other"), key=lambda f: -f.value)
    bars = [Bar(f.label_en or f.text, f.value, f"#{f.id}", "nearly " if f.qualifier == "nearly" else "") for f in money]
    by_id = {f.id: f for f in edition.figures}
    waterfalls = [
        (
            chart,
            waterfall(
                chart.title,
                chart.description,
                [Bar(by_id[s].label_en, by_id[s].value, f"#{s}") for s in chart.steps],
                chart.total,
                f"chart-{chart.id}",
            ),
        )
        for chart in edition.charts
    ]
    return {
        "groups": groups,
        "dates": [f for f in edition.figures if f.kind == "date"],
        "money_chart": log_bars(
            "Amounts of money on the page",
            "Bars on a logarithmic scale, largest first: "
            + "; ".join(f"{b.label}: {money_fmt(b.value)} yuan" for b in bars),
            bars,
            "chart-money",
        )
        if bars
        else "",
        "waterfalls": waterfalls,
        "value": format_value,
        "unit_en": unit_en,
    }


_SENTENCE_END = {"zh": "。！？；", "en": ".!?;"}


def sentence(text: str, position: int, lang: str) -> str:
    """The sentence of ``text`` around ``position`` (the whole text if position < 0)."""
    if position < 0:
        return text
    ends = _SENTENCE_END[lang]
    start = max((text.rfind(ch, 0, position) for ch in ends), default=-1) + 1
    stops = [i for i in (text.find(ch, position) for ch in ends) if i >= 0]
    end = min(stops) + 1 if stops else len(text)
    return text[start:end].strip()


def see_also(edition: Edition, article: Article) -> list[tuple[Article, list[Entity]]]:
    """Other articles sharing entities with this one; entities every article names are no guide."""

    def named(a: Article) -> set[str]:
        blocks = {b.id for b in a.blocks}
        return {e.id for e in edition.entities if any(m.block in blocks for m in e.mentions)}

    everywhere = set.intersection(*(named(a) for a in edition.articles)) if edition.articles else set()
    mine = named(article) - everywhere
    by_id = {e.id: e for e in edition.entities}
    out = []
    for other in edition.articles:
        shared = sorted(mine & named(other)) if other.id != article.id else []
        if shared:
            out.append((other, [by_id[k] for k in shared]))
    return out


def search_terms(edition: Edition, article: Article) -> str:
    """The names an article mentions, in every form, as extra search terms: Pagefind
    segments 墨玉县 as one word, so a search for 墨玉 needs 墨玉 said on its own."""
    blocks = {b.id for b in article.blocks}
    terms: list[str] = []
    for entity in edition.entities:
        if any(m.block in blocks for m in entity.mentions):
            terms.extend([entity.zh, *entity.aliases_zh, entity.en, *entity.aliases_en])
            # the name without its administrative suffix: 墨玉县 -> 墨玉, 朝阳区 -> 朝阳
            terms.extend(t[:-1] for t in (entity.zh, *entity.aliases_zh) if len(t) >= 3 and t[-1] in "县区市省村乡")
    return " ".join(dict.fromkeys(terms))


def load_templates(templates_dir: Path, root: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """Read every template and the UI strings (the loader's part of rendering)."""
    from edition.yamlload import load_yaml

    name = rel(templates_dir, root)
    if not templates_dir.is_dir():
        raise BuildError([Diagnostic(Loc(name), "templates folder not found", "restore templates/ from git")])
    templates = {
        p.relative_to(templates_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(templates_dir.rglob("*.html"))
    }
    strings = load_yaml((templates_dir / "ui.yaml").read_text(encoding="utf-8"), f"{name}/ui.yaml")
    return templates, strings


def article_by_id(edition: Edition, article_id: str) -> Article | None:
    return next((a for a in edition.all_articles if a.id == article_id), None)
