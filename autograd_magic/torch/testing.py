"""torch.testing: ``assert_close`` (and the deprecated ``assert_allclose``), worded as PyTorch 2.13 words them.

Lessons use it to check a hand-written gradient against autograd's (``torch.testing.assert_close(x.grad,
manual)``). Inputs are compared as PyTorch pairs them: None with None, bools, Python (or numpy) numbers, tensors
(or two numpy arrays), recursing through sequences and mappings; the first mismatch raises PyTorch's message, with
the item where it occurred (``The failure occurred for item [1]``).
"""
import collections.abc
import contextlib
import math
import warnings

import numpy as np

from ..engine.creation import as_tensor, tensor
from ..engine.dtypes import int64
from ..engine.extras import promote_types
from ..engine.functions import isclose
from ..engine.tensor import Tensor

from .testing_make import make_tensor

__all__ = ["assert_close", "assert_allclose", "make_tensor"]

# dtype name -> (rtol, atol): PyTorch's defaults; other dtypes (integers, bool) compare exactly
_PRECISIONS = {"float16": (0.001, 1e-5), "bfloat16": (0.016, 1e-5), "float32": (1.3e-6, 1e-5),
               "float64": (1e-7, 1e-7), "complex64": (1.3e-6, 1e-5), "complex128": (1e-7, 1e-7)}
_NUMBER_DTYPES = {int: "int64", float: "float64", complex: "complex128"}


class _Mismatch(Exception):
    """A failed comparison: the exception type to raise, its message and the item path where it occurred."""

    def __init__(self, kind, msg, path=()):
        super().__init__(msg)
        self.kind, self.msg, self.path = kind, msg, path

    def error(self, msg=None):
        if isinstance(msg, str):
            return self.kind(msg)
        text = self.msg
        if self.path:
            text += "\n\nThe failure occurred for item " + "".join(str([item]) for item in self.path)
        return self.kind(msg(text) if callable(msg) else text)


class _Unsupported(Exception):
    """This kind of pair cannot hold the two inputs: the next kind is tried."""


_UNEXPECTED = ("resulted in the unexpected exception above. If you are a user and see this message during normal "
               "operation please file an issue at https://github.com/pytorch/pytorch/issues. If you are a developer "
               "and working on the comparison functions, please except the previous error and raise an expressive "
               "`ErrorMeta` instead.")
_PAIR_NAMES = {"_pair_none": "NonePair", "_pair_bool": "BooleanPair", "_pair_number": "NumberPair",
               "_pair_tensor": "TensorLikePair"}


def _described(compare, name, path, actual, expected, extra):
    """compare, with what PyTorch's Pair.__repr__ shows of it (name, id, inputs and options) in ``.describe()``:
    the text of the RuntimeError when comparing raises something other than a mismatch (a negative rtol)."""
    def describe():
        body = [("id", path), ("actual", actual), ("expected", expected), *extra]
        return "\n".join((f"{name}(", *(f"    {key}={value!s}," for key, value in body), ")"))
    compare.describe = describe
    return compare


def _tolerances(names, rtol, atol, path):
    if (rtol is None) != (atol is None):
        raise _Mismatch(ValueError, "Both 'rtol' and 'atol' must be either specified or omitted, but got no "
                        f"{'rtol' if rtol is None else 'atol'}.", path)
    if rtol is not None:
        return rtol, atol
    got = [_PRECISIONS.get(name, (0.0, 0.0)) for name in names]
    return max(r for r, _ in got), max(a for _, a in got)


def _pair_none(actual, expected, path, options):
    if actual is not None and expected is not None:
        raise _Unsupported
    def compare():
        if not (actual is None and expected is None):
            raise _Mismatch(AssertionError, f"None mismatch: {actual} is not {expected}", path)
    return _described(compare, "NonePair", path, actual, expected, ())


def _pair_bool(actual, expected, path, options):
    if not all(isinstance(v, (bool, np.bool_)) for v in (actual, expected)):
        raise _Unsupported
    actual, expected = bool(actual), bool(expected)
    def compare():
        if actual is not expected:
            raise _Mismatch(AssertionError, f"Booleans mismatch: {actual} is not {expected}", path)
    return _described(compare, "BooleanPair", path, actual, expected, ())


