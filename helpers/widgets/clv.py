"""Module 11's explorer: pick k and the features, see the clusters' profiles and how they map to the RFM tiers."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import clv
from helpers._docs import shared_docs
from helpers.catalog import join, label
from helpers.plots.clv import cluster_names, plot_cluster_profiles, plot_tier_cluster_map
from helpers.widgets._render import figure_png, image_widget


@shared_docs
class ClusterExplorer:
    """A slider for k and a tick box per feature; the profile heatmap, the tier map and a sentence follow them.

    The log-standardised features are computed once; each (k, features) choice is clustered and
    drawn the first time it is asked for (k-means with ``n_init=10``, seed 0, one thread: a tenth
    of a second for 5,000 customers) and kept, so going back to an earlier choice is instant.

    Parameters
    ----------
    table : DataFrame
        One row per customer with the feature columns and ``monetary`` (e.g. the kit's
        :func:`helpers.rfm.rfm_table`, which also has ``tenure``).
    tiers : Series
        The module-04 tier per customer (VIP / regular / potential), same customers.
    value : Series, optional
        What orders the clusters (default: ``table["monetary"]``).
    features : sequence of str, default ("recency", "frequency", "monetary", "tenure")
        The features offered; the first three are ticked at the start.
    ks : sequence of int, default range(2, 9)
        The values of k offered.
    k : int, default 4
        The k shown at the start.
    {lang}

    Attributes
    ----------
    k_slider, boxes, sentence, image : ipywidgets
        The parts; ``widget`` is the assembled box a notebook displays.
    clusters : Series
        The clusters on show (1 = highest average value).
    silhouette : float
        Their silhouette (on a fixed sample of up to 1,500 customers).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> n = 60
    >>> table = pd.DataFrame({"recency": rng.integers(1, 400, n).astype(float), "frequency": rng.integers(1, 9, n),
    ...                       "monetary": rng.gamma(2.0, 200.0, n), "tenure": rng.integers(400, 700, n).astype(float)},
    ...                      index=[f"c{i}" for i in range(n)])
    >>> tiers = pd.Series(np.where(table["monetary"] > 500, "VIP", "potential"), index=table.index)
    >>> ex = ClusterExplorer(table, tiers, k=3)
    >>> int(ex.clusters.max()), bytes(ex.image.value[:4])
    (3, b'\\x89PNG')
    >>> ex.k_slider.value = 2
    >>> sorted(ex.clusters.unique().tolist())
    [1, 2]
    """

    def __init__(self, table: pd.DataFrame, tiers: pd.Series, value: pd.Series | None = None, *,
                 features: Sequence[str] = ("recency", "frequency", "monetary", "tenure"),
                 ks: Sequence[int] = range(2, 9), k: int = 4, lang: str = "en") -> None:
        self.lang = lang
        self._table = table
        self._tiers = tiers.reindex(table.index)
        self._value = (table["monetary"] if value is None else value).reindex(table.index)
        self._z = clv.cluster_features(table, features)  # per-column standardising: any subset is a column slice
        self._cache: dict[tuple[int, tuple[str, ...]], tuple] = {}
        ks = list(ks)
        self.k_slider = widgets.IntSlider(value=k if k in ks else ks[0], min=min(ks), max=max(ks),
                                          description=label("clv_k", lang), style={"description_width": "initial"})
        self.boxes = {f: widgets.Checkbox(value=i < 3, description=label(f"clv_feature_{f}", lang), indent=False,
                                          layout=widgets.Layout(width="130px"))
                      for i, f in enumerate(features)}
        self.sentence = widgets.HTML(layout=widgets.Layout(max_width="1080px"))
        # one size for every k (fits a 1280×720 screen); the heatmaps' rows get thinner as k grows
        self._fig = plt.figure(figsize=(14, 4.6), dpi=80)
        plt.close(self._fig)
        self.image = image_widget(self._fig)
        self._drawn: dict[tuple[int, tuple[str, ...]], bytes] = {}
        self.k_slider.observe(lambda change: self.update(), names="value")
        for box in self.boxes.values():
            box.observe(lambda change: self.update(), names="value")
        controls = widgets.HBox([self.k_slider, widgets.Label(label("clv_features", lang) + ":"),
                                 *self.boxes.values()], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([controls, self.sentence, self.image])
        self.update()

    def chosen(self) -> tuple[str, ...]:
        """The ticked features, in the order offered.

        Returns
        -------
        tuple of str
            Feature names.

        Examples
        --------
        >>> t = pd.DataFrame({"recency": [1.0, 50.0, 300.0, 20.0], "frequency": [5, 1, 1, 3],
        ...                   "monetary": [900.0, 40.0, 10.0, 300.0]}, index=list("abcd"))
        >>> ex = ClusterExplorer(t, pd.Series(["VIP", "potential", "potential", "regular"], index=list("abcd")),
        ...                      features=("recency", "frequency", "monetary"), k=2)
        >>> ex.boxes["recency"].value = False
        >>> ex.chosen()
        ('frequency', 'monetary')
        """
        return tuple(f for f, box in self.boxes.items() if box.value)

    def _fit(self, k: int, features: tuple[str, ...]) -> tuple:
        key = (k, features)
        if key not in self._cache:
            z = self._z[list(features)]
            clusters = clv.kmeans_clusters(z, k, self._value)
            traits = clv.cluster_traits(z, clusters)
            profile = clv.cluster_profile(self._table, clusters, features=features)
            silhouette = clv.silhouette(z, clusters, sample=1500)
            self._cache[key] = (clusters, traits, profile, silhouette)
        return self._cache[key]

    def update(self) -> None:
        """Cluster for the current k and features (or take them from the cache), then redraw."""
        features = self.chosen()
        if len(features) < 2:
            self.sentence.value = label("clv_need_two", self.lang)
            return
        k = int(self.k_slider.value)
        self.clusters, traits, profile, self.silhouette = self._fit(k, features)
        tier_map = clv.cluster_tier_map(self.clusters, self._tiers)
        vip = self._tiers.astype(str) == "VIP"
        names = cluster_names(traits, self.lang)
        sentence = label(
            "clv_sentence", self.lang, k=k, features=join([label(f"clv_feature_{f}", self.lang) for f in features],
                                                          self.lang),
            silhouette=self.silhouette, top=names[1], top_customers=profile.loc[1, "customer_share"],
            top_value=profile.loc[1, "value_share"],
            vip_share=float((self.clusters[vip] == 1).mean()) if vip.any() else 0.0)
        key = (k, features)
        if key not in self._drawn:
            fig = self._fig
            fig.clear()
            left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [len(features) + 2.5, k + 1.5]})
            plot_cluster_profiles(traits, profile, lang=self.lang, ax=left)
            plot_tier_cluster_map(tier_map, traits, lang=self.lang, ax=right)
            fig.tight_layout()
            self._drawn[key] = figure_png(fig, dpi=80)
        self.image.value = self._drawn[key]  # chart and numbers are sent together
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
