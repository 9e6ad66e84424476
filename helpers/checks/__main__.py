"""Authors' tools for the self-checks.

Usage::

    python -m helpers.checks digest rfm task5 b        # the answer_digest of a ChoiceTask (and ``why`` keys)
    python -m helpers.checks tasks                     # every exercise's tasks and points
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from helpers.checks import checks_module, exercise_tasks
from helpers.checks.core import choice_digest


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (see the module docstring).

    Parameters
    ----------
    argv : sequence of str, optional
        Default: ``sys.argv[1:]``.

    Returns
    -------
    int
        The exit status.

    Examples
    --------
    >>> main(["digest", "abc", "task6", "a"])  # doctest: +ELLIPSIS
    02_abc task6 a: 836e0b3d...
    0
    """
    parser = argparse.ArgumentParser(prog="python -m helpers.checks", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("digest", help="print the salted digest of multiple-choice letters")
    d.add_argument("exercise", help="module name, number or notebook stem: rfm, 04 or 04_rfm")
    d.add_argument("task", help="task name, e.g. task5")
    d.add_argument("letters", nargs="+", help="one or more letters")
    sub.add_parser("tasks", help="list every exercise's tasks with points")
    args = parser.parse_args(argv)
    if args.command == "digest":
        module = checks_module(args.exercise)
        salt = getattr(module, "SALT", None)
        if salt is None:
            print(f"{module.EXERCISE} has no multiple-choice task (no SALT)", file=sys.stderr)
            return 1
        for letter in args.letters:
            print(f"{module.EXERCISE} {args.task} {letter}: {choice_digest(salt, args.task, letter)}")
        return 0
    for stem, tasks in exercise_tasks().items():
        listed = ", ".join(f"{t['name']} ({t['kind']}, {t['points']:g})" for t in tasks)
        print(f"{stem}: {listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
