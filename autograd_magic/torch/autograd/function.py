"""torch.autograd.Function: a user's own op, with ``forward(ctx, ...)`` and ``backward(ctx, ...)`` static methods.

``MyOp.apply(x, ...)`` runs ``forward`` without recording (as PyTorch does), then records one node for all of its
tensor outputs. That node is the ``ctx`` that ``forward`` filled (``save_for_backward``, attributes) and is shown
under PyTorch's name for it, ``<MyOp>Backward``, in ``grad_fn``, the graph and the table.
"""
import functools
import warnings
import weakref

import numpy as np

from ...engine import batching, dtypes
from ...engine import forward_ad as _fw
from ...engine.argcheck import type_name
from ...engine.autograd import FREED, FREED_MESSAGE, GRAD_MODE, MultiNode, Saved, multi_node_type, record_multi
from ...engine.tensor import Tensor
from .function_args import bind_apply_args

class FunctionCtx:
    """What ``forward`` receives as ``ctx`` (the node itself, once ``apply`` records it)."""

    def save_for_backward(self, *tensors):
        self._to_save = tensors   # checked once forward has returned, and only when the node is recorded

    def save_for_forward(self, *tensors):
        for t in tensors:
            if t is not None and not isinstance(t, Tensor):
                raise AssertionError("save_for_forward expects all arguments to be tensors; you should save "
                                     "non-tensors as attributes on ctx.")
        self._saved_for_forward = tensors

    def mark_dirty(self, *args):
        self._dirty = args

    def mark_non_differentiable(self, *args):
        self._non_differentiable = args

    def set_materialize_grads(self, value):
        self._materialize = bool(value)

    @property
    def saved_tensors(self):
        if self._unpacking is not None:
            return self._unpacking
        if self._in_jvp and self._saved_for_forward is not None:   # (PyTorch's saved_for_forward, in jvp only)
            return self._saved_for_forward
        if getattr(self, "saved", None) is FREED:
            raise RuntimeError(FREED_MESSAGE)
        return tuple(self._to_save or ())

    saved_variables = saved_tensors


class BackwardCFunction(MultiNode, FunctionCtx):
    """The class of a Function's node: ``<Name>Backward``, module torch.autograd.function, with a __dict__."""
    _forward_cls = None
    _to_save = None
    _unpacking = None
    _saved_for_forward = None
    _in_jvp = False
    _dirty = ()
    _non_differentiable = ()
    _materialize = True
    needs_input_grad = ()
    hooks_see_all_grads = True

    def __repr__(self):
        return f"<torch.autograd.function.{type(self).__name__} object at {hex(id(self))}>"

    def name(self):
        return type(self).__name__

    def apply(self, *grads):
        return _user_backward(self._forward_cls)(self, *grads)


class _FunctionOp:
    """The op-table entry of one Function class (what the engine reads from a node's ``op``)."""
    saves = ()
    save_if = None

    def __init__(self, cls, node_cls):
        self.name = cls.__name__
        self.node = self.qualname = node_cls.__name__
        self.node_cls = node_cls
        self.cls = cls

    def vjp(self, xp, grads, saved, consts, edges):
        return _run_user_backward(consts[0](), xp, grads, saved, edges)


class FunctionMeta(type):
    """Gives every Function subclass its node class, ``<Name>Backward`` (as torch.autograd.function does)."""

    def __init__(cls, name, bases, attrs):
        node_cls = type(name + "Backward", (BackwardCFunction,), {"__module__": "torch.autograd.function",
                                                                  "__qualname__": name + "Backward",
                                                                  "_forward_cls": cls})
        cls._backward_cls = node_cls
        cls._op = _FunctionOp(cls, node_cls)
        super().__init__(name, bases, attrs)


