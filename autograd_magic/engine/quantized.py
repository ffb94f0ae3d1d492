"""Quantized tensors (torch.quantize_per_tensor, torch.quantize_per_channel): integers with a scale and a zero point,
shown as PyTorch shows them (the dequantized values, then size, dtype, quantization_scheme, scale, zero_point).

A quantized tensor keeps its integer representation (``int_repr``) and its quantizer's parameters; ``dequantize``
maps it back to float32. PyTorch's arithmetic on quantized tensors goes through the quantized backends (not part of
the engine); what a learner inspects is here: int_repr, q_scale, q_zero_point, qscheme, the per-channel parameters,
dequantize, shape and printing. Quantization rounds x * (1 / scale) to the nearest integer (ties to even), adds the
zero point and clamps to the dtype's range (ATen quantize_val / fbgemm Quantize).
"""
import numpy as np

from . import arg_parser, dtypes, printing
from .argcheck import no_attribute
from .creation import from_numpy
from .size import CPU, Size
from .function_signatures import SIGNATURES
from .tensor_base import TensorBase, _dim, warn_once

_DEPRECATED = ("torch.quantize_per_tensor, torch.quantize_per_channel and other quantized tensor creation functions "
               "that produce tensors with dtype torch.quint8, torch.qint8, and torch.qint32 are deprecated and will be "
               "removed in a future PyTorch release. Please see https://github.com/pytorch/pytorch/issues/184982 for "
               "more information. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/quantized/"
               "Quantizer.cpp:111.)")
_EXPECTED = ("Expected quantizer->qscheme() == {} to be true, but got false.  (Could this error message be improved?  "
             "If so, please report an enhancement request to PyTorch.)")


class qscheme:
    """A quantization scheme: prints as ``torch.per_tensor_affine``."""
    __module__ = "torch"
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "torch." + self.name

    __getattr__ = no_attribute


per_tensor_affine = qscheme("per_tensor_affine")
per_channel_affine = qscheme("per_channel_affine")
per_tensor_symmetric = qscheme("per_tensor_symmetric")
per_channel_symmetric = qscheme("per_channel_symmetric")
per_channel_affine_float_qparams = qscheme("per_channel_affine_float_qparams")


class qdtype(dtypes.dtype):
    """A quantized dtype (torch.qint8, torch.quint8, torch.qint32): its integers are int8, uint8, int32. A torch
    dtype to the argument parser; no tensor of the engine's has it (a quantized tensor is a QuantizedTensor)."""
    __slots__ = ()

    def __init__(self, name, np_dtype, scalar_name):   # noqa: super-init-not-called (is_signed refuses, below)
        for attr, value in (("name", name), ("np", np.dtype(np_dtype)), ("scalar_name", scalar_name),
                            ("c_name", scalar_name), ("_cat", 1), ("is_floating_point", False),
                            ("is_complex", False), ("itemsize", np.dtype(np_dtype).itemsize)):
            object.__setattr__(self, attr, value)

    @property
    def is_signed(self):
        raise RuntimeError("isSignedType not supported for quantized types")


qdtype.__name__, qdtype.__qualname__, qdtype.__module__ = "dtype", "dtype", "torch"   # (as PyTorch names its type)
qint8 = qdtype("qint8", np.int8, "QInt8")
quint8 = qdtype("quint8", np.uint8, "QUInt8")
qint32 = qdtype("qint32", np.int32, "QInt32")
QDTYPES = (qint8, quint8, qint32)


def _quantize(x, scale, zero_point, qdt):
    """x's values as qdt's integers, clamped to the integer range: per tensor round(x * float(1 / scale)) +
    zero_point in float (fbgemm's vectorised quantize), per channel round(x / scale) in double (scale an array)."""
    info = np.iinfo(qdt.np)
    if isinstance(scale, np.ndarray):
        q = np.rint(x.astype(np.float64) / scale) + zero_point
    else:
        q = np.rint(x * (np.float32(1.0) / np.float32(scale))) + zero_point
    return np.asarray(np.clip(q, info.min, info.max)).astype(qdt.np)


def _check_dtype(dtype):
    if dtype not in QDTYPES:
        raise RuntimeError(f"ScalarType {dtype.scalar_name} is not supported in new_qtensor.")


