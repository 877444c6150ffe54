"""What the reading help ships: each article's words with their pinyin, the site's dictionary
(reading/*.json, loaded by static/reading.js on first use), and the rows of the vocabulary pages
(<article url>words/, for readers without JavaScript). Pure: the model in, bytes and rows out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from edition.lexicon import Entry, Lexicon, parts
from edition.model import Article, Edition
from edition.reading import Reading, article_blocks, reading_of
from edition.segment import Token
from edition.typography import curly_quotes

WORDS_FILE = "reading/words.json"


def tokens_file(article_id: str) -> str:
    return f"reading/{article_id}.json"


def _dumps(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)  # the exports' JSON writer (edition/export.py)


def _token(token: Token) -> list[str]:
    """[text] for punctuation, [text, pinyin] for a word, [text, pinyin, entity id] for a name."""
    if not token.is_word:
        return [token.text]
    return [token.text, token.pinyin, token.entity] if token.entity else [token.text, token.pinyin]


def reading_files(edition: Edition) -> dict[str, bytes]:
    """reading/<article>.json for every article (with its captions) and the page, and the
    dictionary of every word they use, reading/words.json."""
    reading = reading_of(edition)
    files: dict[str, bytes] = {}
    for article in edition.all_articles:
        blocks = article_blocks(edition, article) if article.kind != "page" else list(article.blocks)
        files[tokens_file(article.id)] = _dumps(
            {"blocks": {b.id: [_token(t) for t in reading.tokens.get(b.id, ())] for b in blocks}}
        )
    files[WORDS_FILE] = _dumps(dictionary(reading))
    return files


def dictionary(reading: Reading) -> dict[str, Any]:
    """{"words": {word: [HSK level, [[pinyin, traditional, senses], ...], parts]}}: the words of
    the text (not names: their notes are the edition's) that CC-CEDICT or the HSK lists know;
    ``parts`` is, for a word CC-CEDICT lacks, the words it is made of ([part, pinyin, senses])."""
    lexicon = reading.lexicon
    words: dict[str, Any] = {}
    if lexicon is not None:
        for tokens in reading.tokens.values():
            for token in tokens:
                if token.kind != "word" or token.text in words:
                    continue
                entries = lexicon.entries.get(token.text, ())
                level = lexicon.level(token.text)
                made_of = [_part(lexicon, p) for p in parts(lexicon, token.text)]
                if entries or level or any(made_of):
                    words[token.text] = [level, [_entry(token.text, e) for e in entries], made_of]
    return {
        "source": "CC-CEDICT",
        "license": "CC BY-SA 4.0",
        "version": lexicon.version if lexicon is not None else "",
        "hsk": "HSK 3.0, 2025 syllabus",
        "words": words,
    }


def _part(lexicon: Lexicon, part: str) -> list[str]:
    """[part, its usual reading's pinyin, its first senses], or [part] where CC-CEDICT lacks it."""
    entries = lexicon.entries.get(part, ())  # the usual reading first
    return [part, entries[0].pinyin, curly_quotes("; ".join(entries[0].senses[:3]))] if entries else [part]


def _entry(word: str, entry: Entry) -> list[str]:
    # The traditional form only where it differs: most of the file is senses (curly, as the
    # vocabulary pages show them: "one’s", not CC-CEDICT's "one's").
    return [entry.pinyin, "" if entry.traditional == word else entry.traditional, curly_quotes("; ".join(entry.senses))]


@dataclass(frozen=True)
class VocabularyRow:
    text: str
    pinyin: str
    gloss: str  # CC-CEDICT's senses for the reading in context, or the name in English
    level: str = ""  # HSK level, "" where the word has none
    entity: str = ""  # a name or term of the glossary, its id: its note is the edition's
    entity_type: str = ""  # and its type (place, person...), said beside its English
    number: bool = False  # a number with its unit (no dictionary has 16.4万人)
    made_of: str = ""  # for a word CC-CEDICT lacks: the words it is made of, with their senses


def vocabulary(edition: Edition, article: Article) -> list[VocabularyRow]:
    """Every word of the article (its captions too), once, in order of first appearance.

    A word's row is the same in every article that reads it so (its text, reading, name and
    kind make it), so the site has one row for it, made when first asked and then shared: an
    archive's vocabularies are 190,000 rows at 1,000 articles, of some 20,000 words, and the
    dev server, which asks every vocabulary again after an edit, made and digested each row
    anew (most of an edit's time)."""
    reading = reading_of(edition)
    rows: dict[tuple[str, str, str, str], VocabularyRow] = reading.rows
    out = []
    for token in reading.words(article_blocks(edition, article)):
        key = (token.text, token.pinyin, token.entity, token.kind)
        row = rows.get(key)
        if row is None:
            row = rows[key] = _row(reading, token)
        out.append(row)
    return out


def _row(reading: Reading, token: Token) -> VocabularyRow:
    """A word's row: a name's English and type, else CC-CEDICT's senses for its reading (or, for
    a word it lacks, the words it is made of), and its HSK level."""
    lexicon = reading.lexicon
    entity = reading.entities.get(token.entity) if token.entity else None
    if entity is not None:
        return VocabularyRow(token.text, token.pinyin, entity.en, entity=entity.id, entity_type=entity.type)
    gloss = senses_for(lexicon, token) if lexicon is not None else ""
    pieces = parts(lexicon, token.text) if lexicon is not None and not gloss else []
    made_of = ""
    if lexicon is not None and len(pieces) > 1:  # not in CC-CEDICT: the words it is made of
        made_of = " + ".join(f"{p} ({senses_for(lexicon, Token(p, 0, 'word'), 2) or '?'})" for p in pieces)
    level = lexicon.level(token.text) if lexicon is not None else ""
    return VocabularyRow(token.text, token.pinyin, gloss, level, number=token.kind == "number", made_of=made_of)


def senses_for(lexicon: Lexicon, token: Token, limit: int = 4) -> str:
    """The senses of the reading the word has here (edition/lexicon.py)."""
    return lexicon.senses(token.text, token.pinyin, limit)
