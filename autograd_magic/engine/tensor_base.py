"""TensorBase, what every engine module builds on: a numpy array with PyTorch's autograd attributes; ``apply``,
which runs an op of the table and records its node; ``binary_op`` (type promotion); the in-place machinery; and the
functions and methods generated from the op declarations.

Tensor (tensor.py) is TensorBase plus its methods, as PyTorch's ``torch.Tensor`` builds on ``torch._C.TensorBase``.
The engine's functions make tensors with ``wrap``, which gives them that class: Tensor names itself with
``class Tensor(..., result_class=True)`` when it is defined.
"""
import collections
import ctypes
import numbers
import warnings
import weakref

import numpy as np

from . import argcheck, bf16 as _bf16, bufpool, dtypes, memory_format as _formats, overlap as _overlap
from . import storage as _storage
# The op declarations: every module that declares ops is imported here, before Tensor is built from the table.
from . import ops, ops_act, ops_conv, ops_dist, ops_math, ops_nn, ops_norm, ops_rnn, ops_shape  # noqa: F401
from . import ops_embedding_bag  # noqa: F401
from . import ops_act_backward  # noqa: F401  (activations' backward functions: their double-backward nodes)
from . import backward_nodes  # noqa: F401  (losses' backward functions: their double-backward nodes)
from . import ops_attn, ops_linalg, ops_more, ops_pad, ops_pool, ops_resample, ops_tensor  # noqa: F401
from . import ops_fold, ops_fractional, ops_grid, ops_grid3d, ops_margin, ops_unpool, ops_exercise  # noqa: F401
from . import ops_sampling, ops_ctc  # noqa: F401  (distributions' samplers and gamma functions; CTC loss)
from . import ops_addmv, ops_put  # noqa: F401  (addmv, addr, addbmm, addmm's beta/alpha; take, put)
from . import ops_linalg_legacy, ops_linalg_more, ops_special  # noqa: F401  (cholesky_solve, triangular_solve; matrix_exp, eig, LU; torch.special)
from . import real_kernels  # (the complex refusals of the real-only kernels, given below)
from . import ops_complex, ops_fft  # noqa: F401  (view_as_real, view_as_complex, complex, polar ...; torch.fft)
from .autograd import GRAD_MODE, SAVED_HOOKS, AccumulateGrad, Node, RemovableHandle, Saved, edge_node, pack_saved
from .fperror import ALL_IGNORED, FP_ERROR_STATE
from .optable import OPS, declared_ops
ops_complex.wrap_holomorphic(OPS)   # (every op module is imported by now)
real_kernels.refuse_complex(OPS)   # (the same: erf, lgamma, xlogy ... have no complex kernel)
from .printing import format_tensor
from . import batching as _batching, dispatch as _dispatch
from .dispatch import (  # noqa: F401  (the op dispatch: compiled where built, see dispatch.py)
    _BF16, _ELEMENTWISE, _INFERENCE_MADE, _NO_INFERENCE_SAVED, _POOL_MIN, _SCALARS, INFERENCE_MODE, TANGENT_HOOK,
    _check_inference_saved, _new, _save, apply, binary, binary_op, check_broadcast, check_foreign, mark_inference,
    scalar_tensor, wrap, wrap_from, wrap_view)
from .size import CPU, Size, checked_sizes, nonnegative, size_of as _size_of, strided

_FLOAT_KINDS = "f"
_NONLEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be "
    "populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf "
    "Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure "
    "you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information. "
    "(Triggered internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:493.)")
_NO_GRAD_DTYPE = "only Tensors of floating point dtype can require gradients"



# ---------------------------------------------------------------- functions and methods generated from declarations


_REQUIRED = object()
# torch.jit.trace's view of the Python values a traced function takes out of tensors (bool(), item(), float() ...):
# None, or a callable (kind, value) -> value that records them while tracing (warning PyTorch's TracerWarning) and
# hands the recorded constants back when the trace runs (torch/jit/_trace.py)
PYTHON_VALUE_HOOK = [None]


def _missing_input(name):
    """PyTorch's parser's TypeError for a function called without its tensor (``torch.tanh()``)."""
    raise TypeError(f'{name}() missing 1 required positional arguments: "input"')


def declared_function(op, name):
    """The public function an op declares (``api=``): split the arguments, promote, record (see optable)."""
    to_float = op.promote == "float"
    if op.args is None:   # (input's default only tells a call without it: PyTorch's parser words that error)
        if to_float:
            def fn(input=_REQUIRED):
                if input is _REQUIRED:
                    _missing_input(name)
                d = input._data.dtype
                return apply(op, (input if d.kind in "fc" or d is _BF16 else input.to(dtypes.get_default_dtype()),))
        else:
            def fn(input=_REQUIRED):
                if input is _REQUIRED:
                    _missing_input(name)
                return apply(op, (input,))
    else:
        split = op.args

        def fn(*args, **kwargs):
            inputs, consts = split(*args, **kwargs)
            if to_float:
                inputs = tuple(t if t.__class__ in _SCALARS or t._data.dtype.kind in "fc" or t._data.dtype is _BF16
                               else t.to(dtypes.get_default_dtype()) for t in inputs)
            return apply(op, inputs, *consts)
    if op.kernel is not None:
        fn = _kernel_dtypes(fn, *op.kernel)
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = op.doc or f"{name} (differentiable; grad_fn {op.node})."
    return fn


def _kernel_dtypes(fn, kernel, kinds):
    """fn refusing an input of these dtype kinds as PyTorch's kernel does (OpDef.kernel)."""
    def checked(*args, **kwargs):
        t = args[0] if args else kwargs.get("input")
        if isinstance(t, TensorBase) and t._data.dtype.kind in kinds:
            raise NotImplementedError(f'"{kernel}" not implemented for \'{t.dtype.scalar_name}\'')
        return fn(*args, **kwargs)
    return checked


def _declared():
    """{public name: function} and {method name: method} of every op that declares its API."""
    functions, methods = {}, {}
    for op in declared_ops():
        fn = declared_function(op, op.api[0])
        for name in op.api:
            functions[name] = fn
            if op.method:
                methods[name] = fn
        if op.inplace:   # (asin_ and arcsin_ alike)
            ifn = fn if op.inplace is True else declared_function(OPS[op.inplace], op.api[0])
            for name in op.api:
                methods[name + "_"] = _inplace_method(ifn, name + "_")
    return functions, methods


def _inplace_method(fn, name):
    def method(self, *args, **kwargs):
        return inplace(fn, self, *args, **kwargs)
    method.__name__ = method.__qualname__ = name
    return method


DECLARED_FUNCTIONS, _declared_methods = _declared()
# The methods generated from the op table, as a base class of Tensor (Tensor's own body overrides none of them).
DeclaredMethods = type("DeclaredMethods", (), {"__slots__": (), "__module__": __name__, **_declared_methods})


_SAME_DTYPE = object()   # grad_dtype never set: the tensor's own dtype
_GRAD_DTYPE_MISMATCH = (
    "attempting to assign a gradient with dtype '{}' to a tensor with grad_dtype '{}'. The gradient must match the "
    "tensor's grad_dtype (defaults to the tensor's dtype). You can set the tensor's grad_dtype attribute with a "
    "specific dtype, or None to allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and "
    "its gradient may break downstream systems that assume they match.")


def _real_scalar(value, c_type):
    """A complex element converted to a real Python number as c10 converts it: its real part, unless the imaginary
    part is not zero (the conversion's overflow error)."""
    if value.__class__ is complex:
        if value.imag:
            raise RuntimeError(f"value cannot be converted to type {c_type} without overflow")
        return value.real
    return value


