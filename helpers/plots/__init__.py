"""Plot layer: functions that take computed frames and return matplotlib Axes.

Importing this package sets the kit's one theme (seaborn ``whitegrid`` with a
colour-blind-safe palette). Nothing here computes tiering results: it draws
what :mod:`helpers` compute modules return.
"""

from helpers.plots.style import TIER_COLORS, PALETTE, percent_axis, set_theme, use_language

set_theme()

__all__ = ["TIER_COLORS", "PALETTE", "percent_axis", "set_theme", "use_language"]
