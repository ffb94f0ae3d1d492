"""torch dtypes, the names PyTorch gives them in its messages, and PyTorch's type promotion rules."""
import importlib.util
import math
import sys

import numpy as np

from . import printing
from .argcheck import c_format, no_attribute

# numpy's bfloat16 comes from the package ml-dtypes (a pyproject dependency; without it torch.bfloat16 is not part of
# the engine). It is imported when bfloat16 is first used, not with the engine: importing ml-dtypes registers
# numpy loops for its twenty types and takes ~0.5 s, twice the rest of the engine's import (``%load_ext``).
_HAS_ML_DTYPES = "ml_dtypes" in sys.modules or importlib.util.find_spec("ml_dtypes") is not None


class dtype:
    """A torch dtype: prints as ``torch.float32``."""
    __module__ = "torch"
    __slots__ = ("name", "np", "is_floating_point", "is_complex", "is_signed", "itemsize", "_cat", "scalar_name",
                 "c_name")

    def __init__(self, name, np_dtype, category, scalar_name, c_name):
        self.name = name
        if np_dtype is not None:   # (None: bfloat16's, set by load_bfloat16 when first read, see __getattr__)
            self.np = np.dtype(np_dtype)
        # The names PyTorch's messages use: ScalarType ("Float", also in torch.FloatTensor) and the C++ type
        # ("float", in "expected m1 and m2 to have the same dtype, but got: float != double").
        self.scalar_name = scalar_name
        self.c_name = c_name
        self._cat = category  # 0 bool, 1 integer, 2 floating, 3 complex
        self.is_floating_point = category == 2
        self.is_complex = category == 3
        self.is_signed = name != "bool" and not name.startswith("uint")
        self.itemsize = 2 if np_dtype is None else self.np.itemsize

    def __repr__(self):
        return "torch." + self.name

    def __reduce__(self):
        return (_by_name, (self.name,))

    __format__ = c_format

    def __getattr__(self, name):
        """Only for attributes that are not set: bfloat16's ``np`` before ml-dtypes is imported (load_bfloat16
        sets it, every other dtype has it from the start), else PyTorch's AttributeError."""
        if name == "np" and self is bfloat16:
            return load_bfloat16()
        return no_attribute(self, name)

    def __call__(self, *args, **kwargs):   # (x.dtype(): a learner's slip, worded as for PyTorch's C type)
        raise TypeError("'torch.dtype' object is not callable")

    def to_complex(self):
        """The complex dtype whose parts are this dtype (torch.float64.to_complex() is torch.complex128)."""
        if self._cat < 2:
            raise RuntimeError(f"Unknown Complex ScalarType for {self.scalar_name}")
        if self.name == "float16":
            raise NotImplementedError("autograd_magic implements a subset of PyTorch: torch.complex32 (the complex "
                                      "dtype of float16) is not part of it")
        return to_complex(self)

    def to_real(self):
        """The dtype of a complex dtype's parts (torch.complex64.to_real() is torch.float32); a real dtype itself."""
        return to_real(self)


float32 = dtype("float32", np.float32, 2, "Float", "float")
float64 = dtype("float64", np.float64, 2, "Double", "double")
float16 = dtype("float16", np.float16, 2, "Half", "c10::Half")
int64 = dtype("int64", np.int64, 1, "Long", "long int")
int32 = dtype("int32", np.int32, 1, "Int", "int")
int16 = dtype("int16", np.int16, 1, "Short", "short int")
int8 = dtype("int8", np.int8, 1, "Char", "signed char")
uint8 = dtype("uint8", np.uint8, 1, "Byte", "unsigned char")
# PyTorch's "barebones" unsigned types: a few kernels (creation, copies, views, indexing, ==, *, &, sum ...), no
# promotion with any other integer or bool dtype (promote_pair), and the other kernels' NotImplementedError
# (engine/barebones.py)
uint16 = dtype("uint16", np.uint16, 1, "UInt16", "unsigned short")
uint32 = dtype("uint32", np.uint32, 1, "UInt32", "unsigned int")
uint64 = dtype("uint64", np.uint64, 1, "UInt64", "unsigned long")
BAREBONES = frozenset((uint16, uint32, uint64))
BAREBONES_NP = frozenset(d.np for d in BAREBONES)
# what to run (once) when one of them is first handed out: the engine's look for their kernels (tensor_base.py)
ON_BAREBONES = []
bool_ = dtype("bool", np.bool_, 0, "Bool", "bool")
complex64 = dtype("complex64", np.complex64, 3, "ComplexFloat", "c10::complex<float>")
complex128 = dtype("complex128", np.complex128, 3, "ComplexDouble", "c10::complex<double>")


