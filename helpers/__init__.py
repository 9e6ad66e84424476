"""helpers: the computation behind the customer-tiering course (客户分级).

Three layers that only point downward:

* compute modules (``helpers.pareto``, ...): pure functions on DataFrames;
* ``helpers.plots``: take computed frames, return matplotlib Axes/Figures;
* ``helpers.widgets``: ipywidgets wiring that calls compute and plots.

Data loading (``helpers.data``), the seeded generator (``helpers.datasets``),
the label catalog (``helpers.catalog``), exercise checks (``helpers.checks``)
and exercise building (``helpers.exercises``) are modules of their own.
"""

from helpers._common import default_as_of

__all__ = ["default_as_of"]
__version__ = "0.1.0"