class Function(FunctionCtx, metaclass=FunctionMeta):
    """Base class of a custom differentiable op: subclass it with static ``forward`` and ``backward``."""
    __module__ = "torch.autograd"

    def __init__(self, *args, **kwargs):
        warnings.warn(f"{self.__class__} should not be instantiated. Methods on autograd functions are all static, "
                      "so you should invoke them on the class itself. Instantiating an autograd function will raise "
                      "an error in a future version of PyTorch.", DeprecationWarning, stacklevel=2)

    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is deprecated. Please use "
                           "new-style autograd function with static forward method. (Example: "
                           "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    vjp = backward

    generate_vmap_rule = False

    @staticmethod
    def vmap(info, in_dims, *args):
        raise NotImplementedError("To use autograd.Function with vmap, you must either override the vmap "
                                  "staticmethod or set generate_vmap_rule=True.")

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError("You must implement the jvp function for custom autograd.Function to use it "
                                  "with forward mode AD.")

    @classmethod
    def apply(cls, *args, **kwargs):
        return _apply(cls, *bind_apply_args(cls.forward, cls.setup_context is not Function.setup_context,
                                            args, kwargs))


class InplaceFunction(Function):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace


_FUNC_DOCS = "For more details, please see https://pytorch.org/docs/main/notes/extending.func.html"


def _check_transforms(cls):
    """A Function under torch.func transforms: PyTorch's rules (custom_function_call) before its forward runs."""
    if cls.setup_context is Function.setup_context:
        raise RuntimeError("In order to use an autograd.Function with functorch transforms (vmap, grad, jvp, "
                           f"jacrev, ...), it must override the setup_context staticmethod. {_FUNC_DOCS}")
    if "vmap" in batching.TRANSFORMS:
        own_rule = cls.vmap is not Function.vmap
        if cls.generate_vmap_rule and own_rule:
            raise RuntimeError(f"You tried to vmap over {cls.__name__}, but it has both generate_vmap_rule=True "
                               "and an overridden vmap staticmethod. Please set generate_vmap_rule=False or delete "
                               f"the overridden vmap staticmethod to avoid ambiguity. {_FUNC_DOCS}")
        if not cls.generate_vmap_rule and not own_rule:
            raise RuntimeError(f"You tried to vmap over {cls.__name__}, but it does not have vmap support. Please "
                               "override and implement the vmap staticmethod or set generate_vmap_rule=True. "
                               f"{_FUNC_DOCS}")


def _apply(cls, args, kwargs):
    if batching.TRANSFORMS:
        _check_transforms(cls)
    tangents = _fw.input_tangents(args)
    if tangents is None:
        out = _apply_backward(cls, args, kwargs)
        # torch.func.jvp / jacfwd (read off reverse mode here) call the Function's jvp once forward has run
        if ("jvp" in batching.TRANSFORMS and cls.jvp is Function.jvp
                and any(isinstance(a, Tensor) and a._rg for a in args)):
            Function.jvp(None)
        return out
    with _fw.paused():   # the forward sees plain tensors; the tangents go through the Function's jvp
        node, out = _apply_backward(cls, args, kwargs, keep_ctx=True)
        node._in_jvp = True
        try:
            got = cls.jvp(node, *tangents)
        finally:
            node._in_jvp = False
    outs, got = (out, got) if isinstance(out, tuple) else ((out,), (got,))
    for o, t in zip(outs, got):
        if isinstance(o, Tensor) and t is not None:
            _fw.set_tangent(o, t)
    return out


