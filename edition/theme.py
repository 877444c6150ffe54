"""A site's templates, interface strings and static files: the generator's own, overlaid by
the site's. A site folder (``--root``) that has no templates/ or static/ of its own is built
with the generator's; one that has some overrides them file by file, and its ui.yaml key by
key (as a Hugo site overrides its theme, or MkDocs's ``custom_dir`` its theme). Copies of
the whole set, which a site needed before, went stale as the generator changed. For the
generator's own repository the two are the same folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from edition.config import load_config, site_strings
from edition.droppings import is_dropping
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel

GENERATOR = Path(__file__).resolve().parent.parent  # the repository edition/ lives in


def _layers(root: Path, name: str) -> list[Path]:
    """The generator's folder ``name``, then the site's own if it is another one."""
    layers = [GENERATOR / name, root / name]
    if layers[0].resolve() == layers[1].resolve():
        layers = layers[1:]
    return [folder for folder in layers if folder.is_dir()]


def load_templates(root: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """Every template and the UI strings (the loader's part of rendering)."""
    from edition.content import read_text
    from edition.yamlload import load_yaml

    layers = _layers(root, "templates")
    if not layers:
        hint = "restore templates/ from git"
        raise BuildError([Diagnostic(Loc(rel(root / "templates", root)), "templates folder not found", hint)])
    diags = Diagnostics()
    templates: dict[str, str] = {}
    strings: dict[str, Any] = {}
    for folder in layers:
        for path in sorted(folder.rglob("*.html")):
            text = read_text(path, rel(path, root), diags)  # the same UTF-8 checks as content files
            if text is not None:
                templates[path.relative_to(folder).as_posix()] = text
        strings_path = folder / "ui.yaml"
        name = rel(strings_path, root)
        text = read_text(strings_path, name, diags) if strings_path.is_file() else None
        if text is not None:
            try:
                strings.update(load_yaml(text, name) or {})
            except BuildError as exc:
                diags.items.extend(exc.diagnostics)
    if not any((folder / "ui.yaml").is_file() for folder in layers):
        diags.error(
            Loc(rel(root / "templates" / "ui.yaml", root)),
            "ui.yaml not found: the table of interface strings is missing",
            "restore templates/ui.yaml from git",
        )
    diags.raise_if_errors()
    # The site's own titles come from site.toml: nothing in templates/ is about one page.
    return templates, site_strings(load_config(root / "site.toml", root), strings)


def load_static(root: Path) -> dict[str, bytes]:
    """static/ as published: stylesheets and scripts minified (every page loads them: about
    a third of their bytes are comments and indentation), the rest as it is."""
    files: dict[str, bytes] = {}
    for folder in _layers(root, "static"):
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