class TensorBase:
    """The data and autograd attributes of a tensor on the CPU, backed by a numpy array (see tensor.Tensor)."""
    # Rarely set attributes live in the instance __dict__ with these class defaults, so that creating a
    # tensor (the hot path of every op) sets only four slots.
    __slots__ = ("_data", "_rg", "_fn", "_vb", "__dict__", "__weakref__")
    _grad = None
    _coo = None   # a sparse COO tensor's indices, values, coalesced (engine/sparse.py; its _data is their dense sum)
    _accum = None
    _retains_grad = False
    _hooks = None
    _post_acc_hooks = None  # register_post_accumulate_grad_hook: called with the leaf after .grad is accumulated
    _view_of_leaf = False
    _neg_bit = False   # the imaginary part of a conjugated tensor (and views of it): is_neg(), resolve_neg()
    _conj_bit = False   # conj() of a complex tensor (and views of it): is_conj(), resolve_conj(), view_as_real's refusal
    _multi_view = None  # an output of unbind/split/chunk (or a view of one) made in grad mode: its output index
    _untracked_view = False  # a view made under no_grad: requires_grad shows True, no gradient reaches it
    _custom_view = None  # an autograd.Function's output that is a view (an input returned as-is), or a view of one
    _inference = False  # made under torch.inference_mode (an inference tensor: is_inference(), its errors)
    _fwt = None  # forward AD: (dual level, tangent) (engine/forward_ad.py)
    _bt = None   # a batched value of a running vmap: the vmap call (engine/batching.py)
    _gw = None   # wrapped by a torch.func autodiff level inside a vmap: the level's token (engine/batching.py)
    _vbase = None  # a view's base (the tensor that owns the memory): in-place writes to the view rebase its history
    _grad_dtype = _SAME_DTYPE  # Tensor.grad_dtype: the dtype .grad must have (None: any); unset: the tensor's dtype
    __array_priority__ = 1000
    _repr_wrapper = None  # a user's subclass of nn.Parameter prints "Parameter(<its repr>)" (torch/nn/module.py)
    def __hash__(self):   # (PyTorch's: the object's id, so hash(t) == id(t); a tensor is hashed by identity)
        return id(self)

    def __init_subclass__(cls, result_class=False, **kwargs):
        super().__init_subclass__(**kwargs)
        if result_class:
            _dispatch.RESULT_CLASS = cls

    def __new__(cls, *args, **kwargs):
        if not args and list(kwargs) == ["other"] and cls is _dispatch.RESULT_CLASS:   # torch.Tensor(other=t)
            args, kwargs = (kwargs["other"],), {}
        if len(args) == 1 and not kwargs and isinstance(args[0], TensorBase) and isinstance(
                _dispatch.RESULT_CLASS, type) and issubclass(cls, _dispatch.RESULT_CLASS):
            # torch.Tensor(t), Sub(t): an alias of t (its dtype, its memory; AliasBackward0) of that class
            out = _dispatch.RESULT_CLASS.__getitem__(args[0], ...)
            if cls is not _dispatch.RESULT_CLASS:
                out.__class__ = cls
            return out
        obj = object.__new__(cls)
        base = _dispatch.RESULT_CLASS
        if cls is not base and isinstance(base, type) and issubclass(cls, base) and cls.__init__ is not base.__init__:
            # a subclass with an __init__ of its own (``def __init__(self, data): super().__init__(); self.tag =
            # ...``): PyTorch builds the tensor here, in __new__, from the call's arguments (its errors for ones it
            # cannot take), and that __init__'s super().__init__() is object's, which builds nothing
            base.__init__(obj, *args, **kwargs)
        return obj

    def __init__(self, *args, **kwargs):
        # torch.Tensor(data) / torch.Tensor(*sizes): a float32 tensor.
        if len(args) == 1 and isinstance(args[0], TensorBase) and not kwargs:
            return   # made by __new__
        if len(args) == 1 and not (isinstance(args[0], int) and args[0].__class__ is not bool):
            data = args[0]
            if isinstance(data, Size):   # torch.Tensor(t.shape): a tensor of that shape, as torch.Tensor(*sizes)
                data = np.zeros(tuple(data), dtype=dtypes.get_default_dtype().np)
            elif isinstance(data, str):
                raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
            else:   # (a deque, an array.array ...: read into a list)
                data = plain_sequences(data)
            if not isinstance(data, (list, tuple, range, np.ndarray)):
                raise TypeError(f"new(): data must be a sequence (got {argcheck.tp_name(data)})")
            else:   # (as torch.tensor reads data: ragged lists and None elements refused with PyTorch's errors)
                refuse_unsized_first(data)
                empty = check_ragged(data, dtypes.get_default_dtype())
                if empty is not None:   # (PyTorch stores nothing: its sizes, whatever the rest holds)
                    data = np.zeros(empty, dtype=dtypes.get_default_dtype().np)
                else:
                    check_numbers(data, dtypes.get_default_dtype())
                    with np.errstate(over="ignore"):   # (beyond float32's range: inf, silently)
                        data = np.array(nested_data(data), dtype=dtypes.get_default_dtype().np)
        else:   # (no arguments: an empty tensor of shape (0,))
            sizes = nonnegative(checked_sizes("new", args)) if args else (0,)
            data = np.zeros(sizes, dtype=dtypes.get_default_dtype().np)
        self._init(data)

    def _init(self, data, rg=False, grad_fn=None):
        self._data = data
        self._rg = rg
        self._fn = grad_fn
        self._vb = None

    @classmethod
    def _wrap(cls, data, rg=False, grad_fn=None):
        t = object.__new__(cls)
        t._data = data
        t._rg = rg
        t._fn = grad_fn
        t._vb = None
        return t

    @property
    def grad_fn(self):
        """The node that made this tensor. The engine keeps plain Nodes (one class keeps its hot paths fast);
        a node handed to the user becomes an instance of the class named like PyTorch's (MulBackward0)."""
        fn = self._fn if "_attr_version" not in self.__dict__ else self._current_fn(True)
        if fn is not None and fn.__class__ is Node:
            fn.__class__ = fn.op.node_cls
        return fn

    def _current_fn(self, refuse=False):
        """A view's node as PyTorch's grad_fn() gives it: when the version counter it shares with its base moved
        since the node was made (its base or another view written in place, e.g. an optimizer's step under
        no_grad), the node is made again as AsStridedBackward0 of the base. A view made under no_grad has none;
        refuse: PyTorch's error for it then."""
        view_version = self.__dict__.get("_attr_version")
        if view_version is None or self._vb is None or self._vb[0] == view_version:
            return self._fn
        base = self._vbase
        if self._untracked_view:
            if refuse:
                raise RuntimeError(_NO_GRAD_VIEW_WRITTEN)
            return self._fn
        if base is None or not base._rg:
            return self._fn
        key = view_region(base, self)
        if key is None:
            return self._fn
        old, self._fn = self._fn, Node(OPS["view_region"], (base,), None, (key, base._data.shape), self._data)
        if self._retains_grad:
            _retain_on_new_node(self, old)
        self._attr_version = self._vb[0]
        return self._fn

    @grad_fn.setter
    def grad_fn(self, fn):
        self._fn = fn

    @property
    def _vbox(self):
        """The version counter, a one-element list shared with views (made when first needed)."""
        vb = self._vb
        if vb is None:
            vb = self._vb = [0]
        return vb

    @_vbox.setter
    def _vbox(self, box):
        self._vb = box

    # ------------------------------------------------------------ autograd attributes

    @property
    def requires_grad(self):
        return self._rg

    @requires_grad.setter
    def requires_grad(self, flag):
        if flag.__class__ is not bool:
            raise RuntimeError("requires_grad must be a bool")
        if flag and self._fn is not None:   # (requires_grad_(True) lets a non-leaf be; the attribute does not)
            raise RuntimeError("you can only change requires_grad flags of leaf variables.")
        if flag and self._fn is None and not dtypes.is_diff_np(self._data.dtype):
            raise RuntimeError("only Tensors of floating point and complex dtype can require gradients")
        self._requires_grad(flag)   # (the attribute is not refused inside a torch.func transform: requires_grad_ is)

    def requires_grad_(self, requires_grad=True):
        if requires_grad.__class__ is not bool:
            raise TypeError(f"requires_grad_(): argument 'requires_grad' (position 1) must be bool, not "
                            f"{argcheck.kind(requires_grad)}")
        if _batching.TRANSFORMS:   # (a torch.func transform's function runs: the engine's own code calls _requires_grad)
            raise RuntimeError(_batching.REQUIRES_GRAD)
        return self._requires_grad(requires_grad)

    def _requires_grad(self, requires_grad=True):
        """requires_grad_ without the refusal inside torch.func transforms (factories given requires_grad=True,
        the transforms' own leaves)."""
        if requires_grad and self._inference and not INFERENCE_MODE[0]:
            raise RuntimeError("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.")
        if self._fn is not None:
            if not requires_grad:
                raise RuntimeError(
                    "you can only change requires_grad flags of leaf variables. If you want to use a computed "
                    "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
            return self
        if requires_grad and not dtypes.is_diff_np(self._data.dtype):
            raise RuntimeError(_NO_GRAD_DTYPE)
        self._rg = bool(requires_grad)
        return self

    @property
    def volatile(self):
        """Legacy Variable flag: always False, with PyTorch's warning."""
        warnings.warn("volatile was removed (Variable.volatile is always False)", UserWarning, stacklevel=2)
        return False

    @property
    def output_nr(self):
        """Which output of its grad_fn this tensor is (nonzero only for multi-output nodes)."""
        fn = self._fn
        return self._slot.nr if fn is not None and fn.multi else 0

    @property
    def is_leaf(self):
        return self._fn is None

    @property
    def grad(self):
        if self._fn is not None and not self._retains_grad:
            warnings.warn(_NONLEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None and not isinstance(value, TensorBase):
            raise TypeError(f"assigned grad expected to be a Tensor or None but got grad of type {type(value).__name__}")
        if value is not None:
            want = self.dtype if self._fn is not None or self._grad_dtype is _SAME_DTYPE else self._grad_dtype
            if want is not None and value._data.dtype != want.np:
                raise RuntimeError(_GRAD_DTYPE_MISMATCH.format(value.dtype.c_name, want.scalar_name))
            if value._data.shape != self._data.shape:
                raise RuntimeError(f"attempting to assign a gradient of size '[{', '.join(map(str, value.shape))}]' to "
                                   f"a tensor of size '[{', '.join(map(str, self.shape))}]'. Please ensure that the "
                                   "gradient and the tensor are the same size")
        self._grad = value

    @property
    def grad_dtype(self):
        """The dtype backward gives .grad and an assigned .grad must have (None: any); by default the tensor's."""
        if self._fn is not None:
            raise RuntimeError("grad_dtype can only be accessed on leaf tensors.")
        return self.dtype if self._grad_dtype is _SAME_DTYPE else self._grad_dtype

    @grad_dtype.setter
    def grad_dtype(self, value):
        if self._fn is not None:
            if not self._retains_grad:   # PyTorch's setter reads .grad first
                warnings.warn(_NONLEAF_GRAD_WARNING, UserWarning, stacklevel=2)
            raise RuntimeError("grad_dtype can only be set on leaf tensors.")
        if value is not None and not isinstance(value, dtypes.dtype):
            raise RuntimeError(f"grad_dtype must be a torch.dtype or None, but got {type(value).__name__}")
        g = self._grad
        if value is not None and g is not None and g._data.dtype != value.np:
            raise RuntimeError(f"Cannot set grad_dtype to '{value.scalar_name}' because there is already a gradient "
                               f"with dtype '{g.dtype.c_name}'. Please clear the gradient (.grad = None) before "
                               "changing grad_dtype, or ensure the new grad_dtype matches the existing gradient's "
                               "dtype.")
        self._grad_dtype = value

    @property
    def retains_grad(self):
        return self._retains_grad

    @property
    def _version(self):
        return self._vbox[0]

    @property
    def data(self):
        # the same memory, a version counter of its own: changes made through .data are not tracked by
        # autograd (PyTorch's rule; detach() shares the counter and so is checked)
        return wrap(self._data)

    @data.setter
    def data(self, value):
        # PyTorch's set_data: a tensor of the same layout, and one autograd can differentiate while self requires grad
        if not isinstance(value, TensorBase):
            raise TypeError(f"Variable data has to be a tensor, but got {argcheck.type_name(type(value))}")
        if (self._coo is None) != (value._coo is None):
            raise RuntimeError("Attempted to call `variable.set_data(tensor)`, but `variable` and `tensor` have "
                               "incompatible tensor type.")
        if self._rg and not dtypes.is_diff_np(value._data.dtype):
            raise RuntimeError("data set to a tensor that requires gradients must be floating point or complex dtype")
        self._data = value._data


    def _accumulator(self):
        acc = self._accum
        if acc is None:
            acc = self._accum = AccumulateGrad(self)
        return acc

    def retain_grad(self):
        if self._fn is None:
            if not self._rg:
                raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
            return
        self._retains_grad = True
        if self._fn.multi:   # (one output of several: its own entry, by output number)
            self._fn._hooks("out_refs")[self._slot.nr] = weakref.ref(self)
        else:
            self._fn.out_ref = weakref.ref(self)

    def register_hook(self, hook):
        if not self._rg:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        if self._fn is None:
            if self._hooks is None:
                self._hooks = collections.OrderedDict()
            handle = RemovableHandle(self._hooks)
            self._hooks[handle.id] = hook
            return handle
        if self._fn.multi:   # PyTorch keeps one dict of hooks per output, run before the node's pre-hooks
            hooks = self._fn._hooks("out_hooks").setdefault(self._slot.nr, {})
        else:
            hooks = self._fn._hooks("pre")
        own = self.__dict__.get("_own_hooks")   # (the node's pre-hooks also hold grad_fn.register_prehook's)
        if own is None:
            self._own_hooks = own = collections.OrderedDict()
        handle = RemovableHandle(hooks, own)
        hooks[handle.id] = own[handle.id] = hook
        return handle

    @property
    def _backward_hooks(self):
        """The hooks register_hook added (PyTorch's OrderedDict by handle id; None before the first)."""
        return self._hooks if self._fn is None else self.__dict__.get("_own_hooks")

    @property
    def _post_accumulate_grad_hooks(self):
        return self._post_acc_hooks

    def detach(self):
        t = wrap(self._data)
        t._vbox = self._vbox
        if self._bt is not None:   # (a batched value of a vmap: its detached view too)
            t._bt = self._bt
            t._gw = self._gw
        if self._inference:   # (a view: of an inference tensor, one too)
            t._inference = True
        if self._conj_bit:
            t._conj_bit = True
        if self._neg_bit:
            t._neg_bit = True
        return t

    def detach_(self):
        if self._view_of_leaf or self._vbase is not None:   # (any view, as PyTorch's is_view())
            raise RuntimeError("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
        self._fn = None
        self._rg = False
        return self

    # ------------------------------------------------------------ basic properties

    @property
    def dtype(self):
        return dtypes._FROM_NP[self._data.dtype]

    @property
    def shape(self):
        return _size_of(self._data.shape)

    def size(self, *args, **kwargs):
        dim = _size_dim("size", args, kwargs, self._data.ndim)
        return _size_of(self._data.shape) if dim is None else self._data.shape[dim]

    def dim(self):
        return self._data.ndim

    ndimension = dim

    @property
    def ndim(self):
        return self._data.ndim

    def numel(self):
        return self._data.size

    nelement = numel

    def element_size(self):
        return self._data.itemsize

    @property
    def device(self):
        return CPU

    @property
    def layout(self):
        return strided

    @property
    def is_cuda(self):
        return False

    def is_floating_point(self):
        return dtypes.is_float_np(self._data.dtype)

    def stride(self, *args, **kwargs):
        a = self._data
        dim = _size_dim("stride", args, kwargs, a.ndim)
        if a.size or any(a.strides):
            st = tuple(s // a.itemsize for s in a.strides)
        else:   # numpy gives a new empty array zero strides; PyTorch its row-major ones (zeros(0, 3): (3, 1))
            st, step = [], 1
            for n in reversed(a.shape):
                st.append(step)
                step *= max(n, 1)
            st = tuple(reversed(st))
        return st if dim is None else st[dim]

    def is_contiguous(self, memory_format=None):
        if memory_format is None:
            return self._data.flags.c_contiguous
        if memory_format.__class__ is not _formats.memory_format:
            _formats.checked(memory_format, -1)   # (the TypeError)
        return _formats.is_laid_out(self._data, memory_format)

    def contiguous(self, memory_format=None):
        if memory_format is None or memory_format is _formats.contiguous_format:
            if self._data.flags.c_contiguous:
                return self
            return apply(OPS["clone"], (self,), data=np.ascontiguousarray(self._data))  # clone() keeps the strides
        fmt = _formats.checked(memory_format, self._data.ndim)
        if fmt is _formats.preserve_format:
            if self._data.flags.c_contiguous:
                return self
            raise RuntimeError("preserve memory format is unsupported by the contiguous operator")
        if _formats.is_laid_out(self._data, fmt):
            return self
        return apply(OPS["clone"], (self,), data=_formats.laid_out(self._data, fmt))

    def __len__(self):
        if not self._data.ndim:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if not self._data.ndim:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))   # PyTorch's: the rows are unbind's views (UnbindBackward0, not Select)

    def __contains__(self, element):
        """``element in x``: whether an element of x equals it (a tensor, compared elementwise, or a number)."""
        if isinstance(element, (TensorBase, numbers.Number)):
            return bool((element == self).any().item())
        raise RuntimeError(f"Tensor.__contains__ only supports Tensor or scalar, but you passed in a {type(element)}.")

    def item(self):
        if self._bt is not None:
            _batching.refuse(self, _batching.ITEM, self._data.size == 1)
        if self._data.size != 1:
            raise RuntimeError(
                f"a Tensor with {self._data.size} elements cannot be converted to Scalar")
        if PYTHON_VALUE_HOOK[0] is not None:
            return PYTHON_VALUE_HOOK[0]("number", self._data.item())
        return self._data.item()   # (one element, whatever the shape: numpy's item() takes it as reshape(()).item())

    def tolist(self):
        if self._bt is not None:
            _batching.refuse(self, _batching.NO_STORAGE)
        if PYTHON_VALUE_HOOK[0] is not None:
            return PYTHON_VALUE_HOOK[0]("list", self._data.tolist())
        return self._data.tolist()

    def numpy(self, *, force=False):
        if self._data.dtype is _BF16:
            raise TypeError("Got unsupported ScalarType BFloat16")
        if self._rg and not force and GRAD_MODE.enabled:   # (under no_grad PyTorch hands the array out)
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        if self._conj_bit:
            raise RuntimeError("Can't call numpy() on Tensor that has conjugate bit set. Use tensor.resolve_conj().numpy() "
                               "instead.")
        if self._neg_bit:
            raise RuntimeError("Can't call numpy() on Tensor that has negative bit set. Use tensor.resolve_neg().numpy() "
                               "instead.")
        if self._bt is not None:
            _batching.refuse(self, _batching.NO_STORAGE)
        # a new array over the tensor's memory each call, as PyTorch's (its .base is not None): setting its .shape
        # or .strides leaves the tensor as it is
        if PYTHON_VALUE_HOOK[0] is not None:
            return PYTHON_VALUE_HOOK[0]("NumPy array", self._data.view())
        return self._data.view()

    def __array__(self, dtype=None):
        # (no copy= keyword, as PyTorch's: numpy 2 then warns its DeprecationWarning on np.array(t), as with PyTorch)
        if self._data.dtype is _BF16:
            raise TypeError("Got unsupported ScalarType BFloat16")
        if self._rg and GRAD_MODE.enabled:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        if self._bt is not None:
            _batching.refuse(self, _batching.NO_STORAGE)
        return self._data if dtype is None else self._data.astype(dtype)

    def __bool__(self):
        if self._bt is not None:
            _batching.refuse(self, _batching.CONTROL_FLOW, self._data.size == 1)
        if self._data.size != 1:
            raise RuntimeError(f"Boolean value of Tensor with {'no values' if not self._data.size else 'more than one value'}"
                               " is ambiguous")
        if PYTHON_VALUE_HOOK[0] is not None:
            return PYTHON_VALUE_HOOK[0]("boolean", bool(self._data.reshape(())))
        return bool(self._data.reshape(()))

    def _to_python_scalar(self, warn=True):
        if self._rg and warn and GRAD_MODE.enabled:  # PyTorch warns only with grad mode on
            warn_once("Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.\n"
                      "Consider using tensor.detach() first. (Triggered internally at "
                      "/__w/pytorch/pytorch/torch/csrc/autograd/generated/python_variable_methods.cpp:822.)",
                      stacklevel=3)
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        if self._bt is not None:
            _batching.refuse(self, _batching.ITEM)
        return self._data.reshape(()).item()

    def __float__(self):
        value = float(_real_scalar(self._to_python_scalar(), "double"))
        return value if PYTHON_VALUE_HOOK[0] is None else PYTHON_VALUE_HOOK[0]("float", value)

    def __int__(self):
        # PyTorch warns for float() and complex() only
        value = int(_real_scalar(self._to_python_scalar(warn=False), "int64_t"))
        return value if PYTHON_VALUE_HOOK[0] is None else PYTHON_VALUE_HOOK[0]("integer", value)

    def __index__(self):
        if self._data.dtype.kind not in "iub" or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        if self._bt is not None:
            _batching.refuse(self, _batching.ITEM)
        return int(self._data.reshape(()))

    def __complex__(self):
        return complex(self._to_python_scalar())

    def __format__(self, spec):
        # a 0-dim plain tensor formats as its number; a subclass (a Parameter) as an object, as in PyTorch
        if self._data.ndim == 0 and type(self) is _dispatch.RESULT_CLASS:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __repr__(self, *, tensor_contents=None):
        # (a view whose base was written since it was made prints its node made again: AsStridedBackward0)
        fn = self._fn if "_attr_version" not in self.__dict__ else self._current_fn()
        fw = self._fwt
        tangent = fw[1] if fw is not None and fw[0] == TANGENT_HOOK[1] else None  # a dual tensor of the open level
        cls = self.__class__   # a subclass of the user's prints its name (PyTorch's _str_intern)
        plain = cls is _dispatch.RESULT_CLASS or cls.__module__.startswith("torch")
        text = format_tensor(self._data, self.dtype.name, requires_grad=self._rg,
                             prefix="tensor(" if plain else cls.__name__ + "(",
                             grad_fn_name=None if fn is None else fn.op.node,
                             tangent=None if tangent is None else
                             repr(float(tangent._data)) if not tangent._data.ndim else repr(tangent))
        # (PyTorch's _str_intern wraps a subclass of Parameter's text, its indentation unchanged)
        return text if plain or self._repr_wrapper is None else f"{self._repr_wrapper}({text})"

    # (no __str__: object's calls type(self).__repr__, so a subclass's own __repr__ prints, as in PyTorch)

    # (no __getattr__: the names PyTorch has and the engine lacks raise its message through argcheck.Missing,
    # given by tensor.py; any other name gets Python's own, which is PyTorch's)

    def __dir__(self):
        return [n for n in object.__dir__(self) if n not in MISSING]

    def __deepcopy__(self, memo):
        if self._fn is not None:
            raise RuntimeError(
                "Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the "
                "moment.  If you were attempting to deepcopy a module, this may be because of a torch.nn.utils."
                "weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001")
        if id(self) in memo:
            return memo[id(self)]
        t = type(self)._wrap(_storage.copy_keeping_layout(self._data, memo), self._rg)
        memo[id(self)] = t
        if self._grad is not None:
            g = self._grad
            t._grad = g.clone() if g._coo is not None else g.__deepcopy__(memo)   # (PyTorch's: the grad's deepcopy)
        return t


_dispatch.TensorBase = argcheck.TensorBase = TensorBase   # (for their isinstance checks: they are below it)

_WARNED = set()


_INFERENCE_INPLACE = ("Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to "
                      "get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for "
                      "more details.")


MISSING = frozenset()   # the names argcheck.Missing stands for (set by tensor.py): left out of a tensor's dir()

WARN_ALWAYS = [False]   # torch.set_warn_always


def warn_once(message, category=UserWarning, stacklevel=2, site=None):
    """A UserWarning that PyTorch gives once per process (TORCH_WARN_ONCE): later calls are silent (unless
    torch.set_warn_always(True)). A warning given under set_warn_always(True) does not count as the once: c10's
    TORCH_WARN_ONCE warns plainly then, so the first call after set_warn_always(False) still warns. site: what
    counts as the once when a message varies (TORCH_WARN_ONCE's flag belongs to its line of C++, whatever it prints:
    rms_norm's dtype-mismatch warning warns for the first pair of dtypes only); the message by default."""
    key = message if site is None else site
    if not WARN_ALWAYS[0]:
        if key in _WARNED:
            return
        _WARNED.add(key)
    warnings.warn(message, category, stacklevel=stacklevel + 1)


argcheck.warn_once = warn_once   # (argcheck is below tensor_base: its deprecated overloads warn once through it)


_COMPLEX_TO_REAL = ("Casting complex values to real discards the imaginary part (Triggered internally at "
                    "/__w/pytorch/pytorch/aten/src/ATen/native/Copy.cpp:307.)")


def real_if_complex(arr, np_dtype, stacklevel=None):
    """arr about to be written into an array of np_dtype: a complex one into a real dtype loses its imaginary part,
    with PyTorch's once-per-process warning (and without numpy's ComplexWarning) on the user's line (stacklevel:
    the caller's count of frames to it; by default found by the frames' modules, as argcheck.user_level does)."""
    if arr.dtype.kind == "c" and np_dtype.kind != "c":
        warn_once(_COMPLEX_TO_REAL, stacklevel=argcheck.user_level() if stacklevel is None else stacklevel + 1)
        return arr.real
    return arr


def check_numbers(data, dtype):
    """PyTorch's TypeError for a leaf of nested Python data that is not a number, when the dtype is given (numpy
    would read None as nan): a float dtype wants a real number, the others an integer."""
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, (list, tuple)):
            stack.extend(x)
        elif _not_storable(x, dtype):
            if dtypes.is_float_np(dtype.np):
                raise TypeError(f"must be real number, not {type(x).__name__}")
            raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
        elif isinstance(x, bytes):
            raise TypeError(f"new(): invalid data type '{type(x).__name__}'")


def _not_storable(x, dtype):
    """Does the store of dtype refuse x: a complex number for a real dtype (a bool takes it), None, a string (a
    string among the numbers, as any other object), anything else that is no number?"""
    if isinstance(x, (complex, np.complexfloating)):
        return dtype.np.kind not in "cb"
    return x is None or isinstance(x, str) or not isinstance(
        x, (numbers.Number, bytes, TensorBase, np.ndarray, np.generic, range))


def _is_seq(v):
    return isinstance(v, (list, tuple, range)) or isinstance(v, np.ndarray) and v.ndim > 0


# PyTorch reads as a sequence any object for which CPython's PySequence_Check holds (a deque, an array.array, a
# bytearray, a class with __len__ and __getitem__), not only lists and tuples
_PySequence_Check = ctypes.pythonapi.PySequence_Check
_PySequence_Check.argtypes, _PySequence_Check.restype = (ctypes.py_object,), ctypes.c_int
_NOT_FOREIGN = (numbers.Number, TensorBase, np.ndarray, np.generic, str, bytes, range)


def _foreign_sequence(x):
    """Whether x is a sequence other than a list or tuple (and other than those the engine reads itself)."""
    return not isinstance(x, _NOT_FOREIGN) and bool(_PySequence_Check(x))


def _is_sequence(x):
    """CPython's PySequence_Check (a list, a str, an ndarray, a deque ...; not a dict or a number)."""
    return bool(_PySequence_Check(x))


def plain_sequences(data):
    """data with each sequence that is not a list or tuple read into a list (its len() first, as PyTorch takes
    it: an object with __getitem__ but no __len__ is Python's TypeError), so that torch.tensor(deque(...)) and
    the like read it as PyTorch does; data itself when it holds none."""
    stack = [data]
    while stack:
        x = stack.pop()
        if x.__class__ is list or x.__class__ is tuple:
            if not _PLAIN_NUMBERS.issuperset(map(type, x)):   # (a list of numbers: one pass in C)
                stack.extend(x)
        elif x.__class__ not in _PLAIN_NUMBERS and _foreign_sequence(x):
            return _as_lists(data)
    return data


_PLAIN_NUMBERS = {float, int, bool}


def _as_lists(x):
    if isinstance(x, (list, tuple)):
        return [_as_lists(v) for v in x]
    if x.__class__ not in _PLAIN_NUMBERS and _foreign_sequence(x):
        # item by item as PyTorch reads a sequence's shape and dtype (PySequence_GetItem): a pandas Series gives
        # its numpy scalars (float64), where iterating it gives Python floats; an item 0 that cannot be read is
        # PyTorch's ValueError (a DataFrame, whose [0] is a column lookup)
        items = []
        for i in range(len(x)):
            try:
                items.append(x[i])
            except Exception:
                if i:
                    raise
                raise ValueError(f"could not determine the shape of object type '{type(x).__name__}'") from None
        return [_as_lists(v) for v in items]
    return x


def check_ragged(data, target=None):
    """PyTorch's errors for nested lists that are not rectangular, in the order its recursive store meets them: the
    sizes read down the first elements, then each item depth first (each numpy array met warns first, a 0-d one
    too, once per process or each time under torch.set_warn_always(True): an array's rows are arrays too); an item
    that is a sequence where a number belongs is the error of reading it as target's number (target: a dtype or a
    callable giving it, asked only then). When those sizes hold no element, PyTorch stores nothing: they are
    returned (a tuple) and nothing else is checked; None otherwise."""
    if not isinstance(data, (list, tuple, range)) or not data:
        return None
    sizes, first = [], data
    while _is_seq(first):
        sizes.append(len(first))
        if not sizes[-1]:
            return tuple(sizes)
        first = first[0]
    stack = [(v, 1) for v in reversed(data)]
    while stack:
        x, dim = stack.pop()
        if x.__class__ is np.ndarray and (WARN_ALWAYS[0] or _ARRAYS_LIST_SLOW not in _WARNED):
            warn_once(_ARRAYS_LIST_SLOW, stacklevel=argcheck.user_level())   # (each array met, a 0-d one too)
        if dim == len(sizes):
            if _is_seq(x):
                raise _sequence_as_number(x, target if target is None or hasattr(target, "np") else target())
        elif _is_seq(x):
            if len(x) != sizes[dim]:
                raise ValueError(f"expected sequence of length {sizes[dim]} at dim {dim} (got {len(x)})")
            stack.extend((v, dim + 1) for v in reversed(x))
        elif not isinstance(x, TensorBase):
            raise TypeError("not a sequence")
    return None


def iterables_read(data):
    """data (nested lists) with each object where a list of the sizes belongs that is no sequence but can be
    iterated (a dict, a set, a generator, a string) read into a list, as PyTorch's store reads it with
    PySequence_Fast (``torch.as_tensor((obs, {}), dtype=torch.float32)``, a gymnasium reset(): its length is then
    checked against the sizes); data itself when it holds none. One that cannot be iterated stays: check_ragged
    gives PyTorch's "not a sequence" for it."""
    depth, first = 0, data
    while _is_seq(first):
        depth += 1
        if not len(first):
            return data
        first = first[0]

    def read(x, dim):   # x: a list or tuple at dim; its items at dim + 1
        if dim + 1 >= depth:
            return x
        items = []
        for v in x:
            if v.__class__ is not list and v.__class__ is not tuple:
                v = _iterated(v)
            items.append(read(v, dim + 1) if v.__class__ is list or v.__class__ is tuple else v)
        return items if any(a is not b for a, b in zip(items, x)) else x

    def _iterated(v):
        if _is_seq(v) or isinstance(v, (TensorBase, numbers.Number, np.generic)) or v is None:
            return v
        try:
            return list(v)
        except TypeError:
            return v

    return read(data, 0) if depth > 1 else data


def _sequence_as_number(x, target):
    """The error of reading sequence x as one number of dtype target, as PyTorch's store of a scalar gives it."""
    integral = target is not None and target.np.kind in "iub"
    if isinstance(x, np.ndarray):
        return TypeError("only integer scalar arrays can be converted to a scalar index" if integral
                         else "only 0-dimensional arrays can be converted to Python scalars")
    if integral:
        return TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
    return TypeError(f"must be real number, not {type(x).__name__}")


def refuse_unsized_first(data):
    """PyTorch reads a nested list's shape down its first elements (compute_sizes, before any dtype is read),
    taking len() of each, the numpy arrays among them too: a 0-d numpy array there
    (``torch.tensor([loss.detach().numpy(), ...])``) fails with Python's TypeError, and a string (a numpy array's
    str_ too) is a sequence of strings without end."""
    if data.__class__ not in (list, tuple):
        return
    first = data
    while (first.__class__ in (list, tuple) or (first.__class__ is np.ndarray and first.ndim)) and len(first):
        first = first[0]
    if first is not data and first.__class__ is np.ndarray and first.ndim == 0:
        raise TypeError("len() of unsized object")
    if isinstance(first, str):
        raise ValueError("too many dimensions 'str'")


_ARRAYS_LIST_SLOW = ("Creating a tensor from a list of numpy.ndarrays is extremely slow. Please consider converting "
                     "the list to a single numpy.ndarray with numpy.array() before converting to a tensor. (Triggered "
                     "internally at /__w/pytorch/pytorch/torch/csrc/utils/tensor_new.cpp:252.)")


def nested_data(x):
    """Nested lists, tuples and ranges as np.array reads them, each Tensor replaced by its array (the numpy arrays
    among them were warned of by check_ragged, which every caller runs first)."""
    if isinstance(x, TensorBase):
        return x._data
    if isinstance(x, (list, tuple, range)):
        return [nested_data(v) for v in x]
    return x


def _size_dim(name, args, kwargs, ndim):
    """The dim of size(dim) / stride(dim) as PyTorch's parser takes it (an int, a numpy integer or an integer
    0-dim tensor; None for all dims), wrapped; a 0-dim tensor has no dim to name."""
    if len(args) > 1:
        raise TypeError(f"{name}() takes from 0 to 1 positional arguments but {len(args)} were given")
    for key in kwargs:
        if key != "dim":
            raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
        if args:
            raise TypeError(f"{name}() got multiple values for argument 'dim'")
    dim = args[0] if args else kwargs.get("dim")
    if dim is None:
        return None
    if not (dim.__class__ is int or isinstance(dim, np.integer) or (
            isinstance(dim, TensorBase) and dim._data.ndim == 0 and dim._data.dtype.kind in "iu")):
        where = " (position 1)" if args else ""
        raise TypeError(f"{name}(): argument 'dim'{where} must be int, not {argcheck.tp_name(dim)}")
    if ndim == 0:
        raise IndexError(f"Dimension specified as {int(dim)} but tensor has no dimensions")
    return _dim(int(dim), ndim)


def _dim(d, ndim):
    """Wrap a possibly negative dim, with PyTorch's IndexError."""
    n = max(ndim, 1)
    if not -n <= d < n:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {d})")
    return d + n if d < 0 else d


