"""The same archive as a PLAIN Hugo site: a reference peer only (bench/run.py --peers
hugo-plain). It does far less than our build (one plain page per article, no views, no
entities, no figures, no exports); the peer to compare with is the same-work twin,
bench/hugo_same.py.

``python bench/hugo_site.py CORPUS SITE`` reads a project folder in this edition's format
(as made by bench/generate.py) and writes a minimal Hugo site: one Markdown file per
article under content/posts/, with front matter ``title`` (the English headline) and as
body the Chinese blocks, then the English blocks, as plain Markdown (front matter and the
``{.kind}`` attribute lines dropped). The page document (``kind: page``) is left out: it is
one file of captions and credits, not an article.

The configuration keeps Hugo's work comparable to ours, and no larger: taxonomies, terms,
RSS and the sitemap are disabled (``disableKinds``), since the synthetic articles have no
tags and our generator makes none of them per article either; what is left is one HTML page
per article, the posts section list and the home page. One layout each, no theme, no
assets pipeline. Raw HTML in Markdown stays off (Hugo's default), as in ours.

Only the standard library: this file does not import the edition package.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

ATTRIBUTE_LINE = re.compile(r"^\{\.[A-Za-z][\w-]*\}\s*$")

CONFIG = """\
baseURL = "https://example.org/"
title = "Synthetic archive (Hugo peer benchmark)"
# Comparable to the edition's build: no taxonomy or term pages, no RSS, no sitemap.
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
enableRobotsTXT = false
enableGitInfo = false
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="zh">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
{{ block "main" . }}{{ end }}
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
"""


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body) of a content file; the front matter without its fences."""
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 4)
    if end < 0:
        return "", text
    return text[4:end], text[end + 5 :]


def plain_body(body: str) -> str:
    """The blocks as plain Markdown: attribute lines such as ``{.deck}`` dropped."""
    lines = [line for line in body.splitlines() if not ATTRIBUTE_LINE.match(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def headline(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def convert(corpus: Path, site: Path) -> int:
    """Write the Hugo site for ``corpus`` into ``site`` (replaced); return the post count."""
    if site.exists():
        shutil.rmtree(site)
    posts = site / "content" / "posts"
    posts.mkdir(parents=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(LIST, encoding="utf-8")
    count = 0
    # content/*.zh.md (one page) or content/<date>/p<NN>/*.zh.md (an archive); unique stems.
    for zh_path in sorted((corpus / "content").rglob("*.zh.md")):
        zh_front, zh_body = split_front_matter(zh_path.read_text(encoding="utf-8"))
        if not re.search(r"^kind:\s*article\s*$", zh_front, re.MULTILINE):
            continue
        en_path = zh_path.with_name(zh_path.name[: -len(".zh.md")] + ".en.md")
        _en_front, en_body = split_front_matter(en_path.read_text(encoding="utf-8"))
        title = headline(en_body) or headline(zh_body) or zh_path.stem
        front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"
        text = front + plain_body(zh_body) + "\n" + plain_body(en_body)
        (posts / (zh_path.name[: -len(".zh.md")] + ".md")).write_text(text, encoding="utf-8")
        count += 1
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    print(f"{convert(args.corpus, args.site)} posts written to {args.site}")
