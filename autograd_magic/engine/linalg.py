"""Matrix products: matmul (dispatching on the inputs' dims as PyTorch does, so grad_fn shows the same nodes), mm,
mv, dot, bmm, addmm, outer, with PyTorch's messages for mismatched shapes and dtypes."""
import numpy as np

from . import autocast as _ac, batching, blas, dtypes, mkl_order
from .ops import transposed
from .ops_attn import bmm_dtypes, bmm_shapes
from .optable import OPS
from .shaping import _tensor_list, expand, reshape, squeeze, t, transpose, unsqueeze, view
from .tensor_base import TensorBase, apply, binary, check_broadcast, check_foreign


def matmul(input, other):
    if _ac.CPU.dtype is not None:   # inside torch.autocast: computed in its dtype (engine/autocast.py)
        input, other = _ac.lower(input, other)
    if isinstance(input, TensorBase) and isinstance(other, TensorBase):
        ad, bd = input._data, other._data
        if ad.ndim == 2 and bd.ndim == 2 and ad.dtype is bd.dtype and ad.shape[1] == bd.shape[0] \
                and ad.dtype.kind != "b":
            # two matrices (a layer's x @ W): mm, whose checks cannot fail
            return apply(_MM, (input, other), transposed(bd), transposed(ad), data=mkl_order.matmul(ad, bd))
    check_foreign(other)
    check_foreign(input)
    a, b = input, other
    na, nb = a._data.ndim, b._data.ndim
    # (mismatched dtypes: the message of the product matmul reaches, after that product's shape checks)
    if a._data.dtype != b._data.dtype and na == 1 and nb == 1:
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found {a.dtype.scalar_name} and {b.dtype.scalar_name}")
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
        out = apply(OPS["squeeze_mm"], (out,), out._data.shape[1:], out._data.shape)
        out._vbox[0] += 1   # (ATen squeezes the product in place, squeeze_(0): its version counter shows 1)
        return out
    # (the shapes are checked where ATen's matmul checks them: by the mm or mv of the folded operand, or by
    # infer_size of the batch dims and then bmm's check of the expanded ones)
    if _should_fold(a, b):
        return _folded(a, b)
    if na == 3 and nb == 3 and a._data.shape[0] != b._data.shape[0]:
        # ATen squeezes a batch of one that requires grad (its gradient then comes from one mm, not a sum over
        # an expanded batch) and matmuls again: the fold applies
        if a._data.shape[0] == 1 and a.requires_grad:
            return matmul(squeeze(a, 0), b)
        if b._data.shape[0] == 1 and b.requires_grad:
            return matmul(a, squeeze(b, 0))
    return _batched(a, b)


def _should_fold(a, b):
    """ATen's should_fold: fold the larger (>= 3-d) operand into a matrix for one mm / mv when the other is a
    vector or a matrix that requires grad, or when that costs no copy (never for a matrix on the left)."""
    ad, bd = a._data, b._data
    larger = ad.ndim >= bd.ndim
    big = ad if larger else bd.swapaxes(-1, -2)
    if not (big.ndim >= 3 and (bd.ndim if larger else ad.ndim) <= 2):
        return False
    if (b if larger else a).requires_grad:
        return True
    if ad.ndim == 2:
        return False
    if big.size == 0:
        return True
    shape, strides = big.shape, [s // big.itemsize for s in big.strides]
    return all(strides[i] == strides[i + 1] * shape[i + 1] for i in range(big.ndim - 2))


def _folded(a, b):
    """The batch dims folded into rows: one mm (or mv), as PyTorch's matmul records it (a matrix on the left is
    transposed to the right, and the result transposed back and made contiguous)."""
    flip = b._data.ndim > a._data.ndim
    t1 = transpose(b, -1, -2) if flip else a
    t2 = (t(a) if a._data.ndim == 2 else a) if flip else b
    shape = t1._data.shape[:-1]
    rows = 1
    for n in shape:
        rows *= n
    folded = reshape(t1, rows, t1._data.shape[-1])
    if t2._data.ndim == 1:
        out = mv(folded, t2)
        return apply(OPS["unsafe_view"], (out,), shape, out._data.shape)
    out = mm(folded, t2)
    out = apply(OPS["unsafe_view"], (out,), shape + (t2._data.shape[1],), out._data.shape)
    return transpose(out, -1, -2).contiguous() if flip else out


def _batched(a, b):
    """Both expanded to the broadcast batch, flattened to one batch dim, one bmm: PyTorch's general case."""
    sa, sb = a._data.shape, b._data.shape
    n = sa[-2] if len(sa) > 1 else 1
    m2, p = (sb[-2], sb[-1]) if len(sb) > 1 else (sb[0], 1)
    check_broadcast(sa[:-2], sb[:-2])
    batch = tuple(np.broadcast_shapes(sa[:-2], sb[:-2]))
    count = 1
    for k in batch:
        count *= k
    if sa[-1] != m2:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{count}, {sa[-1]}] but "
                           f"got: [{count}, {m2}].")
    bmm_dtypes(a, b, n, m2, p)
    left = reshape(expand(a, batch + (n, sa[-1])), count, n, sa[-1])
    if len(sb) == 1:
        right = unsqueeze(reshape(expand(b, batch + (m2,)), count, m2), 2)
    else:
        right = reshape(expand(b, batch + (m2, p)), count, m2, p)
    _no_bool(left, "bmm")
    out = apply(OPS["bmm"], (left, right))
    if len(sb) == 1:
        out = squeeze(out, -1)
    shape = batch + ((n,) if len(sa) > 1 else ()) + ((p,) if len(sb) > 1 else ())
    return apply(OPS["unsafe_view"], (out,), shape, out._data.shape)