# ---------------------------------------------------------------- recording ops


def enable_bfloat16():
    """The bfloat16 dtype, after switching on apply's look for bfloat16 inputs (see engine/bf16.py)."""
    if dtypes.bfloat16 is None:
        raise AttributeError("module 'torch' has no attribute 'bfloat16': autograd_magic implements a subset of "
                             "PyTorch, and torch.bfloat16 is not part of it without the package ml-dtypes")
    _dispatch.BF16_LIVE = True
    return dtypes.bfloat16


def enable_barebones(d=None):
    """Switch on apply's look for PyTorch's barebones unsigned dtypes (engine/barebones.py); d, if given, returned."""
    _dispatch.UINT_LIVE = True
    return d


dtypes.ON_BAREBONES.append(enable_barebones)


# ---------------------------------------------------------------- in place (x += 1, x.exp_(), x[i] = v)


_LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation."
_VIEW_INPLACE = "a view of a leaf Variable that requires grad is being used in an in-place operation."
_NO_GRAD_VIEW_INPLACE = ("A view was created in no_grad mode and is being modified inplace with grad mode enabled. "
                         "Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your "
                         "code by moving both the view and the inplace either both inside the no_grad block (if you "
                         "don't want the inplace to be tracked) or both outside (if you want the inplace to be "
                         "tracked).")