def _apply_backward(cls, args, kwargs, keep_ctx=False):
    node = object.__new__(cls._backward_cls)
    node.needs_input_grad = tuple(isinstance(a, Tensor) and a._rg for a in args)
    node._is_tensor = tuple(isinstance(a, Tensor) for a in args)
    separate_setup = cls.setup_context is not Function.setup_context
    before = GRAD_MODE.enabled
    GRAD_MODE.enabled = False
    try:
        if separate_setup:
            out = cls.forward(*args, **kwargs)
            cls.setup_context(node, args, out)
        else:
            out = cls.forward(node, *args, **kwargs)
    finally:
        GRAD_MODE.enabled = before
    record = before and any(node.needs_input_grad)
    single = not isinstance(out, tuple)
    outs = (out,) if single else out
    if not record:
        return (node, _unshare(outs, args, single)) if keep_ctx else _unshare(outs, args, single)
    inputs = [a for a in args if isinstance(a, Tensor)]   # edges (next_functions) for the tensor inputs only
    dirty = {id(t) for t in node._dirty}
    for t in node._dirty:
        if t._rg and t._fn is None:
            raise RuntimeError("a leaf Variable that requires grad has been used in an in-place operation.")
    result, tracked = [], []
    for o in outs:
        if isinstance(o, Tensor):
            marked = any(o is t for t in node._non_differentiable)  # before an input returned as it is is aliased
            differentiable = (dtypes.is_float_np(o._data.dtype) or o._data.dtype.kind == "c") and not marked
            if id(o) in dirty:
                o._vbox[0] += 1
            elif any(o is a for a in args):
                # an input returned as it is: a view of it (PyTorch's view_as under no_grad), or, when it is not
                # differentiable and requires grad, a detached alias
                o = _alias(o, view=differentiable or not o._rg)
            tracked.append(o if differentiable else None)
            if not differentiable:
                o._rg, o._fn = False, None
        else:
            tracked.append(None)
        result.append(o)
    # A differentiable output that is a view (of an input, or of a tensor made in forward) may not be modified in
    # place: PyTorch's creation meta IN_CUSTOM_FUNCTION, or MULTI_OUTPUT_NODE when several outputs are differentiable
    several = sum(t is not None for t in tracked) > 1
    for i, o in enumerate(tracked):
        if o is not None and o._vbase is not None and id(o) not in dirty:
            o._untracked_view = False
            if several:
                o._multi_view = i
            else:
                o._custom_view = i
    _check_saved(node._to_save)
    node._outputs_meta = [(o._data.shape, o._data.dtype) if isinstance(o, Tensor) else None for o in outs]
    saved = [Saved(t, any(t is o for o in result)) for t in node._to_save or () if t is not None]
    node._init(cls._op, inputs, saved or None, (weakref.ref(node),), tracked)
    out = result[0] if single else tuple(result)
    return (node, out) if keep_ctx else out


def _check_saved(tensors):
    """PyTorch's check of what save_for_backward got, made after forward (its own errors come first)."""
    for i, t in enumerate(tensors or ()):
        if t is not None and not isinstance(t, Tensor):
            raise TypeError(f"save_for_backward can only save variables, but argument {i} is of type "
                            f"{type_name(type(t))}")


def _alias(t, view):
    """A new tensor on t's data, sharing its version counter: a view of t (``_base`` t's base, or t) or not."""
    out = Tensor._wrap(t._data)
    out._vbox = t._vbox
    if view:
        out._vbase = t if t._vbase is None else t._vbase
    return out


def _unshare(outs, args, single):
    """Outputs when nothing is recorded: an input returned as it is becomes a new tensor on the same data, a view
    of it unless it requires grad (then a detached alias, as under no_grad in PyTorch)."""
    res = tuple(_alias(o, view=not o._rg) if isinstance(o, Tensor) and any(o is a for a in args) else o
                for o in outs)
    return res[0] if single else res


def _user_backward(cls):
    """The Function's backward formula as PyTorch picks it when backward runs: its vjp if it overrides only that,
    else its backward (Function's own raises); overriding both is an error."""
    own_backward, own_vjp = cls.backward is not Function.backward, cls.vjp is not Function.vjp
    if own_backward and own_vjp:
        raise RuntimeError("Implementing both 'backward' and 'vjp' for a custom Function is not allowed. You should "
                           "only implement one of them.")
    return cls.vjp if own_vjp else cls.backward