def _check_float(input, message):
    d = input._data.dtype
    if d != np.float32:
        raise RuntimeError(f"{message}, got {dtypes.scalar_name(d)}")


def _check_zero_points(zero_points, dtype, kernel):
    info = np.iinfo(dtype.np)
    for z in np.atleast_1d(zero_points).tolist():
        if z < info.min or z > info.max:
            raise RuntimeError(f"{kernel} zero_point {z} is {'below lower' if z < info.min else 'above upper'} bound.")


def quantize_per_tensor(input, scale, zero_point, dtype):
    """input as integers of a quantized dtype with one scale and zero point (given as numbers or one-element
    tensors); a list of tensors with a tensor of scales and one of zero points: a list of quantized tensors."""
    if isinstance(input, (list, tuple)):
        return tuple(quantize_per_tensor(t, s, z, dtype) for t, s, z in zip(input, scale.tolist(),
                                                                             zero_point.tolist()))
    if isinstance(scale, TensorBase):
        scale, zero_point = scale.item(), zero_point.item()
    _check_float(input, "Quantize only works on Float Tensor")
    _check_dtype(dtype)
    warn_once(_DEPRECATED, stacklevel=3)
    _check_zero_points(int(zero_point), dtype, "quantize_tensor_per_tensor_affine")
    q = _quantize(input._data, float(scale), int(zero_point), dtype)
    return QuantizedTensor(q, dtype, per_tensor_affine, float(scale), int(zero_point), None)


def quantize_per_channel(input, scales, zero_points, axis, dtype):
    """input as integers of a quantized dtype, each slice along axis with its own scale and zero point."""
    if scales._data.ndim != 1:
        raise RuntimeError("scale tensor must have dimension 1")
    if zero_points._data.ndim != 1:
        raise RuntimeError("zero_points tensor must have dimension 1")
    if scales._data.size != zero_points._data.size:
        raise RuntimeError("number of elements in scales and zero_points must match")
    _check_dtype(dtype)
    warn_once(_DEPRECATED, stacklevel=3)
    _check_float(input, "quantize_tensor_per_channel_affine expects a Float Tensor")
    ndim = input._data.ndim
    if not 0 <= axis < ndim:
        raise RuntimeError(f"Channel axis out of range in per channel affine quantization. Got: {axis}Expected: "
                           f"[0, {ndim})")
    if scales._data.size != input._data.shape[axis]:
        raise RuntimeError(f"length of scales must equal to channel, expected {input._data.shape[axis]} got, "
                           f"{scales._data.size}")
    shape = [-1 if d == axis else 1 for d in range(ndim)]
    s = np.asarray(scales._data, np.float64)
    zp = np.asarray(zero_points._data, np.int64)
    _check_zero_points(zp, dtype, "quantize_tensor_per_channel_affine")
    q = _quantize(input._data, s.reshape(shape), zp.reshape(shape), dtype)
    return QuantizedTensor(q, dtype, per_channel_affine, s, zp, axis)


