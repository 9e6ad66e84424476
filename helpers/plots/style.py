"""One theme, one palette, one set of tier colours for every chart in the kit."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from helpers.catalog import label
from helpers.plots import fonts

#: Colour-blind-safe palette (seaborn "colorblind", i.e. Okabe–Ito-like hues).
PALETTE: list[str] = sns.color_palette("colorblind").as_hex()

#: Tier colours, identical in every module: A / VIP always the same colour.
TIER_COLORS: dict[str, str] = {
    "A": PALETTE[0],
    "VIP": PALETTE[0],
    "B": PALETTE[2],
    "regular": PALETTE[2],
    "C": PALETTE[7],
    "potential": PALETTE[7],
}

#: Fonts that can draw Chinese, most preferred first: the kit's bundled font, then common system fonts.
CJK_FONTS: Sequence[str] = (
    fonts.FAMILY,
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "AR PL UMing CN",
)

#: What to do when no font can draw Chinese (the warning a Chinese notebook shows says it in both languages).
CJK_FONT_FIX = label("cjk_font_fix", "en") + "\n" + label("cjk_font_fix", "zh")


class CJKFontWarning(UserWarning):
    """Chinese labels were asked for but no font on this machine can draw them."""


_warned_cjk = False


def set_theme() -> None:
    """Apply the kit's seaborn theme (white grid, colour-blind palette, readable sizes).

    The font family is the main sans-serif font followed by the kit's Chinese font
    (:mod:`helpers.plots.fonts`), so Chinese labels draw in every chart even though
    ``sns.set_theme`` resets matplotlib's settings.

    Examples
    --------
    >>> set_theme()
    >>> mpl.rcParams["axes.titleweight"], mpl.rcParams["font.family"]
    ('bold', ['sans-serif', 'Tiering Kit Sans SC'])
    """
    fonts.register_font()
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook", font="sans-serif")
    mpl.rcParams.update(
        {
            "figure.figsize": (7.5, 4.5),
            "figure.dpi": 100,
            "axes.titleweight": "bold",
            "axes.titlesize": 13,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    fonts.use_fallback()


def available_cjk_font() -> str | None:
    """Name of a registered font that draws Chinese (the kit's own first), or None.

    The fonts of :data:`CJK_FONTS` are tried in order.

    Returns
    -------
    str or None
        The font's family name, or ``None`` when no Chinese font is installed.

    Examples
    --------
    >>> available_cjk_font()
    'Tiering Kit Sans SC'
    """
    fonts.register_font()
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    return None


def use_language(lang: str = "en") -> str:
    """Prepare matplotlib for labels in ``lang`` and return the language charts will use.

    For ``"zh"`` it makes sure Chinese glyphs come from a CJK font: the kit's own
    font as a fallback after the main font (see :mod:`helpers.plots.fonts`), or,
    if that file is missing, an installed CJK font. Only when neither exists does it
    warn **once** (:class:`CJKFontWarning`, with the fix) and return ``"en"`` so
    that charts fall back to English instead of drawing boxes silently.

    Parameters
    ----------
    lang : {"en", "zh"}, default "en"
        The language asked for.

    Returns
    -------
    str
        The language the labels will be in: ``lang``, or ``"en"`` when ``"zh"`` was asked for
        and no Chinese font is installed.

    Warns
    -----
    CJKFontWarning
        Once per session, when ``"zh"`` is asked for and no Chinese font is installed.

    Examples
    --------
    >>> use_language("en")
    'en'
    >>> use_language("zh")
    'zh'
    """
    global _warned_cjk
    if lang != "zh":
        return "en" if lang == "en" else lang
    if fonts.use_fallback():
        return "zh"
    font = available_cjk_font()
    if font is None:
        if not _warned_cjk:
            warnings.warn(CJK_FONT_FIX, CJKFontWarning, stacklevel=2)
            _warned_cjk = True
        return "en"
    mpl.rcParams["font.family"] = ["sans-serif", font]
    return "zh"


def percent_axis(ax: Axes, axis: str = "y", decimals: int = 0) -> Axes:
    """Format an axis whose values are fractions (0–1) as percent.

    Parameters
    ----------
    ax : matplotlib Axes
        The chart to format.
    axis : {"x", "y", "both"}, default "y"
        Which axis holds the fractions.
    decimals : int, default 0
        Decimals shown after the percent value.

    Returns
    -------
    matplotlib Axes
        ``ax`` itself, so calls can be chained.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> percent_axis(ax, "both") is ax
    True
    >>> plt.close(fig)
    """
    fmt = PercentFormatter(xmax=1.0, decimals=decimals)
    if axis in ("x", "both"):
        ax.xaxis.set_major_formatter(fmt)
    if axis in ("y", "both"):
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=decimals))
    return ax


def stacked_share_bars(ax: Axes, table: pd.DataFrame, parts: Sequence[tuple[str, str, str]], *,
                       min_share: float = 0.06, white_text: Sequence[str] = ()) -> list:
    """Horizontal bars of shares that add up to 1, one bar per row of ``table``, each part labelled in %.

    ``parts`` lists ``(column, colour, legend label)`` from left to right; a part
    narrower than ``min_share`` gets no number. Returns the bar containers (one per
    part) so a chart can mark single bars. The caller sets ticks, axis labels and title.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw.
    table : DataFrame
        One row per bar (first row at the bottom), one column per part, shares (0–1) adding up
        to 1 along each row.
    parts : sequence of (str, str, str)
        ``(column, colour, legend label)`` for each part, left to right.
    min_share : float, default 0.06
        Parts narrower than this share get no percent label (it would not fit).
    white_text : sequence of str, default ()
        Columns whose labels are drawn in white (for dark colours).

    Returns
    -------
    list of matplotlib BarContainer
        One container per part, in the order of ``parts``.

    Examples
    --------
    >>> import pandas as pd
    >>> fig, ax = plt.subplots()
    >>> t = pd.DataFrame({"yes": [0.7, 0.2], "no": [0.3, 0.8]}, index=["x", "y"])
    >>> bars = stacked_share_bars(ax, t, [("yes", "tab:blue", "Yes"), ("no", "tab:grey", "No")])
    >>> len(bars), [t.get_text() for t in ax.texts]
    (2, ['70%', '20%', '30%', '80%'])
    >>> plt.close(fig)
    """
    y = list(range(len(table)))
    start = [0.0] * len(table)
    containers = []
    for column, colour, name in parts:
        values = table[column].astype(float).tolist()
        containers.append(ax.barh(y, values, left=start, color=colour, edgecolor="white", label=name))
        for row, v in enumerate(values):
            if v >= min_share:
                ax.text(start[row] + v / 2, row, f"{v:.0%}", ha="center", va="center", fontsize=10,
                        color="white" if column in white_text else "black")
        start = [s + v for s, v in zip(start, values)]
    ax.set_xlim(0, 1)
    percent_axis(ax, "x")
    return containers
