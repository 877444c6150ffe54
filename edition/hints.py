"""What an editor most likely meant by a name the edition does not know: a misspelt key, table
or entity id. Every "did you mean" of the errors comes from here, so they all judge alike."""

from __future__ import annotations

from difflib import SequenceMatcher


def closest_keys(key: str, known: set[str]) -> list[str]:
    """The known keys an editor most likely meant: case aside ('Order' is 'order'), the most
    alike of the similar ones by difflib's ratio, every one as alike as the most alike
    ('translater' is as near 'translator' as 'translates'), alphabetically: never the set's
    order, which changes from run to run."""
    lower = key.lower()
    ratios = {k: SequenceMatcher(None, k.lower(), lower).ratio() for k in known if _similar(k.lower(), lower)}
    best = max(ratios.values(), default=0.0)
    return sorted(k for k, ratio in ratios.items() if ratio == best)


def closest_key(key: str, known: set[str]) -> str | None:
    """The known key an editor most likely meant (the first of closest_keys)."""
    return next(iter(closest_keys(key, known)), None)


def did_you_mean(key: str, known: set[str], shape: str = "{!r}") -> str | None:
    """The hint for a misspelt key: "did you mean 'a'?", or "'a' or 'b'" where two are as
    alike; None where none is. ``shape`` writes a key ("[{}]" for a TOML table)."""
    close = [shape.format(k) for k in closest_keys(key, known)]
    return f"did you mean {' or '.join(close)}?" if close else None


def _similar(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 2:
        return False
    common = sum(1 for x, y in zip(sorted(a), sorted(b), strict=False) if x == y)
    return a[:2] == b[:2] or common >= max(len(a), len(b)) - 2
