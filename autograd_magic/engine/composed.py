"""Functions composed from views, picks and joins, recorded as PyTorch records them: broadcast_to,
broadcast_tensors, narrow, unflatten, movedim, atleast_1d/2d, hstack, vstack, tile, repeat_interleave, diff."""
import numpy as np

from . import argcheck
from .dispatch import check_broadcast
from .arg_parser import _is_int, invalid_combination
from .indexing import aten_getitem, index_select, repeat
from .optable import OPS
from .shaping import _shape_args, _tensor_list, _view_out, cat, expand, permute, reshape, unsqueeze, view
from .size import checked_sizes
from .tensor_base import TensorBase, _dim, apply, wrap

_MISSING = object()


def broadcast_to(input, size):
    return expand(input, tuple(size))


def broadcast_tensors(*tensors):
    try:
        shape = np.broadcast_shapes(*(t._data.shape for t in tensors))
    except ValueError:  # PyTorch's message: the shapes so far (a) against the first that does not fit (b)
        shape = ()
        for t in tensors:
            check_broadcast(shape, t._data.shape)
            shape = np.broadcast_shapes(shape, t._data.shape)
    return tuple(t if t._data.shape == shape else expand(t, shape) for t in tensors)


def narrow(input, dim, start, length):
    """A view of length elements from start along dim; ATen's checks in its order (a tensor start first, then the
    rank, the length's sign, the dim, the start's range and the end)."""
    if isinstance(start, TensorBase) and (start._data.ndim or start._data.dtype.kind not in "iu"):
        raise RuntimeError("start must be an 0-dim integral Tensor.")
    if input._data.ndim == 0:
        raise RuntimeError("narrow() cannot be applied to a 0-dim tensor.")
    if length < 0:
        raise RuntimeError("narrow(): length must be non-negative.")
    d = _dim(dim, input._data.ndim)
    size = input._data.shape[d]
    start = int(start)
    if start < 0:
        start += size
    if not 0 <= start <= size:
        raise IndexError(f"start out of range (expected to be in range of [{-size}, {size}], but got "
                         f"{start - size if start < 0 else start})")
    if start + length > size:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({size}).")
    return aten_getitem(input, (slice(None),) * d + (slice(start, start + length),))


