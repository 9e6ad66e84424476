"""coursekit: the course machinery behind the tiering kit (instructors and course authors only).

Learners never import it, and the learner pack leaves it out:

* ``coursekit.exercises``: build ``exercises/`` from ``solutions/`` (nbgrader's preprocessors);
* ``coursekit.grade``: grade a folder of submitted exercises (nbgrader's autograder);
* ``coursekit.pack``: the learner pack (no machinery, solutions or answers);
* ``coursekit.course``: the README's course map and re-running notebooks in place;
* ``coursekit.datasets``: the seeded generator of the synthetic company;
* ``coursekit.scaffold``: start a new module from files that already pass the suite;
* ``coursekit.i18n``: the Chinese edition built from English + ``locale/zh`` catalogs, and the font subset.

It builds on the learners' library, ``helpers`` (paths, the course map, the
constants shared with the generator); ``helpers`` never imports it.
"""

__version__ = "0.1.0"
