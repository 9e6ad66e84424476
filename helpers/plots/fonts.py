"""The kit's own Chinese font, registered with matplotlib as a fallback for missing glyphs.

``helpers/fonts/TieringKitSansSC-Regular.otf`` is a subset of Noto Sans CJK SC
(SIL Open Font License 1.1, see ``helpers/fonts/OFL.txt``) covering GB2312 and every
Chinese character in the kit. It is added to matplotlib's font list in memory when
:mod:`helpers.plots` is imported: no font cache to delete, no kernel restart, nothing
to install. Latin text keeps the main font (DejaVu Sans); only glyphs that font lacks
(Chinese characters, full-width punctuation) come from the kit's font, through
matplotlib's font-family fallback list (``rcParams["font.family"]``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

#: Folder of the bundled font, its licence and its attribution.
FONT_DIR: Path = Path(__file__).resolve().parent.parent / "fonts"
#: The bundled subset (regular weight only; bold text falls back to it as well).
FONT_FILE: Path = FONT_DIR / "TieringKitSansSC-Regular.otf"
#: Family name of the bundled subset (renamed from Noto Sans CJK SC: a modified font gets its own name).
FAMILY: str = "Tiering Kit Sans SC"


def register_font() -> bool:
    """Add the bundled Chinese font to matplotlib's font list (once; later calls do nothing).

    The file has only a regular weight; it is also listed as bold so that bold
    titles use it without matplotlib's "Failed to find font weight bold" message
    (Chinese characters in a bold title are drawn in the regular weight).

    Returns
    -------
    bool
        True when the font is registered, False when the file is missing (a damaged install).

    Examples
    --------
    >>> register_font()
    True
    >>> FAMILY in {f.name for f in font_manager.fontManager.ttflist}
    True
    """
    manager = font_manager.fontManager
    if any(entry.name == FAMILY for entry in manager.ttflist):
        return True
    if not FONT_FILE.is_file():
        return False
    manager.addfont(str(FONT_FILE))
    regular = next(entry for entry in manager.ttflist if entry.name == FAMILY)
    manager.ttflist.append(dataclasses.replace(regular, weight=700))
    manager._findfont_cached.cache_clear()  # the bold entry was added after addfont's own clear
    return True


def with_fallback(families: str | list[str] | tuple[str, ...]) -> list[str]:
    """A font-family list that ends with the bundled Chinese font (added once).

    Parameters
    ----------
    families : str or list of str
        A value of ``rcParams["font.family"]``, e.g. ``"sans-serif"``.

    Returns
    -------
    list of str
        ``families`` followed by :data:`FAMILY`.

    Examples
    --------
    >>> with_fallback("sans-serif")
    ['sans-serif', 'Tiering Kit Sans SC']
    >>> with_fallback(["sans-serif", "Tiering Kit Sans SC"])
    ['sans-serif', 'Tiering Kit Sans SC']
    """
    names = [families] if isinstance(families, str) else list(families)
    return [name for name in names if name != FAMILY] + [FAMILY]


def use_fallback() -> bool:
    """Register the bundled font and append it to ``rcParams["font.family"]``.

    Call again after anything that resets matplotlib's settings (``sns.set_theme()``,
    ``plt.rcdefaults()``, ``plt.style.use(...)``); :func:`helpers.plots.set_theme`
    does it for the kit's own theme.

    Returns
    -------
    bool
        True when Chinese glyphs can be drawn.

    Examples
    --------
    >>> use_fallback()
    True
    >>> mpl.rcParams["font.family"][-1]
    'Tiering Kit Sans SC'
    """
    if not register_font():
        return False
    mpl.rcParams["font.family"] = with_fallback(mpl.rcParams["font.family"])
    return True
