"""The layouts, shortcodes and configuration of the same-work Hugo twin (bench/hugo_same.py).

Adopted from ../shared/bench/hugo_same.py; what a page says of its newspaper, date and page
number comes from each page's front matter (an archive has many), and each newspaper page
has a front in every language, as ours has.
"""

from __future__ import annotations

BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.Language.Params.htmllang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ i18n "short_title" }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Params.htmllang }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="{{ "static/edition.css" | relURL }}">
<meta property="og:site_name" content="{{ i18n "site_title" }}">
<meta property="og:title" content="{{ .Title }} — {{ i18n "short_title" }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta name="description" content="{{ i18n "description" }}">
{{ block "head" . }}<meta property="og:type" content="website">{{ end }}
</head>
<body class="view-{{ site.Language.Lang }}">
<a class="skip" href="#main">{{ i18n "skip" }}</a>
{{ partial "header.html" . }}
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site">
  <p>{{ i18n "footer_note" }} <a href="{{ "about/" | relLangURL }}">{{ i18n "about" }}</a></p>
</footer>
<script src="{{ "static/edition.js" | relURL }}" defer></script>
</body>
</html>
"""

HEADER = """\
<header class="site">
  <p class="brand"><a href="{{ "" | relLangURL }}">{{ i18n "short_title" }}</a></p>
  <nav aria-label="{{ i18n "nav_label" }}">
    <ul>
      <li><a href="{{ "" | relLangURL }}"{{ if .IsHome }} aria-current="page"{{ end }}>{{ i18n "home" }}</a></li>
      <li><a href="{{ "entities/" | relLangURL }}"{{ if eq .Type "entities" }} aria-current="page"{{ end }}>{{ i18n "index" }}</a></li>
      <li><a href="{{ "figures/" | relLangURL }}"{{ if eq .Section "figures" }} aria-current="page"{{ end }}>{{ i18n "figures" }}</a></li>
      <li><a href="{{ "search/" | relLangURL }}">{{ i18n "search" }}</a></li>
      <li><a href="{{ "about/" | relLangURL }}">{{ i18n "about" }}</a></li>
    </ul>
  </nav>
  <nav class="views" aria-label="{{ i18n "views_label" }}">
    <ul>
    {{ $here := .Language.Lang }}
    {{ range .AllTranslations }}
      <li><a href="{{ .RelPermalink }}" data-view="{{ .Language.Lang }}" hreflang="{{ .Language.Params.htmllang }}"{{ if eq .Language.Lang $here }} aria-current="true"{{ end }}>{{ .Language.LanguageName }}</a></li>
    {{ end }}
    </ul>
  </nav>
</header>
"""

SINGLE = """\
{{ define "head" }}
<meta property="og:type" content="article">
<meta property="article:published_time" content="{{ .Params.date }}">
<meta name="citation_title" content="{{ .Params.title_zh }}">
<meta name="citation_journal_title" content="{{ .Params.paper_zh }} ({{ .Params.paper_en }})">
<meta name="citation_publication_date" content="{{ .Params.date_slash }}">
<meta name="citation_firstpage" content="12">
<meta name="citation_language" content="zh">
<meta name="citation_public_url" content="{{ .Permalink }}">
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "NewsArticle" "headline" .Params.title_zh "alternativeHeadline" .Params.title_en "inLanguage" "zh-CN" "datePublished" .Params.date "pageStart" (string .Params.page) "url" .Permalink "isPartOf" (dict "@type" "Newspaper" "name" .Params.paper_zh "alternateName" .Params.paper_en) "workTranslation" (dict "@type" "CreativeWork" "name" .Params.title_en "inLanguage" "en" "url" .Permalink "translator" (dict "@type" "Organization" "name" "The edition team")) | jsonify (dict "indent" " ") | safeJS }}</script>
{{ end }}
{{ define "main" }}
{{ $page := . }}
<article class="article" aria-labelledby="{{ .Params.first_block }}">
{{ .Content }}
<details class="cite" id="cite">
  <summary>{{ i18n "cite_this" }}</summary>
  <dl lang="en">
    <dt>{{ i18n "cite_original" }} (Chicago)</dt><dd><span lang="zh-Hans">“{{ .Params.title_zh }}.” {{ .Params.paper_zh }} ({{ .Params.paper_en }}), {{ .Params.date_long }}, {{ .Params.page }}. {{ .Permalink }}.</span></dd>
    <dt>{{ i18n "cite_translation" }} (Chicago)</dt><dd>“{{ .Params.title_en }}.” Translated by the edition team. In {{ .Params.paper_en }}, {{ .Params.date_long }}, Page {{ .Params.page }}: An Annotated Bilingual Edition. {{ .Permalink }}.</dd>
    <dt>{{ i18n "cite_original" }} (GB/T 7714)</dt><dd lang="zh-Hans">{{ .Params.title_zh }}[N]. {{ .Params.paper_zh }}, {{ .Params.date }}({{ .Params.page }}).</dd>
    <dt>{{ i18n "cite_translation" }} (GB/T 7714)</dt><dd>{{ .Params.title_en }}[N]. {{ .Params.paper_en }}, {{ .Params.date }}({{ .Params.page }}). Translated by the edition team.</dd>
    <dt>BibTeX</dt><dd><pre>@article{ {{- .File.ContentBaseName }},
  title = { {{- .Params.title_zh -}} },
  journal = { {{- .Params.paper_zh }} ({{ .Params.paper_en -}}) },
  date = { {{- .Params.date -}} },
  pages = { {{- .Params.page -}} },
  url = { {{- .Permalink -}} },
}</pre></dd>
    <dt>CSL-JSON</dt><dd><pre>{{ dict "id" .File.ContentBaseName "type" "article-newspaper" "title" .Params.title_zh "container-title" .Params.paper_zh "issued" (dict "date-parts" (slice .Params.date_parts)) "page" (string .Params.page) "URL" .Permalink | jsonify (dict "indent" "  ") }}</pre></dd>
  </dl>
