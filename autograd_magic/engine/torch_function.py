"""The ``__torch_function__`` protocol ("Extending torch Python API" in PyTorch's notes): a torch function or a
Tensor method called with an object whose class defines ``__torch_function__`` (a plain class such as the notes'
ScalarTensor, or a Tensor subclass) hands the call to that class; Tensor subclasses get PyTorch's default
(``Tensor.__torch_function__``: run the function, give tensor results the subclass).

Plain tensors pay nothing: a torch function looks for such arguments only once some Tensor subclass that takes
part exists, or when the call failed (a plain class's object is refused by the function's own parse first); a
Tensor method only on the subclass, whose class gets dispatching copies of Tensor's methods (``wrap_methods``)."""
import types as _types

from . import dispatch as _dispatch
from .tensor_base import TensorBase

# [subclass handling disabled (DisableTorchFunctionSubclass), all handling disabled (DisableTorchFunction),
#  a Tensor subclass with __torch_function__ was defined]
STATE = [False, False, False]
# counterpart(func): the engine's function or Tensor method that a function of real PyTorch stands for, None for
# a function that is not real PyTorch's (set by the torch layer, torch/_foreign.py): real PyTorch hands its calls
# with engine tensors to their class
FOREIGN = [None]


def _refuse_foreign(args, kwargs):
    """Real PyTorch handing one of its calls to an engine tensor (``real_tensor[engine_index]``, ``real_fn(x)``):
    its arguments hold a real PyTorch tensor. Running the call would hand it back here without end: say what
    happened instead (dispatch.check_foreign's TypeError)."""
    for value in (*args, *(kwargs.values() if kwargs else ())):
        if value.__class__ in (list, tuple):
            for item in value:
                _dispatch.check_foreign(item)
        else:
            _dispatch.check_foreign(value)


def _own(func):
    """func, or the engine's counterpart when func is real PyTorch's: an engine tensor kept from a %%grad cell
    and given to real ``torch.sin`` in a later plain cell (or in a module imported with real PyTorch) runs the
    engine's ``sin``, as a tensor-like class that takes part in the protocol does; real PyTorch's function would
    hand the call straight back here (the torch layer's counterpart raises the TypeError of one it lacks)."""
    counterpart = FOREIGN[0]
    own = None if counterpart is None else counterpart(func)
    return func if own is None else own


def _disabled_torch_function_impl(func, types, args=(), kwargs=None):
    """The __torch_function__ of classes that do not take part (nn.Parameter): the function itself."""
    _refuse_foreign(args, kwargs)
    func = _own(func)
    with DisableTorchFunctionSubclass():
        return func(*args, **(kwargs or {}))


DISABLED = staticmethod(_disabled_torch_function_impl)


class DisableTorchFunctionSubclass:
    """Within it, Tensor subclasses' __torch_function__ is not called (their objects act as plain tensors)."""

    def __enter__(self):
        self._old = STATE[0]
        STATE[0] = True
        return self

    def __exit__(self, *exc):
        STATE[0] = self._old


class DisableTorchFunction:
    """Within it, no __torch_function__ is called (not a plain class's either)."""

    def __enter__(self):
        self._old = STATE[0], STATE[1]
        STATE[0] = STATE[1] = True
        return self

    def __exit__(self, *exc):
        STATE[0], STATE[1] = self._old


def _takes_part(cls):
    if cls is _dispatch.RESULT_CLASS:
        return False
    impl = getattr(cls, "__torch_function__", None)
    return impl is not None and impl is not _disabled_torch_function_impl


def _add(found, value):
    cls = value.__class__
    if cls in _PLAIN or not _takes_part(cls) or STATE[0] and isinstance(value, TensorBase):
        return
    types = [a.__class__ for a in found]
    if cls in types:
        return
    # a subclass before its base classes, otherwise in the order of the arguments (PyTorch's _get_overloaded_args)
    at = next((i for i, t in enumerate(types) if issubclass(cls, t)), len(found))
    found.insert(at, value)


_PLAIN = {int, float, bool, complex, str, type(None), tuple, list, dict}


def overloaded(values):
    """The arguments whose class' __torch_function__ is to be asked, in the order PyTorch asks them (values: the
    call's arguments; the elements of a list or tuple among them count too, as torch.cat's)."""
    if STATE[1]:
        return []
    found = []
    for v in values:
        if v.__class__ in (tuple, list):
            for x in v:
                _add(found, x)
        else:
            _add(found, v)
    return found


