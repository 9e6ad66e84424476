"""Render matplotlib figures into an ``ipywidgets.Image`` quickly (no flicker, any front end)."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

__all__ = ["figure_png", "Blitter", "LiveChart", "fit_titles", "image_widget", "steady_limits"]


def figure_png(fig: Figure, dpi: int = 90) -> bytes:
    """PNG bytes of the whole figure.

    Parameters
    ----------
    fig : matplotlib Figure
        The figure to render.
    dpi : int, default 90
        Resolution in dots per inch; 90 keeps a 1280×720 screen readable and the image small.

    Returns
    -------
    bytes
        The PNG file's content, ready for ``ipywidgets.Image(value=...)``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> figure_png(fig)[:4]
    b'\\x89PNG'
    >>> plt.close(fig)
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


class Blitter:
    """Draw a figure's static part once, then redraw only the artists that move.

    A slider move then costs one restore of the saved background, the few
    moving artists and a fast PNG encode, instead of laying out every tick
    label and legend again.

    Parameters
    ----------
    fig : matplotlib Figure
        The figure to draw. Artists that move are created with ``animated=True`` so they are
        left out of the saved background.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> blit = Blitter(fig)
    >>> blit.capture()
    >>> line = ax.axvline(0.5, animated=True)
    >>> blit.render([line])[:4]
    b'\\x89PNG'
    >>> plt.close(fig)
    """

    def __init__(self, fig: Figure) -> None:
        self.fig = fig
        self.canvas = FigureCanvasAgg(fig) if not isinstance(fig.canvas, FigureCanvasAgg) else fig.canvas
        self._background = None

    def capture(self) -> None:
        """Draw everything that is not animated and keep it as the background.

        Call it again after the static part changes (new axis limits, a new title).
        """
        self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.fig.bbox)

    def render(self, artists: Iterable[Artist]) -> bytes:
        """PNG bytes of the background with ``artists`` drawn on top.

        Parameters
        ----------
        artists : iterable of matplotlib Artist
            The moving artists (made with ``animated=True``) to draw over the background.

        Returns
        -------
        bytes
            The PNG file's content.
        """
        if self._background is None:
            self.capture()
        self.canvas.restore_region(self._background)
        for artist in artists:
            self.fig.draw_artist(artist)
        width, height = self.canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        image.save(buf, format="PNG", compress_level=1)
        return buf.getvalue()


def _wrap_to(text: str, chars: int) -> str:
    """``text`` on lines of at most ``chars`` characters: at spaces, or anywhere in text without spaces (Chinese)."""
    if " " in text.strip():
        return textwrap.fill(text, chars)
    return "\n".join(text[i:i + chars] for i in range(0, len(text), chars))


def fit_titles(fig: Figure) -> bool:
    """Break each axes title that would run past the figure's edge onto lines that fit, then lay out again.

    Two charts side by side leave each title half the picture; a title wider than that is cut
    off in the PNG. Call it after drawing (it lays the figure out with ``tight_layout``).

    Parameters
    ----------
    fig : matplotlib Figure
        The figure, its charts drawn.

    Returns
    -------
    bool
        True if a title was broken onto more lines.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, (a, b) = plt.subplots(1, 2, figsize=(5, 2))
    >>> _ = b.set_title("A title far too long to fit above the right half of so small a figure")
    >>> fit_titles(fig), "\\n" in b.get_title(), "\\n" in a.get_title()
    (True, True, False)
    >>> plt.close(fig)
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    changed = False
    for _ in range(2):  # again after the layout has moved the axes
        fig.tight_layout()
        renderer = canvas.get_renderer()
        for ax in fig.axes:
            title = ax.title
            text = title.get_text()
            if not text:
                continue
            box = title.get_window_extent(renderer)
            center = (box.x0 + box.x1) / 2
            room = 2 * min(center - fig.bbox.x0, fig.bbox.x1 - center) - 6
            if box.width > room > 0:
                longest = max(len(line) for line in text.split("\n"))
                title.set_text(_wrap_to(text.replace("\n", " "), max(8, int(longest * room / box.width))))
                changed = True
        if not changed:
            break
    if changed:
        fig.tight_layout()
    return changed


def _encode(canvas: FigureCanvasAgg) -> bytes:
    width, height = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def _ticks_key(axis: object) -> tuple:
    """What decides an axis' tick labels, without laying them out: fixed positions and texts, or the kinds."""
    locator, formatter = axis.get_major_locator(), axis.get_major_formatter()
    locs = tuple(getattr(locator, "locs", ()))
    seq = tuple(getattr(formatter, "seq", ()))
    return type(locator).__name__, locs, type(formatter).__name__, seq, getattr(formatter, "_xmax", None)