_MULTI_VIEW_INPLACE = ("Output {} of {} is a view and is being modified inplace. This view is the output of a "
                       "function that returns multiple views. Such functions do not allow the output views to be "
                       "modified inplace. You should replace the inplace operation by an out-of-place one.")


_CUSTOM_VIEW_INPLACE = ("Output {} of {} is a view and is being modified inplace. This view was created inside a "
                        "custom Function (or because an input was returned as-is) and the autograd logic to handle "
                        "view+inplace would override the custom backward associated with the custom Function, "
                        "leading to incorrect gradients. This behavior is forbidden. You can fix this by cloning the "
                        "output of the custom Function.")


def check_inplace(t):
    if GRAD_MODE.enabled:
        if t._untracked_view and t._rg:
            raise RuntimeError(_NO_GRAD_VIEW_INPLACE)
        if t._multi_view is not None and t._rg:
            if t._fn is None:   # (unbind's output of a tensor that did not require grad, then requires_grad_())
                raise RuntimeError(_NO_GRAD_VIEW_INPLACE[:_NO_GRAD_VIEW_INPLACE.index(" Given")]
                                   + _MULTI_VIEW_INPLACE[_MULTI_VIEW_INPLACE.index(" This view"):])
            raise RuntimeError(_MULTI_VIEW_INPLACE.format(t._multi_view, _view_fn_name(t)))
        if t._custom_view is not None and t._rg:
            raise RuntimeError(_CUSTOM_VIEW_INPLACE.format(t._custom_view, _view_fn_name(t)))
        # A view is asked first (PyTorch's check_inplace): one that requires grad over a base that is a leaf, the
        # view made a leaf itself by requires_grad_() (x.reshape(1).requires_grad_()) too, is a view of a leaf.
        if t._view_of_leaf or (t._rg and t._vbase is not None and t._vbase._fn is None):
            raise RuntimeError(_VIEW_INPLACE)
        if t._fn is None and t._rg:
            raise RuntimeError(_LEAF_INPLACE)


