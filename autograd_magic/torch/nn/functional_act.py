"""torch.nn.functional's activations after the first lessons' (hardtanh, relu6, mish, hardswish, selu, glu ...)."""
from ...engine import arg_parser, dtypes, function_signatures
from ...engine import shaping as S
from ...engine.dtypes import float64
from ...engine.functions import check_float_kernel
from ...engine import batching, random
from ...engine.ops_act import rrelu_noise
from ...engine.optable import OPS
from ...engine.tensor_base import DECLARED_FUNCTIONS, TensorBase, _dim, apply, inplace as _write_inplace
from ._args import number_arg

hardshrink = DECLARED_FUNCTIONS["hardshrink"]
_prelu = DECLARED_FUNCTIONS["prelu"]


def _call(op, input, inplace, *consts, inplace_op=None):
    """op on input, or (inplace=True) written into input with the engine's in-place rules; inplace_op is the
    in-place form PyTorch records under its own node (EluBackward1 ...)."""
    if not inplace:
        return apply(OPS[op], (input,), *consts)
    return _write_inplace(lambda old: apply(OPS[inplace_op or op], (old,), *consts), input)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    kind = input._data.dtype.kind
    if kind == "b":
        raise RuntimeError("Bool inputs not supported for hardtanh")
    if kind == "u" and min_val < 0:
        raise RuntimeError("cannot do hardtanh on an unsigned type with negative limits")
    return _call("hardtanh", input, inplace, min_val, max_val)


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0, inplace)


def softsign(input):
    return input / (input.abs() + 1)


def tanhshrink(input):
    return input - input.tanh()


def mish(input, inplace=False):
    check_float_kernel("mish_cpu", input, fn="mish")
    return _call("mish", input, inplace)


def hardsigmoid(input, inplace=False):
    check_float_kernel("hardsigmoid_cpu", input, fn="hardsigmoid")
    return _call("hardsigmoid", input, inplace)


def hardswish(input, inplace=False):
    check_float_kernel("hardswish_cpu", input, fn="hardswish")
    return _call("hardswish", input, inplace)


def logsigmoid(input):
    check_float_kernel("log_sigmoid_cpu", input, fn="log_sigmoid")
    return apply(OPS["log_sigmoid"], (input,))


logsigmoid.__name__ = logsigmoid.__qualname__ = "log_sigmoid"   # (PyTorch's F.logsigmoid is ATen's log_sigmoid)


def _softshrink(input, lambd=0.5):
    check_float_kernel("softshrink_check", input, fn="softshrink")
    if isinstance(lambd, TensorBase):   # (a 0-dim tensor the parser let through)
        lambd = lambd.item()
    if lambd < 0:
        top = format(float(dtypes._FLOAT_MAX[input.dtype.name]), "g")   # (the dtype's largest value)
        raise RuntimeError(f"lambda must be in range [0, {top}] for input dtype {dtypes.scalar_name(input._data.dtype)}, "
                           f"but found {format(lambd, 'g')}")
    return apply(OPS["softshrink"], (input,), lambd)


# F.softshrink is ATen's softshrink itself: its parser's TypeErrors (lambd=<a 1-element tensor>, lambd="0.5")
softshrink = arg_parser.parsed(_softshrink, "softshrink", function_signatures.SIGNATURES["softshrink"], method=False)


def prelu(input, weight):
    if input._data.dtype != weight._data.dtype:
        raise RuntimeError(f"prelu: Type promoting not supported. Got {dtypes.scalar_name(input._data.dtype)} and "
                           f"{dtypes.scalar_name(weight._data.dtype)}")
    n = weight.numel()
    if n != 1:  # (a single shared weight also applies to a 0-d input: nn.PReLU()(torch.tensor(-1.)))
        if input.ndim == 0:
            raise RuntimeError("Not allow zero-dim input tensor.")
        channels = input.shape[1] if input.ndim > 1 else 1
        if channels != n:
            raise RuntimeError(f"Mismatch of parameter numbers and input channel size. Found parameter numbers = {n} "
                               f"and channel size = {channels}.")
    if weight.ndim > 1:
        raise RuntimeError(f"prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = {weight.ndim}")
    if input.ndim != weight.ndim:  # ATen views the weight as (1, C, 1, ...)
        shape = [1] * input.ndim
        if input.ndim >= 2:
            shape[1] = n
        weight = S.view(weight, tuple(shape))
    check_float_kernel("prelu_cpu", input)   # (ATen's _prelu_kernel, after the shape checks)
    return _prelu(input, weight)


# torch.prelu, F.prelu and x.prelu are one function in PyTorch: its parser's TypeErrors (a float weight), then the
# checks above (torch/__init__.py binds torch.prelu and Tensor.prelu to these too)
prelu_checked = prelu
prelu = arg_parser.parsed(prelu_checked, "prelu", function_signatures.SIGNATURES["prelu"], method=False)


def celu(input, alpha=1.0, inplace=False):
    if alpha.__class__ is not float:   # (the parser's TypeError for a str or None)
        alpha = number_arg("celu", alpha, "alpha", 2)
    if alpha == 0:
        raise RuntimeError("ZeroDivisionError: alpha cannot be 0 for CELU")
    check_float_kernel("elu_cpu", input, fn="celu")
    return _call("celu", input, inplace, alpha, inplace_op="celu_")


def selu(input, inplace=False):
    check_float_kernel("elu_cpu", input, fn="selu")
    return _call("selu", input, inplace, inplace_op="selu_")


def threshold(input, threshold, value, inplace=False):
    return _call("threshold", input, inplace, threshold, value, inplace_op="threshold_")


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    """Leaky ReLU with slope (lower + upper) / 2, or (training) a slope drawn per non-positive element from
    U(lower, upper) with PyTorch's generator draws."""
    batching.refuse_unsupported("rrelu_" if inplace else "rrelu")   # (before ATen's own checks)
    if lower > upper:  # ATen's rrelu checks the bounds first, in either mode and for any dtype
        raise RuntimeError("Lower bound should be less than or equal to the upper bound")
    check_float_kernel("rrelu_with_noise_out_cpu" if training else "leaky_relu_cpu", input, fn="rrelu")
    if training:   # (drawn as the kernel runs: an in-place call autograd refuses draws nothing)
        def train(x, op):
            return apply(OPS[op], (x,), rrelu_noise(x._data, lower, upper, random.default_generator))
        if not inplace:
            return train(input, "rrelu_train")
        return _write_inplace(lambda old: train(old, "rrelu_train_"), input)
    return _call("rrelu_with_noise", input, inplace, lower, upper, inplace_op="rrelu_with_noise_")


def glu(input, dim=-1):
    if input.ndim == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    d = _dim(dim, input.ndim)
    if input.shape[d] % 2:
        raise RuntimeError(f"Halving dimension must be even, but dimension {d} is size {input.shape[d]}")
    check_float_kernel("glu_cpu", input)
    return apply(OPS["glu"], (input,), d)


__all__ = ["hardtanh", "relu6", "softsign", "tanhshrink", "mish", "hardsigmoid", "hardswish", "logsigmoid",
           "softshrink", "hardshrink", "celu", "selu", "threshold", "rrelu", "glu", "prelu"]


# torch's in-place functions of these (torch.selu_(x) ...)
def selu_(input):
    return selu(input, True)


def celu_(input, alpha=1.0):
    return celu(input, alpha, True)


def threshold_(input, threshold, value):
    return globals()["threshold"](input, threshold, value, True)


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False, generator=None):
    return rrelu(input, lower, upper, training, True)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return hardtanh(input, min_val, max_val, True)
