"""torch.nn.init: initialisers drawing from the PyTorch-identical generator (same numbers after manual_seed)."""
import math
import warnings

import numpy as np

from ...engine import arg_parser, dtypes, random
from ..grad_mode import no_grad


def _generator(generator=None):
    """The engine generator of trunc_normal_, orthogonal_ and sparse_, whose first draw PyTorch makes with
    tensor.normal_(generator=...): its TypeError for anything that is not a torch.Generator."""
    gen = random.generator_of(generator)
    if gen is None:
        arg_parser.check_generator("normal_", generator)
    return gen


def _fill(tensor, values):
    with no_grad():
        tensor._data[...] = values
        tensor._vbox[0] += 1
    return tensor


def calculate_gain(nonlinearity, param=None):
    """The gain PyTorch recommends for a nonlinearity (tanh 5/3, relu sqrt(2), ...)."""
    linear = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d")
    if nonlinearity in linear or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            slope = 0.01
        elif not isinstance(param, bool) and isinstance(param, (int, float)):
            slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _calculate_fan_in_and_fan_out(tensor):
    if tensor.dim() < 2:   # (tensor.dim() first, as PyTorch: a list passed in fails on it)
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    shape = tensor.shape
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def _calculate_correct_fan(tensor, mode):
    mode = mode.lower()
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of ['fan_in', 'fan_out']")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


_fan = _calculate_correct_fan


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    with no_grad():   # (Tensor.uniform_ fills a transposed weight in memory order, as PyTorch does)
        return tensor.uniform_(a, b, generator=generator)


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    with no_grad():
        return tensor.normal_(mean, std, generator=generator)


def constant_(tensor, val):
    with no_grad():   # (PyTorch's tensor.fill_(val): its checks of val, a str or None refused)
        return tensor.fill_(val)


def zeros_(tensor):
    with no_grad():   # (PyTorch's tensor.zero_(): what a list passed in fails on)
        return tensor.zero_()


def ones_(tensor):
    with no_grad():
        return tensor.fill_(1.0)


def _normal_draws(tensor):
    """PyTorch draws trunc_normal_'s and orthogonal_'s values with Tensor.normal_: an integer tensor is its
    NotImplementedError ("normal_kernel_cpu" not implemented for 'Long')."""
    if not tensor.is_floating_point():
        tensor.new_empty((0,)).normal_()


def eye_(tensor):
    if tensor.ndimension() != 2:   # (ndimension(), as PyTorch: a list passed in fails on it)
        raise ValueError("Only tensors with 2 dimensions are supported")
    return _fill(tensor, np.eye(*tensor.shape, dtype=tensor._data.dtype))