# bfloat16 arrays are ml_dtypes' (numpy kind "V", not "f": test floating point with is_float_np); engine/bf16.py
# computes on them as PyTorch's CPU kernels do
bfloat16 = dtype("bfloat16", None, 2, "BFloat16", "c10::BFloat16") if _HAS_ML_DTYPES else None
# Until ml-dtypes is imported no array can be bfloat16: BF16_NP is then a numpy dtype no tensor has (so that
# ``a.dtype is BF16_NP`` and ``a.dtype == BF16_NP`` are False, where None would equal float64), and
# load_bfloat16 puts ml_dtypes' bfloat16 in its place in every module of the package that holds it.
_NOT_LOADED = np.dtype([("bfloat16, before ml_dtypes is imported", "V2")])
BF16_NP = _NOT_LOADED

ALL = (float32, float64, float16, int64, int32, int16, int8, uint8, bool_, complex64, complex128, uint16, uint32,
       uint64) + (() if bfloat16 is None else (bfloat16,))
_FROM_NP = {d.np: d for d in ALL if d is not bfloat16}   # (bfloat16's: added by load_bfloat16)
_NAMES = {d.name: d for d in ALL}


def load_bfloat16():
    """Import ml-dtypes (once) and make its bfloat16 the numpy dtype of torch.bfloat16 everywhere: dtypes.BF16_NP,
    and every global of the package's modules that held the stand-in (``_BF16 = dtypes.BF16_NP`` copies). Returns
    the numpy dtype."""
    global BF16_NP
    if BF16_NP is not _NOT_LOADED:
        return BF16_NP
    import ml_dtypes   # (see _HAS_ML_DTYPES: imported here, on first use)
    real = np.dtype(ml_dtypes.bfloat16)
    _FROM_NP[real] = bfloat16
    package, stand_in, this = __name__.split(".")[0], _NOT_LOADED, sys.modules[__name__]
    for name, module in list(sys.modules.items()):
        if module is None or not (name == package or name.startswith(package + ".")):
            continue
        found = [key for key, value in vars(module).items() if value is stand_in]
        for key in found:
            if not (module is this and key == "_NOT_LOADED"):
                setattr(module, key, real)
    BF16_NP = bfloat16.np = real
    return real


def is_float_np(np_dtype):
    """True for a floating-point numpy dtype of a tensor: kind "f", or bfloat16 (whose numpy kind is "V")."""
    return np_dtype.kind == "f" or np_dtype is BF16_NP


def can_cast_np(src, dst):
    """PyTorch's canCast of two numpy dtypes: no complex into a real dtype, no float (bfloat16 too) into an integer
    or bool, no number into bool; anything else (int64 into uint8 too, unlike numpy's "same_kind")."""
    if src.kind == "c":
        return dst.kind == "c"
    if is_float_np(src):
        return dst.kind == "c" or is_float_np(dst)
    return src.kind == "b" or dst.kind != "b"


def is_diff_np(np_dtype):
    """True for a dtype that can require gradients: floating point or complex."""
    return np_dtype.kind in "fc" or np_dtype is BF16_NP


_TO_COMPLEX = {"float32": complex64, "float64": complex128, "float16": complex64, "bfloat16": complex64}
_TO_REAL = {"complex64": float32, "complex128": float64}


def to_complex(d):
    """c10::toComplexType: float32 -> complex64, float64 -> complex128 (a complex dtype is itself)."""
    return d if d._cat == 3 else _TO_COMPLEX[d.name]


def to_real(d):
    """c10::toRealValueType: complex64 -> float32, complex128 -> float64 (a real dtype is itself)."""
    return _TO_REAL.get(d.name, d)


def real_np(np_dtype):
    """The numpy dtype of a complex dtype's real and imaginary parts (complex64 -> float32); a real one as it is."""
    return np.dtype(np.float32 if np_dtype == np.complex64 else np.float64) if np_dtype.kind == "c" else np_dtype


def default_complex():
    """The dtype of Python complex numbers: complex128 when the default dtype is float64, else complex64."""
    return complex128 if _DEFAULT_FLOAT[0] is float64 else complex64


def scalar_name(np_dtype):
    """PyTorch's ScalarType name of a numpy dtype: Float, Double, Long ... (the dtype's name if it has none)."""
    d = _FROM_NP.get(np.dtype(np_dtype))
    return d.scalar_name if d is not None else np.dtype(np_dtype).name