def _view_fn_name(t):
    """The name PyTorch's message gives a view's grad_fn: SplitBackward0 -> Split, SqueezeBackward1 -> Squeeze1,
    a custom Function's IdBackward -> Id."""
    head, sep, tail = t._fn.name().rpartition("Backward")
    if not sep or not (tail == "" or tail.isdigit()):
        return t._fn.name()
    return head + ("" if tail in ("", "0") else tail)


def commit_inplace(t, new, name=None):
    """Write new's values into t's array and give t new's history (name: the op's, for vmap's refusal of a batched
    value written into a tensor that is not batched)."""
    if getattr(new, "_bt", None) is not None:
        _batching.refuse_inplace(t, new, name)
    data = new._data
    if data.dtype != t._data.dtype and not dtypes.can_cast_np(data.dtype, t._data.dtype):
        raise RuntimeError(f"result type {dtypes.scalar_name(data.dtype)} can't be cast to the desired output type "
                           f"{dtypes.scalar_name(t._data.dtype)}")
    if t._data.shape != data.shape:
        try:
            np.broadcast_to(data, t._data.shape)
        except ValueError:
            raise RuntimeError(f"output with shape [{', '.join(map(str, t._data.shape))}] doesn't match the "
                               f"broadcast shape [{', '.join(map(str, data.shape))}]") from None
    try:
        np.copyto(t._data, data, casting="unsafe")
    except ValueError:   # (a view of an expand that does not overlap itself: x.expand(2, 3)[1, 2].add_(1) writes x)
        if not writeable_window(t):
            raise
        np.copyto(t._data, data, casting="unsafe")
    t._vbox[0] += 1
    if new._fwt is not None or t._fwt is not None:
        commit_tangent(t, new._fwt)
    if new._fn is not None:
        if new._vb is not None and new._fn.saved.__class__ in (tuple, list):
            _saved_result_is_now(new, t)
        old, t._fn = t._fn, new._fn
        t._rg = True
        if t._retains_grad:
            _retain_on_new_node(t, old)
        if "_views" in t.__dict__:
            _rebase_views(t)
    return t


