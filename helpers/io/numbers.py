"""Amounts as people write them, read one convention per column, or refused.

A column of amounts is read with **one** decimal mark for all its rows. The mark is
decided from the rows that show it: ``12.50`` or ``1,234.50`` say "decimal point",
``12,50`` or ``1.234,50`` say "decimal comma". A column that shows both is refused
(naming rows of each); a column whose only marked values look like ``1.234`` (one
point two three four, or one thousand two hundred and thirty-four?) is refused
unless ``decimal=`` says which. Currency signs and units (¥ ￥ $ € £ 元 RMB CNY USD
EUR GBP HKD …), spaces and apostrophes as thousands separators, accounting
negatives ``(120.00)``, trailing minus ``120.00-`` and the unicode minus ``−75.00``
are understood. All of it is vectorised (pyarrow compute): no Python loop per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from helpers.io import _arrow as A
from helpers.io.report import DataError

_PLAIN = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
_AMBIGUOUS_DOT = r"^[+-]?\d{1,3}\.\d{3}$"
_CODES = r"(?i)(?:RMB|CNY|USD|EUR|GBP|HKD|JPY|TWD|CHF|AUD|CAD|SGD|NTD|US\$|HK\$|NT\$|A\$|C\$|S\$)"
#: Characters trimmed from both ends of an amount: currency signs and units, and spaces.
_SYMBOLS = "¥$€£₩₹元圆块\u5186 \t\u00a0\u202f\u3000"  # \u5186: the Japanese yen sign
_WIDE = r"[\x{ff01}-\x{ff5e}\x{ffe5}]"  # full-width forms: digits, ． ， －, ￥
_BODY = {
    "int": r"^\d+$",
    "amb_dot": r"^\d{1,3}\.\d{3}$",
    "amb_comma": r"^\d{1,3},\d{3}$",
    "dot": r"^\d*\.\d*$",
    "comma": r"^\d*,\d*$",
    "comma_dot": r"^\d{1,3}(?:,\d{3})+\.\d*$",
    "dot_comma": r"^\d{1,3}(?:\.\d{3})+,\d*$",
    "group_comma": r"^\d{1,3}(?:,\d{3}){2,}$",
    "group_dot": r"^\d{1,3}(?:\.\d{3}){2,}$",
}
_VALID = {  # (decimal, thousands) -> the bodies that convention reads
    (".", ","): r"^\d+$|^\d*\.\d*$|^\d{1,3}(?:,\d{3})+(?:\.\d*)?$",
    (",", "."): r"^\d+$|^\d*,\d*$|^\d{1,3}(?:\.\d{3})+(?:,\d*)?$",
    (".", ""): r"^\d+$|^\d*\.\d*$",
    (",", ""): r"^\d+$|^\d*,\d*$",
}


def _classify(body: pa.ChunkedArray) -> dict[str, np.ndarray]:
    """The shape of each number body (digits, '.' and ','), as :data:`_BODY` names it, with few passes.

    Equivalent to matching every pattern of :data:`_BODY`; a body no pattern fits is in no class.
    """
    dots = np.asarray(pc.fill_null(pc.count_substring(body, "."), 0).to_numpy(zero_copy_only=False))
    commas = np.asarray(pc.fill_null(pc.count_substring(body, ","), 0).to_numpy(zero_copy_only=False))
    three = A.mask(pc.match_substring_regex(body, r"^\d{1,3}[.,]\d{3}$"))
    out = {"int": (dots == 0) & (commas == 0), "amb_dot": three & (dots == 1), "amb_comma": three & (commas == 1),
           "dot": (dots == 1) & (commas == 0), "comma": (commas == 1) & (dots == 0)}
    grouped_dot = (dots >= 2) & (commas == 0)
    grouped_comma = (commas >= 2) & (dots == 0)
    out["group_dot"] = grouped_dot & A.mask(pc.match_substring_regex(body, _BODY["group_dot"])) if grouped_dot.any() else grouped_dot
    out["group_comma"] = (grouped_comma & A.mask(pc.match_substring_regex(body, _BODY["group_comma"]))
                          if grouped_comma.any() else grouped_comma)
    both = (dots >= 1) & (commas >= 1)
    out["comma_dot"] = both & A.mask(pc.match_substring_regex(body, _BODY["comma_dot"])) if both.any() else both
    out["dot_comma"] = both & A.mask(pc.match_substring_regex(body, _BODY["dot_comma"])) if both.any() else both
    return out


@dataclass
class Amounts:
    """Amounts read from one column.

    Parameters
    ----------
    values : float array
        The amounts (NaN where missing or not a number).
    missing, bad : bool arrays
        Empty cells; cells that are not amounts.
    decimal, thousands : str
        The marks used.
    notes : list of (English, Chinese)
        What was understood, for the report.

    Examples
    --------
    >>> a = parse_amounts(["12.50", "(3.00)", ""], column="Paid", source="f.csv")
    >>> a.values.tolist()[:2], a.missing.tolist(), a.decimal
    ([12.5, -3.0], [False, False, True], '.')
    """

    values: np.ndarray
    missing: np.ndarray
    bad: np.ndarray
    decimal: str
    thousands: str
    notes: list[tuple[str, str]] = field(default_factory=list)


def _rows(lines: np.ndarray | None, where: np.ndarray, k: int = 3) -> list[int]:
    idx = np.flatnonzero(where)[:k]
    return [int(lines[i]) if lines is not None else int(i) + 2 for i in idx]


def _examples(text: np.ndarray, lines: np.ndarray | None, where: np.ndarray, k: int = 2) -> str:
    idx = np.flatnonzero(where)[:k]
    return ", ".join(f"row {int(lines[i]) if lines is not None else int(i) + 2} has {text[i]!r}" for i in idx)


def parse_amounts(values: object, *, column: str, source: str, lines: np.ndarray | None = None,
                  decimal: str | None = None, thousands: str | None = None,
                  numbers: np.ndarray | None = None) -> Amounts:
    """Read a column of amounts with one decimal mark for the whole column.

    Parameters
    ----------
    values : pyarrow string array, pandas Series or list of text
        The column as written (None or "" for an empty cell).
    column, source : str
        The column's and the file's names, for messages.
    lines : array of int, optional
        File row number of each value (for messages); default: position + 2.
    decimal : {".", ","}, optional
        The decimal mark; decided from the data when None.
    thousands : {",", ".", " ", "'", ""}, optional
        The thousands separator; default: the other mark (spaces and apostrophes always are).
    numbers : float array, optional
        Values already numeric (Excel number cells; NaN elsewhere): used as they are.

    Returns
    -------
    Amounts
        ``values`` (float, NaN where missing or not a number), ``missing`` (empty
        cell), ``bad`` (text that is not an amount), the ``decimal`` and
        ``thousands`` marks used and ``notes`` (English, Chinese) on what was understood.

    Raises
    ------
    DataError
        If the column shows both decimal marks, or cannot tell which one it uses.

    Examples
    --------
    >>> parse_amounts(["1.157,43", "€1.234,50", "12,00"], column="Betrag", source="de.csv").values.tolist()
    [1157.43, 1234.5, 12.0]
    >>> parse_amounts(["￥880.00", "1,234.50元", "RMB 300", "120.00-", "−75.00"], column="金额", source="cn.csv").values.tolist()
    [880.0, 1234.5, 300.0, -120.0, -75.0]
    >>> parse_amounts(["1.234", "5.678"], column="Betrag", source="x.csv")
    Traceback (most recent call last):
    ...
    helpers.io.report.DataError: x.csv: column 'Betrag' cannot tell its decimal mark: ...
    """
    if decimal not in (None, ".", ","):
        raise DataError(f"{source}: decimal={decimal!r} is not a decimal mark; pass decimal='.' or decimal=','.")
    if thousands not in (None, ",", ".", " ", "'", ""):
        raise DataError(f"{source}: thousands={thousands!r} is not supported; pass one of ',', '.', ' ', \"'\" or ''.")
    if decimal is not None and thousands is not None and decimal == thousands:
        raise DataError(f"{source}: decimal= and thousands= are both {decimal!r}; they must differ.")
    if decimal is None and thousands in (",", "."):
        decimal = "." if thousands == "," else ","
    arr = A.as_text(values)
    try:  # the common case: plain numbers only; nothing to trim
        first = pc.cast(arr, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        first = None
        arr = A.trimmed(arr)
    n = len(arr)
    present = A.valid(arr)
    out = np.full(n, np.nan)
    numeric = np.zeros(n, dtype=bool)
    if numbers is not None:
        numeric = ~np.isnan(numbers)
        out[numeric] = numbers[numeric]
        present = present & ~numeric
    notes: list[tuple[str, str]] = []
    # 1. plain numbers (1234, -12.5, 1e5): cast in one go when the whole column is plain
    if first is not None:
        plain_values = np.asarray(first.to_numpy(zero_copy_only=False), dtype=float)
        plain = present.copy()
    else:
        plain = present & A.mask(pc.match_substring_regex(arr, _PLAIN))
        plain_values = np.full(n, np.nan)
        plain_values[plain] = np.asarray(pc.cast(A.take(arr, plain), pa.float64()).to_numpy(zero_copy_only=False), dtype=float)
    # A value such as 12.50 settles "decimal point": look for one in the first rows before scanning the column.
    head = min(n, 4096)
    head_dot = plain[:head] & A.mask(pc.match_substring(arr.slice(0, head), "."))
    head_amb = head_dot & A.mask(pc.match_substring_regex(arr.slice(0, head), _AMBIGUOUS_DOT))
    amb_dot = np.zeros(n, dtype=bool)
    point_votes = np.zeros(n, dtype=bool)
    if (head_dot & ~head_amb).any() and decimal != ",":
        has_dot = None  # not needed: the column reads with a decimal point
        point_votes[:head] = head_dot & ~head_amb
        amb_dot[:head] = head_amb
    else:
        has_dot = plain & A.mask(pc.match_substring(arr, "."))
        if has_dot.any():
            amb_dot = has_dot & A.mask(pc.match_substring_regex(arr, _AMBIGUOUS_DOT))
            point_votes = has_dot & ~amb_dot
    # 2. the rest: decorated or grouped values, read through their shape (all in pyarrow, no loop per row)
    rest = present & ~plain
    classes = {k: np.zeros(n, dtype=bool) for k in _BODY}
    groups: list[tuple[np.ndarray, pa.ChunkedArray, np.ndarray]] = []  # (positions, digits and marks, negative)
    currency_count = neg_styles = 0
    if rest.any():
        idx = np.flatnonzero(rest)
        sub = A.take(arr, rest)
        if A.mask(pc.match_substring_regex(sub, _WIDE)).any():
            sub = pc.utf8_normalize(sub, "NFKC")  # ￥ → ¥, full-width digits and marks
        currency = A.mask(pc.match_substring_regex(sub, "[¥$€£₩₹元圆块\u5186]"))
        if A.mask(pc.match_substring_regex(sub, "[A-Za-z]")).any():  # currency codes (RMB, USD, EUR …)
            coded = pc.replace_substring_regex(sub, _CODES, "")
            currency |= A.mask(pc.not_equal(pc.utf8_length(coded), pc.utf8_length(sub)))
            sub = coded
        currency_count = int(currency.sum())
        opens = np.asarray(pc.fill_null(pc.count_substring(sub, "("), 0).to_numpy(zero_copy_only=False))
        closes = np.asarray(pc.fill_null(pc.count_substring(sub, ")"), 0).to_numpy(zero_copy_only=False))
        minus = A.mask(pc.match_substring(sub, "-")) | A.mask(pc.match_substring(sub, "−"))
        ok = (opens == closes) & (opens <= 1)
        negative = minus | (opens == 1)
        neg_styles = int((ok & ((opens == 1) | A.mask(pc.match_substring(sub, "−"))
                                | A.mask(pc.ends_with(pc.utf8_rtrim(sub, _SYMBOLS), "-")))).sum())
        body = pc.utf8_trim(sub, _SYMBOLS + "()+-−")  # signs, brackets, symbols and spaces around the number
        if pc.any(pc.match_substring_regex(body, "[ '’\u00a0\u202f\u3000]")).as_py():
            for mark in (" ", "'", "’", "\u00a0", "\u202f", "\u3000"):  # spaces and apostrophes between thousands
                body = pc.replace_substring(body, mark, "")
        ok &= A.mask(pc.match_substring_regex(body, r"^[0-9.,]*[0-9][0-9.,]*$"))  # only digits and marks are left
        for name, value in _classify(body).items():
            classes[name][idx] = ok & value
        groups.append((idx[ok], A.take(body, ok), negative[ok]))
    # 3. one decimal mark for the column
    point = point_votes | classes["dot"] & ~classes["amb_dot"] | classes["comma_dot"] | classes["group_comma"]
    comma = classes["comma"] & ~classes["amb_comma"] | classes["dot_comma"] | classes["group_dot"]
    ambiguous = amb_dot | classes["amb_dot"] | classes["amb_comma"]
    text = None
    if decimal is None:
        if point.any() and comma.any():
            text = A.strings(arr)
            raise DataError(
                f"{source}: column {column!r} mixes decimal marks: {_examples(text, lines, point, 1)} (a decimal point) "
                f"and {_examples(text, lines, comma, 1)} (a decimal comma). One column must use one convention. "
                "Correct those rows, or pass decimal='.' or decimal=',' to say which is right (rows that do not fit "
                "are then excluded and reported).",
                zh=f"{source}：列“{column}”混用了两种小数点：{_examples(text, lines, point, 1)}（小数点为“.”）和 "
                   f"{_examples(text, lines, comma, 1)}（小数点为“,”）。一列只能用一种写法。请改正这些行，或指定 "
                   "decimal='.' 或 decimal=','（不符合的行会被排除并列入报告）。",
                option="decimal")
        if point.any():
            decimal = "."
        elif comma.any():
            decimal = ","
        elif ambiguous.any():
            text = A.strings(arr)
            ex = _examples(text, lines, ambiguous, 2)
            raise DataError(
                f"{source}: column {column!r} cannot tell its decimal mark: {ex}, and no value shows whether the "
                "mark is a decimal point or a thousands separator (1.234 can be one point two three four, or one "
                "thousand two hundred and thirty-four). Pass decimal='.' if 1.234 is a bit more than one, or "
                "decimal=',' if it is more than a thousand.",
                zh=f"{source}：列“{column}”看不出小数点是哪个符号：{ex}，没有任何数值能说明“.”是小数点还是千位分隔符"
                   "（1.234 可以是一点二三四，也可以是一千二百三十四）。如果 1.234 略大于一，请指定 decimal='.'；"
                   "如果它大于一千，请指定 decimal=','。",
                option="decimal")
        else:
            decimal = "."
    if thousands is None:
        thousands = "," if decimal == "." else "."
    group = thousands if thousands in (",", ".") else ""
    # 4. convert: plain values that the decimal comma reads differently go through the shape path
    keep_plain = plain.copy()
    if decimal == ",":
        moved = has_dot if has_dot is not None else plain & A.mask(pc.match_substring(arr, "."))
        keep_plain &= ~moved
        if moved.any():
            values = A.take(arr, moved)
            groups.append((np.flatnonzero(moved), pc.replace_substring_regex(values, r"^[+-]", ""),
                           A.mask(pc.starts_with(values, "-"))))
    out[keep_plain] = plain_values[keep_plain]
    good = np.zeros(n, dtype=bool)
    for idx, bodies, negative in groups:
        if not len(idx):
            continue
        fits = A.mask(pc.match_substring_regex(bodies, _VALID[(decimal, group)]))
        standard = bodies
        if group:
            standard = pc.replace_substring(standard, group, "")
        if decimal == ",":
            standard = pc.replace_substring(standard, ",", ".")
        vals = np.full(len(idx), np.nan)
        if fits.any():
            vals[fits] = np.asarray(pc.cast(A.take(standard, fits), pa.float64()).to_numpy(zero_copy_only=False),
                                    dtype=float)
        out[idx] = np.where(negative, -np.abs(vals), vals)
        good[idx[fits]] = True
    good |= keep_plain
    good &= np.isfinite(np.where(good, out, 0.0))
    out[~good & ~numeric] = np.nan
    missing = ~present & ~numeric
    bad = present & ~good
    if currency_count:
        notes.append((f"{currency_count:,} amounts in {column!r} carry a currency sign or unit (¥, $, €, £, 元, RMB …); "
                      "the sign was removed and the number kept",
                      f"列“{column}”中有 {currency_count:,} 个金额带货币符号或单位（¥、$、€、£、元、RMB 等），已去掉符号保留数值"))
    if neg_styles:
        notes.append((f"{neg_styles:,} negative amounts in {column!r} are written as (120.00), 120.00- or −120.00; "
                      "they are read as negatives (returns)",
                      f"列“{column}”中有 {neg_styles:,} 个负数写作 (120.00)、120.00- 或 −120.00，按负数（退货）读取"))
    if (comma.any() or decimal == ",") and present.any():
        notes.append((f"amounts in {column!r} use a decimal comma (1.234,50 = one thousand two hundred and thirty-four and a half)",
                      f"列“{column}”的金额以逗号为小数点（1.234,50 即一千二百三十四点五）"))
    elif (classes["comma_dot"] | classes["group_comma"] | classes["amb_comma"]).any():
        notes.append((f"amounts in {column!r} use a decimal point and ',' between thousands (1,234.50)",
                      f"列“{column}”的金额以句点为小数点、逗号为千位分隔符（1,234.50）"))
    return Amounts(out, missing, bad, decimal, thousands, notes)