# the scalar types with a legacy Python tensor class (torch.FloatTensor ...): ATen's messages name them so
_LEGACY_TYPES = frozenset(("Byte", "Char", "Short", "Int", "Long", "Half", "Float", "Double"))


def type_string(np_dtype):
    """A CPU tensor type as PyTorch's messages print it (ATen's toString() after the Python layer's rewrite):
    torch.FloatTensor for the types with a legacy class, CPUBoolType, CPUBFloat16Type, CPUComplexFloatType ...
    for the others."""
    name = scalar_name(np_dtype)
    return f"torch.{name}Tensor" if name in _LEGACY_TYPES else f"CPU{name}Type"


def c_name(np_dtype):
    """The C++ type name PyTorch's messages give a numpy dtype: float, double, long int ..."""
    d = _FROM_NP.get(np.dtype(np_dtype))
    return d.c_name if d is not None else np.dtype(np_dtype).name


# c10's Scalar accessors (toLong, toHalf ...) and the C++ type each names when a number does not fit it
_ACCESSOR_NAMES = {"uint8": "uint8_t", "uint16": "uint16_t", "uint32": "uint32_t", "uint64": "uint64_t", "int8": "int8_t",
                   "int16": "int16_t", "int32": "int", "int64": "int64_t",
                   "float16": "c10::Half", "bfloat16": "c10::BFloat16", "float32": "float", "float64": "double",
                   "complex64": "c10::complex<float>", "complex128": "c10::complex<double>"}
_FLOAT_MAX = {"float16": 65504.0, "bfloat16": 3.3895313892515355e38, "float32": 3.4028234663852886e38,
              "float64": 1.7976931348623157e308}
# the largest finite value of each float dtype, and of a complex dtype's parts (a real number fits those as it fits
# the part's float type: 1e300 overflows complex64)
_FLOAT_LIMITS = {np.dtype(n): _FLOAT_MAX[p] for n, p in (("float16", "float16"), ("float32", "float32"),
                                                           ("float64", "float64"), ("complex64", "float32"),
                                                           ("complex128", "float64"))}
_INFINITIES = (math.inf, -math.inf)


def fitted(value, np_dtype, names=None):
    """c10's checked_convert of a Python number into a tensor's dtype (a fill value: fill_, full, masked_fill,
    index_fill, item assignment): the number to write, or PyTorch's RuntimeError where it overflows. A negative
    integer wraps into an unsigned type (-1 is 255) as long as its magnitude fits; a float does not (-0.5 overflows
    uint8); NaN fits only a floating type, an infinity any floating type; nothing overflows bool. names: the type
    names of the message (torch.tensor's literals: LITERAL_NAMES)."""
    if value.__class__ is float or (value.__class__ is int and -2 ** 63 <= value < 2 ** 64):
        # (a fill's usual 0 or 1.0 into a float dtype: short)
        limit = _FLOAT_LIMITS.get(np_dtype)
        if limit is not None and (-limit <= value <= limit or value != value or value in _INFINITIES):
            return value
    kind = np_dtype.kind
    if kind in "bc" or value.__class__ is bool or isinstance(value, np.bool_):
        if value.__class__ is int and not -2 ** 63 <= value < 2 ** 64:   # (the parser's, as below)
            raise OverflowError("int too big to convert" if value > 0 else "can't convert negative int to unsigned")
        if kind == "c" and value.__class__ is float and np_dtype in _FLOAT_LIMITS:   # (a real value: its limits
            name = np_dtype.name                                                    # were checked above)
            raise RuntimeError(f"value cannot be converted to type {(names or _ACCESSOR_NAMES).get(name, name)} "
                               "without overflow")
        return value
    name = np_dtype.name
    if isinstance(value, (complex, np.complexfloating)):   # (its real part, if the imaginary part is zero)
        if value.imag:
            raise RuntimeError(f"value cannot be converted to type {(names or _ACCESSOR_NAMES).get(name, name)} "
                               "without overflow")
        value = float(value.real)
    if isinstance(value, (int, np.integer)):
        v = int(value)
        if not -2 ** 63 <= v < 2 ** 64:   # (the argument parser's: a Scalar holds an int64 or a uint64)
            raise OverflowError("int too big to convert" if v > 0 else "can't convert negative int to unsigned")
        if name in _FLOAT_MAX:
            fits = -_FLOAT_MAX[name] <= v <= _FLOAT_MAX[name]
        else:
            info = np.iinfo(np_dtype)
            fits = v <= info.max and (v >= info.min or (info.min == 0 and -v <= info.max))
            if fits and v < info.min:
                value = v + info.max + 1   # (two's complement: static_cast<uint8_t>(-1) is 255)
    elif isinstance(value, (float, np.floating)):
        f = float(value)
        if name in _FLOAT_MAX:
            fits = f != f or f in (np.inf, -np.inf) or -_FLOAT_MAX[name] <= f <= _FLOAT_MAX[name]
        else:
            info = np.iinfo(np_dtype)
            fits = float(info.min) <= f <= float(info.max)   # (False for NaN)
    else:
        return value
    if not fits:
        raise RuntimeError(f"value cannot be converted to type {(names or _ACCESSOR_NAMES).get(name, name)} without "
                           f"overflow")
    return value


