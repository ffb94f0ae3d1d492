"""torch.nn.init: the initialisers nn.Linear uses, drawing from the PyTorch-identical generator."""
import math

from ..grad_mode import no_grad


def _generator():
    from ...engine import random
    return random.default_generator


def calculate_gain(nonlinearity, param=None):
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    return {"linear": 1, "sigmoid": 1, "tanh": 5.0 / 3, "relu": math.sqrt(2.0)}.get(nonlinearity, 1)


def _fan_in(tensor):
    shape = tensor.shape
    if len(shape) < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive = 1
    for n in shape[2:]:
        receptive *= n
    return shape[1] * receptive


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    gen = generator._impl if generator is not None else _generator()
    with no_grad():
        tensor._data[...] = gen.uniform(tuple(tensor.shape), tensor._data.dtype, a, b)
        tensor._vbox[0] += 1
    return tensor


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    gen = generator._impl if generator is not None else _generator()
    with no_grad():
        tensor._data[...] = gen.normal(tuple(tensor.shape), tensor._data.dtype, mean, std)
        tensor._vbox[0] += 1
    return tensor


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    gain = calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(_fan_in(tensor))
    bound = math.sqrt(3.0) * std
    return uniform_(tensor, -bound, bound, generator)


def zeros_(tensor):
    tensor._data[...] = 0
    return tensor


def ones_(tensor):
    tensor._data[...] = 1
    return tensor


def constant_(tensor, val):
    tensor._data[...] = val
    return tensor