def _pair_number(actual, expected, path, options):
    kinds = (int, float, complex, np.number)
    if not all(isinstance(v, kinds) for v in (actual, expected)):
        raise _Unsupported
    actual, expected = (v.item() if isinstance(v, np.number) else v for v in (actual, expected))
    rtol, atol = _tolerances([_NUMBER_DTYPES[type(v)] for v in (actual, expected)], options["rtol"],
                             options["atol"], path)
    def compare():
        if options["check_dtype"] and type(actual) is not type(expected):
            raise _Mismatch(AssertionError, f"The (d)types do not match: {type(actual)} != {type(expected)}.", path)
        if actual == expected:
            return
        if options["equal_nan"] and _isnan(actual) and _isnan(expected):
            return
        diff = abs(actual - expected)
        if _isfinite(diff) and diff <= atol + rtol * abs(expected):
            return
        raise _Mismatch(AssertionError, _scalar_message(actual, expected, rtol, atol), path)
    return _described(compare, "NumberPair", path, actual, expected, (
        ("rtol", rtol), ("atol", atol), ("equal_nan", options["equal_nan"]), ("check_dtype", options["check_dtype"])))


def _isnan(v):
    return v != v


def _isfinite(v):
    return not (v != v or v in (math.inf, -math.inf))


def _pair_tensor(actual, expected, path, options):
    if not (isinstance(actual, type(expected)) or isinstance(expected, type(actual))):
        raise _Unsupported
    if not options["allow_subclasses"] and type(actual) is not type(expected):
        raise _Unsupported
    actual, expected = _as_tensor(actual), _as_tensor(expected)
    rtol, atol = _tolerances([_dtype_name(actual), _dtype_name(expected)], options["rtol"], options["atol"], path)
    def compare():
        _compare_tensors(actual, expected, rtol, atol, options, path)
    return _described(compare, "TensorLikePair", path, actual, expected, (
        ("rtol", rtol), ("atol", atol), *((key, options[key]) for key in (
            "equal_nan", "check_device", "check_dtype", "check_layout", "check_stride"))))


def _dtype_name(t):
    return str(t.dtype).rpartition(".")[2]   # torch.float32 -> float32


def _as_tensor(value):
    if isinstance(value, Tensor):
        return value
    if isinstance(value, np.ndarray):
        return as_tensor(value)
    raise _Unsupported


def _fail_attribute(name, a, b, path):
    raise _Mismatch(AssertionError, f"The values for attribute '{name}' do not match: {a} != {b}.", path)


def _compare_tensors(actual, expected, rtol, atol, options, path):
    """PyTorch's TensorLikePair.compare: the attributes in its order (shape, layout or else strides, device,
    dtype), then the values, made alike (detached, one dtype, strided unless both are sparse)."""
    if actual.shape != expected.shape:
        _fail_attribute("shape", actual.shape, expected.shape, path)
    if actual.layout != expected.layout:
        if options["check_layout"]:
            _fail_attribute("layout", actual.layout, expected.layout, path)
    elif not actual.is_sparse and options["check_stride"] and actual.stride() != expected.stride():
        _fail_attribute("stride()", actual.stride(), expected.stride(), path)
    if options["check_device"] and actual.device != expected.device:
        _fail_attribute("device", actual.device, expected.device, path)
    if options["check_dtype"] and actual.dtype != expected.dtype:
        _fail_attribute("dtype", actual.dtype, expected.dtype, path)
    actual, expected = actual.detach(), expected.detach()
    if actual.dtype != expected.dtype:
        common = promote_types(actual.dtype, expected.dtype)
        actual, expected = actual.to(common), expected.to(common)
    if actual.layout != expected.layout:
        actual, expected = (t.to_dense() if t.is_sparse else t for t in (actual, expected))
    if actual.is_sparse:
        _compare_sparse(actual, expected, rtol, atol, options, path)
    else:
        _compare_values(actual, expected, rtol, atol, options["equal_nan"], path)


