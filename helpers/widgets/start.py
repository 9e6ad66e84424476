"""Module 00: a tiny widget that proves interactive widgets work in this Jupyter."""

from __future__ import annotations

import ipywidgets as widgets

from helpers._docs import shared_docs
from helpers.catalog import label


@shared_docs
def widget_check(lang: str = "en") -> widgets.VBox:
    """A slider and a line of text that follows it: if the text appears when the slider moves, widgets work.

    The line is empty until the slider moves, so a notebook saved with its widgets (or one whose
    widgets do not work) never claims a move that did not happen.

    Parameters
    ----------
    {lang}

    Returns
    -------
    ipywidgets.VBox
        The slider above the line of text; display it and move the slider.

    Examples
    --------
    >>> box = widget_check()
    >>> slider, text = box.children
    >>> text.value
    ''
    >>> slider.value = 7
    >>> text.value
    'Widgets work: you moved the slider to 7.'
    """
    slider = widgets.IntSlider(value=0, min=0, max=10, description=label("widget_check_title", lang))
    text = widgets.HTML("")

    def follow(change: dict) -> None:
        text.value = label("widget_check", lang, value=change["new"])

    slider.observe(follow, names="value")
    return widgets.VBox([slider, text])
