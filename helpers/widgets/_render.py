"""Render matplotlib figures into an ``ipywidgets.Image`` quickly (no flicker, any front end)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

__all__ = ["figure_png", "Blitter"]


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
