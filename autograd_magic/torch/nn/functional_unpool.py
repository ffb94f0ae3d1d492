"""F.max_unpool1d/2d/3d and nn.MaxUnpool1d/2d/3d: the partial inverse of max pooling, from the indices that
MaxPool's ``return_indices=True`` gives (MaxUnpool2DBackward0; the 1-d form is the 2-d op between an unsqueeze and
a squeeze, as in PyTorch)."""
import numpy as np

from ...engine.optable import OPS
from ...engine.softmax_dims import threads
from ...engine.tensor_base import apply
from ._args import ntuple
from .functional_conv import _tuple
from .module import Module, forward_per_subclass

_SCALAR_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
                 "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}


def _unpool_output_size(input, kernel_size, stride, padding, output_size):
    """PyTorch's default output size ((in - 1) * stride + kernel - 2 * padding), or the given one, checked."""
    n = len(kernel_size)
    default = [(input.shape[-n + d] - 1) * stride[d] + kernel_size[d] - 2 * padding[d] for d in range(n)]
    if output_size is None:
        return default
    if len(output_size) == n + 2:
        output_size = output_size[2:]
    if len(output_size) != n:
        raise ValueError(f"output_size should be a sequence containing {n} or {n + 2} elements, but it has a "
                         f"length of '{len(output_size)}'")
    for d in range(n):
        low, high = default[d] - stride[d], default[d] + stride[d]
        if not low < output_size[d] < high:
            raise ValueError(f'invalid output_size "{output_size}" (dim {d} must be between {low} and {high})')
    return output_size


def _reported_index(flat, bad):
    """The bad index ATen's kernel names: at::parallel_for cuts the flat indices into one chunk per thread, each
    thread keeps the last bad one of its chunk, and the calling thread's (the first chunk) is seen last; a chunk
    after it only when the first has none (the lowest such chunk here: which of them wins is a race in ATen)."""
    n = flat.size
    chunk = -(-n // max(1, min(threads(), n)))
    for start in range(0, n, chunk):
        hits = np.flatnonzero(bad[start:start + chunk])
        if hits.size:
            return int(flat[start + hits[-1]])
    return None


def _unpool(nd, input, indices, size):
    """The engine's max_unpool{nd}d with ATen's checks: int64 indices of the input's shape, each inside a plane."""
    if indices._data.dtype != np.int64:
        raise RuntimeError("elements in indices should be type int64 but got: "
                           f"{_SCALAR_NAMES.get(indices._data.dtype.name, indices._data.dtype.name)}")
    if input.dim() not in (nd + 1, nd + 2):
        raise RuntimeError(f"Input to max_unpooling{nd}d should be a {nd + 1}d or {nd + 2}d Tensor, but got a "
                           f"tensor with {input.dim()} dimensions.")
    if tuple(input.shape) != tuple(indices.shape):
        raise RuntimeError(f"Expected shape of indices to be same as that of the input tensor ({list(input.shape)}) "
                           f"but got indices tensor with shape: {list(indices.shape)}")
    size = tuple(int(s) for s in size)
    idx = indices._data
    bad = (idx < 0) | (idx >= int(np.prod(size)))
    if bad.any():
        raise RuntimeError(f"Found an invalid max index: {_reported_index(idx.reshape(-1), bad.reshape(-1))} (output "
                           f"volumes are of size {'x'.join(map(str, size))})")
    shape = tuple(input.shape[:-nd]) + size
    return apply(OPS[f"max_unpool{nd}d"], (input,), np.ascontiguousarray(idx), shape)


def _geometry(nd, kernel_size, stride, padding):
    kernel = _tuple(kernel_size, nd)
    return kernel, (kernel if stride is None else _tuple(stride, nd)), _tuple(padding, nd)


def max_unpool1d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    """The 1-d partial inverse of max_pool1d (the 2-d op on a trailing unit dim)."""
    kernel, stride, padding = _geometry(1, kernel_size, stride, padding)
    size = list(_unpool_output_size(input, kernel, stride, padding, output_size)) + [1]
    return _unpool(2, input.unsqueeze(-1), indices.unsqueeze(-1), size).squeeze(-1)


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    """Each value written at its index in a zero (H_out, W_out) plane (MaxUnpool2DBackward0)."""
    kernel, stride, padding = _geometry(2, kernel_size, stride, padding)
    return _unpool(2, input, indices, _unpool_output_size(input, kernel, stride, padding, output_size))


def max_unpool3d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    """Each value written at its index in a zero (D_out, H_out, W_out) volume (MaxUnpool3DBackward0)."""
    kernel, stride, padding = _geometry(3, kernel_size, stride, padding)
    return _unpool(3, input, indices, _unpool_output_size(input, kernel, stride, padding, output_size))


@forward_per_subclass
class _MaxUnpoolNd(Module):
    __module__ = "torch.nn.modules.pooling"
    _nd = 2

    def _sizes(self, kernel_size, stride, padding):
        """(Each MaxUnpoolNd has its own __init__, as in PyTorch: a missing kernel_size names it.)"""
        self.kernel_size = ntuple(kernel_size, self._nd)   # (PyTorch's _single / _pair / _triple)
        self.stride = ntuple(stride if stride is not None else kernel_size, self._nd)
        self.padding = ntuple(padding, self._nd)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"

    def forward(self, input, indices, output_size=None):
        fn = (max_unpool1d, max_unpool2d, max_unpool3d)[self._nd - 1]
        return fn(input, indices, self.kernel_size, self.stride, self.padding, output_size)


class MaxUnpool1d(_MaxUnpoolNd):
    """The inverse of MaxPool1d where its maxima were (zeros elsewhere)."""
    _nd = 1

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self._sizes(kernel_size, stride, padding)


class MaxUnpool2d(_MaxUnpoolNd):
    """The inverse of MaxPool2d where its maxima were (zeros elsewhere)."""
    _nd = 2

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self._sizes(kernel_size, stride, padding)


class MaxUnpool3d(_MaxUnpoolNd):
    """The inverse of MaxPool3d where its maxima were (zeros elsewhere)."""
    _nd = 3

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self._sizes(kernel_size, stride, padding)
