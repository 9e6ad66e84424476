"""Shared parameter descriptions, written once (after seaborn's ``_core`` docstring components).

A docstring line that holds only ``{name}`` (e.g. ``{customer}``) is replaced by the shared
description of that parameter, indented like the placeholder. Apply :func:`shared_docs` to the
function. CONTRIBUTING.md ("One vocabulary") lists the same names.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import TypeVar

__all__ = ["PARAMS", "fill", "shared_docs"]

F = TypeVar("F", bound=Callable)

#: numpydoc text of each shared parameter.
PARAMS: dict[str, str] = {
    "transactions": """transactions : DataFrame
    One row per transaction line; a purchase has a positive amount, a return a negative one.""",
    "as_of": """as_of : date-like, optional
    The analysis date: rows dated on or after it are left out. Default: midnight after the
    last transaction (:func:`helpers._common.default_as_of`).""",
    "customer": """customer : str, default "customer_id"
    Column holding the customer id.""",
    "date": """date : str, default "date"
    Column holding the transaction date.""",
    "amount": """amount : str, default "revenue"
    Column holding the money that is measured (pass ``"margin"`` to measure margin).""",
    "order": """order : str, default "order_id"
    Column holding the order id.""",
    "cost": """cost : str, default "cost"
    Column holding the cost of the goods sold on the line.""",
    "customers": """customers : DataFrame, optional
    The customer table: one row per customer, with the ``customer`` column.""",
    "ids": """ids : list, Index or Series
    The customer ids to report on (a per-customer Series contributes its index).""",
    "lang": """lang : {"en", "zh"}, default "en"
    Language of titles, labels and sentences.""",
    "ax": """ax : matplotlib Axes, optional
    Where to draw; a new figure is made when it is ``None``.""",
    "dataset": """dataset : str, default ""
    Which data the chart shows, named at the start of the title: a catalog key such as
    ``"synthetic"`` or ``"online_retail"`` is translated, other text is shown as it is.""",
    "measure": """measure : str, default "revenue"
    What the values measure, named in the title and axis labels: a catalog key such as
    ``"revenue"`` or ``"margin"`` is translated, other text is shown as it is.""",
}

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)\{(?P<name>\w+)\}[ \t]*$", re.MULTILINE)


def fill(doc: str) -> str:
    """Replace each ``{name}`` placeholder line of ``doc`` with :data:`PARAMS` ``[name]``.

    Parameters
    ----------
    doc : str
        A docstring.

    Returns
    -------
    str
        The docstring with the shared descriptions in place.

    Raises
    ------
    KeyError
        If a placeholder names no shared parameter.

    Examples
    --------
    >>> print(fill("    {date}\\n    top : int"))
        date : str, default "date"
            Column holding the transaction date.
        top : int
    """
    def repl(match: re.Match) -> str:
        name = match["name"]
        if name not in PARAMS:
            raise KeyError(f"no shared description for {{{name}}}; add it to helpers._docs.PARAMS")
        return textwrap.indent(PARAMS[name], match["indent"])

    return _PLACEHOLDER.sub(repl, doc)


def shared_docs(func: F) -> F:
    """Decorator: fill the shared parameter placeholders of ``func``'s docstring.

    Write ``{date}`` (or any other name in :data:`PARAMS`) alone on a line of the Parameters
    section; the decorator puts the shared text there, indented like the placeholder.

    Parameters
    ----------
    func : callable
        A function whose docstring uses ``{name}`` placeholder lines.

    Returns
    -------
    callable
        The same function, its ``__doc__`` filled.

    Examples
    --------
    >>> @shared_docs
    ... def f(customer="customer_id"):
    ...     '''Do it.
    ...
    ...     Parameters
    ...     ----------
    ...     {date}
    ...     '''
    >>> "Column holding the transaction date." in f.__doc__
    True
    """
    if func.__doc__:
        func.__doc__ = fill(func.__doc__)
    return func
