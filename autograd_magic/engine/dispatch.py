"""The op dispatch: ``apply`` (runs an op of the table on the inputs' arrays and records its node), ``binary_op``
(the operators' type promotion and scalar fast path), ``wrap`` (how the engine's functions make their results).

Split out of tensor_base.py so that it can be compiled (autograd_magic/_compiled.py): nothing here is called
by users with arguments of their own (tensor_base.py, methods.py ... are, and stay Python, so that their
argument errors read as Python's). tensor_base.py re-exports every name; it sets ``RESULT_CLASS`` (Tensor,
when defined), ``TensorBase`` and ``BF16_LIVE`` (when bfloat16 is first handed out) here.
"""
import numpy as np

from . import barebones as _barebones, bf16 as _bf16, bufpool, ckernels, dtypes, half as _half
from . import memory_format as _formats
from .autograd import GRAD_MODE, SAVED_HOOKS, Node, Saved, pack_saved
from .batching import BATCH_HOOK
from .fperror import ALL_IGNORED, FP_ERROR_STATE
from .optable import OPS

TensorBase = None   # set by tensor_base.py once TensorBase is defined


_new = object.__new__
_NDARRAY = np.ndarray


def wrap(data, rg=False, grad_fn=None):
    """A new tensor (of class Tensor) around a numpy array: how the engine's functions make their results. A numpy
    scalar (what a ufunc gives for 0-d input: np.isnan, np.logical_not ...) becomes a 0-d array, so that the
    result can be indexed with, written into and viewed as any 0-d tensor."""
    t = _new(RESULT_CLASS)
    t._data = data if data.__class__ is _NDARRAY or not isinstance(data, np.generic) else np.asarray(data)
    t._rg = rg
    t._fn = grad_fn
    t._vb = None
    if INFERENCE_MODE[0]:
        mark_inference(t)
    return t


# [True] inside torch.inference_mode (torch/grad_mode.py sets it); [False] outside
INFERENCE_MODE = [False]
_INFERENCE_MADE = [False]   # once an inference tensor exists, apply checks that autograd does not save one


def mark_inference(t):
    """t was made in inference mode: an inference tensor, as PyTorch's."""
    t._inference = True
    _INFERENCE_MADE[0] = True


_NO_INFERENCE_SAVED = ("Inference tensors cannot be saved for backward. Please do not use Tensors created in inference "
                       "mode in computation tracked by autograd. To work around this, you can make a clone to get a "
                       "normal tensor and use it in autograd, or use `torch.no_grad()` instead of "
                       "`torch.inference_mode()`.")
def _check_inference_saved(op, inputs):
    for i in op.saves:
        if i >= 0 and inputs[i].__class__ not in _SCALARS and inputs[i]._inference:
            raise RuntimeError(_NO_INFERENCE_SAVED)


def wrap_from(data, *inputs):
    """wrap(data) for a result computed from inputs outside apply: batched where one of them is (a vmap runs)."""
    t = wrap(data)
    if BATCH_HOOK[0] is not None:
        BATCH_HOOK[0](inputs, t)
    return t


def wrap_view(data, base):
    """A tensor around data, a view of base's array: it shares base's version counter."""
    t = wrap(data)
    t._vbox = base._vbox
    if BATCH_HOOK[0] is not None:
        BATCH_HOOK[0]((base,), t)
    return t


RESULT_CLASS = None  # set by the definition of Tensor (see TensorBase.__init_subclass__)


def apply(op, inputs, *consts, data=None):
    """Run op forward on the inputs' arrays and, in grad mode, record a Node for backward.

    inputs are Tensors, or Python scalars standing for a constant operand.
    """
    if BF16_LIVE:   # bfloat16 or autocast in use: PyTorch's bfloat16 arithmetic and the op's twin (engine/bf16.py)
        data, op = _bf16.intercept(op, inputs, consts, data)
    if UINT_LIVE:   # torch.uint16/32/64 handed out: PyTorch's NotImplementedError for the kernels it lacks for them
        _barebones.check(op, inputs)
    if data is None:
        n = len(inputs)
        token = FP_ERROR_STATE.set(ALL_IGNORED)   # PyTorch is silent about inf/nan where numpy warns
        try:
            if n == 1:
                data = op.fwd(inputs[0]._data, *consts)
            elif n == 2 and not consts and inputs[0].__class__ not in _SCALARS \
                    and inputs[1].__class__ not in _SCALARS:
                a = inputs[0]._data
                data = op.fwd(a, inputs[1]._data) if a.nbytes < _POOL_MIN else \
                    bufpool.binary(op.fwd, a, inputs[1]._data)
            else:
                data = op.fwd(*[t if t.__class__ in _SCALARS else t._data for t in inputs], *consts)
        finally:
            FP_ERROR_STATE.reset(token)
        if data.__class__ is not _NDARRAY:
            data = np.asarray(data)
    layout = op.layout
    if layout is not None:   # an op whose output PyTorch lays out otherwise than numpy (memory_format.py)
        if layout is _ELEMENTWISE:   # (as its first input: only a first input that is not row-major can differ)
            first = inputs[0]
            if first.__class__ not in _SCALARS and not first._data.flags.c_contiguous:
                data = _formats.iterated(data, inputs)
        else:
            data = layout(data, inputs)
    out = _new(RESULT_CLASS)   # wrap(data), inlined: this is every op's path
    out._data = data
    out._rg = False
    out._fn = None
    out._vb = None
    if GRAD_MODE.enabled:
        for t in inputs:
            if t.__class__ not in _SCALARS and t._rg:
                if _INFERENCE_MADE[0] and op.saves:
                    _check_inference_saved(op, inputs)
                out._rg = True
                out._fn = fn = Node(op, inputs, _save(op, inputs, out) if op.saves else None, consts, data)
                if SAVED_HOOKS:
                    pack_saved(fn, out)
                break
    elif INFERENCE_MODE[0]:
        mark_inference(out)
    if TANGENT_HOOK[0] is not None:  # a forward-AD dual level is open
        TANGENT_HOOK[0](op, inputs, consts, out)
    if BATCH_HOOK[0] is not None:   # a vmap runs (engine/batching.py)
        BATCH_HOOK[0](inputs, out)
    return out


