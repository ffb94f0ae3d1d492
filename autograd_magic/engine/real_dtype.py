"""The complex-number API of a tensor: of a real one, conj(), real, resolve_conj() ... return the tensor itself, as
PyTorch does for real dtypes, and imag raises PyTorch's error; of a complex one they are complex_fns'. mH and
adjoint() are mT (a transpose view, TransposeBackward0), conjugated for a complex tensor."""
from . import complex_fns as CX
from . import shaping as S
from .tensor_base import TensorBase, inplace, warn_once


def resolve_neg(input):
    """The negated values without the negative bit (the imaginary part of a conjugated tensor); else input."""
    _check_tensor("resolve_neg", input)
    return CX.resolve_neg(input)


def _check_tensor(name, input):
    if not isinstance(input, TensorBase):
        raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")


def imag(input):
    _check_tensor("imag", input)
    raise RuntimeError("imag is not implemented for tensors with non-complex dtypes.")


def _matrix_transpose(what, zero_d_warning):
    def run(input):
        ndim = input.dim()
        if ndim == 0:   # the tensor itself, with PyTorch's once-per-process deprecation warning
            warn_once(f"{zero_d_warning} (Triggered internally at "
                      f"/__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:{_LINES[what]}.)", stacklevel=3)
            return input
        if ndim == 1:
            raise RuntimeError(f"{what} is only supported on matrices or batches of matrices. Got 1-D tensor.")
        out = S.transpose(input, -2, -1)
        return CX.lazy_conj(out) if what != "tensor.mT" else out
    return run


_LINES = {"tensor.mT": 4373, "tensor.mH": 4382, "tensor.adjoint()": 4390}
mT = _matrix_transpose("tensor.mT", "Tensor.mT is deprecated on 0-D tensors. This function is the identity in these "
                                    "cases.")
mH = _matrix_transpose("tensor.mH", "Tensor.mH is deprecated on 0-D tensors. Consider using x.conj().")
adjoint = _matrix_transpose("tensor.adjoint()", "adjoint() is deprecated on 0-D tensors. Consider using x.conj().")


def H(input):
    """Tensor.H: the transpose of a matrix (its conjugate for complex ones), PyTorch's error for other ranks."""
    ndim = input.dim()
    if ndim == 0:
        warn_once("Tensor.H is deprecated on 0-D tensors. Consider using x.conj(). (Triggered internally at "
                  "/__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4335.)", stacklevel=3)
        return input
    if ndim != 2:
        hint = " For batches of matrices, consider using tensor.mH" if ndim > 2 else ""
        raise RuntimeError(f"tensor.H is only supported on matrices (2-D tensors). Got {ndim}-D tensor.{hint}")
    return CX.lazy_conj(S.transpose(input, 0, 1))


# (the engine's conj is eager, its result marked as PyTorch's lazy one is: is_conj, resolve_conj)
FUNCTIONS = {"resolve_neg": resolve_neg, "adjoint": adjoint, "resolve_conj": CX.resolve_conj,
             "is_conj": lambda input: input._conj_bit, "is_neg": lambda input: input._neg_bit, **CX.FUNCTIONS}


def conj_physical_(self):
    """The conjugate written into a complex tensor (a real one is its own conjugate: returned as it is)."""
    return inplace(CX.conj_physical, self) if self._data.dtype.kind == "c" else self


METHODS = {"resolve_neg": resolve_neg, "conj_physical_": conj_physical_,
           "resolve_conj": CX.resolve_conj,
           "mT": property(mT), "mH": property(mH), "adjoint": adjoint, "H": property(H),
           "is_conj": lambda self: self._conj_bit, "is_neg": lambda self: self._neg_bit, **CX.METHODS}
