"""torch._foreach_*: an op applied to every tensor of a list (EMA updates such as ``torch._foreach_lerp_(ema,
params, 0.1)``, hand-written optimizers). Each element goes through the engine's own op; the results are a tuple
(in-place forms return the list they changed). PyTorch records the out-of-place forms under their own nodes
(ForeachMulBackward1Scalar ...), which the engine does not have: on tensors that require grad, with grad mode on,
they raise an error that says so instead of showing other nodes."""
import numbers

from ..engine.tensor import Tensor
from .grad_mode import is_grad_enabled

_UNARY = ("abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "erf", "erfc", "exp", "expm1", "floor", "frac",
          "lgamma", "log", "log10", "log1p", "log2", "neg", "reciprocal", "round", "rsqrt", "sigmoid", "sign", "sin",
          "sinh", "sqrt", "tan", "tanh", "trunc")
_BINARY = ("add", "sub", "mul", "div", "clamp_max", "clamp_min", "maximum", "minimum", "pow")


def _check_list(name, tensors):
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("Tensor list must have at least one tensor.")
    return tensors


def _refuse_grad(name, *lists):
    if is_grad_enabled() and any(isinstance(t, Tensor) and t.requires_grad for ts in lists for t in ts):
        raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: torch._foreach_{name} on tensors "
                                  "that require grad (recorded by PyTorch as its own Foreach...Backward nodes) is "
                                  "not part of it; use it under torch.no_grad() or loop over the tensors")


def _others(tensors, other):
    """The second operand per tensor: a list of tensors or numbers (as long as the list), or one scalar/tensor."""
    if isinstance(other, (list, tuple)):
        if other and all(isinstance(o, Tensor) for o in other):
            if len(other) != len(tensors):
                raise RuntimeError(f"Tensor lists must have the same number of tensors, got {len(tensors)} and "
                                   f"{len(other)}")
        elif len(other) != len(tensors):
            raise RuntimeError("Tensor list must have same number of elements as scalar list.")
        return list(other)
    return [other] * len(tensors)


def _binary(name, method):
    def out_of_place(self, other, *, alpha=None):
        tensors = _check_list(name, self)
        others = _others(tensors, other)
        _refuse_grad(name, tensors, others)
        kw = {} if alpha is None else {"alpha": alpha}
        return tuple(getattr(t, method)(o, **kw) for t, o in zip(tensors, others))

    def in_place(self, other, *, alpha=None):
        tensors = _check_list(name + "_", self)
        others = _others(tensors, other)
        kw = {} if alpha is None else {"alpha": alpha}
        for t, o in zip(tensors, others):
            getattr(t, method + "_")(o, **kw)
        return self
    return out_of_place, in_place


def _unary(name):
    def out_of_place(self):
        tensors = _check_list(name, self)
        _refuse_grad(name, tensors)
        return tuple(getattr(t, name)() for t in tensors)

    def in_place(self):
        for t in _check_list(name + "_", self):
            getattr(t, name + "_")()
        return self
    return out_of_place, in_place


def _ternary(name):
    def out_of_place(self, tensor1, tensor2, value=1):
        tensors = _check_list(name, self)
        values = _others(tensors, value)
        _refuse_grad(name, tensors, tensor1, tensor2)
        return tuple(getattr(t, name)(a, b, value=v) for t, a, b, v in zip(tensors, tensor1, tensor2, values))

    def in_place(self, tensor1, tensor2, value=1):
        tensors = _check_list(name + "_", self)
        for t, a, b, v in zip(tensors, tensor1, tensor2, _others(tensors, value)):
            getattr(t, name + "_")(a, b, value=v)
        return self
    return out_of_place, in_place


def _lerp():
    def out_of_place(self, tensors1, weight):
        tensors = _check_list("lerp", self)
        _refuse_grad("lerp", tensors, tensors1)
        return tuple(t.lerp(e, w) for t, e, w in zip(tensors, _others(tensors, tensors1), _others(tensors, weight)))

    def in_place(self, tensors1, weight):
        tensors = _check_list("lerp_", self)
        for t, e, w in zip(tensors, _others(tensors, tensors1), _others(tensors, weight)):
            t.lerp_(e, w)
        return self
    return out_of_place, in_place


def _foreach_pow_any(self, exponent):
    if isinstance(self, numbers.Number):   # _foreach_pow(scalar, tensors)
        tensors = _check_list("pow", exponent)
        _refuse_grad("pow", tensors)
        return tuple(Tensor.__rpow__(t, self) for t in tensors)
    return _BINARY_FNS["pow"][0](self, exponent)


def _foreach_norm(self, ord=2, dtype=None):
    tensors = _check_list("norm", self)
    _refuse_grad("norm", tensors)
    return tuple(t.norm(ord) if dtype is None else t.norm(ord, dtype=dtype) for t in tensors)


def _foreach_max(self):
    tensors = _check_list("max", self)
    _refuse_grad("max", tensors)
    return tuple(t.max() for t in tensors)


def _foreach_clone(self):
    return tuple(t.clone() for t in _check_list("clone", self))


def _foreach_zero_(self):
    for t in _check_list("zero_", self):
        t.zero_()
    return self


def _foreach_copy_(self, src, non_blocking=False):
    tensors = _check_list("copy_", self)
    for t, s in zip(tensors, _others(tensors, src)):
        t.copy_(s)
    return self


_BINARY_FNS = {n: _binary(n, n) for n in _BINARY}
FUNCTIONS = {}
for _n, (_f, _fi) in list(_BINARY_FNS.items()) + [(n, _unary(n)) for n in _UNARY] + \
        [(n, _ternary(n)) for n in ("addcmul", "addcdiv")] + [("lerp", _lerp())]:
    FUNCTIONS["_foreach_" + _n] = _f
    FUNCTIONS["_foreach_" + _n + "_"] = _fi
FUNCTIONS.update(_foreach_pow=_foreach_pow_any, _foreach_norm=_foreach_norm, _foreach_max=_foreach_max,
                 _foreach_clone=_foreach_clone, _foreach_zero_=_foreach_zero_, _foreach_copy_=_foreach_copy_)
for _n, _f in FUNCTIONS.items():
    _f.__name__ = _f.__qualname__ = _n
