"""The Jinja environment, and render(Page) -> bytes.

What a template sees: the page's own data (edition/pages.py), the view-wide helpers
(t, zh, url, root_url, the view's alternates), the site's lookups (edition/derive.py:
a block by id, a citation, the notes of a name), and the functions that make the text's
HTML and the long lists' rows in Python (edition/blockhtml.py: text, article_body, photo,
note_list; edition/rowhtml.py: figure_rows, check_list, date_list, photo_list,
mention_list, vocabulary_rows). The environment records every template
a render loads (``loaded``): a page's template, the one it extends, the partials it
imports.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup, escape

from edition.blockhtml import Writer, phrased
from edition.charts import chart_helpers
from edition.config import SiteConfig
from edition.derive import SiteIndex, sentence
from edition.errors import BuildError, Diagnostic, Loc
from edition.figures import format_value, unit_en
from edition.model import Article, Block
from edition.pages import WORDS_VIEWS, Page
from edition.refs import article_name, long_date, passage_label, passage_ref
from edition.rowhtml import Rows
from edition.typography import curly_quotes, render_english, render_prose
from edition.views import VIEWS, View, chinese_in_english, mark_chinese, relative, to_hant, use_traditional


class _Environment(jinja2.Environment):
    """Jinja's environment, noting the name of every template it hands out."""

    loaded: set[str]

    def get_template(self, name: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        self.loaded.add(str(name))
        return super().get_template(name, *args, **kwargs)


# The spaces that indent a line before a tag: no part of what a browser shows (the newline
# stays, so that two inline elements keep the space between them; inside <pre> a text's "<"
# is always escaped, and no template indents a tag there), and about 3% of an archive's
# bytes (issue 13: output that fits GitHub Pages). Templates and the Python-made HTML stay
# indented for their readers.
_INDENT = re.compile(r"\n[ \t]+(?=<)")


class Renderer:
    def __init__(
        self,
        templates: Mapping[str, str],
        strings: Mapping[str, Any],
        files: Mapping[str, str] | None = None,
    ) -> None:
        """``files``: the file each template (and "ui.yaml") came from, as its errors name it: a
        site's own or the generator's (edition/overlay.py); templates/<name> where not given."""
        self.files = {name: f"templates/{name}" for name in [*templates, "ui.yaml"]} | dict(files or {})
        self.templates = dict(templates)
        self.strings = strings
        self.env = _Environment(
            loader=_NamedDictLoader(dict(templates), self.file),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.loaded = set()
        self.versions: dict[str, str] = {}  # the static files' (use_static)
        # render_english escapes everything (html off), so its output is safe to mark as such.
        # Notes are English: curly quotes by markdown-it's typographer; "en" curls a plain string.
        # (the Chinese they quote as the page's view writes it: views.chinese_in_english)
        self.env.filters["inline"] = jinja2.pass_context(
            lambda context, text: Markup(chinese_in_english(render_english(text), context["view"]))  # noqa: S704
        )
        self.env.filters["prose"] = jinja2.pass_context(
            lambda context, text: Markup(chinese_in_english(render_prose(text), context["view"]))  # noqa: S704
        )
        self.env.filters["en"] = curly_quotes
        # Chinese inside English (a chart's labels, a citation's BibTeX) marked as Chinese: as
        # the view writes it ("zh_runs"), or as the original prints it ("original")
        self.env.filters["zh_runs"] = jinja2.pass_context(
            lambda context, text: Markup(chinese_in_english(str(escape(text)), context["view"]))  # noqa: S704
        )
        self.env.filters["original"] = lambda text: Markup(mark_chinese(str(escape(text)), "zh-Hans"))  # noqa: S704
        self.env.globals.update(sentence=sentence, value=format_value, unit_en=unit_en, phrased=phrased)
        self._tables: dict[str, _Strings] = {}

    def translate(self, view: View) -> Callable[[str], str]:
        """``t()`` of a view: its interface strings, each looked up (and converted) once."""
        return self._in(view.ui)

    def _in(self, ui: str) -> Callable[[str], str]:
        table = self._tables.get(ui)
        if table is None:
            table = self._tables[ui] = _Strings(self.strings, ui, self.files["ui.yaml"])
        return table.__getitem__

    def use_static(self, files: Mapping[str, bytes]) -> None:
        """The static files as this build publishes them: pages name each one with a digest
        of its bytes (``static_url``), so that a browser never runs a script or stylesheet it
        kept from before a deploy with pages that expect the new one (GitHub Pages lets it
        keep them ten minutes: max-age=600)."""
        self.versions = {path: hashlib.sha256(data).hexdigest()[:10] for path, data in files.items()}

    def compile_all(self) -> None:
        """Compile every template now (before forking: the workers inherit them)."""
        for name in self.env.list_templates():
            self._template(name)

    def render(self, page: Page, site: SiteIndex, lookups: Mapping[str, Any] | None = None) -> bytes:
        """The page's bytes. ``lookups``: the site's lookups as this page sees them (default: ``lookups(site, page)``)."""
        context = self.helpers(site.edition.config, page) | dict(lookups or page_lookups(site, page)) | page.data
        # the text's HTML and the lists' rows (edition/blockhtml.py, edition/rowhtml.py), made
        # from what the page sees; the page's own data still has the last word
        context = context | Writer(context, site.pieces).helpers() | Rows(context).helpers() | page.data
        use_traditional(
            site.edition.config.traditional, site.edition.config.traditional_fixes
        )  # the zh-Hant view's OpenCC configuration
        self.env.loaded = set()
        template = self._template(page.template)
        try:
            return _INDENT.sub("\n", template.render(context)).encode("utf-8")
        except jinja2.TemplateSyntaxError as exc:
            raise self._syntax_error(exc, page.template) from None
        except jinja2.TemplateNotFound as exc:
            raise self._not_found(exc) from None
        except (jinja2.TemplateError, LookupError, TypeError, AttributeError, ValueError) as exc:
            # A template's mistake in its own logic: name the template and its line, not a traceback.
            message = getattr(exc, "message", None) or f"{type(exc).__name__}: {str(exc)[:200]}"
            where = _template_where(exc, set(self.files.values()), self.file(page.template))
            hint = "check the expression at that line against what edition/pages.py and edition/render.py provide"
            raise BuildError([Diagnostic(where, f"template error: {message}", hint)]) from None

    def helpers(self, config: SiteConfig, page: Page) -> dict[str, Any]:
        """What every template sees beyond its data: the view's strings and the page's links.

        The rule that keeps the dev server right (edition/incremental.py): a template reads
        only its page's data, the site's lookups (site_lookups, page_lookups: recorded call by
        call and asked again after an edit), and these helpers, which depend on nothing but
        the page, its view, the config and the strings: they are given no more (not the site).
        Whatever reads the site (the edition, another article, a count over the archive) must be
        a lookup in site_lookups, never a helper here or a module's state: the server would not
        see it change, and the page would go stale (a maintainer walk left 499 of 618 files
        stale so; tests/test_incremental.py compares a rebuild after an edit with a clean build)."""
        view: View = page.data["view"]
        path: str = page.data["path"]
        url = page_url(config, page)
        # the views the page is in (a vocabulary page is in the parallel and Traditional views')
        here = [v for v in VIEWS if v.code in page.data.get("in_views", (v.code,))]
        root_url: Callable[[str], str] = (
            (lambda target: config.base_path + target)
            if path == "404.html"
            else (lambda target: relative(page.path, target))
        )
        versions = self.versions
        zh = to_hant if view.code == "zh-hant" else _same
        indexed = view.code == "parallel" and page.data["searchable"]
        return {
            "config": config,
            "t": self.translate(view),
            "t_zh": self._in("zh"),  # the Chinese beside the English where a page is in one view only (404)
            "zh": zh,
            "long_date": long_date,
            # an article's title in a view of one language: the English where the view shows it
            # and the article has one (a page just cut has none yet), else the Chinese, marked
            # as Chinese where the page is English (title_text: the same, for <title>)
            "title": lambda a: _title(a, view, zh),
            "title_text": lambda a: curly_quotes(a.title_en) if view.show_en and a.title_en else zh(a.title_zh),
            # its short name in the view's language, where several are named in a row (the front
            # page's vocabulary links: "Moyu", 携手新疆墨玉; edition/refs.py)
            "short_name": lambda a: article_name(a, "en") if view.show_en else zh(article_name(a, "zh")),
            # only the pages search indexes (the parallel view's: base.html) need one
            "search_title": lambda title_zh, title_en: search_title(title_zh, title_en) if indexed else "",
            # on those, what search must not take for the text of the passage before it
            "unsearched": Markup(" data-pagefind-ignore") if indexed else "",
            "url": url,
            "root_url": root_url,
            # an article's vocabulary: this view's page, or the parallel view's where this view has none
            "words_url": lambda a: (url if view.code in WORDS_VIEWS else root_url)(a.url + "words/"),
            "static_url": lambda target: root_url(target) + (f"?v={versions[target]}" if target in versions else ""),
            "views": [
                (v, config.base_path + v.prefix if path == "404.html" else relative(page.path, v.prefix + path))
                for v in here
            ],
            "canonical": config.base_url + view.prefix + path,
            "alternates": [(v, config.base_url + v.prefix + path) for v in here],
            # the figures page's charts, in the view's language (edition/charts.py)
            **chart_helpers(view, self.translate(view), zh),
        }

    def file(self, name: str) -> str:
        """The file of the template ``name``, as errors name it."""
        return self.files.get(name, f"templates/{name}")

    def _template(self, name: str) -> jinja2.Template:
        try:
            return self.env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise self._syntax_error(exc, name) from None
        except jinja2.TemplateNotFound as exc:
            raise self._not_found(exc) from None

    def _syntax_error(self, exc: jinja2.TemplateSyntaxError, name: str) -> BuildError:
        where = Loc(self.file(exc.name or name), exc.lineno or 1, 1)
        return BuildError([Diagnostic(where, f"template error: {exc.message}", "fix the Jinja syntax")])

    def _not_found(self, exc: jinja2.TemplateNotFound) -> BuildError:
        where = Loc(self.file(str(exc.name)))
        hint = f"create {where.path} or restore it from git"
        return BuildError([Diagnostic(where, f"template not found: {exc.name}", hint)])


def _same(text: str) -> str:
    return text


def _title(article: Article, view: View, zh: Callable[[str], str]) -> str | Markup:
    if not view.show_en:
        return zh(article.title_zh)
    if article.title_en:
        return curly_quotes(article.title_en)
    return Markup('<span lang="{}">{}</span>').format(view.zh_lang, zh(article.title_zh))


def search_title(title_zh: str, title_en: str) -> Markup:
    """A searchable page's title for its search results: Pagefind's metadata, one for each
    language a search page may name a result in (static/search.js): ``title`` the Chinese
    (Simplified, as the parallel view's pages the index is made from), ``hant`` the Chinese in
    Traditional characters and ``en`` the English (read by Pagefind from data-title-hant and
    data-title-en, which may hold commas). A Chinese view's results are named in its Chinese,
    the English view's in English, the parallel view's in both."""
    hant, en = escape(to_hant(title_zh)), escape(title_en)
    meta = escape(f"hant[data-title-hant], en[data-title-en], title:{title_zh}")
    return Markup(f' data-pagefind-meta="{meta}" data-title-hant="{hant}" data-title-en="{en}"')  # noqa: S704 - escaped


def page_url(config: SiteConfig, page: Page) -> Callable[[str], str]:
    """``url()`` of a page: a link to a page of its own view (absolute on the not-found page,
    which is served at any depth)."""
    view: View = page.data["view"]
    if page.data["path"] == "404.html":
        base = config.base_path + view.prefix
        return lambda target: base + target
    here, prefix = page.path, view.prefix
    return lambda target: relative(here, prefix + target)


def site_lookups(site: SiteIndex) -> dict[str, Callable[..., Any]]:
    """The site's lookups, the same on every page."""
    return {
        "block": site.blocks_by_id.__getitem__,
        "article": site.articles_by_id.__getitem__,
        "article_of": lambda block: site.owners[block.id],
        "cite": site.cite,
        "json_ld": site.json_ld,
        "vocabulary": site.vocabulary,
        "block_page": site.block_page,
        "mentioned_in": site.mentioned_in,
        "search_terms": lambda article: site.search_terms[article.id],
        "entities_in": site.marker.entities_in,
        "named_in_one": site.marker.named_in_one,
        "passages_in": site.marker.passages_in,
        "page_of": lambda article: site.edition.page_of(article).info,  # its newspaper page's settings
        "passage_ref": lambda article, block=None: passage_ref(site.edition.page_of(article).info, article, block),
        # a passage's names for readers ("Moyu ¶3") in both languages: a page shows one of
        # them (page_lookups), and its fingerprint follows both
        "passage": lambda block_id: tuple(_passage(site, block_id, lang) for lang in ("en", "zh")),
    }


def _passage(site: SiteIndex, block_id: str, lang: str) -> str:
    return passage_label(site.owners[block_id], site.blocks_by_id[block_id], lang)


def page_lookups(site: SiteIndex, page: Page) -> dict[str, Callable[..., Any]]:
    """The site's lookups as a page sees them, with ``marked``: a block's text with its marks,
    linked from the page and, in the Traditional view, in Traditional characters."""
    view: View = page.data["view"]
    url = page_url(site.edition.config, page)
    convert = to_hant if view.code == "zh-hant" else _same
    marker = site.marker

    # The front of a newspaper page leaves an article's notes to the article's page: its names link there.
    front = page.template == "home.html"
    article = page.template == "article.html"  # its names lead back to the passage they are in (marks.py)

    # A block's marked text depends on the block, the language, the script, where its names'
    # notes are, and the links ``url`` makes: those it stands for by where the page is in its
    # view (a link between two pages of one view is the same in every view, as relative()
    # goes up to the folder they share; not on the not-found page, whose links are absolute)
    # and by its template (which decides what the marks link to).
    where = (page.template, page.data["path"] if page.data["path"] != "404.html" else page.path)
    hant = view.code == "zh-hant"

    def marked(block: Block, lang: str) -> Markup:
        owner = site.owners[block.id]
        notes_at = owner.url if front and owner.kind != "page" else ""
        # (an English mark's way back differs where the page shows the Chinese too: marks.py)
        both = article and lang == "en" and view.show_zh
        key = ("marked", block.id, lang, hant and lang == "zh", notes_at, where, both)
        return site.pieces.recent(
            key,
            lambda: marker.render(
                block, lang, convert if lang == "zh" else str, url, notes_at, passages=article, both=both
            ),
        )

    label_lang = "en" if view.show_en else "zh"

    def passage(block_id: str) -> str:
        """A passage's name for readers ("Moyu ¶3"), in the view's language."""
        return convert(_passage(site, block_id, label_lang))

    return {**site_lookups(site), "marked": marked, "passage": passage}


class _Strings(dict[str, str]):
    """The interface strings of one column of ui.yaml, filled as templates ask for them."""

    def __init__(self, strings: Mapping[str, Any], ui: str, file: str) -> None:
        super().__init__()
        self.strings = strings
        self.ui = ui
        self.file = file  # ui.yaml's, as errors name it

    def __missing__(self, key: str) -> str:
        entry = self.strings.get(key)
        if entry is None:
            raise BuildError([Diagnostic(Loc(self.file), f"no UI string {key!r}", "add it with 'en' and 'zh'")])
        # the Traditional interface converted from the Chinese, or a site's own words for it
        # (ui.yaml's zh-hant: 搜尋 where the conversion keeps 搜索)
        value = self[key] = (entry.get("zh-hant") or to_hant(entry["zh"])) if self.ui == "zh-hant" else entry[self.ui]
        return value


class _NamedDictLoader(jinja2.DictLoader):
    """Templates from memory that still know their file names, so that an error in a
    template is reported at its file's line (templates/<name>:<line>, or the generator's)."""

    def __init__(self, mapping: dict[str, str], file: Callable[[str], str]) -> None:
        super().__init__(mapping)
        self.file = file

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:  # type: ignore[override]
        source, _, uptodate = super().get_source(environment, template)
        return source, self.file(template), uptodate


def _template_where(exc: BaseException, files: set[str], file: str) -> Loc:
    """The innermost template frame of a traceback (one of ``files``): its file and line."""
    where = Loc(file, 1, 1)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in files:
            where = Loc(filename, tb.tb_lineno, 1)
        tb = tb.tb_next
    return where
