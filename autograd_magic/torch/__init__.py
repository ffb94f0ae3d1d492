"""The torch-compatible namespace a ``%%grad`` cell sees: ``from autograd_magic import torch``.

It implements the part of PyTorch that autograd lessons use, on the numpy engine. Anything else raises
an AttributeError saying that autograd_magic implements a subset of PyTorch.
"""
from ..engine import methods as _methods  # noqa: F401  (binds Tensor methods)
from ..engine.dtypes import (bool_ as bool, dtype, float16, float32, float64, int8, int16, int32, int64,  # noqa: F401
                             uint8)
from ..engine.functions import (abs, absolute, add, addmm, all, allclose, any, bmm, ceil, clamp, clip, div,  # noqa: F401
                                divide, dot, floor, floor_divide, fmod, isclose, isfinite, isinf, isnan, log_softmax,
                                logical_and, logical_not, logical_or, logical_xor, masked_fill, matmul, maximum,
                                minimum, mm, mul, multiply, mv, nan_to_num, neg, negative, nonzero, outer, pow,
                                reciprocal, relu, remainder, round, rsub, sign, softmax, square, sub, subtract,
                                true_divide, trunc, where, with_out)
from ..engine.functions import (addcdiv, addcmul, arctan2, atan2, atleast_1d, atleast_2d,  # noqa: F401
                                broadcast_tensors, broadcast_to, clamp_max, clamp_min, eq, finfo, ge, greater,
                                greater_equal, gt, hstack, hypot, iinfo, le, lerp, less, less_equal, logaddexp, logit,
                                lt, moveaxis, movedim, narrow, ne, not_equal, repeat_interleave, roll, tile, vstack,
                                xlogy)
from .removed import eig, lstsq, matrix_rank, solve, symeig  # noqa: F401  (PyTorch's removal errors)
from .serialization import load, save  # noqa: F401
from ..engine.functions import (bitwise_and, bitwise_left_shift, bitwise_not, bitwise_or,  # noqa: F401
                                bitwise_right_shift, bitwise_xor)
from .device import get_default_device, set_default_device  # noqa: F401
from .histogram import histc, histogram  # noqa: F401
from ..engine.printing import get_printoptions, set_printoptions  # noqa: F401
from ..engine.shaping import (amax, amin, argmax, argmin, argsort, cat, chunk, concat, concatenate,  # noqa: F401
                              count_nonzero, cumprod, cumsum, diag, diagonal, einsum, expand, flatten, flip, gather,
                              index_select, logsumexp, masked_select, max, mean, median, meshgrid, min, norm, permute,
                              prod, reshape, scatter, scatter_add, select, sort, split, squeeze,
                              stack, std, std_mean, sum, swapaxes, t, topk, trace, transpose, tril, triu, unbind,
                              unique, unsqueeze, var, var_mean, view)
from ..engine.size import Size, device  # noqa: F401
from ..engine.tensor import DECLARED_FUNCTIONS as _DECLARED_FUNCTIONS, Tensor  # noqa: F401
from . import autograd, cuda, nn, optim  # noqa: F401
from . import distributions  # noqa: F401,E402
from . import functional  # noqa: F401,E402
from . import utils  # noqa: F401  (torch.utils.data)
from .nn.functional_conv import conv1d, conv2d, convolution, layer_norm, max_pool2d  # noqa: F401
from .creation import (BoolTensor, ByteTensor, CharTensor, DoubleTensor, FloatTensor, HalfTensor,  # noqa: F401
                       IntTensor, LongTensor, ShortTensor, arange, as_tensor, bernoulli, empty, empty_like, eye,
                       from_numpy, full, full_like, linspace, multinomial, normal, ones, ones_like, rand, rand_like,
                       randint, randint_like, randn, randn_like, randperm, tensor, zeros, zeros_like)
from .grad_mode import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled  # noqa: F401
from .rng import Generator, get_rng_state, initial_seed, manual_seed, seed, set_rng_state  # noqa: F401

# Every op that declares its public function in the op table (optable, api=): torch.exp, torch.erf ..., with out=.
globals().update({_name: with_out(_fn, _name) for _name, _fn in _DECLARED_FUNCTIONS.items()})

__version__ = "2.13.0+autograd_magic"
float = float32
double = float64
half = float16
long = int64
int = int32
short = int16

# out=: the result is written into the given tensor (resized if needed), as PyTorch does for these functions.
add, sub, subtract, mul, multiply, div, divide, true_divide, matmul, mm, bmm, mv, dot, pow, abs, neg, clamp, \
    maximum, minimum, cat, stack, sum, mean, prod, cumsum, where = (
        with_out(f) for f in (add, sub, subtract, mul, multiply, div, divide, true_divide, matmul, mm, bmm, mv, dot,
                              pow, abs, neg, clamp, maximum, minimum, cat, stack, sum, mean, prod, cumsum, where))


class _Namespace:
    """A small attribute namespace (torch.backends.mps, torch.backends.cudnn)."""

    def __init__(self, name, **attrs):
        self.__name__ = name
        self.__dict__.update(attrs)

    def __repr__(self):
        return f"<module '{self.__name__}'>"


backends = _Namespace("torch.backends",
                      mps=_Namespace("torch.backends.mps", is_available=lambda: False, is_built=lambda: False),
                      cudnn=_Namespace("torch.backends.cudnn", deterministic=False, benchmark=False, enabled=True,
                                       is_available=lambda: False))


def is_tensor(obj):
    return isinstance(obj, Tensor)


def numel(input):
    return input.numel()


def clone(input, *, memory_format=None):
    return input.clone()


def detach(input):
    return input.detach()


def set_num_threads(n):
    """Accepted for compatibility; the engine runs numpy in one process."""


def get_num_threads():
    return 1


def get_default_dtype():
    return float32


def set_default_dtype(d):
    if not isinstance(d, dtype) or not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    if d is not float32:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: the default dtype stays "
                                  "torch.float32")


def is_floating_point(input):
    return input.is_floating_point()


def equal(input, other):
    return input._data.shape == other._data.shape and builtin_bool((input._data == other._data).all())


def softmax(input, dim, dtype=None):  # noqa: F811  (torch.softmax names its argument dtype too)
    return nn.functional.softmax(input, dim)


def log_softmax(input, dim, dtype=None):  # noqa: F811
    return nn.functional.log_softmax(input, dim)


builtin_bool = __builtins__["bool"] if isinstance(__builtins__, dict) else __builtins__.bool


def __getattr__(name):
    raise AttributeError(f"module 'torch' has no attribute '{name}': autograd_magic implements a subset of PyTorch, "
                         f"and torch.{name} is not part of it")
