"""In-place ops on a tensor whose elements share memory without a zero stride (unfold's overlapping windows, an
as_strided with overlapping rows): PyTorch refuses only a zero stride (an expand); otherwise its kernel walks the
elements one by one, each read and written in memory, so a location that k elements share takes the op k times
(``x.unfold(0, 3, 1).add_(1)`` adds 3 to the middle of x, ``exp_()`` exponentiates it three times). Here in rounds:
round r writes the r-th sighting of each location, computed from memory as it is then."""
import numpy as np

# (a module global: numpy has a module __getattr__, so CPython does not specialise np.X reads)
_may_share_memory = np.may_share_memory


def repeats(d):
    """Each element's sighting number of its memory location (0 for the first, in C order), or None when no two
    elements of the array d share a location (the usual case, told from the strides alone). The caller skips arrays
    that own their memory (``d.base is None``: they never overlap themselves, a training loop's parameters)."""
    if d.ndim < 2 or d.size < 2:
        return None
    flags = d.flags
    if flags.c_contiguous or flags.f_contiguous:
        return None
    reach = d.itemsize
    for stride, n in sorted((abs(s), n) for s, n in zip(d.strides, d.shape) if n > 1):
        if stride < reach:
            break
        reach += stride * (n - 1)
    else:
        return None   # (each dim steps past all that the smaller ones reach: no location twice)
    offsets = sum(np.arange(n, dtype=np.int64).reshape((-1,) + (1,) * (d.ndim - 1 - i)) * s
                  for i, (n, s) in enumerate(zip(d.shape, d.strides)))
    flat = np.broadcast_to(offsets, d.shape).ravel()
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]]
    if first.all():
        return None
    pos = np.arange(flat.size)
    rank = np.empty(flat.size, np.int64)
    rank[order] = pos - np.maximum.accumulate(np.where(first, pos, 0))
    return rank.reshape(d.shape)


def walk(d, rank, result, again):
    """Write into d (a writeable array whose elements share memory, rank: repeats(d)) what PyTorch's
    element-by-element in-place kernel leaves: result, the op on d as it was, for the first sightings; again(),
    the op on d as it is now, for each later round."""
    for r in range(int(rank.max()) + 1):
        values = result if r == 0 else again()
        where = np.nonzero(rank == r)
        d[where] = np.broadcast_to(values, d.shape)[where]


# ---- ATen's memory-overlap checks of an op's output against its inputs (aten/src/ATen/MemoryOverlap.cpp) ----

PARTIAL_OVERLAP = ("unsupported operation: some elements of the input tensor and the written-to tensor refer to a "
                   "single memory location. Please clone() the tensor before performing the operation.")


def partial_overlap(a, b):
    """ATen's get_overlap_status(a, b) is Partial: both dense without gaps (any order of dims), their byte ranges
    intersect, and they are not the same elements (same range and strides: an op writing onto its own input is
    allowed, ``a.add_(a)``). Arrays with gaps or with a negative stride are "too hard" to tell there: no error.
    A one-element view and a 0-d one of the same element differ in strides: Partial too (``a[:1].add_(a[0])``)."""
    if not _may_share_memory(a, b) or not a.size or not b.size or not (dense(a) and dense(b)):
        return False   # (may_share_memory: numpy's bounds check, a tenth of reading both addresses below)
    a0, b0 = a.__array_interface__["data"][0], b.__array_interface__["data"][0]
    a1, b1 = a0 + a.nbytes, b0 + b.nbytes
    if a0 == b0 and a1 == b1:   # (a dim of size 1 has any stride: numpy's views and ATen's may differ there)
        return a.ndim != b.ndim or a.shape != b.shape or any(
            sa != sb for sa, sb, n in zip(a.strides, b.strides, a.shape) if n != 1)
    return a0 < b1 and b0 < a1


def any_overlap(a, b):
    """ATen's assert_no_overlap refuses Full as well as Partial (scatter_, index_copy_, gather's and index_select's
    out=): the same elements, or partly."""
    if a is b:
        return bool(a.size)
    if not _may_share_memory(a, b) or not a.size or not b.size or not (dense(a) and dense(b)):
        return False
    a0, b0 = a.__array_interface__["data"][0], b.__array_interface__["data"][0]
    return a0 < b0 + b.nbytes and b0 < a0 + a.nbytes


