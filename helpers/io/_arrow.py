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


def trimmed(arr: pa.ChunkedArray) -> pa.ChunkedArray:
    """Whitespace trimmed (including no-break and ideographic spaces), empty strings as null.

    Examples
    --------
    >>> trimmed(as_text([" a ", "  ", None])).to_pylist()
    ['a', None, None]
    """
    t = pc.utf8_trim(arr, " \t\r\n\u00a0\u3000\u202f\ufeff")
    return pc.if_else(pc.equal(t, ""), pa.scalar(None, pa.string()), t)


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