# torch.tensor's Python numbers into an integer dtype (python_scalars.h store_scalar): checked as fill values are,
# with the dtype's short name; an int beyond 64 bits fails to unpack first
LITERAL_NAMES = {n: n for n in ("uint8", "int8", "int16", "int32", "int64", "uint16", "uint32", "uint64")}


def fitted_literals(data, np_dtype):
    """Nested lists of Python numbers with each converted as torch.tensor converts it into an integer np_dtype
    (RuntimeError where one does not fit, a negative one wrapped into uint8)."""
    if isinstance(data, (list, tuple)):
        return [fitted_literals(v, np_dtype) for v in data]
    if data.__class__ is int and not -2 ** 63 <= data < 2 ** 63:
        if data < 0 and np_dtype == np.uint64:
            raise OverflowError("can't convert negative int to unsigned")
        if np_dtype != np.uint64:
            raise ValueError("Overflow when unpacking long long")
        if data >= 2 ** 64:
            raise OverflowError("int too big to convert")
    if data.__class__ is int and data < 0 and np_dtype == np.uint64:   # (its magnitude no longer wraps: Python's
        raise OverflowError("can't convert negative int to unsigned")   # conversion into an unsigned long)
    return fitted(data, np_dtype, LITERAL_NAMES) if data.__class__ in (int, float) else data


def _by_name(name):
    return _NAMES[name]


if bfloat16 is not None and "ml_dtypes" in sys.modules:   # (imported already by other code: nothing to wait for)
    load_bfloat16()

_DEFAULT_FLOAT = [float32]   # the dtype of Python floats and of float tensors made without a dtype


def get_default_dtype():
    """torch.get_default_dtype(): float32 unless set_default_dtype changed it (the default for Python floats)."""
    return _DEFAULT_FLOAT[0]


def set_default_dtype(d):
    """torch.set_default_dtype(torch.float64), as scientific notebooks start: Python floats, torch.tensor([1.5]),
    torch.ones(2), nn layers' parameters ... are float64 from then on, and float64 tensors print without a dtype
    (float32 ones with it)."""
    if not isinstance(d, dtype):
        raise TypeError("invalid dtype object: only floating-point types are supported as the default type")
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    if d is not float32 and d is not float64:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: the default dtype can be "
                                  "torch.float32 or torch.float64")
    _DEFAULT_FLOAT[0] = d
    printing.DEFAULT_DTYPE = d.name


def from_numpy_dtype(np_dtype):
    """The torch dtype of a numpy dtype (TypeError for unsupported ones, as torch.from_numpy)."""
    try:
        if np.dtype(np_dtype).kind == "V" and "ml_dtypes" in sys.modules and bfloat16 is not None:
            load_bfloat16()   # (an ml_dtypes array made by other code: told apart from other void dtypes)
        if np.dtype(np_dtype) is BF16_NP:   # (PyTorch takes no ml_dtypes array)
            raise TypeError("can't convert np.ndarray of type ml_dtypes.bfloat16. The only supported types are: "
                            "float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint64, "
                            "uint32, uint16, uint8, and bool.")
        d = _FROM_NP[np.dtype(np_dtype)]
        if d in BAREBONES and ON_BAREBONES:
            ON_BAREBONES.pop()()
        return d
    except KeyError:
        pass
    d = np.dtype(np_dtype)
    if d.byteorder == ">" or d.byteorder == "<" and not d.isnative:   # ('>f4' on a little-endian machine)
        raise ValueError("given numpy array has byte order different from the native byte order. Conversion "
                         "between byte orders is currently not supported.")
    raise TypeError(f"can't convert np.ndarray of type numpy.{d.type.__name__}. The only supported types are: "
                    "float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint64, uint32, "
                    "uint16, uint8, and bool.")


