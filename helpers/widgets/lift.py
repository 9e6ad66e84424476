"""Module 10's explorer: group sizes, baseline rate and true effect; see the interval and how often a study detects it."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt

from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.lift import proportion_difference, simulate_studies, study_power
from helpers.plots.lift import plot_studies
from helpers.widgets._render import LiveChart, image_widget


@shared_docs
class LiftExplorer:
    """Four sliders (treatment and control size, control rate, true lift), a sentence and the simulated studies.

    Each move runs ``studies`` seeded simulated studies of that size
    (:func:`helpers.lift.simulate_studies`, vectorised: a few milliseconds) and
    redraws the first 40 intervals. The sentence gives the interval a typical
    study would report (at the expected counts) and the share of studies that
    detect the effect, next to the power formula's answer.

    Parameters
    ----------
    n_t, n_c : int, default 1000
        Customers in the treatment and control group at first.
    baseline : float, default 0.57
        The control group's repurchase rate at first.
    effect : float, default 0.10
        The true relative lift at first (0.10 = +10%).
    studies : int, default 1000
        Simulated studies per setting.
    seed : int, default 10
        Seed of the simulation (the same settings always give the same picture).
    {lang}

    Attributes
    ----------
    n_t, n_c, baseline, effect : ipywidgets sliders
        The controls; ``sentence`` and ``image`` show the result, ``widget`` is the box to display.
    studies : DataFrame or None
        The simulated studies on show (None when the lift would push the rate outside 0–100%).

    Examples
    --------
    >>> from helpers.lift import study_power
    >>> ex = LiftExplorer(n_t=500, n_c=500, baseline=0.5, effect=0.2, studies=400)
    >>> bool(abs(ex.studies["detected"].mean() - study_power(500, 0.5, 0.2)) < 0.05)   # both about 89%
    True
    >>> ex.n_t.value, ex.n_c.value = 100, 100
    >>> bool(abs(ex.studies["detected"].mean() - study_power(100, 0.5, 0.2)) < 0.07)   # both about 29%
    True
    >>> ex.effect.value = 1.5                 # 50% × 2.5 = 125%: impossible
    >>> ex.studies is None, "100%" in ex.sentence.value
    (True, True)
    """

    def __init__(self, n_t: int = 1000, n_c: int = 1000, baseline: float = 0.57, effect: float = 0.10, *,
                 studies: int = 1000, seed: int = 10, lang: str = "en") -> None:
        self.lang, self._studies, self._seed = lang, int(studies), int(seed)
        style = {"description_width": "180px"}
        layout = widgets.Layout(width="520px")  # two sliders a row on a 1280×720 screen
        self.n_t = widgets.IntSlider(value=n_t, min=20, max=5000, step=10, description=label("lift_slider_nt", lang),
                                     style=style, layout=layout, continuous_update=False)
        self.n_c = widgets.IntSlider(value=n_c, min=20, max=5000, step=10, description=label("lift_slider_nc", lang),
                                     style=style, layout=layout, continuous_update=False)
        self.baseline = widgets.FloatSlider(value=baseline, min=0.02, max=0.98, step=0.01, readout_format=".0%",
                                            description=label("lift_slider_base", lang), style=style, layout=layout,
                                            continuous_update=False)
        self.effect = widgets.FloatSlider(value=effect, min=-0.5, max=1.5, step=0.01, readout_format="+.0%",
                                          description=label("lift_slider_effect", lang), style=style, layout=layout,
                                          continuous_update=False)
        self.sentence = widgets.HTML(layout=widgets.Layout(max_width="1080px"))
        self.studies = None
        self._fig, self._ax = plt.subplots(figsize=(8.6, 3.9), dpi=80)  # one figure, redrawn on every move
        plt.close(self._fig)
        self._chart = LiveChart(self._fig)  # axes, title and legend drawn once; the intervals over them
        self.image = image_widget(self._fig)
        for slider in (self.n_t, self.n_c, self.baseline, self.effect):
            slider.observe(lambda change: self.update(), names="value")
        sliders = widgets.HBox([self.n_t, self.n_c, self.baseline, self.effect],
                               layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([sliders, self.sentence, self.image])
        self.update()

    def update(self) -> None:
        """Re-simulate the studies and redraw for the sliders' values (what a slider move does)."""
        nt, nc, base, effect = self.n_t.value, self.n_c.value, self.baseline.value, self.effect.value
        rate_t = base * (1 + effect)
        if not 0 < rate_t < 1 or effect == 0:
            self.studies = None
            self.sentence.value = label("lift_widget_impossible", self.lang, effect=f"{effect:+.0%}",
                                        baseline=f"{base:.0%}") if effect else ""
            self.image.value = b""
            return
        self.studies = simulate_studies(nt, nc, base, effect, studies=self._studies, seed=self._seed)
        typical = proportion_difference(round(nt * rate_t), nt, round(nc * base), nc)
        power = study_power(2 / (1 / nt + 1 / nc), base, effect)  # unequal groups: their harmonic mean
        sentence = label(
            "lift_widget_sentence", self.lang, effect=f"{effect:+.0%}", baseline=f"{base:.0%}",
            rate_t=f"{rate_t:.1%}", rate_c=f"{base:.1%}", nt=nt, nc=nc,
            low=f"{100 * typical.low:+.1f}", high=f"{100 * typical.high:+.1f}", studies=len(self.studies),
            detected=f"{self.studies['detected'].mean():.0%}", power=f"{power:.0%}",
            covered=f"{self.studies['covers'].mean():.0%}")
        self._ax.clear()
        plot_studies(self.studies, show=40, lang=self.lang, ax=self._ax)
        _steady_range(self._ax)
        self.image.value = self._chart.render()  # chart and numbers are sent together
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)


def _steady_range(ax: object, shrink: float = 0.5) -> None:
    """Keep the x range of the previous draw while the intervals fit in it and fill at least ``shrink`` of it.

    The frame (ticks, labels) then stays the same from one slider step to the next, so only the
    intervals are redrawn.
    """
    low, high = ax.get_xlim()
    kept = getattr(ax, "_kit_steady_range", None)
    if kept is not None and kept[0] <= low and high <= kept[1] and (high - low) >= shrink * (kept[1] - kept[0]):
        low, high = kept
    else:  # a little room, so that the next step rarely needs a new frame
        pad = 0.1 * (high - low)
        low, high = low - pad, high + pad
    ax.set_xlim(low, high)
    ax._kit_steady_range = (low, high)
