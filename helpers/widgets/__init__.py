"""Widget layer: ipywidgets wiring that calls compute functions and plots.

Widgets hold no analysis of their own: every number they show comes from a
compute module and every picture from :mod:`helpers.plots`.
"""

from helpers.widgets.pareto import ParetoExplorer
from helpers.widgets.start import widget_check

__all__ = ["ParetoExplorer", "widget_check"]