def handle(func, qualname, found, args, kwargs):
    """Ask the classes of ``found`` in turn; PyTorch's TypeError when every one returns NotImplemented."""
    types = tuple(a.__class__ for a in found)
    for arg in found:
        result = arg.__torch_function__(func, types, args, kwargs)
        if result is not NotImplemented:
            return result
    listed = "".join(f"  - tensor subclass {t!r}\n" for t in types)
    raise TypeError(f"Multiple dispatch failed for '{qualname}'; all __torch_function__ handlers returned "
                    f"NotImplemented:\n\n{listed}\nFor more information, try re-running with "
                    "TORCH_LOGS=not_implemented")


def default(cls, func, types, args=(), kwargs=None):
    """Tensor.__torch_function__: the function run with subclass handling off, its tensors made instances of cls."""
    if not all(issubclass(cls, t) for t in types):
        return NotImplemented
    _refuse_foreign(args, kwargs)
    func = _own(func)
    with DisableTorchFunctionSubclass():
        return convert(func(*args, **(kwargs or {})), cls)


def convert(result, cls):
    """result's tensors as instances of cls (lists and tuples element by element), as PyTorch's _convert."""
    if cls is _dispatch.RESULT_CLASS:
        return result
    if isinstance(result, TensorBase):
        return result if isinstance(result, cls) else result.as_subclass(cls)
    if isinstance(result, (tuple, list)):
        items = [convert(r, cls) for r in result]
        return result._make(items) if hasattr(result, "_make") else result.__class__(items)
    return result


def function(fn, qualname):
    """fn (a torch function) taking part in the protocol: its arguments are looked at when some Tensor subclass
    takes part, or when fn failed (a plain class' object)."""
    def call(*args, **kwargs):
        if STATE[2] and not STATE[0]:
            found = overloaded((*args, *kwargs.values()))
            if found:
                return handle(call, qualname, found, args, kwargs or None)
            return fn(*args, **kwargs)
        try:
            return fn(*args, **kwargs)
        except Exception:
            found = overloaded((*args, *kwargs.values()))
            if not found:
                raise
        return handle(call, qualname, found, args, kwargs or None)
    call.__name__ = fn.__name__
    call.__qualname__ = getattr(fn, "__qualname__", fn.__name__)
    call.__doc__ = fn.__doc__
    call.__wrapped__ = fn
    call.__module__ = getattr(fn, "__module__", None)
    return call


# what PyTorch hands __torch_function__ for an operator: the method of that name (``a + b``: Tensor.add)
_OPERATOR_FUNCS = {"__add__": "add", "__radd__": "add", "__iadd__": "add_", "__sub__": "sub", "__isub__": "sub_",
                   "__mul__": "mul", "__rmul__": "mul", "__imul__": "mul_", "__truediv__": "div",
                   "__itruediv__": "div_", "__matmul__": "matmul", "__pow__": "pow", "__neg__": "neg",
                   "__abs__": "abs", "__lt__": "lt", "__le__": "le", "__gt__": "gt", "__ge__": "ge", "__ne__": "ne"}
_DUNDERS = ("__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__", "__rmul__", "__imul__",
            "__truediv__", "__rtruediv__", "__itruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__",
            "__matmul__", "__rmatmul__", "__pow__", "__rpow__", "__neg__", "__abs__", "__invert__", "__and__",
            "__or__", "__xor__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__getitem__",
            "__setitem__", "__len__", "__repr__", "__format__", "__float__", "__int__", "__bool__")
_BINARY = {n for n in _DUNDERS if n.startswith(("__r", "__i")) or n in (
    "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__matmul__", "__pow__", "__and__",
    "__or__", "__xor__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")} - {"__int__", "__invert__"}


def _method(tensor_cls, name):
    base = getattr(tensor_cls, name)
    func = getattr(tensor_cls, _OPERATOR_FUNCS.get(name, name))
    qualname = "torch.Tensor." + _OPERATOR_FUNCS.get(name, name)
    binary = name in _BINARY

    def method(self, *args, **kwargs):
        if STATE[0]:
            return base(self, *args, **kwargs)
        found = overloaded((self, *args, *kwargs.values()))
        if not found:
            return base(self, *args, **kwargs)
        if binary:
            try:
                return handle(func, qualname, found, (self, *args), kwargs or None)
            except TypeError as exc:
                if str(exc).startswith("Multiple dispatch failed"):
                    return NotImplemented   # Python's own "unsupported operand type(s)" error
                raise
        return handle(func, qualname, found, (self, *args), kwargs or None)
    method.__name__ = name
    method.__qualname__ = f"{tensor_cls.__name__}.{name}"
    method.__doc__ = getattr(base, "__doc__", None)
    method._torch_function_copy = True
    return method


