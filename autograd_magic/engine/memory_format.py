"""torch.memory_format: how a tensor's elements are laid out in memory (PyTorch's c10/core/MemoryFormat.h).

The engine's arrays carry their layout in their numpy strides, so a format is a layout of the array:
``contiguous_format`` (row-major), ``channels_last`` (a 4-d NCHW tensor stored as NHWC), ``channels_last_3d``
(5-d NCDHW as NDHWC), and ``preserve_format`` (the input's layout where it is dense, else the one PyTorch would
suggest for it). Values never depend on the layout; ``stride()``, ``is_contiguous()`` and ``view()`` do, as on
PyTorch.
"""
import numpy as np


class memory_format:
    """One of the four formats below (made here only: as PyTorch's, the class makes no new ones)."""
    __slots__ = ("_name",)
    __module__ = "torch"

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'torch.memory_format' instances")

    def __repr__(self):
        return "torch." + self._name

    __str__ = __repr__

    def __reduce__(self):   # (copied and pickled as the one object it is)
        return (by_name, (self._name,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _make(name):
    fmt = object.__new__(memory_format)
    fmt._name = name
    return fmt


contiguous_format = _make("contiguous_format")
channels_last = _make("channels_last")
channels_last_3d = _make("channels_last_3d")
preserve_format = _make("preserve_format")
legacy_contiguous_format = contiguous_format   # (PyTorch's alias)


def by_name(name):
    return globals()[name]


_RANK = {channels_last: 4, channels_last_3d: 5}
# the order of dims from the innermost (stride 1) out: C first, then the spatial dims backwards, then N
_INNER_FIRST = {channels_last: (1, 3, 2, 0), channels_last_3d: (1, 4, 3, 2, 0)}


def checked(fmt, ndim):
    """fmt (None: contiguous_format), after PyTorch's rank check for the channels-last formats."""
    if fmt is None:
        return contiguous_format
    if fmt.__class__ is not memory_format:
        raise TypeError(f"memory_format must be torch.memory_format, not {type(fmt).__name__}")
    rank = _RANK.get(fmt)
    if rank is not None and ndim != rank:
        raise RuntimeError(f"required rank {rank} tensor to use {fmt._name} format")
    return fmt


def is_laid_out(a, fmt):
    """Is the array laid out as fmt says (dims of size 1 count for nothing, as in PyTorch's check)?"""
    if fmt is None or fmt is contiguous_format or fmt is preserve_format:
        return a.flags.c_contiguous
    order = _INNER_FIRST.get(fmt)
    if order is None or a.ndim != len(order):
        return False
    expected, size = 1, a.itemsize
    for d in order:
        n = a.shape[d]
        if n != 1:
            if a.strides[d] != expected * size:
                return False
            expected *= n
    return True


def dense(a):
    """Non-overlapping and dense: its elements fill a block of memory without gaps (any order of dims)."""
    if a.flags.c_contiguous or a.flags.f_contiguous:
        return True
    dims = sorted((s, n) for s, n in zip(a.strides, a.shape) if n != 1)
    expected = a.itemsize
    for stride, n in dims:
        if stride != expected:
            return False
        expected *= n
    return True


def suggested(a):
    """The format PyTorch's suggest_memory_format gives an array: channels_last(_3d) when its strides are in
    that order (ambiguous cases, as a contiguous N111 tensor, are contiguous_format), else contiguous_format."""
    fmt = channels_last if a.ndim == 4 else channels_last_3d if a.ndim == 5 else None
    if fmt is None:
        return contiguous_format
    strides, sizes = a.strides, a.shape
    if strides[1] == 0:
        return contiguous_format
    low = 0
    for d in _INNER_FIRST[fmt]:
        if sizes[d] == 0 or strides[d] < low or (d == 0 and low == strides[1]):
            return contiguous_format
        low = strides[d] * sizes[d]   # (sizes are >= 1 here)
    return fmt


def joined(data, arrays):
    """cat's result (data) laid out as ATen's cat lays it out (compute_output_memory_format): the format all the
    inputs suggest when they suggest the same one, else contiguous (a cat or stack of transposed matrices is
    row-major, not numpy's order of the inputs' strides)."""
    fmt = None
    for a in arrays:
        f = suggested(a)
        if f is contiguous_format or (fmt is not None and f is not fmt):
            fmt = contiguous_format
            break
        fmt = f
    if fmt is None or fmt is contiguous_format:
        return data if data.flags.c_contiguous else np.ascontiguousarray(data)
    return laid_out(data, fmt)


def stacked(arrays, d):
    """stack(arrays, d) laid out as ATen's: for d below the inputs' dims, cat(arrays, d) viewed with the new dim
    split off; at the end, the cat of the inputs unsqueezed there."""
    if d < arrays[0].ndim:
        first = arrays[0].shape
        return joined(np.concatenate(arrays, axis=d), arrays).reshape(first[:d] + (len(arrays),) + first[d:])
    ends = [a[..., None] for a in arrays]
    return joined(np.concatenate(ends, axis=d), ends)


def empty_as(shape, dtype, fmt, like=None):
    """A new uninitialised array of shape laid out as fmt (preserve_format: as ``like``, see the module)."""
    if fmt is preserve_format:
        if like is not None and dense(like):
            return _empty_strided_as(like, dtype)
        fmt = suggested(like) if like is not None else contiguous_format
    order = _INNER_FIRST.get(fmt)
    if order is None:
        return np.empty(shape, dtype)
    perm = (0,) + tuple(range(2, len(shape))) + (1,)   # NCHW -> NHWC
    inverse = tuple(int(i) for i in np.argsort(perm))
    return np.empty(tuple(shape[d] for d in perm), dtype).transpose(inverse)


def _empty_strided_as(like, dtype):
    """A new array with like's strides (in elements) exactly, as ATen's empty_strided for a dense tensor: numpy's
    empty_like(order="K") orders size-1 dims its own way (a (3, 2, 1) tensor of strides (1, 3, 1) would get
    (1, 3, 6))."""
    dt = np.dtype(dtype) if dtype is not None else like.dtype
    if like.size and min(like.strides, default=0) >= 0:
        try:
            return np.ndarray(like.shape, dt, buffer=np.empty(like.size, dt),
                              strides=[s // like.itemsize * dt.itemsize for s in like.strides])
        except (TypeError, ValueError, BufferError):   # (a dtype without a buffer format)
            pass
    return np.empty_like(like, dtype=dt, order="K")


def laid_out(a, fmt):
    """a's values in an array laid out as fmt, with the strides PyTorch gives that layout (a itself when it has
    them)."""
    out = empty_as(a.shape, a.dtype, fmt, a)
    if out.strides == a.strides:
        return a
    np.copyto(out, a)
    return out


def laid_out_copy(a, fmt):
    """A new array of a's values laid out as fmt (clone(memory_format=), to(memory_format=) copy: never a itself,
    even when a has that layout already)."""
    out = laid_out(a, fmt)
    return a.copy(order="K") if out is a else out


def fill_in_memory_order(out, flat):
    """Write flat's values into the dense array out in the order its elements sit in memory (what PyTorch's
    fills and random draws give a tensor of any dense layout)."""
    perm = sorted(range(out.ndim), key=lambda d: (-out.strides[d], d))
    view = out.transpose(perm)
    view[...] = flat.reshape(view.shape)
    return out


# ---------------------------------------------------------------- how ops lay out their outputs
# numpy gives an elementwise op's result its input's layout, as PyTorch's TensorIterator does; other kernels
# (windows, padding, resampling) write row-major arrays. PyTorch's CPU kernels for the ops below allocate their
# output in the input's suggested format (a convolution: the input's or the weight's), so a channels-last model
# stays channels-last; the ops after them allocate contiguous outputs whatever the input. Measured op by op on
# PyTorch 2.13 (tests/test_memory_format_vs_torch.py).

def _following(count):
    """A layout function: channels-last when one of the first ``count`` inputs suggests it, else row-major."""
    def layout(data, inputs):
        if data.__class__ is not np.ndarray or data.ndim not in (4, 5):
            return data
        for t in inputs[:count]:
            a = getattr(t, "_data", None)
            if a is not None and a.ndim == data.ndim:
                fmt = suggested(a)
                if fmt is not contiguous_format:
                    return laid_out(data, fmt)
        return data if data.flags.c_contiguous else np.ascontiguousarray(data)
    return layout


def _row_major(data, inputs):  # noqa: ARG001 (the layout functions' signature)
    if data.__class__ is not np.ndarray or data.flags.c_contiguous:
        return data
    return np.ascontiguousarray(data)


_KEEP_FORMAT = {
    2: ("convolution", "convolution_transpose"),
    1: ("max_pool2d", "max_pool3d", "avg_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d", "max_unpool2d",
        "constant_pad_nd", "reflection_pad2d", "reflection_pad3d", "replication_pad2d", "replication_pad3d",
        "upsample_nearest2d", "upsample_nearest_exact2d", "upsample_bilinear2d", "upsample_bicubic2d",
        "upsample_bilinear2d_aa", "upsample_bicubic2d_aa",
        "upsample_nearest3d", "upsample_nearest_exact3d", "upsample_trilinear3d", "pixel_shuffle",
        "pixel_unshuffle", "channel_shuffle", "native_group_norm"),
}
_ROW_MAJOR = ("avg_pool3d", "adaptive_avg_pool3d", "adaptive_max_pool3d", "circular_pad", "im2col", "cumsum",
              "cumprod", "logcumsumexp", "fractional_max_pool2d", "fractional_max_pool3d",
              # ATen clones the input contiguous and writes in place: x.t().masked_fill(m, 0) is row-major
              "masked_fill", "masked_fill_t", "masked_scatter", "log_softmax")
_SUGGESTED = ("roll",)   # ATen's self.contiguous(self.suggest_memory_format()): channels-last stays, else row-major
_PRESERVED = ("flip",)   # ATen's empty_like(self, MemoryFormat::Preserve): x.t().flip(0) stays transposed
# TensorIterator kernels the engine computes part by part into a new array: laid out as the inputs are
_ITERATED = ("polar", "complex")


def _angle_layout(data, inputs):
    """angle: of a real tensor, a TensorIterator op (laid out as its input); of a complex one, ATen writes into an
    empty real tensor resized row-major (z.t().angle() is contiguous, z.t().abs() is not)."""
    a = inputs[0]._data
    if a.dtype.kind == "c":
        return _row_major(data, inputs)
    return data if a.flags.c_contiguous else iterated(data, inputs)


def _preserved(data, inputs):
    """The layout of empty_like(input, preserve_format): the input's own order of dims (dense strides in that
    order when it has gaps), channels-last when it suggests it."""
    return preserved_like(data, inputs[0]._data)


def preserved_like(data, a):
    """data (a's shape) laid out as empty_like(a, preserve_format) (a: an array)."""
    if a.flags.c_contiguous or data.__class__ is not np.ndarray or data.shape != a.shape:
        return data if data.__class__ is not np.ndarray or data.flags.c_contiguous else np.ascontiguousarray(data)
    fmt = suggested(a)
    if fmt is not contiguous_format:
        return laid_out(data, fmt)
    return iterated(data, (a,))


_OWN_FORMAT = ("clone", "to_copy", "alias")   # elementwise, laid out by their memory_format argument


def assign_layouts(ops, elementwise=()):
    """Give the ops above their layout functions (OpDef.layout, applied by tensor_base.apply), and the
    elementwise ops (names) the ELEMENTWISE mark."""
    for name in elementwise:
        if name in _OWN_FORMAT:
            continue
        op = ops.get(name)
        if op is not None:
            op.layout = ELEMENTWISE
    for count, names in _KEEP_FORMAT.items():
        layout = _following(count)
        for name in names:
            ops[name].layout = layout
    for name in _ROW_MAJOR:
        ops[name].layout = _row_major
    for name in _PRESERVED:
        ops[name].layout = _preserved
    for name in _ITERATED:
        ops[name].layout = ELEMENTWISE
    ops["angle"].layout = _angle_layout
    channels_last_kept = _following(1)
    for name in _SUGGESTED:
        ops[name].layout = lambda data, inputs: (channels_last_kept if data.ndim in (4, 5) else _row_major)(data, inputs)


def as_laid_out_as(a, other, dtype=None):
    """a's values (same shape as the dense array other) in a new array with other's strides (in dtype)."""
    out = np.empty_like(other, dtype=a.dtype if dtype is None else dtype)
    np.copyto(out, a)
    return out


ELEMENTWISE = object()   # OpDef.layout of the elementwise ops: see iterated (tensor_base.apply calls it)


def iteration_order(shape, inputs):
    """The order in which TensorIterator runs over an elementwise op's output of this shape, innermost dim first
    (its reorder_dimensions: the inputs' strides, the first input that tells two dims apart decides), or None when
    no input tells (numbers and 0-d tensors only)."""
    nd = len(shape)
    strides = []
    for t in inputs:   # (tensors, scalars, or arrays)
        a = t if t.__class__ is np.ndarray else getattr(t, "_data", None)
        if a is None or a.ndim == 0:
            continue
        lead = nd - a.ndim
        if lead < 0:
            return None
        s = [0] * lead
        for d in range(a.ndim):   # a broadcast dim counts as stride 0
            s.append(0 if a.shape[d] == 1 and shape[lead + d] != 1 else a.strides[d])
        strides.append(s)
    if not strides:
        return None

    def swap(d0, d1):
        for s in strides:
            s0, s1 = s[d0], s[d1]
            if s0 == 0 or s1 == 0:
                continue
            if s0 < s1:
                return -1
            if s0 > s1:
                return 1
            if shape[d0] > shape[d1]:
                return 1
        return 0

    perm = list(range(nd - 1, -1, -1))   # perm[0]: the innermost dim
    for i in range(1, nd):
        d1 = i
        for d0 in range(i - 1, -1, -1):
            c = swap(perm[d0], perm[d1])
            if c > 0:
                perm[d0], perm[d1] = perm[d1], perm[d0]
                d1 = d0
            elif c < 0:
                break
    return perm


def iterated(data, inputs):
    """An elementwise op's result laid out as PyTorch's TensorIterator lays it out: dense, its dims ordered by the
    inputs' strides (the first input that tells two dims apart decides; broadcast dims tell nothing; equal strides:
    the smaller dim inside), so ``x.t() + y`` is as transposed as ``x.t()`` (numpy, and the engine's vector kernels,
    may give a row-major array). Called when the first input is not row-major."""
    if data.__class__ is not np.ndarray or data.ndim < 2:
        return data
    shape = data.shape
    nd = len(shape)
    perm = iteration_order(shape, inputs)
    if perm is None:
        return data
    want = [0] * nd
    step = data.itemsize
    for d in perm:
        want[d] = step
        step *= shape[d]
    if tuple(want) == data.strides:
        return data
    outer_first = perm[::-1]
    out = np.empty([shape[d] for d in outer_first], data.dtype).transpose(np.argsort(outer_first))
    np.copyto(out, data)
    return out
