"""Self-checks for exercise 02 (ABC classification, ABC分类法) on the synthetic company.

In the exercise notebook::

    from helpers.checks.abc import check
    check.task1(classes)
    check.hint(1)

:class:`Reference` computes the classes with :mod:`helpers.abc`; ``TASKS`` says
what each task compares and which known mistakes it names (70/90 instead of
80/95, the lower crossing rule, margin instead of revenue …).
"""

from __future__ import annotations

import pandas as pd

from helpers import abc
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, ChoiceTask, CountTask, IdListTask, Mistake, NumberTask, SeriesTask, Task, WrittenTask, msg, near,
    percent_mistake,
)

#: The exercise this table belongs to.
EXERCISE = "02_abc"
#: Salt of the multiple-choice digests (see :func:`helpers.checks.core.choice_digest`).
SALT = "tiering-kit/02_abc"


class Reference(CompanyReference):
    """What the exercise-02 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.

    Examples
    --------
    >>> ref = Reference(pd.DataFrame({"customer_id": list("abcd"), "revenue": [40.0, 30, 20, 10],
    ...                               "cost": [39.0, 10, 5, 5]}))
    >>> ref.classes().astype(str).tolist(), ref.a_but_c
    (['A', 'A', 'A', 'B'], ['a'])
    """

    def classes(self, values: str = "revenue", thresholds: tuple[float, float] = (0.8, 0.95),
                crossing: str = "upper") -> pd.Series:
        """ABC classes of revenue (or margin) per customer, as text."""
        return abc.abc_classes(getattr(self, values), thresholds, crossing).astype(str)

    def count(self, cls: str = "A", values: str = "revenue", thresholds: tuple[float, float] = (0.8, 0.95)) -> int:
        """How many customers are in class ``cls``."""
        return int((self.classes(values, thresholds) == cls).sum())

    @property
    def a_but_c(self) -> list[str]:
        """Customers in class A by revenue and C by margin."""
        r, m = self.classes(), self.classes("margin").reindex(self.classes().index)
        return list(r.index[(r == "A") & (m == "C")])

    def share(self, column: str) -> float:
        """Class A's ``value_share`` or ``customer_share`` in the revenue summary."""
        return float(abc.abc_summary(self.revenue, self.classes()).loc["A", column])


def _same_classes(answer: pd.Series, other: pd.Series) -> bool:
    return bool((answer.reindex(other.index).astype(str) == other).all())


