"""helpers: the computation behind the customer-tiering course (客户分级).

Three layers that only point downward:

* compute modules (``helpers.pareto``, ...): pure functions on DataFrames;
* ``helpers.plots``: take computed frames, return matplotlib Axes/Figures;
* ``helpers.widgets``: ipywidgets wiring that calls compute and plots.

Data loading (``helpers.data``), the label catalog (``helpers.catalog``), the
exercises' self-checks (``helpers.checks``) and module 00's course map and
pre-flight check (``helpers.course``) sit beside them. This package is what
learners import; the course machinery (grader, exercise builder, learner
pack, dataset generator, scaffold) is the separate package ``coursekit``.
"""

from helpers._common import default_as_of

__all__ = ["default_as_of"]
__version__ = "0.1.0"
