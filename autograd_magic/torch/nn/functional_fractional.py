"""F.fractional_max_pool2d / 3d (and their _with_indices forms) and the FractionalMaxPool2d / 3d modules, as
PyTorch's Python writes them: output_ratio gives the output size, and without _random_samples one sample per plane
and dimension is drawn with torch.rand (the same numbers as PyTorch's for the same seed); the kernel is
engine/ops_fractional.py."""
import numpy as np

from ...engine.creation import rand
from ...engine.ops_fractional import fractional_max_with_indices
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply
from .functional_conv import _tuple
from .module import Module, forward_per_subclass


def _ntuple(v, n):
    """PyTorch's _pair / _triple: a sequence as a tuple, a number repeated (floats stay floats)."""
    return tuple(v) if isinstance(v, (list, tuple)) else (v,) * n


def _fractional(nd, input, kernel_size, output_size, output_ratio, return_indices, _random_samples):
    name = f"fractional_max_pool{nd}d"
    if output_size is None and output_ratio is None:
        raise ValueError(f"{name} requires specifying either an output_size or an output_ratio")
    if output_size is None:
        if nd == 2 and len(output_ratio) > 2:   # (a number fails here, as in PyTorch: TypeError)
            raise ValueError(f"{name} requires output_ratio to either be a single Int or tuple of Ints.")
        ratio = _ntuple(output_ratio, nd)
        output_size = [int(input.size(i - nd) * ratio[i]) for i in range(nd)]
    if _random_samples is None:
        n_batch = 1 if input.dim() == nd + 1 else input.size(0)
        _random_samples = rand(n_batch, input.size(-nd - 1), nd, dtype=input.dtype)
    kernel, out = _tuple(kernel_size, nd), _tuple(output_size, nd)
    if input.numel() == 0 or input.dim() not in (nd + 1, nd + 2):
        raise RuntimeError(f"{name}(): Expected {nd + 1}D or {nd + 2}D tensor, but got: "
                           f"[{', '.join(map(str, input.shape))}]")
    names = ("height", "width") if nd == 2 else ("time", "height", "width")
    for i in range(nd):
        if out[i] + kernel[i] - 1 > input.size(i - nd):
            raise RuntimeError(f"{name}(): pool {names[i]} {kernel[i]} too large relative to input {names[i]} "
                               f"{input.size(i - nd)}")
    values, indices = fractional_max_with_indices(input._data, kernel, out, _random_samples._data)
    result = apply(OPS[name], (input,), indices, tuple(input.shape), data=values)
    return result, Tensor._wrap(indices.astype(np.int64))


def fractional_max_pool2d_with_indices(input, kernel_size, output_size=None, output_ratio=None,
                                       return_indices=False, _random_samples=None):
    """(output, indices) of 2-d fractional max pooling (FractionalMaxPool2DBackward0)."""
    return _fractional(2, input, kernel_size, output_size, output_ratio, return_indices, _random_samples)


def fractional_max_pool2d(input, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                          _random_samples=None):
    """2-d fractional max pooling; return_indices also gives each maximum's index within its plane."""
    out = fractional_max_pool2d_with_indices(input, kernel_size, output_size, output_ratio, return_indices,
                                             _random_samples)
    return out if return_indices else out[0]


def fractional_max_pool3d_with_indices(input, kernel_size, output_size=None, output_ratio=None,
                                       return_indices=False, _random_samples=None):
    """(output, indices) of 3-d fractional max pooling (FractionalMaxPool3DBackward0)."""
    return _fractional(3, input, kernel_size, output_size, output_ratio, return_indices, _random_samples)


def fractional_max_pool3d(input, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                          _random_samples=None):
    """3-d fractional max pooling; return_indices also gives each maximum's index within its volume."""
    out = fractional_max_pool3d_with_indices(input, kernel_size, output_size, output_ratio, return_indices,
                                             _random_samples)
    return out if return_indices else out[0]


@forward_per_subclass
class _FractionalMaxPoolNd(Module):
    __module__ = "torch.nn.modules.pooling"
    nd = 2

    def _setup(self, kernel_size, output_size, output_ratio, return_indices, _random_samples):
        """(FractionalMaxPool2d and 3d each have their own __init__, as in PyTorch: a missing kernel_size names
        them.)"""
        nd, name = self.nd, type(self).__name__
        if nd == 3 and ((isinstance(kernel_size, int) and kernel_size <= 0) or
                        (isinstance(kernel_size, (tuple, list)) and not all(k > 0 for k in kernel_size))):
            raise ValueError(f"kernel_size must be greater than 0, but got {kernel_size}")
        self.kernel_size = _ntuple(kernel_size, nd)
        self.return_indices = return_indices
        self.register_buffer("_random_samples", _random_samples)
        self.output_size = _ntuple(output_size, nd) if output_size is not None else None
        self.output_ratio = _ntuple(output_ratio, nd) if output_ratio is not None else None
        if output_size is None and output_ratio is None:
            raise ValueError(f"{name} requires specifying either an output size, or a pooling ratio")
        if output_size is not None and output_ratio is not None:
            raise ValueError("only one of output_size and output_ratio may be specified")
        if self.output_ratio is not None and not all(0 < r < 1 for r in self.output_ratio):
            raise ValueError(f"output_ratio must be between 0 and 1 (got {output_ratio})")

    def forward(self, input):
        fn = fractional_max_pool2d if self.nd == 2 else fractional_max_pool3d
        return fn(input, self.kernel_size, self.output_size, self.output_ratio, self.return_indices,
                  _random_samples=self._random_samples)


class FractionalMaxPool2d(_FractionalMaxPoolNd):
    """Max pooling over pseudo-randomly placed kernel_size windows, to output_size (or output_ratio) of the input."""
    nd = 2

    def __init__(self, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None):
        super().__init__()
        self._setup(kernel_size, output_size, output_ratio, return_indices, _random_samples)


class FractionalMaxPool3d(_FractionalMaxPoolNd):
    """FractionalMaxPool2d over (N, C, T, H, W)."""
    nd = 3

    def __init__(self, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None):
        super().__init__()
        self._setup(kernel_size, output_size, output_ratio, return_indices, _random_samples)
