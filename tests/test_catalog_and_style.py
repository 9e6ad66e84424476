"""One label catalog, one theme; Chinese labels never silently become boxes."""

from __future__ import annotations

import string
import warnings

import matplotlib.pyplot as plt
import pytest

from helpers import catalog
from helpers.plots import style


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(catalog.LABELS))
def test_every_label_has_both_languages_with_the_same_placeholders(key):
    entry = catalog.LABELS[key]
    assert set(entry) == set(catalog.LANGUAGES)
    assert all(entry[lang].strip() for lang in catalog.LANGUAGES)
    assert placeholders(entry["en"]) == placeholders(entry["zh"])


@pytest.mark.parametrize("key", sorted(catalog.SENTENCES))
def test_every_sentence_has_both_languages_with_the_same_placeholders(key):
    entry = catalog.SENTENCES[key]
    assert set(entry) == set(catalog.LANGUAGES)
    assert all(entry[lang].strip() for lang in catalog.LANGUAGES)
    assert placeholders(entry["en"]) == placeholders(entry["zh"])
    if key not in ("name_value", "name_share", "in_parentheses"):  # punctuation-only pieces
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry["zh"]), f"{key}: the zh text is not Chinese"


def test_sentences_are_used_by_the_notebooks():
    """Every template is said by some notebook (no dead entries), and a missing value names itself."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = "\n".join(p.read_text(encoding="utf-8") for p in (root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    unused = [key for key in catalog.SENTENCES if f'\\"{key}\\"' not in code and f'"{key}"' not in code]
    assert not unused, f"sentence templates no notebook uses: {unused}"
    with pytest.raises(KeyError, match="needs a value for 'g'"):
        catalog.sentence("m01_gini", "zh")
    with pytest.raises(KeyError, match="close matches"):
        catalog.sentence("m01_gin")


def test_unknown_key_and_language_are_explained():
    with pytest.raises(KeyError, match="close matches: \\['revenue'"):
        catalog.label("revenu")
    with pytest.raises(ValueError, match="lang must be one of"):
        catalog.label("revenue", "fr")


def test_zh_without_any_cjk_font_warns_once_with_the_fix(monkeypatch):
    monkeypatch.setattr(style.fonts, "register_font", lambda: False)  # the bundled file is gone
    monkeypatch.setattr(style, "available_cjk_font", lambda: None)
    monkeypatch.setattr(style, "_warned_cjk", False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert style.use_language("zh") == "en"
        assert style.use_language("zh") == "en"
    cjk = [w for w in caught if issubclass(w.category, style.CJKFontWarning)]
    assert len(cjk) == 1 and "helpers/fonts" in str(cjk[0].message)


def test_zh_uses_the_bundled_font_after_the_main_font():
    assert style.use_language("zh") == "zh"
    assert plt.rcParams["font.family"] == ["sans-serif", style.fonts.FAMILY]
    assert style.available_cjk_font() == style.fonts.FAMILY


def test_without_the_bundled_font_a_system_cjk_font_is_the_fallback(monkeypatch):
    monkeypatch.setattr(style.fonts, "register_font", lambda: False)
    monkeypatch.setattr(style, "available_cjk_font", lambda: "Noto Sans CJK SC")
    try:
        assert style.use_language("zh") == "zh"
        assert plt.rcParams["font.family"] == ["sans-serif", "Noto Sans CJK SC"]
    finally:
        monkeypatch.undo()
        style.set_theme()


def test_tier_colours_are_fixed_and_colour_blind_palette():
    assert style.TIER_COLORS["A"] == style.TIER_COLORS["VIP"] == style.PALETTE[0]
    assert len(set(style.TIER_COLORS.values())) == 3


def test_a_title_without_a_data_set_name_does_not_start_with_a_colon():
    import string

    from helpers.catalog import LABELS, label

    titled = [(key, lang) for key, texts in LABELS.items() for lang, text in texts.items()
              if isinstance(text, str) and text.startswith("{dataset}")]
    assert len(titled) > 10  # the chart titles of modules 01-12
    for key, lang in titled:
        fields = {name for _, name, _, _ in string.Formatter().parse(LABELS[key][lang]) if name}
        text = label(key, lang, **{name: "x" for name in fields} | {"dataset": ""})
        assert text and text[0] not in ":： ", (key, lang, text)
        assert label(key, lang, **{name: "x" for name in fields} | {"dataset": "Shop"}).startswith("Shop"), key
