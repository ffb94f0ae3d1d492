"""PyTorch's "barebones" unsigned dtypes (torch.uint16, uint32, uint64): the kernels it lacks for them.

PyTorch 2.13 gives these dtypes creation, copies and conversions, views, indexing, ``==``/``!=``, ``*``, the
bitwise and/or/xor, sum/prod/cumsum (into int64), sort and the float-valued unary math (exp, sqrt ... compute in
float32), and no other kernel: ``x + 1`` is ``NotImplementedError: "add_stub" not implemented for 'UInt16'``. The
engine computes with numpy, which has every kernel for these types, so the ops PyTorch refuses are listed here by the
name of their op in the table (engine/optable.py) with the kernel name of PyTorch's message, and ``check`` refuses
them. dispatch.apply and binary_op call it only once such a dtype was handed out (``enable``): until then nothing
on the hot path looks.
"""
import numpy as np

from . import dtypes

_B = dtypes.BAREBONES_NP

# op of the table -> the name of PyTorch's CPU kernel for it (its message: "<kernel>" not implemented for 'UInt16')
REFUSED = {
    "add": "add_stub", "sub": "add_stub", "add_scalar": "add_stub", "rsub": "add_stub",
    "floor_divide": "div_floor_cpu", "remainder": "remainder_cpu", "remainder_tensor": "remainder_cpu",
    "remainder_of_number": "remainder_cpu", "fmod": "fmod_cpu", "fmod_tensor": "fmod_cpu",
    "lt_number": "lt_cpu", "lt_tensor": "lt_cpu", "le_number": "le_cpu", "le_tensor": "le_cpu",
    "gt_number": "gt_cpu", "gt_tensor": "gt_cpu", "ge_number": "ge_cpu", "ge_tensor": "ge_cpu",
    "max_all": "max_all", "min_all": "min_all", "max_dim": "max_cpu", "min_dim": "min_cpu",
    "amax": "max_values_cpu", "amin": "min_values_cpu", "maximum": "maximum_cpu", "minimum": "minimum_cpu",
    "fmax": "fmax_cpu", "fmin": "fmin_cpu", "aminmax_max": "aminmax_cpu", "aminmax_min": "aminmax_cpu",
    "cummax": "cummax_cpu", "cummin": "cummin_cpu", "median": "median_cpu", "median_dim": "median_out",
    "nanmedian": "nanmedian_cpu", "nanmedian_dim": "nanmedian_out", "mode": "mode_cpu",
    "kthvalue": "kthvalue_cpu", "topk": "topk_cpu",
    "abs": "abs_cpu", "neg": "neg_cpu", "sign": "sign_cpu", "sgn": "sign_cpu", "frac": "frac_cpu",
    "pow": "pow", "pow_tensor": "pow", "rpow": "pow",
    "clamp": "clamp_scalar_cpu", "clamp_min": "clamp_min_scalar_cpu", "clamp_max": "clamp_max_scalar_cpu",
    "clamp_tensor": "clamp_cpu", "clamp_tensor_min": "clamp_min_cpu", "clamp_tensor_max": "clamp_max_cpu",
    "clamp_min_tensor": "clamp_min_cpu", "clamp_max_tensor": "clamp_max_cpu", "relu": "clamp_min_scalar_cpu",
    "tril": "tril", "triu": "triu", "flip": "flip_cpu", "trace": "trace",
    "gather": "scatter_gather_tensor_cpu", "scatter": "scatter_gather_tensor_cpu",
    "scatter_value": "scatter_gather_scalar_cpu", "scatter_add": "scatter_add_",
    "index_fill": "index_fill_cpu", "index_fill_t": "index_fill_cpu", "index_select": "index_select",
    "index_add": "index_add_cpu_", "index_copy": "index_copy_cpu",
    "masked_fill": "masked_fill", "masked_fill_t": "masked_fill",
    "dot": "dot", "vdot": "dot", "mm": "addmm_impl_cpu_", "addmm": "addmm_impl_cpu_", "mv": "addmv_impl_cpu",
    "addmv": "addmv_impl_cpu", "bmm": "bmm", "baddbmm": "baddbmm", "addbmm": "addmm_impl_cpu_",
}


def check(op, inputs):
    """PyTorch's NotImplementedError when op is one it lacks for a barebones unsigned input."""
    kernel = REFUSED.get(op.name)
    if kernel is None:
        return
    for t in inputs:
        data = getattr(t, "_data", None)
        if data is not None and data.dtype in _B:
            raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(data.dtype)}\'')


def among(a, b):
    """Whether the array a, or b (an array or a Python number), is of a barebones unsigned dtype."""
    return a.dtype in _B or b.__class__ is np.ndarray and b.dtype in _B


def refuse(kernel, np_dtype):
    """For the engine's functions that do not go through apply: PyTorch's NotImplementedError when np_dtype is
    a barebones unsigned type."""
    if np_dtype in _B:
        raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(np_dtype)}\'')


def _sequence(x):
    return isinstance(x, (list, tuple)) or getattr(x, "ndim", 0) > 0


def refuse_non_int_literals(data, dtype):
    """torch.tensor's store into uint64 (CPython's PyLong_AsUnsignedLongLong): every leaf of nested Python data
    must be a Python int (a bool is one); a float, a numpy scalar or a tensor among them is a TypeError. PyTorch
    checks the lengths as it stores, depth first, so a leaf refused before a ragged row is the TypeError; a shape
    error met first is left to the caller's check of the shape."""
    if dtype is not dtypes.uint64 or data.__class__ is np.ndarray or hasattr(data, "_data"):
        return
    sizes, x = [], data
    while _sequence(x):   # (the sizes, from the first element of each level, as PyTorch's compute_sizes)
        sizes.append(len(x))
        if not len(x):
            break
        x = x[0]
    stack = [(data, 0)]
    while stack:
        x, dim = stack.pop()
        if dim == len(sizes):
            if not isinstance(x, int) or isinstance(x, np.generic):
                raise TypeError("an integer is required")
        elif not _sequence(x) or len(x) != sizes[dim]:
            return
        else:
            stack.extend((x[i], dim + 1) for i in reversed(range(len(x))))