def coerce(d):
    """A dtype argument as PyTorch's argument parser takes it: a torch dtype, or Python's bool, int, float or complex
    (torch.bool, torch.int64, torch.float64, torch.complex128, whatever the default dtype: toScalarType)."""
    if d.__class__ is not type:
        return d
    got = _PYTHON_TYPES.get(d)
    if got is None:
        raise TypeError(f"dtype must be a torch.dtype, not {d.__name__}")
    return got


def default_for_category(cat):
    return (bool_, int64, _DEFAULT_FLOAT[0], default_complex())[cat]


def scalar_number(value):
    """A numpy scalar as PyTorch's argument parser reads a Scalar: an np.integer as int, an np.floating as float, an
    np.complex128 (a Python complex) as complex; np.bool_, which is neither a Python bool nor an np.integer, and
    np.complex64, which is no Python complex, as a float (``bool_tensor + np.bool_(True)`` is float32; numpy's
    ComplexWarning for the imaginary part dropped); any other value as it is."""
    if isinstance(value, np.generic):
        return float(value) if value.__class__ is np.bool_ or value.__class__ is np.complex64 else value.item()
    return value


def wrapped_int(value, np_dtype):
    """A Python int as an integer tensor's kernel takes a Scalar (c10's static_cast, not checked): two's complement
    into the dtype's bits (``uint8_tensor + 300`` adds 44, ``- 1`` adds 255); beyond 64 bits the parser's
    OverflowError."""
    if np_dtype.kind not in "iu":
        return value
    info = np.iinfo(np_dtype)
    if info.min <= value <= info.max:
        return value
    if not -2 ** 63 <= value < 2 ** 64:
        raise OverflowError("int too big to convert")
    bits = 8 * np_dtype.itemsize
    value %= 1 << bits
    return value - (1 << bits) if info.min and value > info.max else value


def scalar_category(value):
    if isinstance(value, (bool, np.bool_)):
        return 0
    if isinstance(value, (int, np.integer)):
        return 1
    if isinstance(value, (complex, np.complexfloating)):
        return 3
    return 2


def _combine(higher, lower):
    """c10's combine_categories: the dtype of operands of a higher priority (dimensioned over 0-d over Python
    numbers) unless a lower one is of a higher category; a complex one of lower priority keeps the higher one's
    float precision (a float64 tensor times 1j is complex128, a float32 tensor times a complex128 0-d one
    complex64)."""
    if lower._cat <= higher._cat:
        return higher
    if lower._cat == 3 and higher._cat == 2:
        return to_complex(higher)
    if higher._cat == 0 and lower in BAREBONES:   # (c10 promotes a bool with the lower one: refused for these)
        return promote_pair(higher, lower)
    return lower


def promote_pair(a, b):
    """Promote two tensor dtypes of the same priority (numpy's table agrees with torch's for these dtypes)."""
    if a is b:
        return a
    if (a in BAREBONES or b in BAREBONES) and a._cat != 2 and b._cat != 2:   # (only a floating type takes them)
        raise RuntimeError("Promotion for uint16, uint32, uint64 types is not supported, attempted to promote "
                           f"{a.scalar_name} and {b.scalar_name}")
    if a._cat != b._cat:
        hi, lo = (a, b) if a._cat > b._cat else (b, a)
        if hi._cat == 3 and lo._cat == 2:   # float64 with complex64: complex128, as numpy's table
            return _FROM_NP[np.promote_types(to_complex(lo).np, hi.np)]
        return hi
    return _FROM_NP[np.promote_types(a.np, b.np)]


def result_type(operands):
    """torch.result_type over tensors (objects with .dtype and .ndim) and Python scalars.

    Dimensioned tensors win over 0-d tensors, which win over Python scalars, unless a
    lower-priority operand is of a higher category (bool < int < float).
    """
    dims = zero = None
    scalar_cat = -1
    for x in operands:
        arr = getattr(x, "_data", None)
        d = None if arr is None else _FROM_NP[arr.dtype]
        if d is None:
            scalar_cat = max(scalar_cat, scalar_category(x))
        elif x._data.ndim:
            dims = d if dims is None else promote_pair(dims, d)
        else:
            zero = d if zero is None else promote_pair(zero, d)
    result = dims
    if zero is not None:
        result = zero if result is None else _combine(result, zero)
    if result is None:
        return default_for_category(max(scalar_cat, 0))
    if scalar_cat > result._cat:
        result = _combine(result, default_for_category(scalar_cat))
    return result


_PYTHON_TYPES = {bool: bool_, int: int64, float: float64, complex: complex128}
cfloat, cdouble = complex64, complex128
