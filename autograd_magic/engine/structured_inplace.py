"""In-place forms of ATen's structured BLAS-style kernels (addmm_, addmv_, baddbmm_) and the legacy addr_.

A structured kernel writing into self runs its meta function's checks, then asks self to hold the output's shape:
self is never broadcast up to it (PyTorch: "Bad in-place call: input tensor size [1, 3] and output tensor size
[2, 3] should match"), although the out-of-place op broadcasts the same input. addr_ keeps the older checks of
self's rank and sizes. Each meta below returns the output's shape after the checks that come before it in ATen.
"""
from .autograd import GRAD_MODE
from .linalg import _check_matmul_shapes, _check_matrices
from .ops_addmv import _check_addmv
from .ops_attn import _baddbmm_args
from .tensor_base import TensorBase, check_inplace, inplace


def _sizes(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


def addmm_meta(self, mat1, mat2, *, beta=1, alpha=1):
    """addmm's meta: both matrices 2-d, self's dtype against mat2's, mat1's against mat2's, then the shapes."""
    _check_matrices(mat1, mat2)
    for first, a in (("self", self), ("mat1", mat1)):
        if a._data.dtype != mat2._data.dtype:
            raise RuntimeError(f"{first} and mat2 must have the same dtype, but got {a.dtype.scalar_name} and "
                               f"{mat2.dtype.scalar_name}")
    _check_matmul_shapes(mat1, mat2)
    return mat1._data.shape[0], mat2._data.shape[1]


def addmv_meta(self, mat, vec, *, beta=1, alpha=1):
    """addmv's meta: the ranks, the sizes (self of one element or of mat's rows), then the three dtypes."""
    _check_addmv(self._data, mat._data, vec._data)
    if not self._data.dtype == mat._data.dtype == vec._data.dtype:
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {self.dtype.scalar_name}, "
                           f"{mat.dtype.scalar_name}, and {vec.dtype.scalar_name}")
    return mat._data.shape[:1]


def baddbmm_meta(self, batch1, batch2, *, beta=1, alpha=1):
    """baddbmm's meta (ops_attn._baddbmm_args: self expanded to the product's shape first)."""
    _baddbmm_args(self, batch1, batch2)
    return batch1._data.shape[:2] + batch2._data.shape[2:]


def addr_meta(self, vec1, vec2, *, beta=1, alpha=1):
    """addr_'s checks: the vectors 1-d, self 2-d and of exactly the outer product's sizes."""
    for name, v in (("vec1", vec1), ("vec2", vec2)):
        if v._data.ndim != 1:
            raise RuntimeError(f"addr: Expected 1-D argument {name}, but got {v._data.ndim}-D")
    if self._data.ndim != 2:
        raise RuntimeError(f"2D tensor expected, got {self._data.ndim}D tensor for input")
    if self._data.shape != vec1._data.shape + vec2._data.shape:
        raise RuntimeError(f"size mismatch, input: {_sizes(self._data.shape)}, v1: {_sizes(vec1._data.shape)}, "
                           f"v2: {_sizes(vec2._data.shape)}")
    return self._data.shape


def structured(fn, meta, name):
    """Tensor.name: fn (out of place) written into self, after meta's checks and the refusal of another shape. A
    call meta cannot read (a wrong keyword, a number for a tensor) goes to fn, whose parser words the error."""
    def method(self, *args, **kwargs):
        if GRAD_MODE.enabled and (self._rg or any(isinstance(a, TensorBase) and a._rg for a in args)):
            check_inplace(self)   # (autograd's checks come before the kernel's)
        try:
            shape = meta(self, *args, **kwargs)
        except (TypeError, AttributeError):
            shape = None
        if shape is not None and tuple(shape) != self._data.shape:
            raise RuntimeError(f"Bad in-place call: input tensor size {_sizes(self._data.shape)} and output tensor "
                               f"size {_sizes(shape)} should match")
        if "out" in kwargs:
            raise TypeError(f"{name}() got an unexpected keyword argument 'out'")
        return inplace(fn, self, *args, **kwargs)
    method.__name__ = method.__qualname__ = name
    return method


def methods(functions):
    """{name_: method} for the four ops, fn taken from functions (name -> the out-of-place function)."""
    metas = {"addmm": addmm_meta, "addmv": addmv_meta, "baddbmm": baddbmm_meta, "addr": addr_meta}
    return {name + "_": structured(functions[name], meta, name + "_") for name, meta in metas.items()}


