"""Suite-wide pytest settings: the markers of slow tests and the Hypothesis profile.

Markers (registered in pyproject.toml):

* ``notebook``: runs a notebook in a kernel. Given here to every nbval cell of
  ``notebooks/`` and ``solutions/`` and to the doctests listed in
  :data:`NOTEBOOK_DOCTESTS`; ``tests/test_notebooks.py`` marks its papermill runs.
* ``grading``: runs the batch grader on submissions, in sandboxed kernels (``tests/test_grade.py`` marks its tests).

``make test-quick`` deselects both (``-m "not notebook and not grading"``).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

#: Doctests that start a Jupyter kernel (marked ``notebook``).
NOTEBOOK_DOCTESTS = {"coursekit.course.execute_in_place"}

# One Hypothesis profile for every run, local or CI: no test may depend on machine speed
# (a property test once failed CI by passing the 200 ms deadline on a loaded machine), and
# the examples are the same on every run (derandomize; no example database to carry over).
settings.register_profile(
    "kit",
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kit"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark nbval cells and kernel-starting doctests as ``notebook``."""
    for item in items:
        if item.path.suffix == ".ipynb" or item.name in NOTEBOOK_DOCTESTS:
            item.add_marker(pytest.mark.notebook)
