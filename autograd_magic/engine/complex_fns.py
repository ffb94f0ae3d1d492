"""The complex-number functions of torch and Tensor: view_as_real, view_as_complex, complex, polar, real, imag,
conj, angle, is_complex, with PyTorch's checks and messages (ops in ops_complex.py)."""
import numpy as np

from . import dtypes
from .indexing import select
from .more_methods import storage_offset
from .functions import check_operands
from .optable import OPS
from .shaping import _view_out
from .tensor_base import TensorBase, apply

_FLOAT_PARTS = ("float32", "float64", "float16")


def _tensor(name, arg, value, pos=1):
    if not isinstance(value, TensorBase):
        raise TypeError(f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not {type(value).__name__}")


def view_as_real(input):
    """The (..., 2) float view of a complex tensor (ViewAsRealBackward0)."""
    _tensor("view_as_real", "input", input)
    if input._data.dtype.kind != "c":
        raise RuntimeError("view_as_real is only supported for complex tensors")
    if input._conj_bit:
        raise RuntimeError("view_as_real doesn't work on unresolved conjugated tensors.  To resolve the conjugate "
                           "tensor so you can view it as real, use self.resolve_conj(); however, be warned that the "
                           "resulting tensor will NOT alias the original.")
    return _pairs(input)


def _pairs(input):
    """view_as_real without its refusal of a conjugated tensor (real and imag read the values it holds)."""
    return _view_out(input, apply(OPS["view_as_real"], (input,)))


def view_as_complex(input):
    """The complex view of a float tensor whose last dim holds (real, imaginary) pairs (ViewAsComplexBackward0)."""
    _tensor("view_as_complex", "input", input)
    a = input._data
    if input.dtype.name not in _FLOAT_PARTS:
        raise RuntimeError(f"view_as_complex is only supported for half, float and double tensors, but got a tensor "
                           f"of scalar type: {input.dtype.scalar_name}")
    if a.dtype == np.float16:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: complex32 (view_as_complex of a "
                                  "float16 tensor) is not part of it")
    if not a.ndim:
        raise RuntimeError("Input tensor must have one or more dimensions")
    if a.shape[-1] != 2:
        raise RuntimeError("Tensor must have a last dimension of size 2")
    strides = input.stride()
    if strides[-1] != 1:
        raise RuntimeError("Tensor must have a last dimension with stride 1")
    if any(s % 2 for s in strides[:-1]):
        raise RuntimeError("Tensor must have a stride divisible by 2 for all but last dimension")
    if storage_offset(input) % 2:
        raise RuntimeError("Tensor must have a storage_offset divisible by 2")
    return _view_out(input, apply(OPS["view_as_complex"], (input,)))


def complex(real, imag, *, out=None):
    """torch.complex(real, imag): a complex tensor from two float tensors of one dtype (ComplexBackward0)."""
    _tensor("complex", "real", real)
    _tensor("complex", "imag", imag, 2)
    _check_parts(real, imag)
    check_operands(real, imag)
    return apply(OPS["complex"], (real, imag))


def polar(abs, angle, *, out=None):
    """torch.polar(abs, angle): abs * (cos(angle) + i sin(angle)) (PolarBackward0)."""
    _tensor("polar", "abs", abs)
    _tensor("polar", "angle", angle, 2)
    _check_parts(abs, angle)
    check_operands(abs, angle)
    return apply(OPS["polar"], (abs, angle))


def _check_parts(a, b):
    da, db = a.dtype, b.dtype
    if da.name not in _FLOAT_PARTS or db.name not in _FLOAT_PARTS:
        raise RuntimeError(f"Expected both inputs to be Half, Float or Double tensors but got {da.scalar_name} and "
                           f"{db.scalar_name}")
    if da is not db:
        raise RuntimeError(f"Expected object of scalar type {da.scalar_name} but got scalar type {db.scalar_name} "
                           f"for second argument")


def real(input):
    """The real part: a view (view_as_real, then select; a real tensor is its own real part)."""
    _tensor("real", "input", input)
    if input._data.dtype.kind != "c":
        return input
    return select(_pairs(input), -1, 0)


def imag(input):
    _tensor("imag", "input", input)
    if input._data.dtype.kind != "c":
        raise RuntimeError("imag is not implemented for tensors with non-complex dtypes.")
    out = select(_pairs(input), -1, 1)
    if input._conj_bit:   # (PyTorch's imag of a lazily conjugated tensor is a lazily negated view)
        out._neg_bit = True
    return out


def conj(input):
    """The complex conjugate (ConjBackward0); a real tensor itself."""
    _tensor("conj", "input", input)
    if input._data.dtype.kind != "c":
        return input
    return apply(OPS["conj"], (input,))


def lazy_conj(input):
    """torch.conj / Tensor.conj / .mH as users call them: conj, its result marked as PyTorch's lazy conjugate view
    is (is_conj(); the conjugate of one is not). The engine's own uses of conj (FFTs, vjps) stay unmarked, as
    ATen's internal conjugations give ordinary tensors."""
    out = conj(input)
    if out is not input and not input._conj_bit:
        out._conj_bit = True
    return out


def resolve_conj(input):
    """The conjugated values as a tensor without the conjugate bit (a copy, as PyTorch's); any other tensor
    itself."""
    return input.clone() if input._conj_bit else input


def resolve_neg(input):
    """The negated values as a tensor without the negative bit (a copy, as PyTorch's); any other tensor itself."""
    return input.clone() if input._neg_bit else input


def conj_physical(input):
    _tensor("conj_physical", "input", input)
    if input._data.dtype.kind != "c":
        return input
    return apply(OPS["conj_physical"], (input,))


def angle(input):
    """The argument atan2(imag, real) of each element, in the real dtype (AngleBackward0); of a real tensor, pi
    where it is negative and 0 elsewhere (integers as the default float dtype)."""
    _tensor("angle", "input", input)
    if input._data.dtype.kind in "biu":
        input = input.to(dtypes.get_default_dtype())
    return apply(OPS["angle"], (input,))


def is_complex(input):
    _tensor("is_complex", "input", input)
    return input._data.dtype.kind == "c"


def set_real(self, value):
    """Tensor.real = value: writes the real part in place."""
    real(self).copy_(value)


FUNCTIONS = {"view_as_real": view_as_real, "view_as_complex": view_as_complex, "complex": complex, "polar": polar,
             "real": real, "imag": imag, "conj": lazy_conj, "conj_physical": conj_physical, "angle": angle,
             "is_complex": is_complex}
METHODS = {"conj": lazy_conj, "conj_physical": conj_physical, "angle": angle, "is_complex": is_complex,
           "real": property(real), "imag": property(imag)}