def _run_user_backward(ctx, xp, grads, saved, edges):
    """Call the user's backward with one gradient per output (zeros where none flowed, unless
    set_materialize_grads(False)); check and return one array (or Tensor, under create_graph) per input."""
    numpy = xp.is_numpy
    cls = ctx._forward_cls
    gouts = []
    for i, meta in enumerate(ctx._outputs_meta):
        g = grads.get(i)
        if g is None:
            if meta is None or not ctx._materialize:
                gouts.append(None)
                continue
            g = np.zeros(*meta)
            gouts.append(Tensor._wrap(g))
            continue
        gouts.append(Tensor._wrap(g) if numpy else g)
    if saved is not None:  # None: freed by an earlier backward (then saved_tensors raises PyTorch's error)
        ctx._unpacking = tuple(ctx._to_save)
    before = GRAD_MODE.enabled
    try:
        result = _user_backward(cls)(ctx, *gouts)
    finally:
        GRAD_MODE.enabled = before
        ctx._unpacking = None
        if ctx.saved is FREED:
            ctx._to_save = None
    if not isinstance(result, tuple):
        result = (result,)
    name = type(ctx).__name__
    n = len(ctx._is_tensor)   # one gradient per forward input, tensor or not; edges exist for the tensors only
    if len(result) != n:
        if len(result) > n and all(g is None for g in result[n:]):
            result = result[:n]
        else:
            raise RuntimeError(f"function {name} returned an incorrect number of gradients (expected {n}, "
                               f"got {len(result)})")
    for i, g in enumerate(result):   # in order, as PyFunction::apply checks them
        if g is None:
            continue
        if not ctx._is_tensor[i]:
            raise RuntimeError(f"function {name} returned a gradient different than None at position {i + 1}, "
                               "but the corresponding forward input was not a Variable")
        if not isinstance(g, Tensor):
            raise RuntimeError(f"expected Variable or None (got {type_name(type(g))})")
    result = [g for g, is_tensor in zip(result, ctx._is_tensor) if is_tensor]
    out = []
    for i, (g, e) in enumerate(zip(result, edges)):
        if g is None:
            out.append(None)
            continue
        if e is None:
            # kept for the node's post hooks (PyTorch shows them what backward returned); nothing flows there
            out.append((g._data if numpy else g) if isinstance(g, Tensor) else None)
            continue
        want = e[1].shape if hasattr(e[1], "nr") else e[1]
        if g._data.shape != tuple(want) and not _expandable(g._data.shape, want):
            raise RuntimeError(f"Function {name} returned an invalid gradient at index {i} - got "
                               f"[{', '.join(map(str, g._data.shape))}] but expected shape compatible with "
                               f"[{', '.join(map(str, want))}]")
        out.append(g._data if numpy else g)
    return out


def _expandable(got, want):
    """PyTorch accepts a gradient that sums to the input's shape (is_expandable_to)."""
    if len(want) > len(got):
        return False
    for a, b in zip(reversed(want), reversed(got)):
        if a != b and a != 1:
            return False
    return True


def once_differentiable(fn):
    """A backward that cannot itself be differentiated: it runs without recording; under create_graph, with a
    gradient that requires grad, its results hang from an Error node whose backward raises (PyTorch's
    DelayedError), so a second differentiation fails there and not silently."""
    @functools.wraps(fn)
    def wrapper(ctx, *args):
        before = GRAD_MODE.enabled
        GRAD_MODE.enabled = False
        try:
            outputs = fn(ctx, *args)
        finally:
            GRAD_MODE.enabled = before
        if not before or not any(isinstance(a, Tensor) and a._rg for a in args):
            return outputs
        return _delayed_error(outputs, "trying to differentiate twice a function that was marked with "
                                       "@once_differentiable")
    return wrapper


class _ErrorOp:
    """The op-table entry of PyTorch's Error node (what DelayedError records): its backward raises."""
    name = node = "Error"
    qualname = "torch::autograd::Error"
    node_cls = multi_node_type("Error")
    saves = ()
    save_if = None

    @staticmethod
    def vjp(xp, grads, saved, consts, edges):
        raise RuntimeError(consts[0])


def _delayed_error(outputs, message):
    """outputs (a tensor or a tuple) as new tensors on the same data whose grad_fn is an Error node, its edges to
    detached leaves that require grad (PyTorch's once_differentiable does so, to give the node an input)."""
    single = not isinstance(outputs, tuple)
    outs = (outputs,) if single else outputs
    leaves = []
    for o in outs:
        if o is not None:
            o = o.detach()
            o.requires_grad = True
        leaves.append(o)
    wrapped = [None if o is None else Tensor._wrap(o._data) for o in leaves]
    record_multi(_ErrorOp, leaves, wrapped, consts=(message,))
    return wrapped[0] if single else tuple(wrapped)


class NestedIOFunction(Function):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: the legacy "
                                  "torch.autograd.function.NestedIOFunction is not part of it")


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.autograd.function", name)