def _saved_result_is_now(new, t):
    """The op's result, saved for its backward (relu_, sigmoid_, exp_ ...), is t from now on: kept against t's
    version counter at the version the write gave it, so that a later in-place write to t makes backward refuse
    with PyTorch's error instead of using the stale copy."""
    for s in new._fn.saved:
        if s.__class__ is Saved and s.is_output and s.vbox is new._vb:
            s.vbox = t._vbox
            s.version = s.vbox[0]


def _retain_on_new_node(t, old):
    """retain_grad() follows the tensor from old to the node an in-place write gave it (PyTorch moves the
    retains_grad hook to the new grad_fn): .grad is the gradient of the tensor's latest version; hooks registered
    with register_hook stay with the old node."""
    if old is not None and old is not t._fn:
        refs = old.extra and (old.extra.get("out_refs") if old.multi else None)
        if refs:
            nr = t._slot.nr
            if nr in refs and refs[nr]() is t:
                del refs[nr]
        elif not old.multi and old.out_ref is not None and old.out_ref() is t:
            old.extra["out"] = None
    fn = t._fn
    if fn is None:
        return
    if fn.multi:
        fn._hooks("out_refs")[t._slot.nr] = weakref.ref(t)
    else:
        fn.out_ref = weakref.ref(t)


