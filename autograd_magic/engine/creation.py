"""Tensor creation: tensor, zeros, ones, arange, rand ... with PyTorch's dtype inference."""
import functools
import inspect
import math
import warnings

import numpy as np

from . import argcheck, barebones, batching, determinism, dtypes, memory_format as formats, random, storage, vec_kernels
from .fperror import quiet
from .random_kernels import _fma64
from .autograd import GRAD_MODE
from .dispatch import check_broadcast
from .functions import _OUT_GRAD, write_out
from .legacy_new import legacy_args
from .size import Size, checked_sizes, device, keyword_sizes, nonnegative
from .arg_parser import GENERATOR_OVERLOADS, Signature, check_call, check_generator, invalid_combination
from .optable import OPS
from .tensor_base import (TensorBase, apply, check_foreign, check_numbers, check_ragged, enable_bfloat16,
                          iterables_read, nested_data, plain_sequences, refuse_unsized_first, warn_once, wrap)

_COPY_WARNING = (
    "To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or "
    "sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor).")


def _infer(data):
    """Category of nested Python data: 0 bool, 1 int, 2 float; numpy/tensor leaves give their dtype."""
    cat, fixed = -1, None
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, TensorBase):
            d = x.dtype
            fixed = d if fixed is None else dtypes.promote_pair(fixed, d)
        elif isinstance(x, (np.ndarray, np.generic)) and not isinstance(x, np.bool_):
            d = dtypes.from_numpy_dtype(x.dtype)
            fixed = d if fixed is None else dtypes.promote_pair(fixed, d)
        elif isinstance(x, (list, tuple, range)):   # (torch.tensor(range(4)), as Tensor Puzzles' arange)
            stack.extend(x)
            if not len(x):   # (PyTorch infers the default dtype for an empty sequence: [[], [1]] is float)
                cat = max(cat, 2)
        elif isinstance(x, (bool, np.bool_)):
            cat = max(cat, 0)
        elif isinstance(x, int):
            cat = max(cat, 1)
        elif isinstance(x, float):
            cat = max(cat, 2)
        elif isinstance(x, (str, bytes)):
            raise TypeError(f"new(): invalid data type '{type(x).__name__}'")
        elif isinstance(x, complex):   # (a Fraction or a Decimal is no number to PyTorch's inference)
            cat = max(cat, 3)
        else:   # (None, a dict, a set, an object, a Fraction or a Decimal: PyTorch's inference gives up on it)
            raise RuntimeError(f"Could not infer dtype of {argcheck.tp_name(x)}")
    if fixed is None:
        return dtypes.default_for_category(cat if cat >= 0 else 2)
    # PyTorch promotes each value's type (a Python int is int64, a float the default dtype) with the others'
    return fixed if cat < 0 else dtypes.promote_pair(fixed, dtypes.default_for_category(cat))


def _list_depth(data):
    """How many dims PyTorch reads from a nested list: down its first elements while they are sequences (lists,
    tuples, arrays; a tensor is not one: it ends the walk, as a number does)."""
    depth, first = 0, data
    while isinstance(first, (list, tuple, range)):
        depth += 1
        if not len(first):
            return depth
        first = first[0]
    return depth + first.ndim if isinstance(first, np.ndarray) else depth


def tensors_in_list(data, dtype=None):
    """(data, dtype) with the tensors among nested lists read as torch.tensor reads them: one above the depth the
    first elements give is one more level of the list (iterated; a 0-d one is not a sequence), one at that depth
    a number, converted once the dtype is known: float(t) for a floating dtype (one element only:
    ``torch.tensor([torch.randn(1)])`` has shape (1,)), operator.index(t) for an integer or bool one. The dtype
    (unless given) promotes the tensors' dtypes with those of the other values, as PyTorch's does."""
    if not _holds_tensor(data):
        return data, dtype
    depth = _list_depth(data)

    def unfold(x, d):
        if d < depth and isinstance(x, TensorBase):
            if not x.ndim:
                raise TypeError("not a sequence")
            return [unfold(v, d + 1) for v in x]
        if isinstance(x, (list, tuple)):
            return [unfold(v, d + 1) for v in x]
        return x

    nested = unfold(data, 0)
    target = dtype or _infer(nested)
    as_float = dtypes.is_float_np(target.np) or target.np.kind == "c"   # float(t) or complex(t), else index(t)

    def number(x):
        if isinstance(x, TensorBase):
            if not as_float and (x._data.size != 1 or x._data.dtype.kind not in "iub"):
                raise TypeError("only integer tensors of a single element can be converted to an index")
            if as_float and x._rg:
                x._to_python_scalar()  # PyTorch converts each element with float() or complex(): the same warning
                # (before the ValueError of a tensor of many elements: torch.tensor([w, b]) warns, then refuses)
            if x._data.size != 1:
                raise ValueError("only one element tensors can be converted to Python scalars")
            return wrap(x._data.reshape(()))
        return [number(v) for v in x] if isinstance(x, list) else x

    return number(nested), target


def _holds_tensor(data):
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, TensorBase):
            return True
        if isinstance(x, (list, tuple)):
            stack.extend(x)
    return False


def _finish(data, dtype, requires_grad):
    t = wrap(data)
    if requires_grad:
        if not dtypes.is_diff_np(data.dtype):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t._rg = True
    return t


_FLAT_KINDS = {float, int, bool}


