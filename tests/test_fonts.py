"""The kit's own Chinese font: licensed, small, complete, and used as a fallback with no setup.

The drawing test runs in a fresh Python with an empty matplotlib cache folder and with every
system CJK font removed from matplotlib's list, so it passes only if the bundled font does the
work, as on a new learner's machine. Missing-glyph warnings are errors there (and in the whole
suite: see ``filterwarnings`` in pyproject.toml).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from fontTools.ttLib import TTFont

from coursekit import i18n
from helpers.plots import fonts

ROOT = Path(__file__).resolve().parent.parent


def test_font_is_a_small_ofl_subset_with_its_own_name():
    assert fonts.FONT_FILE.stat().st_size < 2_200_000
    font = TTFont(fonts.FONT_FILE)
    names = font["name"]
    assert names.getDebugName(1) == fonts.FAMILY == i18n.FONT_FAMILY
    assert "SIL Open Font License" in names.getDebugName(13)
    assert "Adobe" in names.getDebugName(0)
    licence = (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Reserved Font Name 'Source'" in licence
    for page in (ROOT / "README.md", ROOT / "datasets" / "README.md", fonts.FONT_DIR / "README.md"):
        text = page.read_text(encoding="utf-8")
        assert "Noto Sans CJK SC" in text and "Open Font License" in text, page


def test_font_covers_gb2312_and_every_chinese_character_of_the_kit():
    cmap = TTFont(fonts.FONT_FILE).getBestCmap()
    have = {chr(c) for c in cmap}
    missing_gb = i18n.gb2312_characters() - have
    assert not missing_gb, f"{len(missing_gb)} GB2312 characters missing"
    missing = sorted(i18n.kit_cjk_characters() - have)
    assert not missing, (f"the kit uses {''.join(missing)!r}, which the font lacks: "
                         "re-subset it with `python -m coursekit.i18n font` (helpers/fonts/README.md)")


DRAW_EVERYTHING = textwrap.dedent(
    """
    import warnings
    warnings.filterwarnings("error", message="Glyph .* missing from font")
    import logging
    logging.getLogger("matplotlib.font_manager").setLevel(logging.WARNING)
    records = []
    logging.getLogger("matplotlib.font_manager").addHandler(
        type("H", (logging.Handler,), {"emit": lambda self, r: records.append(r.getMessage())})())

    import matplotlib
    matplotlib.use("agg")
    from matplotlib import font_manager
    # a machine without any CJK font: drop every system font that has Chinese glyphs
    cjk = {"Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
           "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN",
           "Droid Sans Fallback"}
    font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist if f.name not in cjk]

    import seaborn as sns
    import matplotlib.pyplot as plt
    from coursekit.i18n import kit_cjk_characters
    from helpers.catalog import LABELS
    import helpers.plots  # registers the font
    from helpers.plots import use_language

    assert use_language("zh") == "zh"
    texts = [entry["zh"] for entry in LABELS.values()]
    chars = "".join(sorted(kit_cjk_characters()))
    texts += [chars[i:i + 40] for i in range(0, len(chars), 40)]
    for weight in ("normal", "bold"):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=20)  # overlapping texts: every glyph is still looked up and drawn
        for text in texts:
            ax.text(0, 0, text.replace("$", r"\\$"), fontweight=weight)
        ax.set_title("客户分级 · 二八定律", fontweight=weight)
        fig.canvas.draw()
        plt.close(fig)
    # seaborn's set_theme resets matplotlib's settings; the kit's theme keeps the fallback
    sns.set_theme()
    helpers.plots.set_theme()
    fig, ax = plt.subplots()
    ax.set_title("关键客户 / 主要客户 / 普通客户")
    fig.canvas.draw()
    assert not records, records
    print("ok", len(texts))
    """
)


def test_chinese_draws_without_a_system_font_or_a_font_cache(tmp_path):
    env = dict(os.environ, MPLCONFIGDIR=str(tmp_path / "mplconfig"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", DRAW_EVERYTHING], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("ok"), done.stdout


def test_use_fallback_appends_the_font_once():
    assert fonts.with_fallback(["DejaVu Sans", fonts.FAMILY, "serif"]) == ["DejaVu Sans", "serif", fonts.FAMILY]
    assert fonts.register_font() and fonts.register_font()
    entries = [f for f in __import__("matplotlib").font_manager.fontManager.ttflist if f.name == fonts.FAMILY]
    assert sorted(f.weight for f in entries) == [400, 700]