_NO_GRAD_VIEW_WRITTEN = (
    "A view was created in no_grad mode and its base or another view of its base has been modified inplace with "
    "grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your "
    "code by moving both the view and the inplace either both inside the no_grad block (if you don't want the "
    "inplace to be tracked) or both outside (if you want the inplace to be tracked).")


def _rebase_views(base):
    """After an in-place write to base, its views that autograd sees take their history from base's new one
    (PyTorch regenerates a view's grad_fn as AsStridedBackward0 of its base when the base's version moved)."""
    alive = []
    for ref in base._views:
        view = ref()
        if view is None:
            continue
        alive.append(ref)
        key = view_region(base, view)
        if key is not None:
            view._rg = True
            old, view._fn = view._fn, Node(OPS["view_region"], (base,), None, (key, base._data.shape), view._data)
            if view._retains_grad:
                _retain_on_new_node(view, old)
            if "_attr_version" in view.__dict__:
                view._attr_version = view._vb[0]
    base._views = alive


def register_view(base, view):
    """Remember a view of a tensor with a history (one that requires grad, not a leaf), so that an in-place write
    to the base reaches the view's history (_rebase_views)."""
    views = base.__dict__.get("_views")
    if views is None:
        base._views = views = []
    views.append(weakref.ref(view))


_OVERLAP = ("unsupported operation: more than one element of the written-to tensor refers to a single memory "
            "location. Please clone() the tensor before performing the operation.")


def check_overlap(t):
    """PyTorch refuses in-place ops (other than fills) on a tensor whose elements share memory (an expand)."""
    d = t._data
    if d.size > 1 and any(st == 0 and n > 1 for st, n in zip(d.strides, d.shape)):
        raise RuntimeError(_OVERLAP)


def commit_tangent(t, new_fw):
    """Forward AD: t's tangent after an in-place op whose result's tangent is new_fw. As in PyTorch, a tangent t
    already has is updated in place (the tensor given to make_dual sees the change); no new tangent: zeros."""
    level = TANGENT_HOOK[1]
    old = t._fwt if t._fwt is not None and t._fwt[0] == level else None
    new = new_fw[1] if new_fw is not None and new_fw[0] == level else None
    if old is None:
        t._fwt = new_fw if new is not None else None
        return
    target = old[1]
    if new is None:
        target._data[...] = 0
    elif new is not target:
        if new._data.shape != target._data.shape or new._data.dtype != target._data.dtype:
            t._fwt = new_fw
            return
        np.copyto(target._data, new._data)
    target._vbox[0] += 1


def inplace(fn, t, *args, **kwargs):
    """Run out-of-place fn(t, ...) and store the result in t (PyTorch's in-place semantics)."""
    if t._inference and not INFERENCE_MODE[0]:
        return _refuse_inference_inplace(lambda: _inplace(fn, t, args, kwargs, False), t, args)
    return _inplace(fn, t, args, kwargs, True)


def _refuse_inference_inplace(run, t, args):
    """An in-place op on an inference tensor outside inference mode: PyTorch writes, then refuses (the tensor has no
    version counter to bump); when autograd would record the op its check comes first and nothing is written."""
    if not (GRAD_MODE.enabled and (t._rg or any(isinstance(a, TensorBase) and a._rg for a in args))):
        run()
    raise RuntimeError(_INFERENCE_INPLACE)