@quiet   # (a float beyond the dtype's range becomes inf silently, as in PyTorch; numpy warns)
def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """A new leaf tensor holding a copy of data (floats become float32, ints int64)."""
    if device is not None:
        _check_device(device)
    if pin_memory is not False:
        check_pinned("tensor", pin_memory)
    check_foreign(data)
    cls = data.__class__
    if cls is list and dtype is None:
        kinds = set(map(type, data))
        if kinds <= _FLAT_KINDS and kinds:
            # Fast path for the common literal: a flat list of Python numbers.
            target = dtypes.default_for_category(2 if float in kinds else 1 if int in kinds else 0)
            try:
                arr = np.array(data, dtype=target.np)
            except OverflowError:   # (an int beyond 64 bits: PyTorch's ValueError, from _array)
                arr = _array(data, target)
            return _finish(arr, target, requires_grad)
    elif cls is float and dtype is None:
        target = dtypes.get_default_dtype()
        return _finish(np.array(data, dtype=target.np), target, requires_grad)
    elif cls is storage.TypedStorage:   # (PyTorch reads a storage as one of the dtype asked for, the default's)
        target = dtypes.coerce(dtype) if dtype is not None else dtypes.get_default_dtype()
        if data.dtype is not target:
            raise RuntimeError(f"Expected a Storage of type {target.scalar_name} or an UntypedStorage, but got "
                               f"{data.dtype.scalar_name}")
        return _finish(np.array(data._tensor_data()), target, requires_grad)
    data = plain_sequences(data)   # (a deque, an array.array, a class with __len__ and __getitem__: a list)
    if isinstance(data, TensorBase):   # (the caller's line, past the @quiet wrapper's frame)
        warnings.warn(_COPY_WARNING, UserWarning, stacklevel=argcheck.user_level())
    elif cls is np.ndarray:   # (copied as from_numpy reads it: its dtype, byte order and strides checked first)
        _check_array(data)
    elif isinstance(data, (str, bytes)):   # (with a dtype too, which would make the string a number)
        raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
    elif isinstance(data, (list, tuple)):
        refuse_unsized_first(data)
        barebones.refuse_non_int_literals(data, dtype)
        inferred = dtype or _infer(data)   # (PyTorch infers the dtype before it reads the sizes: its error first)
        data, _ = tensors_in_list(data, inferred)
        data = iterables_read(data)
        empty = check_ragged(data, inferred)
        if empty is not None:   # (PyTorch stores nothing: its sizes, whatever the rest holds)
            return _finish(np.zeros(empty, dtype=inferred.np), inferred, requires_grad)
        if dtype is None:
            return _finish(_array(data, inferred), inferred, requires_grad)
    if dtype is None:
        target = _infer(data)
    else:
        target = dtype
        barebones.refuse_non_int_literals(data, target)
        check_numbers(data, target)
    arr = _array(data, target)
    if cls is np.ndarray and arr.ndim >= 2:
        arr = _keep_strides(arr, data)
    return _finish(arr, target, requires_grad)


def _array(data, target):
    """np.array of data (nested lists, numbers, arrays, tensors) in target's dtype; where a Python number does not
    fit an integer dtype (numpy's OverflowError or ValueError), PyTorch's error, or its two's complement for a
    negative one into uint8."""
    flat = nested_data(data)
    try:
        with np.errstate(over="ignore"):   # (a float beyond the dtype's range is inf, silently, as in PyTorch)
            return np.array(flat, dtype=target.np)
    except (OverflowError, ValueError):
        if target.np.kind not in "iu":
            raise
        return np.array(dtypes.fitted_literals(flat, target.np), dtype=target.np)