def _compare_sparse(actual, expected, rtol, atol, options, path):
    """Two sparse COO tensors as PyTorch compares them (uncoalesced as they are): their numbers of sparse dims and
    of specified values, their indices (equal) and their values (close)."""
    for what, a, b in (("number of sparse dimensions", actual.sparse_dim(), expected.sparse_dim()),
                       ("number of specified values", actual._nnz(), expected._nnz())):
        if a != b:
            raise _Mismatch(AssertionError, f"The {what} in sparse COO tensors does not match: {a} != {b}", path)
    _compare_values(actual._indices(), expected._indices(), 0, 0, False, path, "Sparse COO indices")
    _compare_values(actual._values(), expected._values(), rtol, atol, options["equal_nan"], path,
                    "Sparse COO values")


def _compare_values(actual, expected, rtol, atol, equal_nan, path, identifier=None):
    matches = isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=equal_nan)
    if bool(matches.all()):
        return
    if actual.dim() == 0:
        msg = _scalar_message(actual.item(), expected.item(), rtol, atol, identifier)
    else:
        msg = _tensor_message(actual, expected, matches, rtol, atol, identifier)
    raise _Mismatch(AssertionError, msg, path)


def _scalar_message(actual, expected, rtol, atol, identifier=None):
    diff = abs(actual - expected)
    rel = math.inf if expected == 0 else diff / abs(expected)
    return _message(identifier or "Scalars", f"Expected {expected} but got {actual}.", diff, None, atol, rel, None,
                    rtol)


def _tensor_message(actual, expected, matches, rtol, atol, identifier=None):
    """The mismatch statistics PyTorch prints: how many elements differ, the greatest absolute and relative
    differences among them and where (computed in the tensors' dtype: complex differences are magnitudes;
    integers and bools in int64)."""
    total = matches.numel()
    wrong = total - int(matches.sum())
    extra = f"Mismatched elements: {wrong} / {total} ({wrong / total:.1%})"
    a, e, m = actual.flatten(), expected.flatten(), matches.flatten()
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        a, e = a.to(int64), e.to(int64)
    diff = (a - e).abs()
    diff[m] = 0
    top, at = _greatest(diff)
    rel = diff / e.abs()
    rel[m] = 0
    rtop, rat = _greatest(rel)
    shape = tuple(matches.shape)
    return _message(identifier or "Tensor-likes", extra, top.item(), _unravel(int(at), shape), atol, rtop.item(),
                    _unravel(int(rat), shape), rtol)


def _greatest(diff):
    """diff.max(0) (a bfloat16 one through float32: its values are exact there, and the first greatest is the
    same element)."""
    if str(diff.dtype) == "torch.bfloat16":
        top, at = diff.float().max(0)
        return top.to(diff.dtype), at
    return diff.max(0)


def _unravel(flat, shape):
    index = []
    for size in reversed(shape):
        flat, rest = divmod(flat, size)
        index.append(rest)
    return tuple(reversed(index))


def _message(what, extra, diff, diff_at, atol, rel, rel_at, rtol):
    equality = rtol == 0 and atol == 0
    lines = [f"{what} are not {'equal' if equality else 'close'}!", "", extra]
    for kind, value, at, tol in (("absolute", diff, diff_at, atol), ("relative", rel, rel_at, rtol)):
        line = (f"{kind.title()} difference: {value}" if at is None
                else f"Greatest {kind} difference: {value} at index {at}")
        lines.append(line if equality else f"{line} (up to {tol} allowed)")
    return "\n".join(lines)


_PAIRS = (_pair_none, _pair_bool, _pair_number, _pair_tensor)