_MM = OPS["mm"]


def _no_bool(t, kernel):
    """ATen's CPU products dispatch on numbers, not bool: the kernel's NotImplementedError (after the checks of
    shapes, as ATen's meta functions run first)."""
    if t._data.dtype.kind == "b":
        raise NotImplementedError(f'"{kernel}" not implemented for \'Bool\'')


def _check_matmul_shapes(a, b):
    sa, sb = a._data.shape, b._data.shape
    k_a = sa[-1]
    k_b = sb[-2] if len(sb) > 1 else sb[0]
    if k_a != k_b:
        message = batching.product_mismatch(a, b) if len(sa) == 2 and len(sb) == 2 else None
        if message is not None:
            raise RuntimeError(message)
        if len(sa) == 2 and len(sb) == 2:
            raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and {sb[0]}x{sb[1]})")
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{sa[0] if len(sa) > 2 else 1}, {k_a}] but got: [{sb[0] if len(sb) > 2 else 1}, {k_b}].")


def bmm(input, mat2):
    if _ac.CPU.dtype is not None:
        input, mat2 = _ac.lower(input, mat2)
    batching.check_ranks("bmm", input, mat2, 3, 3)
    bmm_shapes(input, mat2)
    bmm_dtypes(input, mat2, *input._data.shape[1:], mat2._data.shape[2])
    _no_bool(input, "bmm")
    return apply(OPS["bmm"], (input, mat2))


def mm(input, mat2):
    if _ac.CPU.dtype is not None:
        input, mat2 = _ac.lower(input, mat2)
    a, b = input, mat2
    batching.check_ranks("mm", a, b, 2, 2)
    if a._data.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if b._data.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    _check_matmul_shapes(a, b)
    if a._data.dtype != b._data.dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {a.dtype.c_name} != {b.dtype.c_name}")
    _no_bool(a, "addmm_impl_cpu_")
    return apply(OPS["mm"], (a, b), transposed(b._data), transposed(a._data), data=mkl_order.matmul(a._data, b._data))


def mv(input, vec):
    """mat @ vec, as ATen's addmv into a result of mat.size(0): that result's size read first, then the ranks."""
    batching.check_ranks("mv", input, vec, 2, 1)
    if input._data.ndim == 0:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    if input._data.ndim != 2 or vec._data.ndim != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {input._data.ndim}, {vec._data.ndim}")
    if input._data.shape[1] != vec._data.shape[0]:
        message = batching.product_mismatch(input, vec)
        if message is not None:
            raise RuntimeError(message)
        raise RuntimeError(f"size mismatch, got input ({input._data.shape[0]}), mat ({input._data.shape[0]}x"
                           f"{input._data.shape[1]}), vec ({vec._data.shape[0]})")
    if input._data.dtype != vec._data.dtype:
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {vec.dtype.scalar_name}, {input.dtype.scalar_name}, "
                           f"and {vec.dtype.scalar_name}")
    _no_bool(input, "addmv_impl_cpu")
    return apply(OPS["mv"], (input, vec))


def vdot(input, other):
    """The dot product of two vectors (the first conjugated: real tensors here), VdotBackward0."""
    if input._data.ndim != 1 or other._data.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {input._data.ndim}D and {other._data.ndim}D tensors")
    out = dot(input.conj(), other)
    a, b = input._data, other._data
    if a.dtype.kind == "c" and not input.is_conj() and not other.is_conj():   # ATen calls cdotc/zdotc: MKL's
        got = blas.dot(a, b, conj_first=True)   # conjugating product, not dotu of the conjugate (other bits)
        if got is not None:
            return apply(OPS["vdot"], (input, other), data=np.asarray(got))
    return apply(OPS["vdot"], (input, other), data=out._data)