def unflatten(input, dim, sizes):
    """Dim split into sizes (one may be -1): a view (ViewBackward0), as PyTorch records it."""
    shape = input._data.shape
    d = _dim(dim, len(shape))
    given = tuple(int(n) for n in sizes)
    if not given:
        raise RuntimeError("unflatten: sizes must be non-empty")
    sizes = given
    if -1 in given:
        known = int(np.prod([n for n in given if n != -1]))
        # (infer_size's error, reworded by unflatten: the sizes as given)
        sizes = tuple(shape[d] // known if n == -1 and known and shape[d] % known == 0 else n for n in given)
    if int(np.prod(sizes)) != shape[d] or -1 in sizes:
        raise RuntimeError(f"unflatten: Provided sizes {list(given)} don't multiply up to the size of dim {d} "
                           f"({shape[d]}) in the input tensor")
    return view(input, shape[:d] + sizes + shape[d + 1:])


def _movedim(name, input, source, destination, texts, args):
    """ATen's movedim: the two lists as long as each other, wrapped, each without repeats (the lists as given in the
    error), a 0-d tensor's alias; otherwise the permutation that puts each source dim at its destination. One int
    and one list match neither of PyTorch's overloads: its TypeError (texts, args: the call as the parser saw it)."""
    seqs = [isinstance(v, (list, tuple)) for v in (source, destination)]
    if seqs[0] != seqs[1] or not seqs[0] and not (_is_int(source) and _is_int(destination)):
        raise invalid_combination(name, texts, args, {})
    src, dst = (list(v) if seq else [v] for v, seq in zip((source, destination), seqs))
    if len(src) != len(dst):
        raise RuntimeError(f"movedim: Invalid source or destination dims: source ({_listed(src)} dims) should contain "
                           f"the same number of dims as destination ({_listed(dst)} dims)")
    ndim = input._data.ndim
    wrapped = [[_dim(d, ndim) for d in v] for v in (src, dst)]
    for given, dims, which in zip((src, dst), wrapped, ("source", "destination")):
        if len(set(dims)) != len(dims):
            raise RuntimeError(f"movedim: repeated dim in `{which}` ({_listed(given)})")
    if ndim == 0:
        return _view_out(input, apply(OPS["alias"], (input,)))   # (copy_views.alias, which imports this module)
    order = [d for d in range(ndim) if d not in wrapped[0]]
    for s, d in sorted(zip(wrapped[1], wrapped[0])):
        order.insert(s, d)
    return permute(input, order)


def _listed(dims):
    return f"[{', '.join(str(int(d)) for d in dims)}]"


_MOVEDIM = ["(int source, int destination)", "(tuple of ints source, tuple of ints destination)"]


def movedim(input, source, destination):
    """torch.movedim(x, 1, 0) / torch.movedim(x, (1, 2), (0, 1)): x's dims moved, the others in their order."""
    return _movedim("movedim", input, source, destination, [f"(Tensor input, {t[1:]}" for t in _MOVEDIM],
                    (input, source, destination))


def moveaxis(input, source, destination):
    """torch.moveaxis: numpy's name of movedim."""
    return _movedim("moveaxis", input, source, destination, [f"(Tensor input, {t[1:]}" for t in _MOVEDIM],
                    (input, source, destination))


def movedim_method(self, source, destination):
    """Tensor.movedim (PyTorch's parser lists the overloads without the tensor)."""
    return _movedim("movedim", self, source, destination, _MOVEDIM, (source, destination))


def moveaxis_method(self, source, destination):
    return _movedim("moveaxis", self, source, destination, _MOVEDIM, (source, destination))


def atleast_1d(input):
    return reshape(input, 1) if input._data.ndim == 0 else input


def atleast_2d(input):
    if input._data.ndim == 0:
        return reshape(input, 1, 1)
    return unsqueeze(input, 0) if input._data.ndim == 1 else input


def hstack(tensors):
    tensors = [atleast_1d(t) for t in _tensor_list(tensors, "hstack", nonempty="hstack")]
    return cat(tensors, 0 if tensors[0]._data.ndim == 1 else 1)


def vstack(tensors):
    return cat([atleast_2d(t) for t in _tensor_list(tensors, "vstack", nonempty="vstack")], 0)


def tile(input, dims=_MISSING, *extra):
    """torch.tile(input, dims): input repeated dims[i] times along each dim (dims padded with ones in front);
    dims a tuple or list of ints (an int is refused here, taken by Tensor.tile)."""
    if extra:
        raise TypeError(f"tile() takes 2 positional arguments but {2 + len(extra)} were given")
    if dims is _MISSING:
        raise TypeError('tile() missing 1 required positional arguments: "dims"')
    if not isinstance(dims, (tuple, list)):
        raise TypeError(f"tile(): argument 'dims' (position 2) must be tuple of ints, not {argcheck.tp_name(dims)}")
    return _tile(input, checked_sizes("tile", (dims,), "dims"))


def tile_method(self, *dims, **kwargs):
    """Tensor.tile(*dims): the sizes as separate ints, one int, or a tuple / list (or dims=)."""
    if "dims" in kwargs:
        if dims:
            raise TypeError("tile() got multiple values for argument 'dims'")
        dims = (kwargs.pop("dims"),)
    if kwargs:
        raise TypeError(f"tile() got an unexpected keyword argument '{next(iter(kwargs))}'")
    if not dims:
        raise TypeError('tile() missing 1 required positional arguments: "dims"')
    return _tile(self, _shape_args(dims, "tile", "dims"))


def _tile(input, dims):
    dims = (1,) * (input._data.ndim - len(dims)) + tuple(dims)
    return repeat(input, *dims)


def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    """Each element repeated `repeats` times (a number): unsqueeze, expand, clone, view, as PyTorch records it.
    torch.repeat_interleave(repeats) alone: each index i repeated repeats[i] times."""
    if repeats is None:
        return _repeat_indices(input, output_size)
    t = input
    if dim is None:
        t, dim = (reshape(t, -1) if t._data.ndim != 1 else t), 0
    d = _dim(dim, t._data.ndim)
    if isinstance(repeats, TensorBase):  # a tensor of repeats picks with index_select, as PyTorch does
        r, n = repeats._data, t._data.shape[d]
        if r.ndim > 1:
            raise RuntimeError("repeats must be 0-dim or 1-dim tensor")
        if r.ndim == 0 or r.shape[0] == 1:
            r = np.full(n, r.reshape(-1)[0], r.dtype)
        elif r.shape[0] != n:
            raise RuntimeError(f"repeats must have the same size as input along dim, but got repeats.size(0) = "
                               f"{r.shape[0]} and input.size({d}) = {n}")
        return index_select(t, d, _repeat_indices(wrap(r), output_size))
    if repeats < 0:
        raise RuntimeError("Repeats must be non-negative")
    if output_size is not None and output_size != t._data.shape[d] * repeats:
        raise RuntimeError(f"repeat_interleave: Invalid output_size, expected {t._data.shape[d] * repeats} but got "
                           f"{output_size}")
    shape = list(t._data.shape)
    big = shape[:d + 1] + [repeats] + shape[d + 1:]
    wide = expand(unsqueeze(t, d + 1), big)
    out = apply(OPS["clone"], (wide,), data=np.ascontiguousarray(wide._data))
    shape[d] *= repeats
    return view(out, shape)


def _repeat_indices(repeats, output_size=None):
    """torch.repeat_interleave(repeats): arange(len(repeats)) each repeated repeats[i] times, in repeats' dtype
    (ATen's checks: int32 and int64 only; an output_size allocates the result first, then must be its size)."""
    r = repeats._data
    if r.ndim != 1:
        raise RuntimeError("repeat_interleave only accept 1D vector as repeat")
    if r.dtype not in (np.int32, np.int64):
        raise NotImplementedError(f'"repeat_interleave_cpu" not implemented for \'{repeats.dtype.scalar_name}\'')
    if r.shape[0] == 0:
        return wrap(np.empty(0, r.dtype))
    if output_size is not None:   # (the kernel checks the total, then each repeat as it writes)
        if output_size < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {output_size}: [{output_size}]")
        if output_size != int(r.sum()):
            raise RuntimeError("allocated size does not match required size")
    if (r < 0).any():
        raise RuntimeError("repeats can not be negative")
    return wrap(np.repeat(np.arange(r.shape[0], dtype=r.dtype), r))


def diff(input, n=1, dim=-1, prepend=None, append=None):
    """The n-th forward difference along dim, as ATen composes it: narrow(1:) - narrow(:-1) (logical_xor for
    bool), n times, after prepend and append are joined on (cat)."""
    if input._data.ndim < 1:
        raise RuntimeError("diff expects input to be at least one-dimensional")
    if n < 0:
        raise RuntimeError(f"order must be non-negative but got {n}")
    d = _dim(dim, input._data.ndim)
    for extra in (prepend, append):
        if extra is None:
            continue
        if extra._data.ndim != input._data.ndim:
            raise RuntimeError("diff expects prepend or append to be the same dimension as input")
        for i, (a, b) in enumerate(zip(input._data.shape, extra._data.shape)):
            if i != d and a != b:
                raise RuntimeError("diff expects the shape of tensor to prepend or append to match that of input "
                                   f"except along the differencing dimension; input.size({i}) = {a}, but got "
                                   f"tensor.size({i}) = {b}")
    if n == 0:
        return apply(OPS["copy_grad"], (input,))  # zeros_like(input).copy_(input): CopyBackwards
    if prepend is not None or append is not None:
        input = cat([t for t in (prepend, input, append) if t is not None], d)
    out_len = input._data.shape[d] - 1
    result = input
    for _ in range(min(n, input._data.shape[d])):
        hi, lo = narrow(result, d, 1, out_len), narrow(result, d, 0, out_len)
        result = hi.logical_xor(lo) if input._data.dtype == np.bool_ else hi - lo
        out_len -= 1
    return result