</details>
<p class="translator">{{ i18n "translator" }}: synthetic</p>
<section class="notes" aria-labelledby="notes-h">
  <h2 id="notes-h">{{ i18n "notes" }}</h2>
  <ol class="entity-notes">
  {{ range .GetTerms "entities" }}
<li id="n-{{ .Data.Term }}" class="note note-{{ .Params.note_kind }} t-{{ .Params.kind }}">
{{ partialCached "note_about.html" . .RelPermalink }}
  <span class="note-links">
    <a href="#{{ index $page.Params.first .Data.Term }}">{{ i18n "back_to_text" }}</a> ·
    <a href="{{ .RelPermalink }}">{{ i18n "all_mentions" }} ({{ len .Pages }})</a>
  </span>
{{ partialCached "note_elsewhere.html" . .RelPermalink }}
</li>
  {{ end }}
  </ol>
  <ol>
  {{ range .Params.notes }}
    <li id="{{ .id }}" class="note note-{{ .kind }}">
      <span class="note-kind">{{ i18n (printf "note_kind_%s" .kind) }}</span>
      <span lang="en">{{ .text | markdownify }}</span>
      <a href="#{{ .block }}">{{ i18n "back_to_text" }}</a>
    </li>
  {{ end }}
  </ol>
</section>
</article>
<nav class="prevnext" aria-label="{{ i18n "articles" }}">
{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ i18n "previous" }}</a>{{ end }}
{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ i18n "next" }} →</a>{{ end }}
</nav>
{{ end }}
"""

NOTE_ABOUT = """\
  <span class="note-kind">{{ i18n (printf "note_kind_%s" .Params.note_kind) }} · {{ i18n (printf "type_%s" .Params.kind) }}</span>
  <b><span lang="{{ site.Language.Params.zhlang }}">{{ .Params.zh }}</span> <i lang="zh-Latn-pinyin">{{ .Params.pinyin }}</i> <span lang="en">{{ .Params.en }}</span></b>
  <span id="nt-{{ .Data.Term }}" class="note-text" lang="en">{{ .Content }}</span>
"""

# The way to the other places naming a term: the same on every page of a language, so made
# once per term and language (partialCached), as the project's shared macro note_elsewhere.
NOTE_ELSEWHERE = """\
{{ if gt (len .Pages) 1 }}<span class="note-links">{{ i18n "also_in" }}: {{ range $i, $p := first 8 .Pages }}{{ if $i }}, {{ end }}<a href="{{ $p.RelPermalink }}#{{ $p.Params.first_block }}">{{ $p.Params.first_block }}</a>{{ end }}{{ if gt (len .Pages) 8 }} …{{ end }}</span>{{ end }}
"""

TERM = """\
{{ define "main" }}
<article class="entity t-{{ .Params.kind }}">
<p class="crumbs"><a href="{{ "entities/" | relLangURL }}">{{ i18n "index" }}</a> › {{ i18n (printf "types_%s" .Params.kind) }}</p>
<h1><span lang="{{ site.Language.Params.zhlang }}">{{ .Params.zh }}</span> <span lang="en">{{ .Params.en }}</span></h1>
<dl class="facts">
  <dt>{{ i18n "pinyin" }}</dt><dd lang="zh-Latn-pinyin">{{ .Params.pinyin }}</dd>
  {{ with .Params.wikidata }}<dt>{{ i18n "wikidata" }}</dt><dd><a href="https://www.wikidata.org/wiki/{{ . }}">{{ . }}</a></dd>{{ end }}
