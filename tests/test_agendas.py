"""Run sheets (lessons/agendas): current, minutes that add up, every module placed, new modules picked up."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from coursekit import agendas
from helpers.course import front_matter

ROOT = Path(__file__).resolve().parent.parent
SHEETS = sorted(agendas.sheets())
ROW = re.compile(r"^\| (\d\d):(\d\d)–(\d\d):(\d\d) \| (.+?) \| (\d+) \|", re.M)
TOTAL = re.compile(r"(\d+) (?:min teaching|分钟 \+ 练习)")


def _minutes(h: str, m: str) -> int:
    return int(h) * 60 + int(m)


def _days(text: str) -> list[list[tuple[int, int, str, int]]]:
    """The tables of a written sheet: per day, rows (start, end, block, minutes)."""
    parts = re.split(r"^## (?:Day|第) ", text, flags=re.M)
    tables = parts[1:] if len(parts) > 1 else parts
    days = []
    for part in tables:
        body = part.split("\n## ", 1)[0]
        rows = [(_minutes(a, b), _minutes(c, d), block, int(n)) for a, b, c, d, block, n in ROW.findall(body)]
        if rows:
            days.append(rows)
    return days


def test_run_sheets_are_current():
    stale = [str(p.relative_to(ROOT)) for p, text in agendas.sheets().items()
             if not p.is_file() or p.read_text(encoding="utf-8") != text]
    assert not stale, f"run `python -m coursekit.agendas build` (make agendas): {stale}"


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_minutes_add_up(path):
    text = path.read_text(encoding="utf-8")
    days = _days(text)
    assert days, f"{path}: no timetable"
    for rows in days:
        assert rows[0][0] == 9 * 60
        for (s, e, block, n), nxt in zip(rows, rows[1:] + [None]):
            assert e - s == n, f"{path}: {block} says {n} min but runs {s}–{e}"
            if nxt:
                assert nxt[0] == e, f"{path}: gap or overlap after {block}"
        assert rows[-1][1] <= 17 * 60 + 30
        # never more than two hours of work without a break
        run = 0
        for s, e, block, n in rows:
            run = 0 if block.startswith("*") else run + n
            assert run <= 120, f"{path}: {run} min without a break at {block}"
    # the totals line of each day equals the sum of its rows
    day_lines = [l for l in text.splitlines() if l.startswith("- ") and ("**" in l) and ("min" in l or "分钟" in l)]
    assert len(day_lines) == len(days)
    for line, rows in zip(day_lines, days):
        total = int(re.search(r"\*\*(\d+)", line).group(1))
        assert total == sum(n for *_, n in rows) == rows[-1][1] - rows[0][0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_module_minutes_come_from_the_lesson_guides(lang):
    """Each module's teaching and exercise rows equal its guide's front matter (read here, not by the generator)."""
    guides = {p.stem[:2]: front_matter(p) for p in (ROOT / "lessons").glob("[0-9][0-9]_*.md")}
    text = (agendas.OUT_DIRS[lang] / "two_days.md").read_text(encoding="utf-8")
    seen = set()
    for *_, block, n in (r for day in _days(text) for r in day):
        m = re.match(r"(\d\d) .*[:：](?: )?(teaching|exercise|讲授|练习)$", block)
        if not m:
            continue
        number, kind = m.groups()
        key = "teaching" if kind in ("teaching", "讲授") else "exercises"
        assert n == int(guides[number][key]), f"module {number} {key}"
        seen.add(number)
    assert seen == set(guides), "the two-day sheet teaches every module"


def test_one_day_and_half_day_keep_the_order():
    for name in ("one_day", "half_day"):
        text = (agendas.OUT_DIRS["en"] / f"{name}.md").read_text(encoding="utf-8")
        numbers = [b[:2] for day in _days(text) for *_, b, _ in day if b.endswith(": teaching")]
        assert numbers == sorted(numbers) and numbers[0] == "00"
    half = (agendas.OUT_DIRS["en"] / "half_day.md").read_text(encoding="utf-8")
    assert _days(half)[0][-1][1] <= 12 * 60 + 30


def test_sheets_say_what_to_cut_and_what_to_bring():
    for path in SHEETS:
        text = path.read_text(encoding="utf-8")
        assert ("## If you run late" in text) or ("## 如果时间不够" in text)
        assert ("## What learners need beforehand" in text) or ("## 学员需要提前准备什么" in text)
        assert ("*Coffee break*" in text) or ("*茶歇*" in text)


def test_a_new_lesson_guide_joins_the_longer_plans(tmp_path):
    lessons = tmp_path / "lessons"
    shutil.copytree(ROOT / "lessons", lessons, ignore=shutil.ignore_patterns("zh", "agendas"))
    (lessons / "08_migration.md").write_text(
        "---\nmodule: 08\ntitle: Tier migration\ntitle_zh: 客户迁移\nteaching: 30\nexercises: 20\n---\n"
        "## Running the session\n1. (10 min) Hook.\n2. (20 min) Demo.\n3. (20 min) Exercise `exercises/08_migration.ipynb`.\n",
        encoding="utf-8")
    modules = agendas.read_modules(lessons)
    two = agendas.render(agendas.PLANS[2], "en", modules)
    assert "08 Tier migration: teaching | 30" in two and "08 Tier migration: exercise | 20" in two
    half = agendas.render(agendas.PLANS[0], "en", modules)
    assert "08 Tier migration" not in half


def test_a_guide_without_minutes_is_named(tmp_path):
    (tmp_path / "09_x.md").write_text("---\nmodule: 09\nteaching: 10\n---\n", encoding="utf-8")
    with pytest.raises(ValueError, match="09_x.md: front matter lacks exercises"):
        agendas.read_modules(tmp_path)