def _inplace(fn, t, args, kwargs, no_overlap):
    recording = GRAD_MODE.enabled and (t._rg or any(isinstance(a, TensorBase) and a._rg for a in args))
    if not recording:
        if no_overlap:
            check_overlap(t)
            _overlap.check_inputs(t._data, getattr(fn, "__name__", None), args, kwargs, TensorBase)
        plain = wrap(t._data)
        if t._fwt is not None:
            plain._fwt = t._fwt
        out = _no_grad_call(fn, plain, args, kwargs)
        if no_overlap and t._data.base is not None:   # (an array that owns its memory never overlaps itself)
            out = _walked(fn, t, args, kwargs, out)
        return commit_inplace(t, out, getattr(fn, "__name__", None))
    check_inplace(t)   # (autograd's checks come before the kernel's refusal of overlapping memory)
    if t._multi_view is not None and not t._rg:   # (a tensor that requires grad written into unbind's output)
        raise RuntimeError(_NO_GRAD_VIEW_INPLACE[:_NO_GRAD_VIEW_INPLACE.index(" Given")]
                           + _MULTI_VIEW_INPLACE[_MULTI_VIEW_INPLACE.index(" This view"):])
    if no_overlap:
        check_overlap(t)
        _overlap.check_inputs(t._data, getattr(fn, "__name__", None), args, kwargs, TensorBase)
    # The op may save its input for backward: give it the value from before the write.
    old = _before_write(t)
    if t._fwt is not None:
        old._fwt = t._fwt
    new = fn(old, *args, **kwargs)
    if getattr(new, "_bt", None) is not None:   # (a vmap runs: a batched value written into a tensor not batched)
        _batching.refuse_inplace(t, new, getattr(fn, "__name__", None))
    if no_overlap and t._data.base is not None:
        new = _walked(fn, t, args, kwargs, new)
    return commit_inplace_tracked(t, new)


def _walked(fn, t, args, kwargs, new):
    """new, fn's result on t; when elements of t share memory (unfold's windows), with the values PyTorch's
    element-by-element kernel leaves there (engine/overlap.py)."""
    d = t._data
    if not d.flags.writeable or new._data.shape != d.shape or new._data.dtype != d.dtype:
        return new   # (a result of another dtype goes through a buffer: each element from memory as it was)
    rank = _overlap.repeats(d)
    if rank is None:
        return new
    _overlap.walk(d, rank, new._data, lambda: _no_grad_call(fn, wrap(d.copy()), args, kwargs)._data)
    new._data = d.copy()
    return new


def _before_write(t):
    """A copy of t with its history (grad_fn, AccumulateGrad, which output of a several-output node it is): the
    input of the in-place op about to be recorded on t."""
    old = wrap(t._data.copy(), t._rg, t._fn)
    old._accum = t._accum
    if t._fn is not None and t._fn.multi:
        old._slot = t._slot
    return old


def view_region(base, view):
    """Where a view's elements lie in its base: an advanced-indexing key into base (None when the memory layout
    does not say, e.g. a base whose array is not C-contiguous)."""
    b, v = base._data, view._data
    if not b.flags.c_contiguous or b.dtype != v.dtype or not np.shares_memory(b, v):
        return None
    size = b.itemsize
    offset = v.__array_interface__["data"][0] - b.__array_interface__["data"][0]
    if offset % size or any(s % size for s in v.strides):
        return None
    ids = np.arange(b.size, dtype=np.int64)
    flat = np.lib.stride_tricks.as_strided(ids[offset // size:], v.shape,
                                           tuple(s // size * ids.itemsize for s in v.strides))
    return np.unravel_index(np.array(flat), b.shape)


def commit_inplace_tracked(t, new):
    """commit_inplace, and when t is a view of a tensor that autograd sees (PyTorch's in-place on a view): the base's
    history becomes CopySlices (the base with the view's region replaced by new) and the view's AsStridedBackward0
    of the base, so that gradients reach both the old base and what was written."""
    base = t._vbase
    key = None if base is None or t._untracked_view or not GRAD_MODE.enabled or new._fn is None \
        else view_region(base, t)
    if key is None:
        return commit_inplace(t, new)
    data = new._data
    if data.dtype != t._data.dtype:
        if not np.can_cast(data.dtype, t._data.dtype, "same_kind"):
            return commit_inplace(t, new)   # PyTorch's error
        new = new.to(dtypes._FROM_NP[t._data.dtype])
    if new._data.shape != t._data.shape:
        try:
            np.broadcast_to(new._data, t._data.shape)
        except ValueError:
            return commit_inplace(t, new)   # PyTorch's error
        new = new.expand(t._data.shape)
    old_base = _before_write(base)
    written = apply(OPS["copy_slices"], (old_base, new), key)
    _fold_into_copy_slices(written, new._fn, t)
    commit_inplace(base, written)
    t._rg = True
    old, t._fn = t._fn, Node(OPS["view_region"], (base,), None, (key, base._data.shape), t._data)
    if t._retains_grad:
        _retain_on_new_node(t, old)
    if "_attr_version" in t.__dict__:
        t._attr_version = t._vb[0]
    return t


def _fold_into_copy_slices(written, inner, view):
    """PyTorch's CopySlices holds the in-place op's node (view.mul_(2): MulBackward0) instead of pointing at it:
    its next_functions are the base's history, then the op's other inputs. When the op is one recorded node whose
    first input is the view's old values, that node goes inside written's CopySlices (op copy_slices_inplace);
    else (a composite op, a dtype cast or broadcast of the result) the CopySlices stays one over the result."""
    if inner is None or inner.multi or inner.extra is not None or getattr(inner.op, "vjp", None) is None:
        return
    first = inner.edges[0] if inner.edges else None
    if view._rg:
        if first is None or edge_node(first) is not (view._fn or view._accum):
            return
    elif first is not None:
        return
    node = written._fn
    folded = object.__new__(Node)
    folded.op = OPS["copy_slices_inplace"]
    folded.edges = (node.edges[0],) + tuple(inner.edges[1:])
    folded.saved = inner.saved
    outputs = tuple(i for i, s in enumerate(inner.saved or ()) if s.__class__ is Saved and s.is_output)
    if outputs:
        # the op's result is the view: a later write into the base (or another view of it) invalidates it
        saved = list(inner.saved)
        for i in outputs:
            saved[i] = _saved_view_output(saved[i], view)
        folded.saved = tuple(saved) if inner.saved.__class__ is tuple else saved
    folded.consts = (node.consts[0], inner.op, inner.consts, outputs)
    folded.seq = node.seq
    folded.extra = folded.note = None
    written._fn = folded


def _saved_view_output(saved, view):
    """A saved result kept against the view's version counter (its base's), at the version the write gives it."""
    out = object.__new__(Saved)
    # (tensor: a weak reference to the view, for the message of a backward that finds it changed)
    out.data, out.is_output, out.tensor = saved.data, True, weakref.ref(view)
    out.vbox = view._vbox
    out.version = out.vbox[0] + 1
    return out


def inplace_fill(fn, t, *args):
    """inplace for fills (zero_, fill_), which PyTorch allows on a tensor whose elements share memory."""
    if t._inference and not INFERENCE_MODE[0]:
        return _refuse_inference_inplace(lambda: _fill(fn, t, args), t, args)
    return _fill(fn, t, args)


def _fill(fn, t, args):
    writeable_window(t)
    return _inplace(fn, t, args, {}, False)


def writeable_window(t):
    """Make t's array writeable where it is a read-only window on writeable memory (an expand, or a view taken from
    one: numpy's broadcast_to is read-only, PyTorch's expand is not); True when t's array is writeable after."""
    d = t._data
    if d.flags.writeable:
        return True
    base = d.base
    while base is not None and base.__class__ is np.ndarray and not (base.flags.writeable and base.flags.c_contiguous):
        base = base.base
    if base is None or base.__class__ is not np.ndarray:
        return False
    # (the same window, writeable: its strides over the base's memory from its first element's offset)
    offset = (d.__array_interface__["data"][0] - base.__array_interface__["data"][0]) // d.itemsize
    t._data = np.lib.stride_tricks.as_strided(base.reshape(-1)[offset:], d.shape, d.strides, writeable=True)
    return True


def _no_grad_call(fn, plain, args, kwargs):
    before = GRAD_MODE.enabled
    GRAD_MODE.enabled = False
    try:
        return fn(plain, *args, **kwargs)
    finally:
        GRAD_MODE.enabled = before
