"""Matrix products: matmul (dispatching on the inputs' dims as PyTorch does, so grad_fn shows the same nodes), mm,
mv, dot, bmm, addmm, outer, with PyTorch's messages for mismatched shapes and dtypes."""
import numpy as np

from .ops import transposed
from .optable import OPS
from .shaping import reshape, unsqueeze
from .tensor_base import apply, binary, check_foreign


def matmul(input, other):
    check_foreign(other)
    check_foreign(input)
    a, b = input, other
    na, nb = a._data.ndim, b._data.ndim
    if a._data.dtype != b._data.dtype:
        if na == 1 and nb == 1:
            raise RuntimeError(f"dot : expected both vectors to have same dtype, but found {a.dtype.scalar_name} and {b.dtype.scalar_name}")
        if na == 2 and nb == 1:
            raise RuntimeError(f"addmv input tensors must have the same dtype, but got {b.dtype.scalar_name}, {a.dtype.scalar_name}, "
                               f"and {b.dtype.scalar_name}")
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                           f"{a.dtype.c_name} != {b.dtype.c_name}")
    if na == 0 or nb == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {na}D and {nb}D")
    if na == 1 and nb == 1:
        return dot(a, b)
    if na == 2 and nb == 2:
        return mm(a, b)
    if na == 2 and nb == 1:
        return mv(a, b)
    if na == 1 and nb == 2:
        out = mm(unsqueeze(a, 0), b)
        return apply(OPS["squeeze_mm"], (out,), out._data.shape[1:], out._data.shape)
    _check_matmul_shapes(a, b)
    if nb == 2:
        # PyTorch folds the batch dims into one mm.
        out = mm(reshape(a, -1, a._data.shape[-1]), b)
        return apply(OPS["unsafe_view"], (out,), a._data.shape[:-1] + b._data.shape[1:], out._data.shape)
    out = apply(OPS["bmm"], (a, b))
    return apply(OPS["unsafe_view"], (out,), out._data.shape, out._data.shape)


def _check_matmul_shapes(a, b):
    sa, sb = a._data.shape, b._data.shape
    k_a = sa[-1]
    k_b = sb[-2] if len(sb) > 1 else sb[0]
    if k_a != k_b:
        if len(sa) == 2 and len(sb) == 2:
            raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and {sb[0]}x{sb[1]})")
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{sa[0] if len(sa) > 2 else 1}, {k_a}] but got: [{sb[0] if len(sb) > 2 else 1}, {k_b}].")


def bmm(input, mat2):
    for t, name in ((input, "batch1"), (mat2, "batch2")):
        if t._data.ndim != 3:
            raise RuntimeError(f"{name} must be a 3D tensor")
    if input._data.dtype != mat2._data.dtype:
        raise RuntimeError(f"expected scalar type {input.dtype.scalar_name} but found {mat2.dtype.scalar_name}")
    sa, sb = input._data.shape, mat2._data.shape
    if sb[0] != sa[0] or sb[1] != sa[2]:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{sa[0]}, {sa[2]}] but "
                           f"got: [{sb[0]}, {sb[1]}].")
    return apply(OPS["bmm"], (input, mat2))


def mm(input, mat2):
    a, b = input, mat2
    if a._data.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if b._data.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    if a._data.dtype != b._data.dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {a.dtype.c_name} != {b.dtype.c_name}")
    _check_matmul_shapes(a, b)
    return apply(OPS["mm"], (a, b), transposed(b._data), data=np.matmul(a._data, b._data))


def mv(input, vec):
    if input._data.dtype != vec._data.dtype:
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {vec.dtype.scalar_name}, {input.dtype.scalar_name}, "
                           f"and {vec.dtype.scalar_name}")
    if input._data.shape[1] != vec._data.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({input._data.shape[0]}), mat ({input._data.shape[0]}x"
                           f"{input._data.shape[1]}), vec ({vec._data.shape[0]})")
    return apply(OPS["mv"], (input, vec))


def dot(input, tensor):
    if input._data.dtype != tensor._data.dtype:
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found {input.dtype.scalar_name} and "
                           f"{tensor.dtype.scalar_name}")
    if input._data.ndim != 1 or tensor._data.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {input._data.ndim}D and {tensor._data.ndim}D tensors")
    if input._data.shape[0] != tensor._data.shape[0]:
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{input._data.shape[0]}] and src "
                           f"[{tensor._data.shape[0]}] to have the same number of elements, but got "
                           f"{input._data.shape[0]} and {tensor._data.shape[0]} elements respectively")
    return apply(OPS["dot"], (input, tensor))


def addmm(input, mat1, mat2):
    if input._data.dtype != mat2._data.dtype:
        raise RuntimeError(f"self and mat2 must have the same dtype, but got {input.dtype.scalar_name} and {mat2.dtype.scalar_name}")
    if mat1._data.dtype != mat2._data.dtype:
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {mat1.dtype.scalar_name} and {mat2.dtype.scalar_name}")
    _check_matmul_shapes(mat1, mat2)
    data = np.matmul(mat1._data, mat2._data)
    data += input._data
    return apply(OPS["addmm"], (input, mat1, mat2), transposed(mat2._data), data=data)


def outer(input, vec2):
    return binary("mul", unsqueeze(input, 1), unsqueeze(vec2, 0))