_BF16 = dtypes.BF16_NP
_F32 = np.dtype(np.float32)
_np_add = np.add
_F16 = _half.F16
_ELEMENTWISE = _formats.ELEMENTWISE
BF16_LIVE = False   # True once torch.bfloat16 was handed out (enable_bfloat16): apply then looks for it
UINT_LIVE = False   # True once torch.uint16, uint32 or uint64 was handed out (enable_barebones): the same for them


# [forward_ad.propagate, the open dual level] while a dual level is open (engine/forward_ad.py sets them): the hook
# gives an op's output its tangent
TANGENT_HOOK = [None, None]


def _save(op, inputs, out):
    save_if = op.save_if
    saved = []
    for i in op.saves:
        if i < 0:
            saved.append(Saved(out, True))
            continue
        t = inputs[i]
        if save_if is not None and i in save_if:
            other = inputs[save_if[i]]
            if other.__class__ in _SCALARS or not other._rg:
                saved.append(None)
                continue
        saved.append(t if t.__class__ in _SCALARS else Saved(t))
    return saved


_SCALARS = {int, float, bool, complex}
_POOL_MIN = bufpool.MIN_BYTES  # results from here on go into arrays the engine reuses (bufpool)


def check_broadcast(sa, sb):
    """PyTorch's message for shapes that do not broadcast."""
    n = max(len(sa), len(sb))
    for i in range(1, n + 1):
        da = sa[-i] if i <= len(sa) else 1
        db = sb[-i] if i <= len(sb) else 1
        if da != db and da != 1 and db != 1:
            raise RuntimeError(f"The size of tensor a ({da}) must match the size of tensor b ({db}) at "
                               f"non-singleton dimension {n - i}")


def scalar_tensor(value, dtype):
    return wrap(np.asarray(value, dtype=dtype))


def binary(name, a, b):
    """a (op) b with PyTorch's type promotion; a is a Tensor, b a Tensor or Python number."""
    return binary_op(OPS[name], a, b)


