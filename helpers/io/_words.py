"""Words in traditional Chinese characters, read from ``words.txt`` beside this file (see its header)."""

from __future__ import annotations

from pathlib import Path


def load(path: Path = Path(__file__).with_name("words.txt")) -> dict[str, tuple[str, ...]]:
    """Section name → words (``common`` holds single characters, one per word).

    Examples
    --------
    >>> words = load()
    >>> len(words["common"]) > 100 and "customer" in words
    True
    """
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, rest = line.partition(":")
        words = rest.split()
        out[name.strip()] = tuple("".join(words)) if name.strip() == "common" else tuple(words)
    return out


WORDS: dict[str, tuple[str, ...]] = load()