TASKS: tuple[Task, ...] = (
    SeriesTask(
        "task1", points=2, reference=lambda r: r.classes(),
        frame_message=msg("You stored a table; keep the one column of classes (a Series).",
                          "你存的是整张表；只保留类别那一列（一个 Series）。"),
        wrong_type=msg("Expected a pandas Series of classes, one per customer; you stored a {type}.",
                       "这里需要一个类别的 pandas Series，每位客户一个；你存的是 {type}。"),
        guards=[
            Mistake(lambda s, r: bool(set(s.astype(str).unique()) - set(abc.CLASSES)), msg(
                "Classes should be the letters A, B and C.", "类别应当是字母 A、B、C。")),
            Mistake(lambda s, r: len(s) != len(r.classes()), msg(
                "You have {got:,} classes but the company has {n:,} customers. Classify the per-customer revenue.",
                "你有 {got:,} 个类别，但公司有 {n:,} 位客户。请对每位客户的销售额分类。")),
        ],
        missing=msg("Some customers are missing: classify the Series `revenue` from the setup cell.",
                    "有些客户不见了：请对准备单元格里的 Series `revenue` 分类。"),
        correct=msg("Every customer has the right class.", "每位客户的类别都对了。"),
        mistakes=[
            Mistake(lambda s, r: _same_classes(s, r.classes(thresholds=(0.7, 0.9))), msg(
                "These are the 70/90 classes. The task asks for thresholds 80% and 95%.",
                "这是按 70%/90% 划分的类别。题目要求的阈值是 80% 和 95%。")),
            Mistake(lambda s, r: _same_classes(s, r.classes(crossing="lower")), msg(
                "Close: only the customers who cross a threshold differ. The course puts them in the class above "
                "(crossing=\"upper\", the default).",
                "很接近了：只有跨过阈值的那几位客户不一样。课程把他们归入上一级（crossing=\"upper\"，默认值）。")),
            Mistake(lambda s, r: _same_classes(s, r.classes("margin")), msg(
                "These classes come from margin. Task 1 classifies by revenue.",
                "这些类别是按毛利分的。第 1 题要按销售额分类。")),
        ],
        otherwise=msg("Some classes differ. Use abc.abc_classes(revenue, thresholds=(0.8, 0.95)).",
                      "有些类别不对。请用 abc.abc_classes(revenue, thresholds=(0.8, 0.95))。"),
        hints=[msg("Sort customers by revenue and cut at 80% and 95% of the total.",
                   "按销售额从高到低排序，在累计 80% 和 95% 处切开。"),
               msg("abc.abc_classes(revenue, thresholds=(0.8, 0.95))", "abc.abc_classes(revenue, thresholds=(0.8, 0.95))")],
    ),
    CountTask(
        "task2", points=1, reference=lambda r: r.count("A"),
        wrong_type=msg("Store one whole number: how many customers are in class A.",
                       "请存一个整数：A 类（关键客户）有多少位。"),
        correct=msg("That is the number of A customers.", "这就是 A 类客户的人数。"),
        mistakes=[
            Mistake(lambda x, r: 0 < x < 1, msg("That looks like a share. The task asks for the number of customers.",
                                                "这看起来是占比。题目问的是客户人数。")),
            Mistake(lambda x, r: x in (r.count("B"), r.count("C")), msg(
                "That is the size of another class. Count the customers whose class is \"A\".",
                "这是另一个类别的人数。请数类别为 \"A\" 的客户。")),
        ],
        otherwise=msg("Count the A customers: (classes == \"A\").sum().", "数一数 A 类客户：(classes == \"A\").sum()。"),
        hints=[msg("Compare the classes with \"A\" and add up the matches.", "把类别和 \"A\" 比较，再把相等的个数加起来。"),
               msg("(classes == \"A\").sum()", "(classes == \"A\").sum()")],
    ),
    IdListTask(
        "task3", points=2, reference=lambda r: r.a_but_c,
        number_message=msg("You stored a number. The task asks for the customers themselves (their ids).",
                           "你存的是一个数字。题目要的是客户本身（他们的编号）。"),
        correct=msg("These A customers by revenue earn little margin.", "这些按销售额是 A 类的客户，毛利却很少。"),
        mistakes=[
            Mistake(lambda ids, r: set(ids) == set(r.classes().index[(r.classes() == "C")
                                                                     & (r.classes("margin").reindex(r.classes().index) == "A")]),
                    msg("You found C-by-revenue customers who are A by margin: the other way round.",
                        "你找的是销售额 C 类、毛利 A 类的客户：正好反了。")),
            Mistake(lambda ids, r: bool(ids) and set(ids) < set(r.classes().index[r.classes() == "A"]), msg(
                "All of these are A by revenue, but not all (or not only) C by margin. Check the margin classes.",
                "这些客户按销售额都是 A 类，但按毛利并不都是（或不只是）C 类。检查一下毛利的分类。")),
        ],
        otherwise=msg("Keep the customers whose revenue class is \"A\" and whose margin class is \"C\".",
                      "保留销售额类别为 \"A\"、毛利类别为 \"C\" 的客户。"),
        hints=[msg("Classify margin the same way as revenue, then combine the two conditions.",
                   "用和销售额一样的方法给毛利分类，再把两个条件合起来。"),
               msg("margin_classes = abc.abc_classes(margin, (0.8, 0.95)); keep ids where classes == \"A\" and "
                   "margin_classes == \"C\".",
                   "margin_classes = abc.abc_classes(margin, (0.8, 0.95))；保留 classes == \"A\" 且 "
                   "margin_classes == \"C\" 的编号。")],
    ),
    NumberTask(
        "task4", points=2, reference=lambda r: r.share("value_share"), tolerance=5e-4,
        wrong_type=msg("Store one number between 0 and 1.", "请存一个 0 到 1 之间的数。"),
        correct=msg("That is class A's share of revenue.", "这就是 A 类客户的销售额占比。"),
        mistakes=[
            percent_mistake(msg("Give the share as a fraction (0.8), not a percentage (80).",
                                "占比请写成小数（0.8），不要写百分数（80）。")),
            near(lambda r: r.share("customer_share"), msg(
                "That is the A customers' share of the *customers*. The task asks for their share of *revenue*.",
                "这是 A 类客户占*客户数*的比例。题目问的是他们占*销售额*的比例。")),
        ],
        otherwise=msg("Read the value_share of class A from abc.abc_summary(revenue, classes).",
                      "从 abc.abc_summary(revenue, classes) 里读 A 类的 value_share。"),
        hints=[msg("abc.abc_summary(revenue, classes) has one row per class.", "abc.abc_summary(revenue, classes) 每个类别一行。"),
               msg("Read the row \"A\", column \"value_share\".", "读 \"A\" 这一行、\"value_share\" 这一列。")],
    ),
    CountTask(
        "task5", points=2, reference=lambda r: r.count("A", thresholds=(0.7, 0.9)),
        wrong_type=msg("Record the number of A customers shown by the explorer (a whole number).",
                       "请填分类工具显示的 A 类客户人数（一个整数）。"),
        correct=msg("That is class A at 70/90.", "这就是 70/90 阈值下的 A 类人数。"),
        mistakes=[
            Mistake(lambda x, r: x == r.count("A"), msg("That is class A at 80/95. Move the sliders to 70 and 90 first.",
                                                       "这是 80/95 阈值下的 A 类人数。先把滑块拖到 70 和 90。")),
            Mistake(lambda x, r: x == r.count("A", "margin", (0.7, 0.9)), msg(
                "That is class A by margin. Choose revenue in the drop-down.", "这是按毛利的 A 类人数。请在下拉框里选销售额。")),
        ],
        otherwise=msg("Set the A slider to 70 and the B slider to 90, with revenue selected, and read the A count.",
                      "选中销售额，把 A 滑块设为 70、B 滑块设为 90，再读 A 类人数。"),
        hints=[msg("Use the explorer: revenue in the drop-down, sliders at 70 and 90.",
                   "用分类工具：下拉框选销售额，滑块设为 70 和 90。"),
               msg("The sentence under the sliders starts with the number of A customers.",
                   "滑块下面那句话开头就是 A 类客户的人数。")],
    ),
    ChoiceTask(
        "task6", points=2, salt=SALT,
        answer_digest="836e0b3d5362d856740e478f8327c246b5eb441bd33b8bce54205858994a98df",
        correct=msg("Margin tells you where extra sales effort pays back.", "毛利告诉你，额外的销售投入在哪里回报最高。"),
        why={
            "f67ae27235c54bdc9a9ccf93be23031c903955fb6e594cbeaaa7aed1933fa8a9": msg(
                "Closeness to the A boundary says little about profit. Look at task 3: revenue and margin classes can disagree.",
                "离 A 类门槛近不近，和利润关系不大。看看第 3 题：按销售额和按毛利的分类可能不一样。"),
            "9411a5adaa3d1a025b9849177e5779c30b138f5695eae605e3c582cdfe5403fc": msg(
                "Effort is limited; the point of tiering is to choose. Which B customers earn the most per sale?",
                "人力有限，客户分级就是为了做取舍。哪些 B 类客户每做一单赚得最多？"),
        },
        hints=[msg("Extra sales effort costs money; where does an extra sale earn the most?",
                   "额外的销售投入是要花钱的；多做一单在哪里赚得最多？")],
    ),
    WrittenTask("task7", points=3, hints=[msg(
        "Say where extra effort pays back and name the risk of your choice.",
        "说明额外投入在哪里有回报，并指出你这个选择的风险。")]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise 02 against ``transactions`` (default: the synthetic company).

    Parameters
    ----------
    transactions : DataFrame, optional
        Columns ``customer_id``, ``revenue``, ``cost``; default the shipped data.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("abcd"), "revenue": [40.0, 30, 20, 10], "cost": [39.0, 10, 5, 5]})
    >>> check = make_checks(tx)
    >>> check.task2.evaluate(3).status, check.task2.evaluate(2).status
    ('correct', 'incorrect')
    """
    return Checks(TASKS, Reference(transactions), lang=lang)


#: The checks used by ``exercises/02_abc.ipynb``.
check = make_checks()
