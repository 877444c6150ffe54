"""A site's templates, interface strings and static files: the generator's own, overlaid by
the site's. A site folder (``--root``) that has no templates/ or static/ of its own is built
with the generator's; one that has some overrides them file by file, and its ui.yaml string
by string and language by language (as a Hugo site overrides its theme, or MkDocs's
``custom_dir`` its theme). Copies of the whole set, which a site needed before, went stale as
the generator changed. For the generator's own repository the two are the same folders."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, NamedTuple

from edition.config import load_config, site_strings
from edition.droppings import is_dropping
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel
from edition.hints import closest_key, did_you_mean

GENERATOR = Path(__file__).resolve().parent.parent  # the repository edition/ lives in
OVERLAID = ("templates", "static")


class Look(NamedTuple):
    """What the Renderer is made from (edition/render.py)."""

    templates: dict[str, str]  # name -> Jinja source
    strings: dict[str, Any]  # ui.yaml's strings, with the site's titles
    files: dict[str, str]  # name (and "ui.yaml") -> the file it came from, as errors name it


def folders(root: Path, name: str, existing: bool = True) -> list[Path]:
    """The generator's folder ``name``, then the site's own if it is another one (``existing``:
    only those there now; the dev server watches the site's before it has one)."""
    layers = [GENERATOR / name, root / name]
    if layers[0].resolve() == layers[1].resolve():
        layers = layers[1:]
    return [folder for folder in layers if folder.is_dir() or not existing]


def load_templates(root: Path) -> Look:
    """Every template and the UI strings (the loader's part of rendering)."""
    from edition.content import read_text
    from edition.yamlload import load_yaml

    layers = folders(root, "templates")
    if not layers:
        where = rel(GENERATOR / "templates", root)
        raise BuildError([Diagnostic(Loc(where), "templates folder not found", "restore templates/ from git")])
    diags = Diagnostics()
    look = Look({}, {}, {})
    for folder in layers:
        for path in sorted(folder.rglob("*.html")):
            name, shown = path.relative_to(folder).as_posix(), rel(path, root)
            text = read_text(path, shown, diags)  # the same UTF-8 checks as content files
            if text is not None:
                look.templates[name], look.files[name] = text, shown
        path = folder / "ui.yaml"
        text = read_text(path, rel(path, root), diags) if path.is_file() else None
        if text is not None:
            try:
                _merge(look.strings, load_yaml(text, rel(path, root)) or {}, rel(path, root), diags)
                look.files["ui.yaml"] = rel(path, root)
            except BuildError as exc:
                diags.items.extend(exc.diagnostics)
    if not any((folder / "ui.yaml").is_file() for folder in layers):
        diags.error(
            Loc(rel(layers[-1] / "ui.yaml", root)),
            "ui.yaml not found: the table of interface strings is missing",
            "restore templates/ui.yaml from git",
        )
    diags.raise_if_errors()
    # The site's own titles come from site.toml: nothing in templates/ is about one page.
    return look._replace(strings=site_strings(load_config(root / "site.toml", root), look.strings))


def _merge(strings: dict[str, Any], more: object, name: str, diags: Diagnostics) -> None:
    """A ui.yaml's strings over those before it, language by language: a site's file may give
    only the English of one string."""
    if not isinstance(more, dict):
        diags.error(Loc(name, 1, 1), "ui.yaml must be a table of strings", "write each as key: {en: …, zh: …}")
        return
    for key, entry in more.items():
        langs = entry if isinstance(entry, dict) else None
        line = getattr(more, "lines", {}).get(key, 1)
        if langs is None or not all(isinstance(v, str) for v in langs.values()):
            diags.error(Loc(name, line, 1), f"the UI string {key!r} must be a table", f"write {key}: {{en: …, zh: …}}")
            continue
        known = set(strings)
        strings[key] = merged = {**strings.get(key, {}), **langs}
        missing = [lang for lang in ("en", "zh") if lang not in merged]
        # a misspelt string's name, most likely ('serach'; not 'new_word', a new one); asked
        # only of a string that lacks a language (asking every string took 30 ms a build)
        close = closest_key(key, known) if missing else None
        hint = did_you_mean(key, known) if close else None
        if close and hint and SequenceMatcher(None, close, key).ratio() >= 0.75:
            diags.error(Loc(name, line, 1), f"unknown UI string {key!r}", hint)
        elif missing:
            diags.error(
                Loc(name, line, 1), f"the UI string {key!r} has no {missing[0]!r}", "give it both: {en: …, zh: …}"
            )
        for lang in sorted(set(langs) - {"en", "zh", "zh-hant"}):
            diags.error(
                Loc(name, line, 1),
                f"the UI string {key!r} has a language {lang!r}",
                "give en, zh and, if you wish, zh-hant",
            )


def load_static(root: Path) -> dict[str, bytes]:
    """static/ as published: stylesheets and scripts minified (every page loads them: about
    a third of their bytes are comments and indentation), the rest as it is."""
    files: dict[str, bytes] = {}
    for folder in folders(root, "static"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not is_dropping(path):  # an editor's tools' leftovers are never published
                files["static/" + path.relative_to(folder).as_posix()] = _minified(path)
    return dict(sorted(files.items()))


def _minified(path: Path) -> bytes:
    import rcssmin
    import rjsmin

    data = path.read_bytes()
    if path.suffix == ".css":
        return bytes(rcssmin.cssmin(data))
    if path.suffix == ".js":
        return bytes(rjsmin.jsmin(data))
    return data
