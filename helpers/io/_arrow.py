"""Small pyarrow helpers shared by the readers (private to :mod:`helpers.io`)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def as_text(values: object) -> pa.ChunkedArray:
    """A string ChunkedArray from a pyarrow array, a pandas Series or a list (None for missing).

    Examples
    --------
    >>> as_text(["a", None]).to_pylist()
    ['a', None]
    """
    if isinstance(values, pa.ChunkedArray):
        arr = values
    elif isinstance(values, pa.Array):
        arr = pa.chunked_array([values])
    else:
        if hasattr(values, "array") and hasattr(values, "to_numpy"):
            values = [None if v is None or (isinstance(v, float) and v != v) else str(v) for v in values.to_numpy(object)]
        arr = pa.chunked_array([pa.array(list(values), type=pa.string())])
    if arr.type != pa.string():
        arr = pc.cast(arr, pa.string())
    return arr


def trimmed(arr: pa.ChunkedArray, ascii_only: bool = False) -> pa.ChunkedArray:
    """Whitespace trimmed (including no-break and ideographic spaces), empty strings as null.

    ``ascii_only=True`` says every value is ASCII (a faster kernel then does the same).

    Examples
    --------
    >>> trimmed(as_text([" a ", "  ", None])).to_pylist()
    ['a', None, None]
    """
    t = pc.ascii_trim_whitespace(arr) if ascii_only else pc.utf8_trim_whitespace(arr)
    blank = pc.equal(t, "")
    if not pc.any(blank).as_py():
        return t
    return pc.if_else(blank, pa.scalar(None, pa.string()), t)


def mask(arr: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """A boolean pyarrow array as a numpy bool array (null = False).

    Examples
    --------
    >>> mask(pa.array([True, None, False])).tolist()
    [True, False, False]
    """
    return np.asarray(pc.fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


def valid(arr: pa.ChunkedArray) -> np.ndarray:
    """True where the value is not null.

    Examples
    --------
    >>> valid(as_text(["a", None])).tolist()
    [True, False]
    """
    return mask(pc.is_valid(arr))


def take(arr: pa.ChunkedArray, where: np.ndarray) -> pa.ChunkedArray:
    """The values at the positions where ``where`` is True.

    Examples
    --------
    >>> take(as_text(["a", "b", "c"]), np.array([True, False, True])).to_pylist()
    ['a', 'c']
    """
    return arr.filter(pa.array(where))


def ints(arr: pa.ChunkedArray | pa.Array, missing: int = -1) -> np.ndarray:
    """Digits-only strings ('' or null = ``missing``) as an int64 numpy array.

    Examples
    --------
    >>> ints(as_text(["12", "", None])).tolist()
    [12, -1, -1]
    """
    t = pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)
    return np.asarray(pc.fill_null(pc.cast(t, pa.int64()), missing).to_numpy(zero_copy_only=False), dtype=np.int64)


def strings(arr: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """An object numpy array of Python strings (None for null), for small subsets only.

    Examples
    --------
    >>> strings(as_text(["a", None])).tolist()
    ['a', None]
    """
    return np.asarray(arr.to_pylist(), dtype=object)


def take_rows(arr: pa.ChunkedArray, idx: np.ndarray) -> pa.ChunkedArray:
    """The values at sorted positions ``idx``, chunk by chunk (a plain ``take`` joins all chunks first).

    Examples
    --------
    >>> take_rows(pa.chunked_array([["a", "b"], ["c"]]), np.array([0, 2])).to_pylist()
    ['a', 'c']
    """
    if len(idx) > len(arr) // 4 or arr.num_chunks <= 1:
        return arr.take(pa.array(idx))
    bounds = np.cumsum([0] + [len(c) for c in arr.chunks])
    where = np.searchsorted(bounds, idx, side="right") - 1
    parts = []
    for k in np.unique(where):
        local = idx[where == k] - bounds[k]
        parts.append(arr.chunk(int(k)).take(pa.array(local)))
    return pa.chunked_array(parts, type=arr.type)