class LiveChart:
    """Redraw a chart after a control change in a few milliseconds.

    An explorer clears its axes and calls the same plot function as the notebook on every change.
    Drawing text (tick labels, titles, legends) is most of matplotlib's time, and it rarely changes
    when a slider moves. So :meth:`render` draws the *frame* of the chart (axes, ticks, labels, title,
    legend) once and keeps it; later renders only redraw the data artists (bars, lines, shaded
    areas, value labels) over it, until the frame changes (new title, tick labels or limits: then it
    is drawn again, with ``tight_layout``). Keep limits steady with :func:`steady_limits` so the frame
    changes seldom.

    Parameters
    ----------
    fig : matplotlib Figure
        The explorer's figure, created once.
    tight : bool, default True
        Run ``tight_layout`` whenever the frame is drawn again.
    live_titles : bool, default False
        The axes titles change with the controls (e.g. they name a threshold): draw them with the data,
        not in the frame.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> chart = LiveChart(fig)
    >>> _ = ax.bar([0, 1], [3, 4]); _ = ax.set_ylim(0, 5); _ = ax.set_title("t")
    >>> first = chart.render()
    >>> ax.patches[0].set_height(2)
    >>> second = chart.render()
    >>> chart.frames_drawn, first != second
    (1, True)
    >>> plt.close(fig)
    """

    def __init__(self, fig: Figure, *, tight: bool = True, live_titles: bool = False) -> None:
        self.fig = fig
        self.canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
        self.tight = tight
        self.live_titles = live_titles
        self.frames_drawn = 0
        self._keys: tuple = ()  # the frame on show: as the plot set it, and after its titles were fitted
        self._background = None
        self._legends: list = []

    def data_artists(self) -> list[Artist]:
        """The artists that hold data (redrawn every time): patches, lines, collections, images, texts of each axes.

        Returns
        -------
        list of Artist
        """
        found: list[Artist] = []
        for ax in self.fig.axes:
            found += [*ax.collections, *ax.patches, *ax.lines, *ax.images, *ax.texts]
            if self.live_titles:
                found += [ax.title, ax._left_title, ax._right_title]
        return found

    def frame_key(self) -> tuple:
        """What the frame shows: titles, labels, limits, scales, tick labels, legend texts, per axes.

        Returns
        -------
        tuple
            Equal keys mean the saved frame can be reused.
        """
        key: list[object] = [tuple(self.fig.get_size_inches()), self.fig.dpi,
                             tuple(t.get_text() for t in self.fig.texts)]
        for ax in self.fig.axes:
            legend = ax.get_legend()
            titles = () if self.live_titles else (ax.get_title(), ax.get_title("left"), ax.get_title("right"))
            key.append((
                titles, ax.get_xlabel(), ax.get_ylabel(),
                tuple(ax.get_xlim()), tuple(ax.get_ylim()), ax.get_xscale(), ax.get_yscale(),
                _ticks_key(ax.xaxis), _ticks_key(ax.yaxis),
                tuple(t.get_text() for t in legend.get_texts()) if legend else None,
                ax.get_visible(),
            ))
        return tuple(key)

    def render(self) -> bytes:
        """PNG bytes of the figure as it is now (the frame from memory when it has not changed).

        Returns
        -------
        bytes
            The PNG file's content.
        """
        moving = self.data_artists()
        for artist in moving:
            artist.set_animated(True)
        legends = [ax.get_legend() for ax in self.fig.axes if ax.get_legend() is not None]
        key = self.frame_key()
        if key not in self._keys or self._background is None:
            for legend in legends:  # opaque, drawn over the data: its pixels can be kept and pasted back
                legend.get_frame().set_alpha(1.0)
                legend.set_animated(True)
            if self.tight:
                self.fig.tight_layout()
                if not self.live_titles:  # a long title on more lines instead of running off the image
                    fit_titles(self.fig)
            self.canvas.draw()  # animated artists are left out: this is the frame alone
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
            renderer = self.canvas.get_renderer()
            self._legends = []
            for legend in legends:
                legend.draw(renderer)
                box = legend.get_window_extent(renderer).padded(1)
                self._legends.append(self.canvas.copy_from_bbox(box))
            self._keys = (key, self.frame_key())
            self.frames_drawn += 1
        self.canvas.restore_region(self._background)
        renderer = self.canvas.get_renderer()
        for artist in sorted(moving, key=lambda a: a.get_zorder()):
            if artist.get_visible():
                artist.draw(renderer)
        for pixels in self._legends:  # the legends' saved pixels, over the data as in a full draw
            self.canvas.restore_region(pixels)
        return _encode(self.canvas)