def _pairs(actual, expected, path, options):
    """Every comparison of the two inputs, recursing through sequences and mappings as PyTorch does."""
    seq = collections.abc.Sequence
    if isinstance(actual, seq) and isinstance(expected, seq) and not isinstance(actual, str) \
            and not isinstance(expected, str):
        if len(actual) != len(expected):
            raise _Mismatch(AssertionError, f"The length of the sequences mismatch: {len(actual)} != "
                            f"{len(expected)}", path)
        out = []
        for i in range(len(actual)):
            out.extend(_pairs(actual[i], expected[i], (*path, i), options))
        return out
    mapping = collections.abc.Mapping
    if isinstance(actual, mapping) and isinstance(expected, mapping):
        keys, other = set(actual.keys()), set(expected.keys())
        if keys != other:
            raise _Mismatch(AssertionError, "The keys of the mappings do not match:\n"
                            f"Missing keys in the actual mapping: {sorted(other - keys)}\n"
                            f"Additional keys in the actual mapping: {sorted(keys - other)}", path)
        with contextlib.suppress(Exception):
            keys = sorted(keys)
        out = []
        for key in keys:
            out.extend(_pairs(actual[key], expected[key], (*path, key), options))
        return out
    for make in _PAIRS:
        try:
            return [make(actual, expected, path, options)]
        except (_Unsupported, _Mismatch) as exc:
            if isinstance(exc, _Mismatch):
                raise
            continue
        except Exception as exc:   # (True against 1: NumberPair has no dtype for bool)
            raise RuntimeError(
                f"Originating a {_PAIR_NAMES[make.__name__]}() at item {''.join(str([item]) for item in path)} "
                f"with\n\n{type(actual).__name__}(): {actual}\n\nand\n\n{type(expected).__name__}(): "
                f"{expected}\n\n{_UNEXPECTED}") from exc
    raise _Mismatch(TypeError, f"No comparison pair was able to handle inputs of type {type(actual)} and "
                    f"{type(expected)}.", path)


def assert_close(actual, expected, *, allow_subclasses=True, rtol=None, atol=None, equal_nan=False,
                 check_device=True, check_dtype=True, check_layout=True, check_stride=False, msg=None):
    """Raise an AssertionError unless ``actual`` and ``expected`` are close: ``|actual - expected| <= atol + rtol *
    |expected|`` elementwise, with the same shape, device and dtype (default tolerances by dtype: float32 1.3e-6
    and 1e-5, float64 1e-7 and 1e-7, integers exact).

    Example::

        torch.testing.assert_close(x.grad, 2 * x)
    """
    __tracebackhide__ = True  # noqa: F841
    options = {"allow_subclasses": allow_subclasses, "rtol": rtol, "atol": atol, "equal_nan": equal_nan,
               "check_device": check_device, "check_dtype": check_dtype, "check_layout": check_layout,
               "check_stride": check_stride}
    try:
        compares = _pairs(actual, expected, (), options)
    except _Mismatch as mismatch:
        raise mismatch.error() from None
    for compare in compares:
        try:
            compare()
        except _Mismatch as mismatch:
            raise mismatch.error(msg) from None
        except Exception as exc:   # (a negative rtol: isclose's own error)
            raise RuntimeError(f"Comparing\n\n{compare.describe()}\n\n{_UNEXPECTED}") from exc


_DEPRECATED = ("`torch.testing.assert_allclose()` is deprecated since 1.12 and will be removed in a future release. "
               "Please use `torch.testing.assert_close()` instead. You can find detailed upgrade instructions in "
               "https://github.com/pytorch/pytorch/issues/61844.")
_ALLCLOSE = {"float16": (1e-3, 1e-3), "float32": (1e-4, 1e-5), "float64": (1e-5, 1e-8)}


def assert_allclose(actual, expected, rtol=None, atol=None, equal_nan=True, msg=""):
    """Deprecated since PyTorch 1.12 (a FutureWarning): assert_close with looser default tolerances and no dtype
    check."""
    warnings.warn(_DEPRECATED, FutureWarning, stacklevel=2)
    if not isinstance(actual, Tensor):
        actual = tensor(actual)
    if not isinstance(expected, Tensor):
        expected = tensor(expected, dtype=actual.dtype)
    if rtol is None and atol is None:
        got = [_ALLCLOSE.get(_dtype_name(t), (0.0, 0.0)) for t in (actual, expected)]
        rtol, atol = max(r for r, _ in got), max(a for _, a in got)
    assert_close(actual, expected, rtol=rtol, atol=atol, equal_nan=equal_nan, check_device=True, check_dtype=False,
                 check_stride=False, msg=msg or None)