def dirac_(tensor, groups=1):
    """The identity of a convolution: 1 at the centre of the kernel of channel d -> d in each group."""
    dims = tensor.ndimension()
    if dims not in (3, 4, 5):
        raise ValueError("Only tensors with 3, 4, or 5 dimensions are supported")
    sizes = tensor.shape
    if sizes[0] % groups != 0:
        raise ValueError("dim 0 must be divisible by groups")
    per_group = sizes[0] // groups
    with no_grad():
        tensor.zero_()
        for g in range(groups):
            for d in range(min(per_group, sizes[1])):
                tensor[(g * per_group + d, d) + tuple(n // 2 for n in sizes[2:])] = 1
    return tensor


def xavier_uniform_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    a = math.sqrt(3.0) * gain * math.sqrt(2.0 / float(fan_in + fan_out))
    return uniform_(tensor, -a, a, generator)


def xavier_normal_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return normal_(tensor, 0.0, gain * math.sqrt(2.0 / float(fan_in + fan_out)), generator)


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    if 0 in tuple(tensor.shape):
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    std = calculate_gain(nonlinearity, a) / math.sqrt(_fan(tensor, mode))
    bound = math.sqrt(3.0) * std
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    if 0 in tuple(tensor.shape):
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    std = calculate_gain(nonlinearity, a) / math.sqrt(_fan(tensor, mode))
    return normal_(tensor, 0.0, std, generator)


def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None):
    """N(mean, std) cut to [a, b] by PyTorch's rejection sampling, drawing what it draws: whole-tensor normal
    redraws while any value is outside (when [a, b] holds over 30% of the mass), else uniform proposals."""

    def norm_cdf(x):
        return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0
    if tensor.is_meta:
        return tensor
    if mean < a - 2 * std or mean > b + 2 * std:
        warnings.warn("mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of values "
                      "may be incorrect.", stacklevel=2)
    _normal_draws(tensor)
    gen, shape, dt = _generator(generator), tuple(tensor.shape), tensor._data.dtype
    if norm_cdf((b - mean) / std) - norm_cdf((a - mean) / std) > 0.3:
        lo, hi = dt.type(a), dt.type(b)
        result = gen.normal(shape, dt, mean, std)
        while True:
            mask = (result < lo) | (result > hi)
            if not mask.any():
                return _fill(tensor, result)
            result = np.where(mask, gen.normal(shape, dt, mean, std), result)
    mode = max(a, min(mean, b))
    log_peak = -0.5 * ((mode - mean) / std) ** 2

    def log_pdf(c):
        return ((c - dt.type(mean)) / dt.type(std)) ** 2 * dt.type(-0.5) - dt.type(log_peak)

    def rejected(c):
        with np.errstate(divide="ignore"):
            return np.log(gen.uniform(shape, dt)) > log_pdf(c)
    result = gen.uniform(shape, dt, a, b)
    pending = rejected(result)
    while pending.any():
        candidates = gen.uniform(shape, dt, a, b)
        result = np.where(pending, candidates, result)
        pending = np.where(pending, rejected(candidates), pending)
    return _fill(tensor, result)


def orthogonal_(tensor, gain=1, generator=None):
    """A (semi-)orthogonal matrix (tensor seen as rows x the rest) from the QR of PyTorch's normal draws, the signs
    fixed by R's diagonal, times gain. LAPACK's QR here and MKL's in PyTorch agree to rounding."""
    if tensor.ndimension() < 2:
        raise ValueError("Only tensors with 2 or more dimensions are supported")
    if tensor.numel() == 0:
        return tensor
    _normal_draws(tensor)
    rows = tensor.shape[0]
    cols = tensor.numel() // rows
    dt = tensor._data.dtype
    flat = _generator(generator).normal((rows, cols), dt, 0.0, 1.0)
    if dt.name not in ("float32", "float64"):   # (torch.linalg.qr's LAPACK kernel, after the draw)
        raise NotImplementedError(f"\"geqrf_cpu\" not implemented for '{dtypes.scalar_name(dt)}'")
    if rows < cols:
        flat = flat.T
    q, r = np.linalg.qr(flat)
    q = (q * np.sign(np.diagonal(r))).astype(dt)
    if rows < cols:
        q = q.T
    return _fill(tensor, q.reshape(tensor.shape) * dt.type(gain))


def sparse_(tensor, sparsity, std=0.01, generator=None):
    """N(0, std) with ceil(sparsity * rows) zeros per column, at rows chosen by a randperm per column (PyTorch's
    draws, in its order)."""
    if tensor.ndim != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    rows, cols = tensor.shape
    num_zeros = int(math.ceil(sparsity * rows))
    gen = _generator(generator)
    values = gen.normal((rows, cols), tensor._data.dtype, 0.0, std)
    for col in range(cols):  # one randperm per column: the draws themselves are sequential
        values[gen.randperm(rows, np.int64)[:num_zeros], col] = 0
    return _fill(tensor, values)


def _deprecated(fill):
    """The name PyTorch kept without the trailing underscore: a FutureWarning, then fill (old tutorials use them)."""
    old = fill.__name__[:-1]

    def deprecated(*args, **kwargs):
        warnings.warn(f"`nn.init.{old}` is now deprecated in favor of `nn.init.{fill.__name__}`.", FutureWarning,
                      stacklevel=2)
        return fill(*args, **kwargs)
    deprecated.__name__ = deprecated.__qualname__ = old
    deprecated.__doc__ = fill.__doc__
    return deprecated


normal, uniform, constant = _deprecated(normal_), _deprecated(uniform_), _deprecated(constant_)
xavier_uniform, xavier_normal = _deprecated(xavier_uniform_), _deprecated(xavier_normal_)
kaiming_uniform, kaiming_normal = _deprecated(kaiming_uniform_), _deprecated(kaiming_normal_)
orthogonal, sparse = _deprecated(orthogonal_), _deprecated(sparse_)
eye, dirac = _deprecated(eye_), _deprecated(dirac_)