def image_widget(fig: Figure, **layout: str) -> "widgets.Image":
    """An ``ipywidgets.Image`` for ``fig``, shown at the figure's own pixel size (never stretched).

    It may shrink to fit a narrow screen (keeping its proportions), but never grows past the size
    its text was drawn for, and is never cut off.

    Parameters
    ----------
    fig : matplotlib Figure
        The figure the image will show.
    **layout : str
        More ``ipywidgets.Layout`` settings.

    Returns
    -------
    ipywidgets.Image

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure(figsize=(4, 3), dpi=90)
    >>> image_widget(fig).layout.width
    '360px'
    >>> plt.close(fig)
    """
    import ipywidgets as widgets

    width = int(round(fig.get_size_inches()[0] * fig.dpi))
    return widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", max_width="100%", height="auto",
                                                             flex="0 1 auto", object_fit="contain", **layout))


def steady_limits(ax: object, axis: str = "y", *, low: float = 0.0, shrink: float = 0.5) -> None:
    """Keep an axis' upper limit from the previous draw while the data still fits and fills it reasonably.

    Call it after the plot function has set its own limits: the limit grows when the data needs more
    room and shrinks when the data would fill less than ``shrink`` of it, and otherwise stays, so
    :class:`LiveChart` can keep its frame.

    Parameters
    ----------
    ax : matplotlib Axes
        The axes just redrawn.
    axis : {"x", "y"}
        Which axis.
    low : float, default 0.0
        The lower limit to keep.
    shrink : float, default 0.5
        Shrink when the new upper limit is below this fraction of the kept one.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_ylim(0, 10); steady_limits(ax)
    >>> _ = ax.set_ylim(0, 8); steady_limits(ax); float(ax.get_ylim()[1])
    10.0
    >>> _ = ax.set_ylim(0, 12); steady_limits(ax); float(ax.get_ylim()[1])
    12.0
    >>> plt.close(fig)
    """
    get, set_ = (ax.get_ylim, ax.set_ylim) if axis == "y" else (ax.get_xlim, ax.set_xlim)
    wanted = get()[1]
    kept = getattr(ax, f"_kit_steady_{axis}", None)
    if kept is not None and shrink * kept <= wanted <= kept:
        wanted = kept
    set_(low, float(wanted))
    setattr(ax, f"_kit_steady_{axis}", float(wanted))
