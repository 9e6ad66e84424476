"""Course map: one module number names five files; README and lesson guides agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit import course as authoring
from helpers import course

ROOT = Path(__file__).resolve().parent.parent
REQUIRED_SECTIONS = ("## Questions", "## Objectives", "## Key terms", "## Running the session",
                     "## Discussion questions", "## Common misconceptions", "## Key points")


def test_readme_course_map_is_current():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert authoring.readme_with_map(text) == text, "Run `python -m coursekit.course readme`."


def test_readme_shows_the_two_commands_before_conda():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("make lab") < text.index("make test") < text.index("conda env create -f environment.yml")


@pytest.mark.parametrize("row", course.course_map().to_dict("records"), ids=lambda r: r["module"])
def test_every_module_is_complete(row):
    assert row["notebook"], f"module {row['module']} has no notebook"
    assert row["helper"] and __import__(row["helper"])
    if row["module"] != "00":
        assert row["exercise"] and row["solution"], f"module {row['module']} lacks exercise/solution"
    lesson = (ROOT / row["lesson"]).read_text(encoding="utf-8")
    for section in REQUIRED_SECTIONS:
        assert section in lesson, f"{row['lesson']} lacks '{section}'"
    assert row["minutes"] > 0


def test_lesson_timings_add_up_to_the_front_matter():
    """The (N min) steps of 'Running the session' add up to teaching + exercise minutes."""
    import re

    for lesson in sorted((ROOT / "lessons").glob("[0-9][0-9]_*.md")):
        meta = course.front_matter(lesson)
        text = lesson.read_text(encoding="utf-8")
        session = text.split("## Running the session", 1)[1].split("\n## ", 1)[0]
        steps = sum(int(m) for m in re.findall(r"^\d+\. \((\d+) min\)", session, re.M))
        assert steps == int(meta["teaching"]) + int(meta["exercises"]), lesson.name


def test_front_matter_errors_name_the_file(tmp_path):
    bad = tmp_path / "05_x.md"
    bad.write_text("# no front matter\n")
    with pytest.raises(ValueError, match="05_x.md: no front matter"):
        course.front_matter(bad)


def test_preflight_passes_on_this_machine():
    table = course.preflight()
    failed = table[table["required"] & ~table["ok"]]
    assert failed.empty, failed.to_string()