def _multi_dot_checks(tensors, first, last):
    """ATen's checks, in its order: the ends 1-d or 2-d, the middle 2-d, then along the chain each tensor's dtype
    (tensor 0's) and its fit with the one before."""
    for n, which in ((first, "first"), (last, "last")):
        if n not in (1, 2):
            raise RuntimeError(f"multi_dot(): the {which} tensor must be 1D or 2D but got {n}D")
    for i, t in enumerate(tensors[1:-1], 1):
        if t._data.ndim != 2:
            raise RuntimeError(f"multi_dot(): tensor {i} must be 2D but got {t._data.ndim}D")
    dtype = tensors[0]._data.dtype
    for i in range(1, len(tensors)):
        a, b = tensors[i - 1]._data, tensors[i]._data
        if b.dtype != dtype:
            raise RuntimeError(f"multi_dot(): all tensors must have be the same dtype but tensor 0 is "
                               f"{dtypes.c_name(dtype)} and tensor {i} {dtypes.c_name(b.dtype)}")
        if a.shape[-1] != b.shape[0]:
            raise RuntimeError(f"multi_dot(): tensors {i - 1} and {i} with shapes [{', '.join(map(str, a.shape))}] "
                               f"and [{', '.join(map(str, b.shape))}] cannot be multiplied")


def multi_dot(tensors):
    """Matrix products of a chain in the cheapest order (a 1-d first or last operand as a row or column), as
    torch.linalg.multi_dot: the explicit comparison for three, matrix-chain order beyond; one view at the end."""
    tensors = _tensor_list(tensors, "linalg_multi_dot")
    n = len(tensors)
    if n < 2:
        raise RuntimeError(f"multi_dot(): expected at least 2 tensors but got {n}")
    first, last = tensors[0]._data.ndim, tensors[-1]._data.ndim
    _multi_dot_checks(tensors, first, last)
    mats = list(tensors)
    if first == 1:
        mats[0] = unsqueeze(mats[0], 0)
    if last == 1:
        mats[-1] = unsqueeze(mats[-1], 1)
    shape = (() if first == 1 else (tensors[0]._data.shape[0],)) + (() if last == 1 else
                                                                      (tensors[-1]._data.shape[-1],))
    if n == 2:
        out = mm(mats[0], mats[1])
    elif n == 3:
        a, b = mats[0]._data.shape[0], mats[1]._data.shape[0]
        c, d = mats[2]._data.shape
        if (a * c) * (b + d) > (b * d) * (a + c):
            out = mm(mats[0], mm(mats[1], mats[2]))
        else:
            out = mm(mm(mats[0], mats[1]), mats[2])
    else:
        split = chain_order([m._data.shape[0] for m in mats] + [mats[-1]._data.shape[1]])

        def chain(i, j):
            return mats[i] if i == j else mm(chain(i, split[i][j]), chain(split[i][j] + 1, j))
        out = chain(0, n - 1)
    return view(out, shape)


def chain_order(dims):
    """ATen's matrix-chain order for matrices of shapes (dims[i], dims[i+1]): split[i][j], the first k with the
    least cost (CLRS)."""
    n = len(dims) - 1
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = None
            for k in range(i, j):
                c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if cost[i][j] is None or c < cost[i][j]:
                    cost[i][j], split[i][j] = c, k
    return split


def dot(input, tensor):
    batching.check_ranks("dot", input, tensor, 1, 1)
    if input._data.dtype != tensor._data.dtype:
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found {input.dtype.scalar_name} and "
                           f"{tensor.dtype.scalar_name}")
    if input._data.ndim != 1 or tensor._data.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {input._data.ndim}D and {tensor._data.ndim}D tensors")
    if input._data.shape[0] != tensor._data.shape[0]:
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{input._data.shape[0]}] and src "
                           f"[{tensor._data.shape[0]}] to have the same number of elements, but got "
                           f"{input._data.shape[0]} and {tensor._data.shape[0]} elements respectively")
    _no_bool(input, "dot")
    return apply(OPS["dot"], (input, tensor))


def _check_matrices(mat1, mat2):
    for name, m in (("mat1", mat1), ("mat2", mat2)):
        if m._data.ndim != 2:
            raise RuntimeError(f"{name} must be a matrix, got {m._data.ndim}-D tensor")