def _methods(tensor_cls):
    """The names of Tensor's methods a subclass dispatches (plain functions: not properties nor classmethods)."""
    names = []
    for name in dir(tensor_cls):
        if name.startswith("_") and name not in _DUNDERS:
            continue
        attr = None
        for klass in tensor_cls.__mro__:
            if name in klass.__dict__:
                attr = klass.__dict__[name]
                break
        if callable(attr) and not isinstance(attr, (type, staticmethod, classmethod)) and name not in (
                "as_subclass", "__torch_function__"):
            names.append(name)
    return names


_METHOD_NAMES = []


def wrap_methods(cls, tensor_cls):
    """Give a Tensor subclass that takes part dispatching copies of the Tensor methods it does not define."""
    if not _takes_part(cls):
        return
    STATE[2] = True
    if not _METHOD_NAMES:
        _METHOD_NAMES.extend(_methods(tensor_cls))
    for name in _METHOD_NAMES:
        current = getattr(cls, name, None)
        if current is getattr(tensor_cls, name, None) and not getattr(current, "_torch_function_copy", False):
            setattr(cls, name, _method(tensor_cls, name))
    for name in _PROPERTIES:
        if _lookup(cls, name) is _lookup(tensor_cls, name):
            setattr(cls, name, _property(tensor_cls, name))


# the properties whose reading PyTorch hands to __torch_function__ and whose tensor it converts (``p.data`` of a
# subclass is one; ``.grad`` and ``._base`` are in get_default_nowrap_functions: they stay plain tensors)
_PROPERTIES = ("data", "T", "mT", "H", "mH", "real", "imag")


def _lookup(cls, name):
    return next((k.__dict__[name] for k in cls.__mro__ if name in k.__dict__), None)


def _property(tensor_cls, name):
    """A dispatching copy of a Tensor property: reading it asks the subclass's __torch_function__ with the
    property's getter; writing it is the Tensor's own."""
    prop = _lookup(tensor_cls, name)
    qualname = f"torch.Tensor.{name}.__get__"

    def get(self):
        if STATE[0]:
            return prop.__get__(self)
        found = overloaded((self,))
        if not found:
            return prop.__get__(self)
        return handle(prop.__get__, qualname, found, (self,), None)
    return property(get, prop.fset, prop.fdel, prop.__doc__)


# torch functions PyTorch never hands to __torch_function__ (torch.overrides.get_ignored_functions): factories,
# settings, the random state, and what takes no tensor
IGNORED = frozenset("""tensor as_tensor asarray from_numpy frombuffer from_dlpack zeros ones empty full eye arange
    range linspace logspace rand randn randint randperm empty_strided empty_permuted tril_indices triu_indices
    sparse_coo_tensor sparse_csr_tensor is_tensor is_storage typename manual_seed seed initial_seed get_rng_state
    set_rng_state get_default_dtype set_default_dtype set_default_tensor_type set_printoptions set_grad_enabled
    is_grad_enabled is_inference_mode_enabled save load compile use_deterministic_algorithms
    are_deterministic_algorithms_enabled set_default_device get_default_device promote_types can_cast finfo iinfo
    set_num_threads get_num_threads set_num_interop_threads get_num_interop_threads set_flush_denormal
    set_anomaly_enabled is_anomaly_enabled is_nonzero is_warn_always_enabled set_warn_always vmap cond
    broadcast_shapes get_device_module""".split())


def wrap_namespace(namespace, prefix="torch"):
    """The public functions of a module's namespace (torch's) taking part in the protocol, but the IGNORED."""
    for name, value in list(namespace.items()):
        if name.startswith("_") or name in IGNORED or not (isinstance(value, _types.FunctionType) or type(
                value).__name__ == "cython_function_or_method"):   # (clear_errors' wrappers, compiled)
            continue
        namespace[name] = function(value, f"{prefix}.{name}")