def _keep_strides(arr, src):
    """torch.tensor(ndarray) keeps the array's strides, also those of its size-1 dims, which numpy's copy resets
    ((3, 1) from a transpose: (1, 3) elements, not (1, 1)); ATen's matrix products choose their BLAS call from
    them (blas.py), so the copy gets them too."""
    want = tuple(st // src.itemsize * arr.itemsize for st in src.strides)
    if want == arr.strides or min(want) < 0 or arr.size == 0 \
            or any(w != got for w, got, n in zip(want, arr.strides, arr.shape) if n != 1):
        return arr
    return np.lib.stride_tricks.as_strided(arr, strides=want)


def as_tensor(data, *, dtype=None, device=None):
    if device is not None:
        _check_device(device)
    check_foreign(data)
    if isinstance(data, TensorBase):
        return data if dtype is None else data.to(dtype)
    if isinstance(data, np.ndarray):   # (on the array's memory, checked as from_numpy checks it; then converted)
        shared = numpy_memory(data)
        return shared if dtype is None or dtype.np == data.dtype else shared.to(dtype)
    if isinstance(data, (str, bytes)):   # (refused with a dtype too: numpy would read "1.5" as a number)
        raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
    data = plain_sequences(data)
    refuse_unsized_first(data)
    barebones.refuse_non_int_literals(data, dtype)
    if isinstance(data, (list, tuple)):
        inferred = dtype or _infer(data)   # (PyTorch infers the dtype before it reads the sizes: its error first)
        data, _ = tensors_in_list(data, inferred)
        data = iterables_read(data)
        empty = check_ragged(data, inferred)
        if empty is not None:   # (PyTorch stores nothing: its sizes, whatever the rest holds)
            return wrap(np.zeros(empty, dtype=inferred.np))
        if dtype is None:
            return wrap(_array(data, inferred))
    else:
        data, dtype = tensors_in_list(data, dtype)
    if dtype is not None:
        check_numbers(data, dtype)
    target = dtype or _infer(data)
    return wrap(_array(data, target))


def from_numpy(ndarray):
    """A tensor sharing memory with ndarray."""
    if not isinstance(ndarray, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {argcheck.tp_name(ndarray)})")
    return numpy_memory(ndarray)


def numpy_memory(ndarray):
    """A tensor on ndarray's memory after PyTorch's tensor_from_numpy checks it (also what torch.Tensor(ndarray)
    and torch.FloatTensor(ndarray) do first), with its warning of a read-only array."""
    _check_array(ndarray)
    if not ndarray.flags.writeable:
        warn_not_writable()
    return wrap(ndarray)


def warn_not_writable():
    """tensor_from_numpy's warning (once) of an array that is read-only, now shared by a tensor: on the user's line,
    found by the frames' modules (a count of frames would differ with the path taken and with the compiled build:
    the __torch_function__ wrapper has a frame only as plain Python)."""
    warn_once("The given NumPy array is not writable, and PyTorch does not support non-writable tensors. This "
              "means writing to this tensor will result in undefined behavior. You may want to copy the array to "
              "protect its data or make it writable before converting it to a tensor. This type of warning will "
              "be suppressed for the rest of this program. (Triggered internally at "
              "/__w/pytorch/pytorch/torch/csrc/utils/tensor_numpy.cpp:213.)", stacklevel=argcheck.user_level())


def _check_array(ndarray):
    """tensor_from_numpy's checks of an array: its dtype (and byte order), then its strides (none negative)."""
    dtypes.from_numpy_dtype(ndarray.dtype)
    if any(s < 0 for s in ndarray.strides):
        raise ValueError("At least one stride in the given numpy array is negative, and tensors with negative strides "
                         "are not currently supported. (You can probably work around this by making a copy of your "
                         "array  with array.copy().) ")


def _size(size, name=None):
    """The sizes of zeros(2, 3) or zeros((2, 3)); with the function's name, checked as PyTorch does (a float's
    TypeError)."""
    if name is None and len(size) == 1 and size[0].__class__ is tuple:   # zeros((2, 3)): sizes of exact ints
        for n in size[0]:
            if n.__class__ is not int or n < 0:
                break
        else:
            return size[0]
    if name is not None:
        sizes = checked_sizes(name, size)
    else:
        if len(size) == 1 and isinstance(size[0], (tuple, list)):
            size = tuple(size[0])
        sizes = tuple(int(n) for n in size)
    if sizes and min(sizes) < 0:
        if name == "zeros":
            raise RuntimeError("zeros: Dimension size must be non-negative.")
        nonnegative(sizes)
    return sizes


def _out_dtype(dtype, out, default):
    """A factory's dtype: dtype=, else out='s, else the default; PyTorch's parser refuses a dtype= that is not
    out='s (check_out_type_matches), before anything else is checked."""
    if out is None:
        return dtype or default
    if dtype is not None and dtype is not out.dtype:
        raise RuntimeError(f"dtype {dtype.scalar_name} does not match dtype of out parameter ({out.dtype.scalar_name})")
    return out.dtype


def _filled(size, value, dtype, requires_grad, cat=2, out=None, name=None):
    dt = _out_dtype(dtype, out, dtypes.default_for_category(cat))
    value = dtypes.fitted(value, dt.np)
    t = _finish(np.full(_size(size, name), value, dtype=dt.np), dt, requires_grad)
    return t if out is None else _into(t, out, name or "full")


def _into(t, out, name):
    """A factory's result written into out (resized without a warning); name: the function, as ATen's message on
    an out that requires grad names it."""
    return write_out(t, out, f"aten::{name}", warn_resize=False)


_NO_PINNED = ("pin_memory=True requires a CUDA or other accelerator backend; no pinned memory allocator is available "
              "on this system.")


def check_pinned(name, pin_memory, out=None):
    """A CPU-only PyTorch has no pinned-memory allocator: pin_memory=True fails when a factory allocates (a result
    written into out= is not allocated, so it passes), after the parser's check that it is a bool."""
    if pin_memory is None or pin_memory is False:
        return
    if pin_memory.__class__ is not bool:
        raise TypeError(f"{name}(): argument 'pin_memory' must be bool, not {type(pin_memory).__name__}")
    if out is None:
        raise RuntimeError(_NO_PINNED)


def _check_device(dev):
    """PyTorch built without CUDA fails on a CUDA device with this assertion; other devices are checked by
    torch.device."""
    if dev is not None:
        if str(dev).startswith("cuda"):   # (before parsing: 'cuda:x' asserts too, as on a CPU build)
            raise AssertionError("Torch not compiled with CUDA enabled")
        (dev if isinstance(dev, device) else device(dev)).require_cpu()


def _no_size(name):
    """PyTorch's parser's TypeError for a factory called without a size (``torch.zeros()``)."""
    return TypeError(f'{name}() missing 1 required positional arguments: "size"')


def _one_size(name, shape, size):
    """zeros/ones/empty's parser errors for a size given twice (``torch.zeros(2, size=(2, 3))``)."""
    if shape and size is not None:
        raise TypeError(f"{name}() got multiple values for argument 'size'")
    if size is not None:   # (zeros(size=3): by keyword a sequence of ints)
        keyword_sizes(name, size)


def _overloaded_size(name, shape, size, **kwargs):
    """rand/randn's parser (two overloads, with and without a generator) reports a size given twice, or a tuple
    size followed by more positional arguments (``torch.randn((2, 2), 3)``), as no overload taking them."""
    several = len(shape) > 1 and isinstance(shape[0], (tuple, list))
    if (shape and size is not None) or several:
        given = {k: v for k, v in kwargs.items() if v is not None and v is not False}
        raise invalid_combination(name, argcheck.OVERLOADS[name], shape,
                                  {**({} if size is None else {"size": size}), **given})
    if size is not None:   # (rand(size=3): by keyword a sequence of ints)
        keyword_sizes(name, size)


def _check_generator(name, generator, args, **kwargs):
    """PyTorch's parser's TypeError for a generator= that is not a torch.Generator (``torch.randn(3, generator=42)``):
    no overload takes it (the keyword arguments given, those not at their defaults, are the ones it reports)."""
    if generator is not None and random.generator_of(generator) is None:
        given = {k: v for k, v in kwargs.items() if v is not None and v is not False}
        size = {"size": given.pop("size")} if "size" in given else {}
        raise invalid_combination(name, argcheck.OVERLOADS[name], args, {**size, "generator": generator, **given})


def _keywords_checked(fn):
    """rand/randn's parser (two overloads) reports a keyword neither takes (``torch.randn(2, 50, names=...)``, the
    named-tensor example of old docs) as no overload taking the call, every keyword given listed in its order;
    without a size, as the size missing."""
    known = frozenset(inspect.signature(fn).parameters) - {"shape"}

    @functools.wraps(fn)
    def checked(*shape, **kwargs):
        if kwargs and not known.issuperset(kwargs):
            texts = argcheck.OVERLOADS[fn.__name__]
            if not shape and "size" not in kwargs:
                check_call(fn.__name__, [Signature(text) for text in texts], (), kwargs)
            raise invalid_combination(fn.__name__, texts, shape, kwargs)
        if (len(shape) > 1 or kwargs) and _first_size_refused(shape, kwargs):
            raise invalid_combination(fn.__name__, argcheck.OVERLOADS[fn.__name__], shape, kwargs)
        return fn(*shape, **kwargs)
    return checked


def _not_an_int(value):
    """What PyTorch's parser refuses as the first int of a size: a bool, or anything without __index__."""
    if value.__class__ is bool:
        return True
    try:
        value.__index__()
    except (AttributeError, TypeError):
        return True
    return False


def _first_size_refused(shape, kwargs):
    """Whether rand/randn's size fails at its first element (``torch.randn(2.0, 3)``, ``torch.rand(n / 2,
    dtype=...)``, ``torch.randn(size=2.0, dtype=...)``): no overload then takes the call, and with more than one
    argument PyTorch's parser lists both overloads rather than naming the size (a later element, ``randn(2,
    3.0)``, is still the size's own error)."""
    if shape:
        value = shape[0]
        if len(shape) == 1 and isinstance(value, (tuple, list)):   # (a torch.Size too)
            return bool(value) and _not_an_int(value[0])
        return _not_an_int(value)
    value = kwargs.get("size")
    if value is None or len(kwargs) < 2:
        return False
    if not isinstance(value, (tuple, list)):
        return True
    return bool(value) and _not_an_int(value[0])


def _no_size_overloads(name, **kwargs):
    """PyTorch's parser's TypeError for a factory with overloads called without a size (``torch.rand()``): the
    keyword arguments given (those not at their defaults) decide which overloads it reports."""
    given = {k: v for k, v in kwargs.items() if v is not None and v is not False}
    check_call(name, [Signature(text) for text in argcheck.OVERLOADS[name]], (), given)


def zeros(*shape, size=None, dtype=None, device=None, requires_grad=False, out=None, layout=None, pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("zeros", pin_memory, out)
    if not shape and size is None:
        raise _no_size("zeros")
    _one_size("zeros", shape, size)
    return _filled(shape if size is None else (size,), 0, dtype, requires_grad, out=out, name="zeros")


def ones(*shape, size=None, dtype=None, device=None, requires_grad=False, out=None, layout=None, pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("ones", pin_memory, out)
    if not shape and size is None:
        raise _no_size("ones")
    _one_size("ones", shape, size)
    return _filled(shape if size is None else (size,), 1, dtype, requires_grad, out=out, name="ones")


def empty(*shape, size=None, dtype=None, device=None, requires_grad=False, out=None, layout=None,
          memory_format=None, pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("empty", pin_memory, out)
    if not shape and size is None:
        raise _no_size("empty")
    _one_size("empty", shape, size)
    dt = _out_dtype(dtype, out, dtypes.get_default_dtype())
    t = _filled(shape if size is None else (size,), determinism.uninitialized(dt.np), dt, requires_grad, out=out,
                name="empty")
    if memory_format is not None and out is None:
        fmt = formats.checked(memory_format, t._data.ndim)
        if fmt is formats.preserve_format:
            raise RuntimeError("unsupported memory format Preserve")
        t._data = formats.laid_out(t._data, fmt)
    return t


def full(size, fill_value, *, dtype=None, device=None, requires_grad=False, out=None, layout=None, pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("full", pin_memory, out)
    fill_value = dtypes.scalar_number(fill_value)   # (full((2,), np.bool_(1)) is float, as PyTorch parses a Scalar)
    return _filled((size,), fill_value, dtype, requires_grad, dtypes.scalar_category(fill_value), out, name="full")


def _like(input, dtype):
    return dtype or input.dtype


def _like_format(input, memory_format):
    """The layout a *_like function gives its result (preserve_format, the default: the input's where it is
    dense), checked before anything is drawn."""
    return formats.checked(formats.preserve_format if memory_format is None else memory_format, input._data.ndim)


def _laid_like(t, input, fmt):
    """t, a new C-contiguous tensor of input's shape, laid out as fmt asks; its values in C order are the
    values in memory order of the result (PyTorch fills and draws in memory order)."""
    if input._bt is not None:   # (the like of a batched value of a vmap is batched: engine/batching.py)
        t._bt = input._bt
    data = t._data
    if fmt is not formats.contiguous_format and not (fmt is formats.preserve_format and
                                                     input._data.flags.c_contiguous):
        out = formats.empty_as(data.shape, data.dtype, fmt, input._data)
        if not out.flags.c_contiguous:
            t._data = formats.fill_in_memory_order(out, data.reshape(-1))
    return t


def _lays_out_contiguous(input, fmt):
    """Whether the result of a *_like function laid out as fmt is C-contiguous (as _laid_like lays it out)."""
    if fmt is formats.contiguous_format or (fmt is formats.preserve_format and input._data.flags.c_contiguous):
        return True
    return formats.empty_as(input._data.shape, input._data.dtype, fmt, input._data).flags.c_contiguous


def zeros_like(input, *, dtype=None, device=None, requires_grad=False, memory_format=None, layout=None,
               pin_memory=False):
    check_pinned("zeros_like", pin_memory, None)
    fmt = _like_format(input, memory_format)
    return _laid_like(_filled((input.shape,), 0, _like(input, dtype), requires_grad), input, fmt)


def ones_like(input, *, dtype=None, device=None, requires_grad=False, memory_format=None, layout=None,
              pin_memory=False):
    check_pinned("ones_like", pin_memory, None)
    fmt = _like_format(input, memory_format)
    return _laid_like(_filled((input.shape,), 1, _like(input, dtype), requires_grad), input, fmt)


def empty_like(input, *, dtype=None, device=None, requires_grad=False, memory_format=None, layout=None,
               pin_memory=False):
    check_pinned("empty_like", pin_memory, None)
    fmt = _like_format(input, memory_format)
    dt = _like(input, dtype)
    return _laid_like(_filled((input.shape,), determinism.uninitialized(dt.np), dt, requires_grad), input, fmt)


def full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False, memory_format=None, layout=None,
              pin_memory=False):
    check_pinned("full_like", pin_memory, None)
    fmt = _like_format(input, memory_format)
    return _laid_like(_filled((input.shape,), fill_value, _like(input, dtype), requires_grad), input, fmt)


def arange(start=None, end=None, step=1, *, dtype=None, device=None, requires_grad=False, out=None, layout=None,
           pin_memory=False):
    check_pinned("arange", pin_memory, out)
    if end is None:
        start, end = 0, start
    elif start is None:   # (arange(end=3): PyTorch's first overload, end alone)
        start = 0
    vals = [v.item() if isinstance(v, TensorBase) else dtypes.scalar_number(v) for v in (start, end, step)]
    is_float = any(isinstance(v, float) for v in vals)
    dt = _out_dtype(dtype, out, dtypes.get_default_dtype() if is_float else dtypes.int64)
    no_kernel("arange_cpu", dt)   # (before the bounds are checked: ATen dispatches on the dtype first)
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (vals[1] - vals[0]) * vals[2] < 0:
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    n = max(0, math.ceil((vals[1] - vals[0]) / vals[2]))
    if dt.np in (np.float32, np.float64):
        data = _arange_floats(float(vals[0]), float(vals[2]), n, dt.np)
    elif is_float or dt.is_floating_point:
        data = vals[0] + np.arange(n, dtype=np.float64) * vals[2]
    else:
        data = np.arange(vals[0], vals[1], vals[2], dtype=np.int64)
    t = _finish(data.astype(dt.np), dt, requires_grad)
    return t if out is None else _arange_into(t, out)


def no_kernel(kernel, dt):
    """ATen's range kernels (arange, range; linspace and logspace of more than one step) have no loop for bool,
    arange and range none for complex either, and none of them for uint16, uint32, uint64."""
    if dt.np.kind == "b" or dt in dtypes.BAREBONES or (dt.np.kind == "c" and kernel in ("arange_cpu", "range_cpu")):
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{dt.scalar_name}'")


def _arange_into(t, out):
    """arange's out=: kept as it is when it holds as many elements (shape and all), else resized to 1-d, with
    ATen's warning when it was not empty."""
    n = t._data.size
    if out._data.size == n:
        t = wrap(t._data.reshape(out._data.shape))
    elif out._data.size:
        shape = list(out._data.shape)
        warnings.warn(f"The number of elements in the out tensor of shape {shape} is {out._data.size} which does not "
                      f"match the computed number of elements {n}. Note that this may occur as a result of rounding "
                      f"error. The out tensor will be resized to a tensor of shape ({n},). (Triggered internally at "
                      "/__w/pytorch/pytorch/aten/src/ATen/native/RangeFactories.cpp:199.)", UserWarning, stacklevel=3)
    return _into(t, out, "arange")


def _arange_floats(start, step, n, np_dtype):
    """ATen's arange kernel in float64 before the cast: whole pairs of 256-bit vectors (8 float32, 4 float64; also
    with AVX-512) from a base rounded to the dtype, base + k * step per lane; the tail start + step * i. The AVX2
    build contracts both into fused multiply-adds ('default' does not). torch.arange(-8.0, 8.0, 0.1)[80] is
    4.4e-16 there, not 0.0."""
    lanes = 32 // np.dtype(np_dtype).itemsize
    idx = np.arange(n, dtype=np.float64)
    k = idx % lanes
    fused = vec_kernels.capability() != "default"
    fma = _fma64 if fused else (lambda a, b, c: a * b + c)
    base = fma(step, idx - k, start).astype(np_dtype).astype(np.float64)
    body = n - n % (2 * lanes)
    return np.where(idx < body, fma(k, step, base), fma(step, idx, start))


@quiet
def _space_ends(name, start, end, steps):
    """linspace's / logspace's start and end as numbers (0-d tensors read, others refused as ATen refuses them)
    and steps as an int (a 0-d integer tensor passes PyTorch's parser as one)."""
    bad = [f"{which} with {t.ndim} dimension(s)" for which, t in (("start", start), ("end", end))
           if isinstance(t, TensorBase) and t.ndim]
    if bad:
        raise RuntimeError(f"{name} only supports 0-dimensional start and end tensors, but got {' and '.join(bad)}.")
    start, end = (t.item() if isinstance(t, TensorBase) else t for t in (start, end))
    return start, end, steps.__index__()


def linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False, out=None, layout=None,
             pin_memory=False):
    check_pinned("linspace", pin_memory, out)
    start, end, steps = _space_ends("linspace", start, end, steps)
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    dt = _out_dtype(dtype, out, dtypes.get_default_dtype())
    if steps > 1:
        no_kernel("linspace_cpu", dt)
    t = _finish(np.asarray(_spaced(start, end, steps, dt)).astype(dt.np), dt, requires_grad)
    return t if out is None else _into(t, out, "linspace")


def _spaced(start, end, steps, dt):
    """linspace's values before the cast to dt (in dt's precision, float64 for integer dtypes)."""
    work = dt.np.type if dt.is_floating_point else np.float64
    if steps == 1:
        return np.array([start], dtype=np.float64)
    # As PyTorch's kernel: the step is rounded to the dtype, each value is one fused multiply-add
    # (GCC contracts `start + step * i` in the AVX2/AVX-512 builds), the first half counted from start
    # and the second half from end. float32: the float64 product is exact, one rounding to float32;
    # float64 (and the double of integer dtypes): an exactly rounded float64 fma.
    if not dt.is_floating_point:              # start and end become the integer dtype first (truncated)
        start, end = int(start), int(end)
    start, end = float(work(start)), float(work(end))
    step = float((work(end) - work(start)) / work(steps - 1))
    idx = np.arange(steps, dtype=np.float64)
    first = idx < steps // 2
    if work is np.float64:
        return np.where(first, _fma64(step, idx, start), _fma64(-step, steps - idx - 1, end))
    return np.where(first, start + step * idx, end - step * (steps - idx - 1)).astype(work)


def logspace(start, end, steps, base=10.0, *, dtype=None, device=None, requires_grad=False, out=None, layout=None,
             pin_memory=False):
    """base ** (start + step * i), as ATen's loop: start and end in the dtype, the step and the exponent in
    float64 (no fused multiply-add), the first half counted from start and the second from end, then libm's pow
    per element (numpy's vectorised pow differs in the last bit) and the cast."""
    check_pinned("logspace", pin_memory, out)
    dt = _out_dtype(dtype, out, dtypes.get_default_dtype())
    start, end, steps = _space_ends("logspace", start, end, steps)
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    if steps > 1:
        no_kernel("logspace_cpu", dt)
    if steps == 1:
        exponent = [float(start)]
    else:
        if dt.is_floating_point or dt.is_complex:   # (complex: in its real dtype, as ATen's loop)
            work = dt.np.type if dt.is_floating_point else np.finfo(dt.np).dtype.type
            s, e = work(start), work(end)
            step = float(work(e - s)) / (steps - 1)
        else:
            s, e = int(start), int(end)
            step = float(e - s) / (steps - 1)
        s, e = float(s), float(e)
        half = steps // 2
        exponent = [s + step * i if i < half else e - step * (steps - i - 1) for i in range(steps)]
    data = np.array([_pow(float(base), x) for x in exponent], np.float64)
    kept = dt.is_floating_point or dt.is_complex
    t = _finish(data.astype(dt.np) if kept else np.trunc(data).astype(dt.np), dt, requires_grad)
    return t if out is None else _into(t, out, "logspace")


def _pow(base, x):
    try:
        return math.pow(base, x)
    except OverflowError:
        return math.inf
    except ValueError:
        return math.nan


def eye(n, m=None, *, dtype=None, device=None, requires_grad=False, out=None, layout=None, pin_memory=False):
    check_pinned("eye", pin_memory, out)
    dt = _out_dtype(dtype, out, dtypes.get_default_dtype())
    for letter, count in (("n", n), ("m", m)):
        if count is not None and count < 0:
            raise RuntimeError(f"{letter} must be greater or equal to 0, got {count}")
    barebones.refuse("eye", dt.np)
    t = _finish(np.eye(n, n if m is None else m, dtype=dt.np), dt, requires_grad)
    return t if out is None else _into(t, out, "eye")


def _gen(generator):
    return random.generator_of(generator)   # (checked before: a torch.Generator or None)


def _refuse_integral(dt, kernel, shape=None):
    """ATen's dispatch error for a draw of floats into an integer or bool dtype: the uniform kernel checks its
    bounds first (even for no elements); the normal kernel is not reached when there are no elements."""
    if dt.np.kind in "biu" and (shape is None or math.prod(shape)):
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{dt.scalar_name}'")


@_keywords_checked
def rand(*shape, size=None, generator=None, dtype=None, device=None, requires_grad=False, out=None, layout=None,
         pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("rand", pin_memory, out)
    dt = _out_dtype(dtype, out, dtypes.get_default_dtype())
    if not shape and size is None:
        _no_size_overloads("rand", generator=generator, dtype=dtype, device=device, requires_grad=requires_grad,
                           out=out, layout=layout)
    _overloaded_size("rand", shape, size, generator=generator, dtype=dtype, device=device,
                     requires_grad=requires_grad, out=out, layout=layout)
    _check_generator("rand", generator, shape, size=size, dtype=dtype, device=device, requires_grad=requires_grad,
                     out=out, layout=layout)
    shape = _size(shape if size is None else (size,), "rand")
    _refuse_integral(dt, "check_uniform_bounds")
    t = _finish(_gen(generator).rand(shape, dt.np), dt, requires_grad)
    return t if out is None else _into(t, out, "rand")


@_keywords_checked
def randn(*shape, size=None, generator=None, dtype=None, device=None, requires_grad=False, out=None, layout=None,
          pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("randn", pin_memory, out)
    dt = _out_dtype(dtype, out, dtypes.get_default_dtype())
    if not shape and size is None:
        _no_size_overloads("randn", generator=generator, dtype=dtype, device=device, requires_grad=requires_grad,
                           out=out, layout=layout)
    _overloaded_size("randn", shape, size, generator=generator, dtype=dtype, device=device,
                     requires_grad=requires_grad, out=out, layout=layout)
    _check_generator("randn", generator, shape, size=size, dtype=dtype, device=device, requires_grad=requires_grad,
                     out=out, layout=layout)
    shape = _size(shape if size is None else (size,), "randn")
    _refuse_integral(dt, "normal_kernel_cpu", shape)
    drawn = _gen(generator).randn(shape, dt.np) if dt.np.kind in "fc" or math.prod(shape) else np.empty(shape, dt.np)
    t = _finish(drawn, dt, requires_grad)
    return t if out is None else _into(t, out, "randn")


def randint(low=0, high=None, size=None, *, generator=None, dtype=None, device=None, requires_grad=False,
            out=None, layout=None, pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("randint", pin_memory, out)
    if size is None:
        low, high, size = 0, low, high
    elif high is None:  # randint(high, size=...)
        low, high = 0, low
    for bound in (low, high):   # (PyTorch's parser unpacks them into int64)
        if bound.__class__ is int and not -2 ** 63 <= bound < 2 ** 63:
            raise ValueError("Overflow when unpacking long long")
    dt = _out_dtype(dtype, out, dtypes.int64)
    size = _size((size,))
    t = _finish(_gen(generator).randint(low, high, size, dt.np), dt, requires_grad)
    return t if out is None else _into(t, out, "randint")


def randperm(n, *, generator=None, dtype=None, device=None, requires_grad=False, out=None, layout=None,
             pin_memory=False):
    check_pinned("randperm", pin_memory, out)
    dt = _out_dtype(dtype, out, dtypes.int64)
    _check_randperm_dtype(n, dt)
    t = _finish(_gen(generator).randperm(n, dt.np), dt, requires_grad)
    return t if out is None else _into(t, out, "randperm")


_C_INT_NAMES = {"Byte": "uint8_t", "Char": "int8_t", "Short": "int16_t", "Int": "int"}


def _check_randperm_dtype(n, dt):
    """ATen's randperm dispatches on numbers, not bool, and writes n - 1 into the dtype through c10's checked
    conversion (torch.randperm(257, dtype=torch.uint8) overflows; 256 fits)."""
    name = dt.scalar_name
    if name == "Bool" or dt.is_complex or dt in dtypes.BAREBONES:   # (ATen's randperm: real numbers only)
        raise NotImplementedError(f"\"randperm\" not implemented for '{name}'")
    if name in _C_INT_NAMES and int(n) - 1 > np.iinfo(dt.np).max:
        raise RuntimeError(f"value cannot be converted to type {_C_INT_NAMES[name]} without overflow")


def rand_like(input, *, dtype=None, generator=None, **kwargs):
    check_pinned("rand_like", kwargs.get("pin_memory"))
    _check_generator("rand_like", generator, (input,), dtype=dtype, **kwargs)
    fmt = _like_format(input, kwargs.get("memory_format"))
    return _laid_like(rand(input.shape, dtype=dtype or input.dtype, generator=generator,
                           requires_grad=kwargs.get("requires_grad", False)), input, fmt)


def randn_like(input, *, dtype=None, generator=None, **kwargs):
    check_pinned("randn_like", kwargs.get("pin_memory"))
    _check_generator("randn_like", generator, (input,), dtype=dtype, **kwargs)
    fmt = _like_format(input, kwargs.get("memory_format"))
    dt, requires_grad = dtype or input.dtype, kwargs.get("requires_grad", False)
    if (dt.is_floating_point or dt.is_complex) and not _lays_out_contiguous(input, fmt):
        # (ATen's normal_ takes its vectorised fill only for a contiguous tensor: the empty_like laid out as the
        # input (a transpose, a permute, channels_last) is drawn one double at a time, in memory order)
        drawn = _gen(generator).normal_serial(input.shape, dt.np)
        return _laid_like(_finish(drawn, dt, requires_grad), input, fmt)
    return _laid_like(randn(input.shape, dtype=dt, generator=generator, requires_grad=requires_grad), input, fmt)


def randint_like(input, low=0, high=None, *, dtype=None, generator=None, **kwargs):
    check_pinned("randint_like", kwargs.get("pin_memory"))
    _check_generator("randint_like", generator, (input, low) if high is None else (input, low, high), dtype=dtype,
                     **kwargs)
    if high is None:
        low, high = 0, low
    fmt = _like_format(input, kwargs.get("memory_format"))
    return _laid_like(randint(low, high, input.shape, dtype=dtype or input.dtype, generator=generator), input, fmt)


def normal(mean=0.0, std=1.0, size=None, *, generator=None, dtype=None, out=None, requires_grad=False, device=None,
           layout=None, pin_memory=False):
    if device is not None:
        _check_device(device)
    check_pinned("normal", pin_memory, out)
    if isinstance(mean, TensorBase) or isinstance(std, TensorBase):
        batching.check_random_inputs(*(t for t in (mean, std) if isinstance(t, TensorBase)))
        m = mean._data if isinstance(mean, TensorBase) else mean
        s = std._data if isinstance(std, TensorBase) else std
        ref = mean if isinstance(mean, TensorBase) else std
        check_broadcast(np.shape(m), np.shape(s))   # (PyTorch's message, not numpy's)
        shape = np.broadcast_shapes(np.shape(m), np.shape(s))
        return wrap(_gen(generator).normal(shape, ref._data.dtype, m, s))
    dt = dtype or dtypes.get_default_dtype()
    shape = _size((size,))
    _refuse_integral(dt, "normal_kernel_cpu", shape)
    return _finish(_gen(generator).normal(shape, dt.np, mean, std), dt, requires_grad)


_BERNOULLI = [Signature(t) for t in GENERATOR_OVERLOADS["bernoulli"]]


def bernoulli(*args, **kwargs):
    """0/1 draws with the probabilities in input (or one float p); calls outside the plain forms go through PyTorch's
    parser first (``torch.bernoulli(probs, torch.rand(3))``: its TypeError)."""
    if kwargs.get("generator") is not None:
        check_generator("bernoulli", kwargs["generator"], args, {k: v for k, v in kwargs.items() if k != "generator"})
    elif not (0 < len(args) <= 2 and isinstance(args[0], TensorBase) and kwargs.keys() <= _PLAIN_BERNOULLI[len(args)]
              and (len(args) == 1 or args[1].__class__ in (int, float))):
        args, kwargs = (), check_call("bernoulli", _BERNOULLI, args, kwargs)
    return draw_bernoulli(*args, **kwargs)


_PLAIN_BERNOULLI = {1: {"generator", "out"}, 2: {"generator"}}


def draw_bernoulli(input, p=None, *, generator=None, out=None):
    """torch.bernoulli once parsed: BernoulliBackward0 (a zero gradient) behind draws from input's probabilities,
    PyTorch's node without a derivative (NotImplemented) behind those of a float p, as ATen's bernoulli.p."""
    batching.check_random_inputs(input)
    if p is None and input._data.dtype.kind in "biu" and input._data.size:   # (probabilities read from an integer
        # tensor: no kernel for it; an empty one reaches none)
        raise NotImplementedError(f'"bernoulli_tensor_cpu_p_" not implemented for \'{input.dtype.scalar_name}\'')
    if p is not None:   # (empty_like(input).bernoulli_(p): the draw of a float p)
        drawn = _gen(generator).bernoulli(float(p), input._data.dtype, input._data.shape)
        return _recorded("bernoulli_p", input, drawn)
    if out is not None:   # (ATen's bernoulli_out: out.resize_(input's sizes), no warning, then out.bernoulli_(input),
        # in out's dtype)
        if GRAD_MODE.enabled and input._rg:
            raise RuntimeError(_OUT_GRAD.format("bernoulli"))
        return write_out(wrap(_gen(generator).bernoulli(input._data, out._data.dtype)), out, "bernoulli",
                         warn_resize=False)
    return _recorded("bernoulli", input, _gen(generator).bernoulli(input._data, input._data.dtype))


def _recorded(op, input, drawn):
    """drawn as a tensor; behind the op's node when input requires grad."""
    if GRAD_MODE.enabled and input._rg:
        return apply(OPS[op], (input,), drawn)
    return wrap(drawn)


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    check_generator("multinomial", generator)
    batching.check_random_inputs(input)
    if not input.dtype.is_floating_point:
        raise RuntimeError(f"multinomial only supports floating-point dtypes for input, got: {input.dtype.scalar_name}")
    if out is not None and out.dtype is not dtypes.int64:   # (before the checks of the sample count and the draw)
        raise RuntimeError(f"multinomial expects Long tensor out, got: {out.dtype.scalar_name}")
    t = wrap(_gen(generator).multinomial(input._data, num_samples, replacement))
    return t if out is None else _into(t, out, "multinomial")


# ---------------------------------------------------------------- legacy typed constructors


class _LegacyTensorType(type):
    """torch.FloatTensor, torch.LongTensor ...: calling one makes a tensor of its dtype (from data, or of a shape,
    uninitialised); isinstance(t, torch.FloatTensor) asks whether t is a float32 tensor, as in PyTorch.
    Named as PyTorch's metaclass, torch.tensortype, which its messages print (``got (torch.tensortype)``)."""

    __module__, __qualname__ = "torch", "tensortype"

    def __call__(cls, *args, **kwargs):
        return cls.make(args, kwargs)

    def make(cls, args, kwargs, form="ctor"):
        """The tensor of a call with these arguments (form "new": of tensor.new(...), whose messages differ)."""
        args = legacy_args(args, kwargs, lambda a: isinstance(a, TensorBase), form)
        dt = cls.dtype
        if dt is dtypes.bfloat16:
            enable_bfloat16()   # (its numpy dtype, loaded on first use)
        if not args:
            return wrap(np.zeros((0,), dt.np))
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            data = args[0]
            if isinstance(data, TensorBase):
                if data.dtype is not dt:
                    raise TypeError(f"expected {_options(dt)} (got {_options(data.dtype)})")
                return type(data).__getitem__(data, ...)   # (PyTorch's other.alias(): AliasBackward0, a view)
            if isinstance(data, Size):
                return wrap(np.zeros(tuple(data), dt.np))
            if isinstance(data, str):
                raise TypeError("new(): invalid data type 'str'")
            if isinstance(data, storage.TypedStorage):   # (a tensor on the storage's memory, as PyTorch's)
                if data.dtype is not dt:
                    raise RuntimeError(f"Expected a Storage of type {dt.scalar_name} or an UntypedStorage, but got "
                                       f"type {data.dtype.scalar_name} for argument 1 'storage'")
                return wrap(data._tensor_data())
            if isinstance(data, np.ndarray):   # (PyTorch's tensor_from_numpy: its memory when the dtype is dt's)
                shared = numpy_memory(data)
                return shared if shared.dtype is dt else tensor(data, dtype=dt)
            data = plain_sequences(data)
            if not isinstance(data, (list, tuple, range, np.ndarray)):
                raise TypeError(f"new(): data must be a sequence (got {argcheck.tp_name(data)})")
            return tensor(data, dtype=dt)
        return wrap(np.zeros(_size(args, "new"), dt.np))   # (a float size: the parser's TypeError, as torch.Tensor's)

    def __instancecheck__(cls, obj):
        return isinstance(obj, TensorBase) and obj.dtype is cls.dtype


_LegacyTensorType.__name__ = "tensortype"   # (a class statement's __name__ is its binding's; PyTorch's tp_name)


def _options(dt):
    return (f"TensorOptions(dtype={dt.c_name}, device=cpu, layout=Strided, requires_grad=false (default), "
            "pinned_memory=false (default), memory_format=(nullopt))")


def _legacy(name, dt):
    # (PyTorch's tensortype carries the Tensor's attributes: torch.DoubleTensor.is_sparse is False)
    return _LegacyTensorType(name, (), {"dtype": dt, "__module__": "torch", "__qualname__": name,
                                        "is_sparse": False, "is_cuda": False})


def legacy_type(dt):
    """The legacy constructor of a dtype (torch.FloatTensor for float32): what Tensor.new calls."""
    return next(c for c in LEGACY_TYPES if c.dtype is dt)


LEGACY_TYPES = tuple(_legacy(f"{dt.scalar_name}Tensor", dt) for dt in (
    dtypes.float32, dtypes.float64, dtypes.float16, dtypes.int64, dtypes.int32, dtypes.int16, dtypes.int8,
    dtypes.uint8, dtypes.bool_, dtypes.bfloat16) if dt is not None)   # (bfloat16: where ml_dtypes is installed)
(FloatTensor, DoubleTensor, HalfTensor, LongTensor, IntTensor, ShortTensor, CharTensor, ByteTensor,
 BoolTensor) = LEGACY_TYPES[:9]
BFloat16Tensor = LEGACY_TYPES[9] if len(LEGACY_TYPES) > 9 else None


NO_ATEN_CUDA = ("Cannot initialize CUDA without ATen_cuda library. PyTorch splits its backend into two shared "
                "libraries: a CPU library and a CUDA library; this error has occurred because you are trying to use "
                "some CUDA functionality, but the CUDA library has not been loaded by the dynamic linker for some "
                "reason.  The CUDA library MUST be loaded, EVEN IF you don't directly use any symbols from the CUDA "
                "library! One common culprit is a lack of -Wl,--no-as-needed in your link arguments; many dynamic "
                "linkers will delete dynamic library dependencies if you don't depend on any of their symbols.  You "
                "can check if this has occurred by using ldd on your binary to see if there is a dependency on "
                "*_cuda.so library.")


class LegacyCudaTensorType(type):
    """torch.cuda.FloatTensor ...: the types exist in a CPU-only PyTorch, but none can make a tensor, and no
    tensor is one (old code's ``x.type(torch.cuda.FloatTensor)`` and ``torch.cuda.FloatTensor(...)``)."""
    is_cuda = True

    def __call__(cls, *args, **kwargs):
        raise unavailable_cuda_type(cls.__name__)

    def __instancecheck__(cls, obj):
        return False


def unavailable_cuda_type(name):
    return TypeError(f"type torch.cuda.{name} not available. Torch not compiled with CUDA enabled.")


CUDA_LEGACY_TYPES = {f"{dt.scalar_name}Tensor": LegacyCudaTensorType(
    f"{dt.scalar_name}Tensor", (), {"dtype": dt, "__module__": "torch.cuda", "__qualname__": f"{dt.scalar_name}Tensor"})
    for dt in (dtypes.float32, dtypes.float64, dtypes.float16, dtypes.bfloat16, dtypes.int64, dtypes.int32,
               dtypes.int16, dtypes.int8, dtypes.uint8, dtypes.bool_)}


# ---------------------------------------------------------------- Tensor.new_*: self's dtype unless given


def _new(name, value):
    """Tensor.new_zeros / new_ones / new_empty (value: what fills it) and new_full (value None: given)."""
    def method(self, *args, dtype=None, device=None, requires_grad=False, **kwargs):
        if value is None:   # new_full(size, fill_value), either by keyword
            given = dict(zip(("size", "fill_value"), args), **kwargs)
            if "size" not in given:   # (new_full(fill_value=1): PyTorch's parser names both as missing)
                raise TypeError('new_full() missing 2 required positional argument: "size", "fill_value"')
            if "fill_value" not in given:
                raise TypeError('new_full() missing 1 required positional arguments: "fill_value"')
            args = (given["size"], given["fill_value"])
        args = args or tuple(kwargs[k] for k in ("size", "data") if k in kwargs)
        if not args:
            raise _no_size(name)
        _check_device(device)
        dt = dtype or self.dtype
        if value is None:
            return _filled((args[0],), args[1], dt, requires_grad, name=name)
        fill = determinism.uninitialized(dt.np) if name == "new_empty" else value   # (as torch.empty's memory)
        return _filled(args, fill, dt, requires_grad, name=name)
    method.__name__ = method.__qualname__ = name
    return method


new_zeros = _new("new_zeros", 0)
new_ones = _new("new_ones", 1)
new_empty = _new("new_empty", 0)
new_full = _new("new_full", None)


def new_tensor(self, data=_no_size, *, dtype=None, device=None, requires_grad=False):
    if data is _no_size:   # (PyTorch's parser's wording, not Python's)
        raise TypeError('new_tensor() missing 1 required positional arguments: "data"')
    if isinstance(data, TensorBase):
        warnings.warn(_COPY_WARNING.replace("torch.tensor(", "tensor.new_tensor("), UserWarning,
                      stacklevel=argcheck.user_level())
        data = data._data
    return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad, device=device)



# ---------------------------------------------------------------- dtype=bool / int / float (Python's types)


def _python_dtypes(fn):
    """fn, also taking Python's bool, int and float for its dtype argument, as PyTorch's parser does
    (``torch.zeros(3, dtype=bool)``, ``torch.tensor(x, dtype=float)``: torch.bool, int64, float64)."""
    name = fn.__name__
    grads = (bool,) if name in argcheck.NO_NONE_REQUIRES_GRAD else (bool, type(None))

    needs_data = name in ("tensor", "as_tensor")

    @functools.wraps(fn)
    def with_python_dtypes(*args, **kwargs):
        if not args and needs_data and "data" not in kwargs:   # (PyTorch's parser's words, not Python's)
            raise TypeError(f'{name}() missing 1 required positional arguments: "data"')
        if kwargs and (kwargs.get("dtype").__class__ not in _DTYPE_OR_NONE
                       or kwargs.get("requires_grad", False).__class__ not in grads):
            # (a wrong type raises PyTorch's parser's TypeError: dtype='float32', requires_grad=1)
            kwargs["dtype"] = argcheck.factory_kwargs(name, args, kwargs, dtypes.dtype, dtypes.coerce)
        return fn(*args, **kwargs)
    return with_python_dtypes


_DTYPE_OR_NONE = (dtypes.dtype, type(None))


for _name in ("tensor", "as_tensor", "zeros", "ones", "empty", "full", "zeros_like", "ones_like", "empty_like",
              "full_like", "arange", "linspace", "logspace", "eye", "rand", "randn", "randint", "randperm",
              "rand_like", "randn_like", "randint_like", "new_zeros", "new_ones", "new_empty", "new_full",
              "new_tensor"):
    globals()[_name] = _python_dtypes(globals()[_name])
del _name
