"""Search finds a passage for its own text only: an article's citations, translator line,
"see also" and previous/next links are not read as its last passage's (found by a usage walk:
'Chicago', 'BibTeX' and the translator's name each listed every article's last passage, and
朝阳区 one whose text does not hold it, through a title in its citation).

Uses the edition built once with its index and served (tests/conftest.py), as
tests/test_search_words.py does; skipped, or failed under EDITION_REQUIRE_BROWSER=1, as it is.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page
from test_search_words import search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    return served_site


@pytest.mark.parametrize("query", ["BibTeX", "urldate", "langid", "Vocabulary"])
def test_what_surrounds_the_text_is_not_searched_as_a_passage(site: Site, browser: Any, query: str) -> None:
    page = new_page(browser)
    page.goto(site.url + "search/")
    count, results = search(page, query)
    assert count == 0 and not results, (query, results[:3])
    assert not page.errors
    page.context.close()
