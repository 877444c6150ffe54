"""Walk 10, an editor's mistakes: each one clear message, with file, line and hint.

1. A paragraph deleted from an article's Chinese was four errors (the 'blocks:' count, the
   English's block "with no Chinese counterpart — remove it", a glossary name and a checked
   reading "not in the text"), and `check` added a hundred source lines "in no block"; none
   named the paragraph. Now one error names it, where it belongs, and the rest is held back.
2. Raw HTML and an emphasis left open in the English were published as typed without a word;
   a tag or a star inside an approved rendering was reported as a missing rendering.
3. A name found only in the English was not found capitalised at a sentence's start, as the
   names paired with the Chinese are (_en_pattern).
"""

from __future__ import annotations

from edition.annotate import _en_pattern, english_index, find_english

# --- 3. English-only names at a sentence's start ----------------------------------------------


def test_an_english_only_name_is_found_capitalised_where_a_sentence_begins() -> None:
    forms = ["paired assistance", "this newspaper"]
    text = "Paired assistance began in 2016. “This newspaper reports” that the Paired assistance, paired assistance."
    found = [(text[a:b], form) for a, b, form in find_english(text, english_index(forms))]
    assert found == [
        ("Paired assistance", "paired assistance"),
        ("This newspaper", "this newspaper"),
        ("paired assistance", "paired assistance"),  # not "the Paired assistance": no sentence begins there
    ]
    assert [m.group(0) for m in _en_pattern(tuple(forms)).finditer(text)] == [t for t, _ in found]