</dl>
<div class="note-text" lang="en">{{ .Content }}</div>
{{ with .Params.sources }}<h2>{{ i18n "sources" }}</h2>
<ul class="sources">{{ range . }}<li><a href="{{ . }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
<h2>{{ i18n "mentions" }} ({{ len .Pages }})</h2>
{{ $pag := .Paginate .Pages (int site.Params.termpager) }}
{{ partial "pager.html" $pag }}
<ol class="mentions" start="{{ add 1 (mul (sub $pag.PageNumber 1) $pag.PagerSize) }}">
{{ range $pag.Pages }}
  <li>
    <a href="{{ .RelPermalink }}#{{ .Params.first_block }}">{{ .Title }}, {{ .Params.first_block }}</a>
    <p>{{ .Summary }}</p>
  </li>
{{ end }}
</ol>
{{ partial "pager.html" $pag }}
</article>
{{ end }}
"""

PAGER = """\
{{ if gt .TotalPages 1 }}<nav class="parts"><span aria-hidden="true">{{ i18n "parts" }}:</span><ul>
{{ $cur := .PageNumber }}{{ range .Pagers }}<li><a href="{{ .URL }}"{{ if eq .PageNumber $cur }} aria-current="page"{{ end }}>{{ .PageNumber }}</a></li>{{ end }}
</ul></nav>{{ end }}
"""

TAXONOMY = """\
{{ define "main" }}
<article class="index">
<h1>{{ i18n "index" }}</h1>
<ul class="entities">
{{ range .Pages }}<li class="t-{{ .Params.kind }}"><a href="{{ .RelPermalink }}"><span lang="{{ site.Language.Params.zhlang }}">{{ .Params.zh }}</span> {{ .Params.en }}</a> ({{ len .Pages }})</li>
{{ end }}</ul>
</article>
{{ end }}
"""

FIGURES = """\
{{ define "main" }}
<article class="appendix">
<h1>{{ i18n "figures" }}</h1>
<p>{{ i18n "figures_intro" }}</p>
<p class="downloads">{{ i18n "download" }}: <a href="{{ "figures.csv" | relURL }}">figures.csv</a> · <a href="{{ "edition.json" | relURL }}">edition.json</a></p>
{{ $pag := .Paginate (where site.RegularPages "Section" "articles") 50 }}
{{ partial "pager.html" $pag }}
<table class="figures sortable">
<caption>{{ i18n "figures_table_caption" }}</caption>
<thead><tr><th scope="col">{{ i18n "col_printed" }}</th><th scope="col">{{ i18n "col_value" }}</th><th scope="col">{{ i18n "col_unit" }}</th><th scope="col">{{ i18n "col_qualifier" }}</th><th scope="col">{{ i18n "col_label" }}</th><th scope="col">{{ i18n "col_theme" }}</th><th scope="col">{{ i18n "col_where" }}</th></tr></thead>
{{ range $pag.Pages }}{{ $p := . }}
<tbody>
<tr class="group"><th colspan="7" scope="rowgroup">{{ .Title }} <span lang="{{ site.Language.Params.zhlang }}">{{ .Params.title_zh }}</span></th></tr>
{{ range .Params.figures }}
<tr id="{{ .id }}">
  <td lang="{{ site.Language.Params.zhlang }}">{{ .text }}</td>
  <td class="num" data-sort="{{ .value }}">{{ lang.FormatNumber 2 .value }}</td>
  <td>{{ .unit }}</td>
  <td lang="en">{{ .qualifier }}</td>
  <td lang="en">{{ .label }}</td>
  <td>{{ .theme }}</td>
  <td><a href="{{ $p.RelPermalink }}#{{ .block }}">{{ .block }}</a></td>
</tr>
{{ end }}
</tbody>
{{ end }}
</table>
{{ partial "pager.html" $pag }}
</article>
{{ end }}
"""

HOME = """\
{{ define "main" }}
<article class="front">
<h1>{{ i18n "site_title" }}</h1>
{{ range (where site.RegularPages "Section" "fronts").GroupByParam "date" }}<h2>{{ .Key }}</h2>
<ul class="pages">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Params.page }}: {{ .Title }}</a> <span lang="{{ site.Language.Params.zhlang }}">{{ .Params.title_zh }}</span></li>
{{ end }}</ul>
{{ end }}
</article>
{{ end }}
"""

# A newspaper page's front: its masthead, its own blocks (headline, standfirst, captions) and
# the list of its articles, as our page fronts.
FRONT = """\
{{ define "main" }}
<article class="front" aria-labelledby="{{ .Params.first_block }}">
<p class="masthead"><span lang="{{ site.Language.Params.zhlang }}">{{ .Params.paper_zh }}</span> {{ .Params.paper_en }} · {{ .Params.date_long }} · {{ i18n "page" }} {{ .Params.page }} · {{ .Params.section }}</p>
{{ .Content }}
<ol class="articles">
{{ range .Params.articles }}<li><a href="{{ printf "articles/%s/" .id | relLangURL }}">{{ .title }}</a></li>
{{ end }}</ol>
</article>
{{ end }}
"""

PAGE = """\
{{ define "main" }}
<article class="page">
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ end }}
"""

# Shortcodes: one block pair; each language's text of it.
PAIR = """\
<div class="pair k-{{ .Get "k" }}" id="{{ .Get "id" }}">

