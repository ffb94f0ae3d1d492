"""The torch-compatible namespace a ``%%grad`` cell sees: ``from autograd_magic import torch``.

It implements the part of PyTorch that autograd lessons use, on the numpy engine. Anything else raises
an AttributeError saying that autograd_magic implements a subset of PyTorch.
"""
from ..engine import methods as _methods  # noqa: F401  (binds Tensor methods)
from ..engine.dtypes import (bool_ as bool, dtype, float16, float32, float64, int8, int16, int32, int64,  # noqa: F401
                             uint8)
from ..engine.functions import (all, any, ceil, floor, frac, isfinite, isinf, isnan, log1p,  # noqa: F401
                                logical_not, round, square, trunc)
from ..engine.functions import (abs, absolute, add, addmm, clamp, clip, cos, div, divide, dot, exp,  # noqa: F401
                                floor_divide, fmod, log, log_softmax, masked_fill, matmul, maximum, minimum, mm, mul, multiply, mv, neg,
                                negative, nonzero, outer, pow, reciprocal, relu, remainder, rsub, sigmoid, sign,
                                sin, softmax, sqrt, sub, subtract, tan, tanh, true_divide, where)
from ..engine.printing import get_printoptions, set_printoptions  # noqa: F401
from ..engine.shaping import (amax, amin, argmax, argmin, cat, concat, concatenate, cumsum, expand, flatten,  # noqa: F401
                              max, mean, min, norm, permute, prod, reshape, select, squeeze, stack, std, sum,
                              swapaxes, t, transpose, unsqueeze, var, view)
from ..engine.size import Size, device  # noqa: F401
from ..engine.tensor import Tensor  # noqa: F401
from . import autograd, nn, optim  # noqa: F401
from .creation import (arange, as_tensor, bernoulli, empty, empty_like, eye, from_numpy, full, full_like,  # noqa: F401
                       linspace, multinomial, normal, ones, ones_like, rand, rand_like, randint, randint_like, randn,
                       randn_like, randperm, tensor, zeros, zeros_like)
from .grad_mode import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled  # noqa: F401
from .rng import Generator, get_rng_state, initial_seed, manual_seed, seed, set_rng_state  # noqa: F401

__version__ = "2.13.0+autograd_magic"
float = float32
double = float64
half = float16
long = int64
int = int32
short = int16
FloatTensor = DoubleTensor = LongTensor = Tensor


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


def is_floating_point(input):
    return input.is_floating_point()


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    import numpy as np
    return builtin_bool(np.allclose(input._data, other._data, rtol=rtol, atol=atol, equal_nan=equal_nan))


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