def dense(a):
    """The elements fill one block of memory without gaps or repeats (a permutation of a contiguous array)."""
    if a.flags.c_contiguous or a.flags.f_contiguous:
        return True
    step = a.itemsize
    for stride, n in sorted((st, n) for st, n in zip(a.strides, a.shape) if n != 1):
        if stride != step:
            return False
        step *= n
    return True


# The functions whose kernel is a TensorIterator (elementwise: unary, binary, ternary, comparisons, where, clamp,
# lerp, addcmul ...): it refuses an output that partially overlaps any input (assert_no_partial_overlap), in place
# (``a[1:].add_(a[:-1])``) and with out= (``torch.exp(a[:-1], out=a[1:])``). Reductions, matmul and the other
# non-elementwise kernels check nothing; the ones below (ANY_OVERLAP, PARTIAL_OTHERS) check too, each its way.
ITERATOR_OPS = frozenset("""
abs absolute acos arccos acosh arccosh asin arcsin asinh arcsinh atan arctan atanh arctanh ceil cos cosh deg2rad
rad2deg digamma erf erfc erfinv exp exp2 expm1 floor frac lgamma log log10 log1p log2 logit i0 nan_to_num neg negative
reciprocal round rsqrt sigmoid sign sgn signbit sin sinc sinh sqrt square tan tanh trunc fix bitwise_not logical_not
angle conj_physical isnan isinf isfinite isposinf isneginf isreal polygamma mvlgamma
add sub subtract mul multiply div divide true_divide floor_divide remainder fmod pow float_power atan2 arctan2 hypot
copysign maximum minimum fmax fmin logaddexp logaddexp2 xlogy nextafter ldexp gcd lcm igamma igammac heaviside
bitwise_and bitwise_or bitwise_xor bitwise_left_shift bitwise_right_shift logical_and logical_or logical_xor
eq ne lt le gt ge greater less greater_equal less_equal not_equal lerp addcmul addcdiv clamp clip clamp_min
clamp_max where copy special_xlog1py special_xlogy special_zeta special_entr special_erfcx special_expit special_i0e
special_i1 special_i1e special_ndtr special_ndtri special_log_ndtr special_sinc special_round special_exp2
special_expm1 special_logit special_erf special_erfc special_erfinv special_digamma special_psi special_gammaln
special_polygamma special_multigammaln special_gammainc special_gammaincc xlog1py zeta entr erfcx expit i0e i1 i1e
ndtr ndtri log_ndtr psi gammaln gammainc gammaincc
""".split())
# ... those that refuse any overlap of their output with an input, the same elements too (assert_no_overlap)
ANY_OVERLAP = frozenset(("scatter", "scatter_add", "gather", "index_select", "index_copy", "index_add", "index_put"))
# ... and other kernels that refuse a partial overlap of their output with an input
PARTIAL_OTHERS = frozenset(("cumsum", "cumprod", "sort", "cat", "concat", "concatenate"))


def check_inputs(out, name, args, kwargs, tensor_class):
    """ATen's refusal of an output array `out` that overlaps an input of the function `name` (args, kwargs: its
    inputs; the tensors among them, or in a list or tuple of them, are checked). Returns when the function's
    kernel does not check, or nothing overlaps."""
    if name in ITERATOR_OPS or name in PARTIAL_OTHERS:
        test = partial_overlap
    elif name in ANY_OVERLAP:
        test = any_overlap
    else:
        return
    for a in (*args, *kwargs.values()):
        if isinstance(a, (list, tuple)):
            for b in a:
                if isinstance(b, tensor_class) and _overlaps(test, out, b._data):
                    raise RuntimeError(PARTIAL_OVERLAP)
        elif isinstance(a, tensor_class) and _overlaps(test, out, a._data):
            raise RuntimeError(PARTIAL_OVERLAP)


def _overlaps(test, out, d):
    if d.__class__ is not np.ndarray or out.__class__ is not np.ndarray:
        return False
    if out.base is None and d.base is None and out is not d:   # (two arrays that own their memory: apart)
        return False
    return test(out, d)


def named(name, fn):
    """fn (an in-place op's out-of-place step, often a lambda) named as the op, whose name says which overlap check
    its kernel makes (check_inputs)."""
    fn.__name__ = fn.__qualname__ = name
    return fn