{{ .Inner }}

<div class="tools"><a class="pl" href="#{{ .Get "id" }}"><span class="visually-hidden">{{ i18n "permalink" }}: </span>{{ i18n "source_lines" }} {{ .Get "l" }}</a>
<details class="cite-block"><summary><span class="visually-hidden">{{ i18n "cite_passage" }} {{ .Get "id" }}</span><span aria-hidden="true">{{ i18n "cite" }}</span></summary><p lang="zh-Hans">{{ .Page.Params.title_zh }}[N]. {{ .Page.Params.paper_zh }}, {{ .Page.Params.date }}({{ .Page.Params.page }})，{{ .Get "id" }}.</p><p lang="en">“{{ .Page.Params.title_en }}.” Translated by the edition team. In {{ .Page.Params.paper_en }}, {{ .Page.Params.date_long }}, Page {{ .Page.Params.page }}: An Annotated Bilingual Edition, passage {{ .Get "id" }}. {{ .Page.Permalink }}#{{ .Get "id" }}.</p></details></div>
</div>
"""

ZH = """\
<div class="zh" lang="{{ site.Language.Params.zhlang }}">

{{ .Inner }}

</div>
"""

EN = """\
<div class="en" lang="en">

{{ .Inner }}

</div>
"""

# Marks: [text](dest "css|id|describedby") -> the project's <a class="m t-..." id=... aria-describedby=...>
RENDER_LINK = """\
{{- $t := split .Title "|" -}}
<a class="{{ index $t 0 }}" href="{{ .Destination | safeURL }}"{{ with index $t 1 }} id="{{ . }}"{{ end }}{{ with index $t 2 }} aria-describedby="{{ . }}"{{ end }}>{{ .Text }}</a>
{{- /**/ -}}
"""

EXPORT_JSON = """\
{{- $articles := slice -}}
{{- range where site.RegularPages "Section" "articles" -}}
{{- $articles = $articles | append (dict "id" .File.ContentBaseName "title_zh" .Params.title_zh "title_en" .Params.title_en "url" .Permalink "entities" .Params.entities "figures" .Params.figures "notes" .Params.notes "text" .RawContent) -}}
{{- end -}}
{{- dict "edition" site.Title "articles" $articles | jsonify (dict "indent" " ") -}}
"""

EXPORT_CSV = """\
id,article,block,text,value,unit,qualifier,label,theme
{{ range where site.RegularPages "Section" "articles" }}{{ $a := .File.ContentBaseName }}{{ range .Params.figures }}{{ .id }},{{ $a }},{{ .block }},"{{ .text }}",{{ .value }},{{ .unit }},{{ .qualifier }},"{{ .label }}",{{ .theme }}
{{ end }}{{ end }}"""

EXPORT_TEI = """\
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>{{ site.Title }}</title></titleStmt></fileDesc></teiHeader>
<text><body>
{{ range where site.RegularPages "Section" "articles" }}<div type="article" xml:id="{{ .File.ContentBaseName }}"><head xml:lang="zh">{{ .Params.title_zh }}</head><head xml:lang="en">{{ .Params.title_en }}</head>
{{ range .Params.figures }}<measure xml:id="{{ .id }}" quantity="{{ .value }}" unit="{{ .unit }}" corresp="#{{ .block }}">{{ .text }}</measure>
{{ end }}<ab>{{ .Plain | htmlEscape }}</ab></div>
{{ end }}</body></text></TEI>
"""


# Where each template goes under layouts/.
LAYOUT_FILES = {
    "baseof.html": BASEOF,
    "page.html": SINGLE,
    "term.html": TERM,
    "taxonomy.html": TAXONOMY,
    "home.html": HOME,
    "list.html": PAGE,
    "plain.html": PAGE,
    "home.edition.json": EXPORT_JSON,
    "home.figurescsv.csv": EXPORT_CSV,
    "home.tei.xml": EXPORT_TEI,
    "_partials/header.html": HEADER,
    "_partials/note_about.html": NOTE_ABOUT,
    "_partials/note_elsewhere.html": NOTE_ELSEWHERE,
    "_partials/pager.html": PAGER,
    "_shortcodes/pair.html": PAIR,
    "_shortcodes/zh.html": ZH,
    "_shortcodes/en.html": EN,
    "_markup/render-link.html": RENDER_LINK,
    "figures/section.html": FIGURES,
    "fronts/page.html": FRONT,
}
