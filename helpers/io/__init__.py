"""Reading a trainer's or learner's own transaction file (CSV or Excel), right or not at all.

``read_transactions(path, customer=..., date=..., amount=...)`` is the entry point
(re-exported by :mod:`helpers.data`); ``suggest_mapping(path)`` proposes the column
names. The machinery lives in submodules: :mod:`helpers.io.sniff` (file kind,
encoding, separator, header row), :mod:`helpers.io.numbers` (amounts),
:mod:`helpers.io.dates` (dates and times), :mod:`helpers.io.mapping` (which column
is which) and :mod:`helpers.io.report` (the :class:`CleaningReport` and
:class:`DataError`).
"""

from helpers.io.reader import MappingSuggestion, read_transactions, suggest_mapping
from helpers.io.report import CleaningReport, CleaningStep, DataError

__all__ = ["CleaningReport", "CleaningStep", "DataError", "MappingSuggestion", "read_transactions", "suggest_mapping"]
