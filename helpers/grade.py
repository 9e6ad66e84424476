"""``python -m helpers.grade DIR --out OUT``: the batch grader's old address, kept for instructors.

The grader is course machinery, not part of the learners' library: it lives in
:mod:`coursekit.grade`, and this entry point only hands the command line over to
it. The learner pack leaves this file out.
"""

from __future__ import annotations

import sys

from coursekit.grade import main

if __name__ == "__main__":
    sys.exit(main())