def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    if _ac.CPU.dtype is not None:
        input, mat1, mat2 = _ac.lower(input, mat1, mat2)
    if beta != 1 or alpha != 1:   # BLAS's C = beta * C + alpha * A @ B (ops_addmv.py)
        _check_matrices(mat1, mat2)
        _check_matmul_shapes(mat1, mat2)
        expand(input, mat1._data.shape[:1] + mat2._data.shape[1:])   # PyTorch's message for a wrong input
        return apply(OPS["addmm_scaled"], (input, mat1, mat2), beta, alpha, _layout(mat1._data), _layout(mat2._data))
    if input._data.dtype != mat2._data.dtype:
        raise RuntimeError(f"self and mat2 must have the same dtype, but got {input.dtype.scalar_name} and {mat2.dtype.scalar_name}")
    if mat1._data.dtype != mat2._data.dtype:
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {mat1.dtype.scalar_name} and {mat2.dtype.scalar_name}")
    _check_matrices(mat1, mat2)
    _check_matmul_shapes(mat1, mat2)
    size = mat1._data.shape[:1] + mat2._data.shape[1:]
    shape = input._data.shape
    if len(shape) > 2 or any(n != 1 and n != m for n, m in zip(shape[::-1], size[::-1])):
        expand(input, size)   # PyTorch's message for an input that does not expand to the product's shape
    data = mkl_order.addmm(input._data, mat1._data, mat2._data)
    return apply(OPS["addmm"], (input, mat1, mat2), transposed(mat2._data), transposed(mat1._data),
                 _layout(mat1._data), _layout(mat2._data), data=data)


def _layout(arr):
    """A factor's sizes, strides in bytes and item size, kept in an addmm node's consts (its
    _saved_mat1_sym_sizes ...: worked out in elements when read, not at every product)."""
    return arr.shape, arr.strides, arr.itemsize


def outer(input, vec2):
    for name, t in (("self", input), ("vec2", vec2)):
        if t._data.ndim != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {name}, but got {t._data.ndim}-D")
    return binary("mul", unsqueeze(input, 1), unsqueeze(vec2, 0))


_CDIST_MODES = {None: 0, "use_mm_for_euclid_dist_if_necessary": 0, "use_mm_for_euclid_dist": 1,
                "donot_use_mm_for_euclid_dist": 2}


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    """The p-norm distance between each row of x1 and each row of x2 (batched over leading dims). For p=2 with
    more than 25 rows on either side (or compute_mode='use_mm_for_euclid_dist') PyTorch switches to a matrix
    product formula, recorded as EuclideanDistBackward0 under a view; otherwise CdistBackward0."""
    if compute_mode not in _CDIST_MODES:
        raise ValueError(f"{compute_mode} is not a valid value for compute_mode")
    a, b = x1._data, x2._data
    if a.ndim < 2:
        raise RuntimeError(f"cdist only supports at least 2D tensors, X1 got: {a.ndim}D")
    if b.ndim < 2:
        raise RuntimeError(f"cdist only supports at least 2D tensors, X2 got: {b.ndim}D")
    if a.shape[-1] != b.shape[-1]:
        raise RuntimeError(f"X1 and X2 must have the same number of columns. X1: {a.shape[-1]} X2: {b.shape[-1]}")
    for name, t in (("X1", x1), ("X2", x2)):
        if not dtypes.is_float_np(t._data.dtype):
            raise RuntimeError(f"cdist only supports floating-point dtypes, {name} got: {t.dtype.scalar_name}")
    if p < 0:
        raise RuntimeError("cdist only supports non-negative p values")
    check_broadcast(a.shape[:-2], b.shape[:-2])
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    mode = _CDIST_MODES[compute_mode]
    by_mm = p == 2 and a.size and b.size and (mode == 1 or (mode == 0 and (a.shape[-2] > 25 or b.shape[-2] > 25)))
    # ATen checks the dtypes where it computes: the matrix-product path in its matmul, the other in cdist's kernel
    # (an empty input reaches neither: its empty or zero result takes x1's dtype)
    if a.dtype != b.dtype and a.size and b.size:
        if by_mm:
            raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {x1.dtype.c_name} != "
                               f"{x2.dtype.c_name}")
        raise RuntimeError(f"expected scalar type {x1.dtype.scalar_name} but found {x2.dtype.scalar_name}")
    if x1.dtype.scalar_name not in ("Float", "Double") and not by_mm and a.size and b.size:
        raise NotImplementedError(f'"cdist" not implemented for \'{x1.dtype.scalar_name}\'')
    if a.dtype != b.dtype:
        x2 = apply(OPS["to_copy"], (x2,), a.dtype)
    if by_mm:
        if a.shape[:-2] != batch or b.shape[:-2] != batch:
            x1, x2 = expand(x1, batch + a.shape[-2:]), expand(x2, batch + b.shape[-2:])
        out = apply(OPS["_euclidean_dist"], (x1, x2))
        return view(out, *batch, a.shape[-2], b.shape[-2])
    return apply(OPS["_cdist_forward"], (x1, x2), float(p))


def pdist(input, p=2):
    """The p-norm distance between each pair of rows i < j of a 2-d input, in that order (PdistBackward0)."""
    if input.ndim != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {input.ndim}D")
    if not dtypes.is_float_np(input._data.dtype):
        raise RuntimeError("pdist only supports floating-point dtypes")
    if p < 0:
        raise RuntimeError("pdist only supports non-negative p values")
    return apply(OPS["_pdist_forward"], (input,), float(p))
