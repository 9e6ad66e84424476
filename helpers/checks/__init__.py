"""Self-checks for the exercise notebooks; one module per course module (``pareto`` = 01)."""

from helpers.checks.core import Checks, Feedback, Task, is_blank

__all__ = ["Checks", "Feedback", "Task", "is_blank"]