class QuantizedTensor:
    """A quantized tensor: integers (int_repr) with the scheme's scale(s) and zero point(s)."""
    __module__ = "torch"
    is_quantized = True
    requires_grad = False
    grad_fn = None
    is_leaf = True

    def __init__(self, ints, dtype, scheme, scale, zero_point, axis):
        self._ints, self._dtype, self._scheme = ints, dtype, scheme
        self._scale, self._zero_point, self._axis = scale, zero_point, axis

    dtype = property(lambda self: self._dtype)
    shape = property(lambda self: Size(self._ints.shape))
    ndim = property(lambda self: self._ints.ndim)
    device = property(lambda self: CPU)

    def size(self, dim=None):
        return self.shape if dim is None else self._ints.shape[_dim(dim, self._ints.ndim)]

    def dim(self):
        return self._ints.ndim

    def numel(self):
        return int(self._ints.size)

    def qscheme(self):
        return self._scheme

    def __len__(self):
        if not self._ints.ndim:
            raise TypeError("len() of a 0-d tensor")
        return self._ints.shape[0]

    def element_size(self):
        return self._ints.itemsize

    def is_contiguous(self, memory_format=None):   # noqa: ARG002 (PyTorch's signature)
        return self._ints.flags.c_contiguous

    def _like(self, ints, name):
        """A quantized tensor of these integers with this one's scale and zero point (per tensor: the engine
        moves per-channel ones only as a whole)."""
        if self._axis is not None:
            raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: {name} of a per-channel "
                                      f"quantized tensor is not part of it")
        return QuantizedTensor(ints, self._dtype, self._scheme, self._scale, self._zero_point, None)

    def __getitem__(self, key):
        """Basic indexing (ints, slices, None, ...): a quantized view, as PyTorch's."""
        parts = key if isinstance(key, tuple) else (key,)
        if not all(k is None or k is Ellipsis or isinstance(k, (int, slice)) for k in parts):
            raise NotImplementedError("autograd_magic implements a subset of PyTorch: indexing a quantized tensor "
                                      "with tensors or lists is not part of it")
        return self._like(self._ints[key], "indexing")

    def view(self, *shape):
        return self._like(self._ints.reshape(*shape), "view")

    reshape = view

    def flatten(self):
        return self._like(self._ints.reshape(-1), "flatten")

    def t(self):
        return self._like(self._ints.T, "t")

    def clone(self):
        return self._like(self._ints.copy(), "clone")

    def detach(self):
        return self._like(self._ints, "detach")

    def int_repr(self):
        return from_numpy(self._ints.copy())

    def _per_tensor(self):
        if self._scheme is not per_tensor_affine:
            raise RuntimeError(_EXPECTED.format("kPerTensorAffine"))

    def _per_channel(self):
        if self._scheme is not per_channel_affine:
            raise RuntimeError(_EXPECTED.format("kPerChannelAffine || quantizer->qscheme() == "
                                                "kPerChannelAffineFloatQParams"))

    def q_scale(self):
        self._per_tensor()
        return self._scale

    def q_zero_point(self):
        self._per_tensor()
        return self._zero_point

    def q_per_channel_scales(self):
        self._per_channel()
        return from_numpy(self._scale.copy())

    def q_per_channel_zero_points(self):
        self._per_channel()
        return from_numpy(self._zero_point.copy())

    def q_per_channel_axis(self):
        self._per_channel()
        return self._axis

    def dequantize(self):
        """The float32 values: (q - zero_point) * scale."""
        if self._axis is None:
            scale, zp = np.float32(self._scale), self._zero_point
        else:
            shape = [-1 if d == self._axis else 1 for d in range(self._ints.ndim)]
            scale, zp = self._scale.astype(np.float32).reshape(shape), self._zero_point.reshape(shape)
        return from_numpy(np.asarray((self._ints.astype(np.int64) - zp).astype(np.float32) * scale, np.float32))

    def __repr__(self):
        suffixes = [f"size={tuple(self._ints.shape)}", f"dtype={self._dtype!r}",
                    f"quantization_scheme={self._scheme!r}"]
        if self._axis is None:
            suffixes += [f"scale={self._scale!r}", f"zero_point={self._zero_point!r}"]
        else:
            suffixes += [f"scale={self.q_per_channel_scales()!r}", f"zero_point={self.q_per_channel_zero_points()!r}",
                         f"axis={self._axis}"]
        return printing.format_quantized(self.dequantize()._data, suffixes)

    __str__ = __repr__


def dequantize(tensor):
    """A quantized tensor's float32 values; a float tensor as it is; a list of tensors: the list of theirs."""
    if isinstance(tensor, (list, tuple)):
        return tuple(t.dequantize() for t in tensor)
    return tensor.dequantize()


def _dequantize_method(self):
    """A tensor that is not quantized dequantizes to itself."""
    return self


# (the functions' arguments parsed as PyTorch's parser does)
FUNCTIONS = {name: arg_parser.checked(fn, name, SIGNATURES[name]) for name, fn in (
    ("quantize_per_tensor", quantize_per_tensor), ("quantize_per_channel", quantize_per_channel))}
FUNCTIONS.update({"dequantize": dequantize, "qint8": qint8, "quint8": quint8, "qint32": qint32, "qscheme": qscheme,
             "per_tensor_affine": per_tensor_affine, "per_channel_affine": per_channel_affine,
             "per_tensor_symmetric": per_tensor_symmetric, "per_channel_symmetric": per_channel_symmetric,
             "per_channel_affine_float_qparams": per_channel_affine_float_qparams})
METHODS = {"dequantize": _dequantize_method}