def binary_op(op, a, b):
    given = a   # (a converted to the result's dtype below is a new tensor: a vmap's batching is read off this one)
    ad = a._data
    cls = b.__class__
    if cls is float or cls is int or cls is bool:
        bf16 = ad.dtype is _BF16
        if ad.dtype.kind not in "fc" and not bf16:
            dt = dtypes.get_default_dtype() if op.name == "div" else dtypes.result_type((a, b))
            if dt.np != ad.dtype:
                a = wrap(ad.astype(dt.np)) if not a._rg else a.to(dt)
                ad = a._data
            if cls is int and ad.dtype.kind in "iu":
                b = dtypes.wrapped_int(b, ad.dtype)
            if UINT_LIVE:
                _barebones.check(op, (a, b))
        # Fast path of `x * 2`: forward, then a node only if recording.
        if bf16:   # the scalar taken in float32, the result rounded (engine/bf16.py)
            data, op = _bf16.forward(op, (a, b), (), None)
        elif ad.dtype is _F16 and op.name in _half.NUMBER_OPMATH:   # (the number in float32: engine/half.py)
            data = _half.with_number(op.fwd, ad, b)
        else:
            token = FP_ERROR_STATE.set(ALL_IGNORED)
            try:
                data = op.fwd(ad, b) if ad.nbytes < _POOL_MIN else bufpool.binary(op.fwd, ad, b)
            finally:
                FP_ERROR_STATE.reset(token)
            if data.__class__ is not _NDARRAY:
                data = np.asarray(data)
        out = wrap(data)
        if a._rg and GRAD_MODE.enabled:
            out._rg = True
            out._fn = Node.with_scalar(op, a, b, _save(op, (a, b), out) if op.saves else None, data)
            if SAVED_HOOKS:
                pack_saved(out._fn, out)
        if TANGENT_HOOK[0] is not None:
            TANGENT_HOOK[0](op, (a, b), (), out)
        if BATCH_HOOK[0] is not None:
            BATCH_HOOK[0]((given,), out)
        return out
    if cls is complex:   # a Python complex number: the op computed in the promoted complex dtype, recorded on a
        dt = dtypes.result_type((a, b)).np   # as it is (no conversion node, as PyTorch's kernels promote inside)
        token = FP_ERROR_STATE.set(ALL_IGNORED)
        try:
            data = np.asarray(op.fwd(ad if ad.dtype == dt else ad.astype(dt), b))
        finally:
            FP_ERROR_STATE.reset(token)
        if data.dtype != dt:
            data = data.astype(dt)
        out = wrap(data)
        if a._rg and GRAD_MODE.enabled:
            out._rg = True
            out._fn = Node.with_scalar(op, a, b, _save(op, (a, b), out) if op.saves else None, data)
        if BATCH_HOOK[0] is not None:
            BATCH_HOOK[0]((given,), out)
        return out
    if isinstance(b, TensorBase):
        other = b
        bd = b._data
        if ad.shape != bd.shape and not (bd.ndim <= ad.ndim and ad.shape[ad.ndim - bd.ndim:] == bd.shape):
            check_broadcast(ad.shape, bd.shape)   # (a bias-like b, whose shape ends a's, always broadcasts)
        if ad.dtype is not bd.dtype:
            if ad.dtype is _F16 and bd.ndim == 0 and bd.dtype.kind == "f" and op.name in _half.NUMBER_OPMATH \
                    and not b._rg and BATCH_HOOK[0] is None:
                # (a 0-dim float32 / float64 tensor is a number to PyTorch's kernel: its value in float32)
                return apply(op, (a, b.to(dtypes.float16)), data=_half.with_number(op.fwd, ad, bd[()]))
            dt = dtypes.result_type((a, b)).np
            if op.name == "div" and dt.kind not in "fc" and dt != _BF16:   # true division of integers: the default
                dt = dtypes.get_default_dtype().np                        # dtype, as for x / 2
            if ad.dtype != dt:
                a = wrap(ad.astype(dt)) if not a._rg else a.to(dtypes._FROM_NP[dt])
            if bd.dtype != dt:
                b = wrap(bd.astype(dt)) if not b._rg else b.to(dtypes._FROM_NP[dt])
        elif op.name == "div" and not dtypes.is_diff_np(ad.dtype):
            dt = dtypes.get_default_dtype()
            a, b = a.to(dt), b.to(dt)
        if BATCH_HOOK[0] is not None:
            out = apply(op, (a, b))
            BATCH_HOOK[0]((given, other), out)
            return out
        if op.fwd is _np_add and not BF16_LIVE and not UINT_LIVE and ckernels.LIB is not None:
            ad, bd = a._data, b._data
            if ad.ndim == 2 and bd.ndim == 1 and ad.dtype is _F32 and bd.dtype is _F32 \
                    and ad.shape[1] == bd.shape[0] and ad.flags.c_contiguous and bd.flags.c_contiguous:
                # a bias added to a batch: np.add(ad, bd)'s bits in one C loop, without numpy's buffered broadcast
                data = ckernels.add_rows(ad, bd)
                if data is not None:
                    return apply(op, (a, b), data=data)
        return apply(op, (a, b))
    if isinstance(b, (np.number, np.bool_)):
        return binary_op(op, a, dtypes.scalar_number(b))
    if isinstance(b, (int, float, complex)):  # subclasses of int/float (e.g. IntEnum)
        return binary_op(op, a, float(b) if isinstance(b, float) else complex(b) if isinstance(b, complex) else int(b))
    if isinstance(b, np.ndarray):
        return binary_op(op, a, wrap(b))
    check_foreign(b)
    return NotImplemented


def check_foreign(value):
    """A real PyTorch tensor reaching the engine: say so, instead of an obscure failure further on."""
    cls = type(value)
    if isinstance(value, TensorBase):
        return
    if cls.__module__.split(".")[0] == "torch" and cls.__name__ in ("Tensor", "Parameter"):
        raise TypeError("a PyTorch tensor reached autograd_magic's engine. Inside %%grad (and with "
                        "`from autograd_magic import torch`), `torch` is autograd_magic's engine: make the tensor "
                        "with it (torch.tensor(...)), or convert a PyTorch tensor with .detach().numpy() first (a "
                        "tensor made inside %%grad stays the engine's in later cells). To draw a model built with "
                        "real PyTorch, run its cell with %%grad --backend torch")


