"""Dates and times as exports write them, read one convention per column, or refused.

Understood: ISO ``2024-03-05`` (with or without a time, ``T``, fractions of a second
and a zone ``Z`` / ``+08:00``), ``2024/3/5``, ``2024.03.05``, ``20240305``, Chinese
``2024年3月5日`` (``14时30分``, ``上午/下午``), day/month/year and month/day/year with
``/ . -`` (two-digit years too), month names (``5 Mar 2024``, ``March 5, 2024``,
``05-Mar-24``), AM/PM, Excel serial day numbers (``45356``) and Unix seconds or
milliseconds. Whether ``05/03/2024`` is 5 March or 3 May is decided **for the whole
column** from the rows that can only be read one way (a day above 12); a column
that shows both orders, or never shows which, is refused with the fix
(``dayfirst=True`` / ``dayfirst=False``). Times with a zone are converted to one
zone (``tz=``, or the most common offset in the column) and written without it,
so that every date in the kit compares with every other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.io import _arrow as A
from helpers.io.report import DataError

#: Formats tried first on a sample (unambiguous; pyarrow parses the column in C when one fits).
FAST_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
)

_WEEKDAY = r"(?:(?i:[a-z]{3,6}day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?"
_DATE = (
    r"(?:(?P<Y1>\d{4})\s*[-/.年]\s*(?P<M1>\d{1,2})\s*[-/.月]\s*(?P<D1>\d{1,2})\s*日?"
    r"|(?P<P2>\d{1,2})\s*[-/.]\s*(?P<Q2>\d{1,2})\s*[-/.]\s*(?P<Y2>\d{4}|\d{2})"
    r"|(?P<D3>\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*(?P<N3>[A-Za-z]{3,9})\.?[\s\-/.,]*(?P<Y3>\d{4}|\d{2})"
    r"|(?P<N4>[A-Za-z]{3,9})\.?[\s\-/.]*(?P<D4>\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]*(?P<Y4>\d{4})"
    r"|(?P<Y5>\d{4})[\s\-/.]*(?P<N5>[A-Za-z]{3,9})\.?[\s\-/.]*(?P<D5>\d{1,2})"
    r"|(?P<Y6>\d{4})(?P<M6>\d{2})(?P<D6>\d{2}))"
)
_TIME = (
    r"(?:(?:\s*T\s*|\s+|\s*,\s*)(?P<AP1>上午|下午|(?i:am|pm))?\s*(?P<H>\d{1,2})\s*[:时\x{9ede}点]\s*(?P<MI>\d{1,2})\s*分?"
    r"(?:\s*:\s*(?P<S>\d{1,2})\s*秒?(?:[.,](?P<F>\d{1,9}))?)?\s*(?P<AP2>(?i:a\.?\s?m\.?|p\.?\s?m\.?))?"
    r"(?:\s*(?P<TZ>Z|UTC|GMT|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?))?)?"
)
_PATTERN = r"^" + _WEEKDAY + _DATE + _TIME + r"$"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


@dataclass
class Dates:
    """Dates read from one column (naive, in one stated zone).

    Parameters
    ----------
    values : datetime64 array
        The dates (NaT where missing or not a date).
    missing, bad : bool arrays
        Empty cells; cells that are not dates.
    dayfirst : bool or None
        The day/month order used (None when no value needed one).
    tz : str or None
        The zone times were converted to.
    notes : list of (English, Chinese)
        What was understood, for the report.

    Examples
    --------
    >>> d = parse_dates(["2024-03-05", "", "soon"], column="Day", source="f.csv")
    >>> d.values.astype(str).tolist(), d.missing.tolist(), d.bad.tolist()
    (['2024-03-05T00:00:00.000000', 'NaT', 'NaT'], [False, True, False], [False, False, True])
    """

    values: np.ndarray
    missing: np.ndarray
    bad: np.ndarray
    dayfirst: bool | None = None
    tz: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)


#: Day-first and month-first formats that pyarrow parses in C, tried when the sample fits one of a pair.
_DAY_MONTH_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (f"%d{sep}%m{sep}%Y{time}", f"%m{sep}%d{sep}%Y{time}")
    for sep in "./-" for time in ("", " %H:%M", " %H:%M:%S"))


_YEAR_1000 = int(np.datetime64("1000-01-01", "us").astype("int64"))


def _strptime(arr: pa.ChunkedArray, fmt: str) -> np.ndarray:
    """datetime64[us] (NaT where the text does not fit); years below 1000 (a two-digit year read by %Y) do not fit."""
    parsed = pc.strptime(arr, format=fmt, unit="us", error_is_null=True).to_numpy()
    return np.where(parsed >= np.datetime64("1000-01-01"), parsed, np.datetime64("NaT"))


def _decide_order(found: dict[str, np.ndarray], dayfirst: bool | None, column: str, source: str,
                  lines: np.ndarray | None, text_at: Callable[[int], str]) -> tuple[bool | None, tuple[str, str] | None]:
    """Day first or month first for the whole column, from the rows that can be read only one way; or refuse."""
    day, month, unclear = (np.sort(found[k]) for k in ("day", "month", "unclear"))
    if dayfirst is not None:
        return dayfirst, None
    if len(day) and len(month):
        i, j = int(day[0]), int(month[0])
        raise DataError(
            f"{source}: column {column!r} mixes date orders: row {_row(lines, i)} has {text_at(i)!r} (day first) and "
            f"row {_row(lines, j)} has {text_at(j)!r} (month first). One column must use one order. Correct those "
            "rows, or pass dayfirst=True (day/month/year) or dayfirst=False (month/day/year); rows that do not fit "
            "are then excluded and reported.",
            zh=f"{source}：列“{column}”混用了两种日期顺序：第 {_row(lines, i)} 行的 {text_at(i)!r} 是日在前，第 "
               f"{_row(lines, j)} 行的 {text_at(j)!r} 是月在前。一列只能用一种顺序。请改正这些行，或指定 dayfirst=True"
               "（日/月/年）或 dayfirst=False（月/日/年）；不符合的行会被排除并列入报告。",
            option="dayfirst")
    if not len(day) and not len(month):
        if len(unclear):
            ex = ", ".join(f"row {_row(lines, int(i))} has {text_at(int(i))!r}" for i in unclear[:2])
            raise DataError(
                f"{source}: column {column!r} does not show whether dates are day/month/year or month/day/year: {ex}, "
                "and no date in the column has a day above 12. Pass dayfirst=True if 05/03/2024 is 5 March (British, "
                "European, Chinese exports) or dayfirst=False if it is May 3 (American exports).",
                zh=f"{source}：列“{column}”看不出日期是“日/月/年”还是“月/日/年”："
                   + "，".join(f"第 {_row(lines, int(i))} 行是 {text_at(int(i))!r}" for i in unclear[:2])
                   + "，而且没有任何日期的“日”大于 12。如果 05/03/2024 是 3 月 5 日（英国、欧洲、中国的导出文件），"
                   "请指定 dayfirst=True；如果是 5 月 3 日（美国的导出文件），请指定 dayfirst=False。",
                option="dayfirst")
        return True, None  # every such date has day == month: both readings agree
    used = bool(len(day))
    w = int((day if used else month)[0])
    order, order_zh = ("day/month/year", "日/月/年") if used else ("month/day/year", "月/日/年")
    return used, (f"dates in {column!r} read as {order} for the whole column (row {_row(lines, w)}, {text_at(w)!r}, "
                  "can only be read that way)",
                  f"列“{column}”的日期整列按{order_zh}读取（第 {_row(lines, w)} 行的 {text_at(w)!r} 只能这样读）")


def _row(lines: np.ndarray | None, i: int) -> int:
    return int(lines[i]) if lines is not None else int(i) + 2


def _month_numbers(names: np.ndarray) -> np.ndarray:
    out = np.full(len(names), -1, dtype=np.int64)
    lookup: dict[str, int] = {}
    for name in set(names.tolist()) - {None, ""}:
        low = name.lower().rstrip(".")
        lookup[name] = next((k + 1 for k, full in enumerate(_MONTHS) if len(low) >= 3 and
                             (full.startswith(low) or (low == "sept" and k == 8))), -1)
    for i, name in enumerate(names):
        if name:
            out[i] = lookup[name]
    return out


def _offsets(tz_text: np.ndarray) -> np.ndarray:
    """Zone text (Z, UTC, +08:00, +0800, GMT+8) as minutes east of UTC; -10000 = no zone."""
    out = np.full(len(tz_text), -10000, dtype=np.int64)
    for i, t in enumerate(tz_text):
        if not t:
            continue
        t = t.replace("UTC", "").replace("GMT", "").replace(" ", "")
        if t in ("", "Z"):
            out[i] = 0
            continue
        sign = -1 if t[0] == "-" else 1
        digits = t[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        out[i] = sign * (int(hours) * 60 + int(minutes))
    return out


def _zone_name(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _general(text: pa.ChunkedArray) -> dict[str, np.ndarray]:
    """Components of each value (NFKC-normalised) by the one big pattern; -1 where absent. Vectorised."""
    norm = text if pc.all(pc.string_is_ascii(text)).as_py() is not False else pc.utf8_normalize(text, "NFKC")
    parts = pc.extract_regex(norm, _PATTERN)
    ok = A.valid(parts)

    def part(name: str) -> pa.ChunkedArray:
        return pc.fill_null(pc.struct_field(parts, name), "")

    def filled(name: str) -> np.ndarray:
        return ok & A.mask(pc.not_equal(part(name), ""))

    n = len(text)
    form = np.zeros(n, dtype=np.int8)
    year = np.full(n, -1, dtype=np.int64)
    month = year.copy()
    day = year.copy()
    first = year.copy()
    second = year.copy()
    for k, (y, m, d) in enumerate((("Y1", "M1", "D1"), ("Y2", None, None), ("Y3", "N3", "D3"), ("Y4", "N4", "D4"),
                                   ("Y5", "N5", "D5"), ("Y6", "M6", "D6")), start=1):
        here = filled(y)
        if not here.any():
            continue
        form[here] = k
        year[here] = A.ints(part(y))[here]
        if k == 2:
            first[here] = A.ints(part("P2"))[here]
            second[here] = A.ints(part("Q2"))[here]
        elif m.startswith("N"):
            names = pc.utf8_slice_codeunits(pc.utf8_lower(part(m)), 0, 3)
            number = pc.index_in(names, value_set=pa.array([x[:3] for x in _MONTHS]))
            month[here] = np.asarray(pc.fill_null(number, -2).to_numpy(zero_copy_only=False))[here] + 1
            day[here] = A.ints(part(d))[here]
        else:
            month[here] = A.ints(part(m))[here]
            day[here] = A.ints(part(d))[here]
    two_digit = (form > 0) & (year >= 0) & (year < 100)
    year = np.where(two_digit, np.where(year < 69, 2000 + year, 1900 + year), year)
    hour = A.ints(part("H"))
    minute = A.ints(part("MI"))
    sec = A.ints(part("S"))
    ap1 = pc.utf8_lower(part("AP1"))
    ap2 = pc.replace_substring_regex(pc.utf8_lower(part("AP2")), r"[.\s]", "")
    pm = A.mask(pc.is_in(ap1, value_set=pa.array(["pm", "下午"]))) | A.mask(pc.equal(ap2, "pm"))
    am = A.mask(pc.is_in(ap1, value_set=pa.array(["am", "上午"]))) | A.mask(pc.equal(ap2, "am"))
    has_time = hour >= 0
    bad_ampm = (pm | am) & ((hour < 1) | (hour > 12))
    hour = np.where(pm & (hour < 12), hour + 12, np.where(am & (hour == 12), 0, hour))
    micro = np.zeros(n, dtype=np.int64)
    with_fraction = filled("F")
    if with_fraction.any():
        six = pc.utf8_slice_codeunits(pc.utf8_rpad(part("F"), 6, "0"), 0, 6)
        micro = np.where(with_fraction, A.ints(six, 0), 0)
    zone = np.full(n, -10000, dtype=np.int64)
    with_zone = filled("TZ")
    if with_zone.any():  # zones are few distinct strings: convert each once
        zones = A.take(part("TZ"), with_zone)
        distinct = pc.unique(zones)
        minutes = _offsets(np.asarray(distinct.to_pylist(), dtype=object))
        zone[with_zone] = minutes[np.asarray(pc.index_in(zones, value_set=distinct).to_numpy(zero_copy_only=False))]
    return {"ok": ok & (form > 0), "form": form, "year": year, "month": month, "day": day, "first": first,
            "second": second, "two_digit": two_digit, "hour": np.where(has_time, hour, 0),
            "minute": np.where(has_time, minute, 0), "sec": np.where(sec >= 0, sec, 0), "micro": micro,
            "bad_time": bad_ampm | (has_time & ((hour > 23) | (minute > 59) | (sec > 60))), "tz": zone}


def _assemble(year: np.ndarray, month: np.ndarray, day: np.ndarray, hour: np.ndarray, minute: np.ndarray,
              sec: np.ndarray, micro: np.ndarray) -> np.ndarray:
    """datetime64[us] from components; NaT where the date does not exist (31 February, month 13)."""
    good = (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
    frame = pd.DataFrame({"year": np.where(good, year, 2000), "month": np.where(good, month, 1),
                          "day": np.where(good, day, 1)})
    dates = pd.to_datetime(frame, errors="coerce").to_numpy().astype("datetime64[us]")
    # to_datetime rolls nothing over: an impossible day (Feb 30) is NaT under errors="coerce"
    dates = np.where(good, dates, np.datetime64("NaT"))
    delta = (hour.astype("int64") * 3600 + minute.astype("int64") * 60 + np.minimum(sec, 59).astype("int64")) * 1_000_000 + micro
    return dates + delta.astype("timedelta64[us]")


def parse_dates(values: object, *, column: str, source: str, lines: np.ndarray | None = None,
                dayfirst: bool | None = None, tz: str | None = None,
                datetimes: np.ndarray | None = None, numbers: np.ndarray | None = None) -> Dates:
    """Read a column of dates with one convention for the whole column.

    Parameters
    ----------
    values : pyarrow string array, pandas Series or list of text
        The column as written (None or "" for an empty cell).
    column, source : str
        The column's and the file's names, for messages.
    lines : array of int, optional
        File row number of each value (for messages); default: position + 2.
    dayfirst : bool, optional
        ``True`` for day/month/year, ``False`` for month/day/year; decided from the data when None.
    tz : str, optional
        Zone to convert times to (e.g. ``"Asia/Shanghai"``); times without a zone are taken to be in it.
    datetimes : datetime64 array, optional
        Values already dates (Excel date cells; NaT elsewhere).
    numbers : float array, optional
        Numeric cells (Excel; NaN elsewhere): read as Excel serial day numbers.

    Returns
    -------
    Dates
        ``values`` (naive datetime64[us], NaT where missing or not a date), ``missing``,
        ``bad``, the ``dayfirst`` and ``tz`` used, and ``notes`` (English, Chinese).

    Raises
    ------
    DataError
        If day and month order cannot be told or is mixed, or zones are mixed with no ``tz=``.

    Examples
    --------
    >>> parse_dates(["02.01.2023", "15.01.2023"], column="Datum", source="de.csv").values.astype("datetime64[D]").astype(str).tolist()
    ['2023-01-02', '2023-01-15']
    >>> parse_dates(["2024年3月5日", "45356"], column="日期", source="cn.csv").values.astype("datetime64[D]").astype(str).tolist()
    ['2024-03-05', '2024-03-05']
    >>> parse_dates(["05/03/2024", "04/03/2024"], column="Date", source="uk.csv")
    Traceback (most recent call last):
    ...
    helpers.io.report.DataError: uk.csv: column 'Date' does not show whether dates are day/month/year or month/day/year: ...
    """
    arr = A.as_text(values)
    n = len(arr)
    present = A.valid(arr)
    blank = np.zeros(n, dtype=bool)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[us]")
    offset = np.full(n, -10000, dtype=np.int64)
    notes: list[tuple[str, str]] = []
    done = np.zeros(n, dtype=bool)
    if datetimes is not None:
        cells = ~np.isnat(datetimes)
        out[cells] = datetimes[cells].astype("datetime64[us]")
        done |= cells
        present = present & ~cells
    serial_from_cells = np.zeros(n, dtype=bool)
    if numbers is not None:
        # an Excel number cell such as 20240305 is a compact date, not a serial: read it as text
        whole = ~np.isnan(numbers) & (np.mod(np.nan_to_num(numbers), 1) == 0)
        compact = whole & (numbers >= 19000101) & (numbers <= 21001231)
        if compact.any():
            text = A.strings(arr)
            text[compact] = [str(int(v)) for v in numbers[compact]]
            arr = pa.chunked_array([pa.array(text.tolist(), type=pa.string())])
            numbers = np.where(compact, np.nan, numbers)
            present = present | compact
        serial_from_cells = ~np.isnan(numbers) & ~done
    # 1. fast path: one unambiguous format fits a sample, pyarrow parses the whole column
    fast_fmt = None
    both_ways: tuple[np.ndarray, np.ndarray] | None = None
    try:  # ISO 8601 without a zone in every cell: pyarrow's cast parses it fastest
        iso = pc.cast(arr, pa.timestamp("us")) if present.any() and not done.any() else None
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        iso = None
    if iso is not None:
        out = iso.to_numpy()
        if not out.flags.writeable:
            out = out.copy()
        done |= present
    elif present.any():
        sample = pc.drop_null(arr.slice(0, 4000))
        for fmt in FAST_FORMATS:
            parsed = pc.strptime(sample, format=fmt, unit="us", error_is_null=True)
            if parsed.null_count == 0:
                fast_fmt = fmt
                break
        if fast_fmt:
            parsed = pc.strptime(arr, format=fast_fmt, unit="us", error_is_null=True)
            values_us = np.asarray(parsed.cast(pa.int64()).fill_null(0).to_numpy(zero_copy_only=False))
            got = A.valid(parsed) & present & (values_us >= _YEAR_1000)  # %Y reads '24' as the year 24
            if got.all():
                out = values_us.astype("datetime64[us]")
            else:
                out[got] = values_us[got].astype("datetime64[us]")
            done |= got
        else:
            pair = next((p for p in _DAY_MONTH_PAIRS if A.mask(pc.or_(
                pc.is_valid(pc.strptime(sample, format=p[0], unit="us", error_is_null=True)),
                pc.is_valid(pc.strptime(sample, format=p[1], unit="us", error_is_null=True)))).all()), None)
            if pair is not None:  # day/month/year or month/day/year: parse both ways, decide below
                both_ways = (_strptime(arr, pair[0]), _strptime(arr, pair[1]))
    # evidence on the order of day and month, from every row that can be read only one way
    evidence = {"day": [], "month": [], "unclear": []}
    text_of: dict[int, str] = {}
    if both_ways is not None:
        d, m = both_ways
        d_ok, m_ok = ~np.isnat(d) & present, ~np.isnat(m) & present
        evidence["day"].append(np.flatnonzero(d_ok & ~m_ok))
        evidence["month"].append(np.flatnonzero(m_ok & ~d_ok))
        evidence["unclear"].append(np.flatnonzero(d_ok & m_ok & (d != m)))
    rest = present & ~done & ~(np.zeros(n, dtype=bool) if both_ways is None else (~np.isnat(both_ways[0]) | ~np.isnat(both_ways[1])))
    serial = serial_from_cells.copy()
    serial_values = np.where(serial_from_cells, numbers if numbers is not None else np.nan, np.nan)
    dayfirst_used = dayfirst
    two_digit_count = chinese = 0
    general: tuple | None = None
    if rest.any():
        idx = np.flatnonzero(rest)
        sub = A.trimmed(A.take(arr, rest))
        empty_sub = ~A.valid(sub)
        if empty_sub.any():  # cells holding only spaces are empty
            blank[idx[empty_sub]] = True
            idx, sub = idx[~empty_sub], A.take(sub, ~empty_sub)
        # pure numbers: Excel serial days (5 digits, maybe a fraction) and Unix seconds / milliseconds
        serial_sub = A.mask(pc.match_substring_regex(sub, r"^\d{5}(?:\.\d+)?$"))
        epoch_s = A.mask(pc.match_substring_regex(sub, r"^\d{10}$"))
        epoch_ms = A.mask(pc.match_substring_regex(sub, r"^\d{13}$"))
        if serial_sub.any():
            serial[idx[serial_sub]] = True
            serial_values[idx[serial_sub]] = np.asarray(pc.cast(A.take(sub, serial_sub), pa.float64()).to_numpy(zero_copy_only=False))
        for which, unit in ((epoch_s, "s"), (epoch_ms, "ms")):
            if which.any():
                ticks = np.asarray(pc.cast(A.take(sub, which), pa.int64()).to_numpy(zero_copy_only=False))
                out[idx[which]] = ticks.astype(f"datetime64[{unit}]").astype("datetime64[us]")
                offset[idx[which]] = 0
                done[idx[which]] = True
                notes.append((f"{int(which.sum()):,} values in {column!r} are Unix {'seconds' if unit == 's' else 'milliseconds'} "
                              "since 1970 (UTC); converted to dates",
                              f"列“{column}”中有 {int(which.sum()):,} 个值是 Unix 时间戳（自 1970 年起的"
                              f"{'秒' if unit == 's' else '毫秒'}数，UTC），已换算成日期"))
        textual = ~(serial_sub | epoch_s | epoch_ms)
        if textual.any():
            tidx = idx[textual]
            g = _general(A.take(sub, textual))
            chinese = int(A.mask(pc.match_substring(A.take(sub, textual), "年")).sum())
            ok = g["ok"] & ~g["bad_time"]
            two = ok & (g["form"] == 2)
            p, q = g["first"], g["second"]
            if two.any():
                evidence["day"].append(tidx[two & (p > 12) & (q <= 12)])
                evidence["month"].append(tidx[two & (q > 12) & (p <= 12)])
                evidence["unclear"].append(tidx[two & (p <= 12) & (q <= 12) & (p != q)])
                for name in ("day", "month", "unclear"):
                    hit = np.isin(tidx, evidence[name][-1][:2])
                    text_of.update(zip(tidx[hit].tolist(), A.strings(A.take(A.take(sub, textual), hit)).tolist()))
            two_digit_count = int((ok & g["two_digit"]).sum())
            general = (tidx, g, ok, two)
    # 2. one order for the whole column
    found = {k: np.concatenate(v) if v else np.zeros(0, dtype=np.int64) for k, v in evidence.items()}
    if any(len(v) for v in found.values()):
        def text_at(i: int) -> str:
            return text_of[i] if i in text_of else arr[int(i)].as_py()

        dayfirst_used, note = _decide_order(found, dayfirst, column, source, lines, text_at)
        if note:
            notes.append(note)
    if both_ways is not None:
        chosen = both_ways[0] if dayfirst_used is not False else both_ways[1]
        got = ~np.isnat(chosen) & present & ~done
        out[got] = chosen[got]
        done |= got
    if general is not None:
        tidx, g, ok, two = general
        dfirst = dayfirst_used is not False
        day = np.where(two, np.where(dfirst, g["first"], g["second"]), g["day"])
        month = np.where(two, np.where(dfirst, g["second"], g["first"]), g["month"])
        values = _assemble(g["year"], month, day, g["hour"], g["minute"], g["sec"], g["micro"])
        values = np.where(ok, values, np.datetime64("NaT"))
        got = ~np.isnat(values)
        out[tidx[got]] = values[got]
        offset[tidx[got]] = g["tz"][got]
        done[tidx[got]] = True
    if serial.any():
        days = serial_values[serial]
        plausible = (days >= 1) & (days < 2_958_466)
        stamps = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[us]")
        stamps[plausible] = (np.datetime64("1899-12-30", "us")
                             + np.round(days[plausible] * 86_400_000_000).astype("int64").astype("timedelta64[us]"))
        sidx = np.flatnonzero(serial)
        out[sidx] = stamps
        done[sidx[plausible]] = True
        first = sidx[plausible][:1]
        if len(first):
            example = f"{serial_values[first[0]]:g} = {str(out[first[0]].astype('datetime64[D]'))}"
            notes.append((f"{int(plausible.sum()):,} values in {column!r} are Excel serial day numbers; converted "
                          f"(e.g. {example})",
                          f"列“{column}”中有 {int(plausible.sum()):,} 个值是 Excel 日期序号，已换算成日期（例如 {example}）"))
    if two_digit_count:
        notes.append((f"{two_digit_count:,} dates in {column!r} have a two-digit year; 00–68 read as 2000–2068, "
                      "69–99 as 1969–1999",
                      f"列“{column}”中有 {two_digit_count:,} 个日期只写了两位年份；00–68 读作 2000–2068 年，69–99 读作 1969–1999 年"))
    if chinese:
        notes.append((f"Chinese dates in {column!r} (2024年3月5日) read as year, month, day",
                      f"列“{column}”的中文日期（2024年3月5日）按年、月、日读取"))
    # 2. one zone for the column
    aware = (offset != -10000) & done
    tz_used = tz
    if aware.any():
        naive = done & ~aware
        if naive.any() and tz is None:
            text = A.strings(arr)
            i, j = np.flatnonzero(aware)[0], np.flatnonzero(naive)[0]
            raise DataError(
                f"{source}: column {column!r} mixes times with a time zone (row {_row(lines, i)}: {text[i]!r}) and "
                f"without one (row {_row(lines, j)}: {text[j]!r}). Pass tz= with the zone the times without one are "
                "in, e.g. tz='Asia/Shanghai' or tz='Europe/London'; every time is then converted to it.")
        utc = out[aware] - offset[aware].astype("timedelta64[m]")
        if tz is not None:
            try:
                local = pd.DatetimeIndex(utc).tz_localize("UTC").tz_convert(tz).tz_localize(None)
            except Exception as exc:  # unknown zone names raise several pytz/zoneinfo errors
                raise DataError(f"{source}: tz={tz!r} is not a time zone name; use e.g. tz='Asia/Shanghai', "
                                "tz='Europe/Berlin' or tz='UTC'.") from exc
            out[aware] = local.to_numpy().astype("datetime64[us]")
            zone_en, zone_zh = tz, tz
        else:
            values_, counts = np.unique(offset[aware], return_counts=True)
            common = int(values_[np.argmax(counts)])
            out[aware] = utc + np.int64(common).astype("timedelta64[m]")
            tz_used = _zone_name(common)
            other = int((offset[aware] != common).sum())
            zone_en = (f"{tz_used} (the most common offset in the column" + (f"; {other:,} had another" if other else "")
                       + "; pass tz= to choose another zone)")
            zone_zh = f"{tz_used}（该列最常见的时区；可用 tz= 指定其他时区）"
        notes.append((f"{int(aware.sum()):,} times in {column!r} carry a time zone; all are converted to {zone_en} "
                      "and the zone is dropped",
                      f"列“{column}”中有 {int(aware.sum()):,} 个时间带时区，已全部换算为 {zone_zh}，并去掉时区标记"))
    elif tz is not None:
        notes.append((f"times in {column!r} carry no zone; they are taken to be in {tz}",
                      f"列“{column}”的时间没有时区，按 {tz} 理解"))
    missing = ~A.valid(arr) | blank
    if datetimes is not None:
        missing &= np.isnat(datetimes)
    if numbers is not None:
        missing &= np.isnan(numbers)
    bad = ~done & ~missing
    out[bad] = np.datetime64("NaT")
    return Dates(out, missing, bad, dayfirst_used, tz_used, notes)
