"""torch.nn.Module and Parameter: registration, traversal, state_dict, printing."""
import collections
import sys
import types
import typing
import warnings

import numpy as np

from ...engine import torch_function
from ...engine import creation, dtypes, memory_format as formats
from ...engine.argcheck import in_class
from ...engine.methods import parse_to_args, to_dtype_arg, to_gives_copy, to_number_args
from ...engine.printing import format_parameter
from ...engine.pytorch_names import TYPENAME_DEFAULT, TYPENAMES
from ...engine.tensor_base import enable_bfloat16
from ...engine.tensor import Tensor
from . import module_lookup, module_state
from .module_state import _IncompatibleKeys  # noqa: F401  (nn/__init__ exports it from here)
from .buffer import Buffer
from ._args import type_name
from .module_call import (HOOK_DICTS, add_hook, call_with_hooks, has_global_hooks,  # noqa: F401
                          register_module_forward_hook, register_module_forward_pre_hook)


class Parameter(Tensor):
    """A leaf tensor that a Module registers as a parameter (requires grad by default)."""
    __module__ = "torch.nn.parameter"
    __torch_function__ = torch_function.DISABLED   # (PyTorch: _disabled_torch_function_impl)

    def __new__(cls, data=None, requires_grad=True):
        if data is not None and not isinstance(data, Tensor):   # (PyTorch's path for tensor-likes: data.detach())
            raise AttributeError(f"'{type_name(data)}' object has no attribute 'detach'")
        inference = data is not None and data._inference
        data = np.zeros((0,), np.float32) if data is None else data._data
        if requires_grad and not dtypes.is_diff_np(data.dtype):   # (Tensor._make_subclass's message)
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t = cls._wrap(data)
        if inference:   # an alias of an inference tensor is one too (so requires_grad_ below refuses outside the mode)
            t._inference = True
        if requires_grad:
            t._requires_grad(True)
        return t

    def __init__(self, data=None, requires_grad=True):
        pass

    _repr_wrapper = "Parameter"

    def __repr__(self):
        if type(self) is not Parameter:   # a user's subclass: "Parameter(MyParam([...]))" below the header
            return "Parameter containing:\n" + Tensor.__repr__(self)
        return format_parameter(self._data, self.dtype.name, requires_grad=self._rg)

    def __reduce_ex__(self, proto):
        """pickle.dump(model): a Parameter loads as a Parameter with its requires_grad (PyTorch's
        _rebuild_parameter); torch.save stores tensors its own way (serialization.py)."""
        return (_rebuild_parameter, (Tensor._wrap(self._data), self._rg))   # (its data pickled as a tensor's)

    def __deepcopy__(self, memo):
        """A new Parameter of a copy of the data (its layout kept) and the same requires_grad; unlike a Tensor's
        deepcopy, PyTorch's leaves .grad behind (copy.deepcopy(model) has no gradients)."""
        if id(self) in memo:
            return memo[id(self)]
        result = type(self)(self.data.clone(memory_format=formats.preserve_format), self.requires_grad)
        memo[id(self)] = result
        return result


def _rebuild_parameter(data, requires_grad):
    return Parameter(data if isinstance(data, Tensor) else Tensor._wrap(data), requires_grad)


def _remove_from(name, *dicts_or_sets):
    for d in dicts_or_sets:
        if isinstance(d, dict):
            d.pop(name, None)
        else:
            d.discard(name)


def default_np_dtype():
    """The numpy dtype of a layer's parameters made without dtype=: torch.get_default_dtype()'s."""
    return dtypes.get_default_dtype().np


def factory_np_dtype(device=None, dtype=None):
    """The numpy dtype of a layer's parameters for its device= and dtype= (PyTorch's factory_kwargs, which it hands
    to torch.empty): torch.empty's errors for a device this CPU build lacks (``nn.Linear(2, 2, device='cuda')``:
    Torch not compiled with CUDA enabled; device=1) and for a dtype that is not one (dtype='float64'); Python's
    float is float64 there. The meta device makes CPU tensors, as Module.to('meta') leaves them (the engine has no
    meta tensors)."""
    if device is not None and str(device) == "meta":
        device = None
    if device is None and dtype is None:
        return default_np_dtype()
    return creation.empty(0, device=device, dtype=dtype)._data.dtype


def _typename(obj):
    """torch.typename: 'torch.FloatTensor' for a tensor, else the (qualified) name of obj's type."""
    if isinstance(obj, Tensor):
        return obj.type()
    public = _public_typename(obj)
    if public is not None:
        return public
    module = getattr(obj, "__module__", "") or ""
    qualname = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if qualname is None:
        module, qualname = obj.__class__.__module__ or "", obj.__class__.__qualname__
    if module.startswith("autograd_magic.torch."):   # (nn.init.normal_: torch.nn.init.normal_, as PyTorch's)
        module = module[len("autograd_magic."):]
    return qualname if module in ("", "builtins") else f"{module}.{qualname}"


def _public_typename(obj):
    """PyTorch's typename of a function the engine's torch or torch.nn.functional exports, whose own module is an
    engine one: F.relu is torch.nn.functional.relu, torch.relu torch._VariableFunctionsClass.relu, F.gelu
    torch._C._nn.gelu (the generated table of pytorch_names); None for anything else."""
    if isinstance(obj, type) or not callable(obj) or isinstance(obj, Module):
        return None
    for module in ("torch.nn.functional", "torch"):
        namespace = vars(sys.modules.get("autograd_magic." + module) or types)
        names = [obj.__name__] if namespace.get(getattr(obj, "__name__", None)) is obj else []
        names = names or [n for n, v in namespace.items() if v is obj and not n.startswith("_")]
        if names:
            return TYPENAMES[module].get(names[0]) or TYPENAME_DEFAULT[module].format(names[0])
    return None


_COMPLEX_MODULES = ("Complex modules are a new feature under active development whose design may change, and some "
                    "modules might not work as expected when using complex tensors as parameters or buffers. Please "
                    "file an issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml if a "
                    "complex module does not work as expected.")

class Module:
    """Base class: assign Parameters and Modules as attributes, write ``forward``."""
    __module__ = "torch.nn.modules.module"
    # PyTorch's class attributes (dir(model) lists them): state_dict's type variable, the legacy-patch flag, and
    # whether __init__ calls super().__init__ with the arguments it was not given
    T_destination = typing.TypeVar("T_destination", bound=dict[str, typing.Any])
    dump_patches = False
    call_super_init = False

    def __init__(self, *args, **kwargs):
        # (nn.Sigmoid(x) for nn.Sigmoid()(x), super().__init__(n) in a subclass: PyTorch's TypeError)
        if kwargs:
            raise TypeError(f"{type(self).__name__}.__init__() got an unexpected keyword argument "
                            f"'{next(iter(kwargs))}'")
        if args:
            raise TypeError(f"{type(self).__name__}.__init__() takes 1 positional argument but {len(args) + 1} were "
                            f"given")
        # PyTorch's attributes in PyTorch's order: _parameters, _buffers and _modules are plain dicts (2.13),
        # the hooks OrderedDicts keyed by handle id
        setattr_ = object.__setattr__
        setattr_(self, "training", True)
        setattr_(self, "_parameters", {})
        setattr_(self, "_buffers", {})
        setattr_(self, "_non_persistent_buffers_set", set())
        for name in HOOK_DICTS:
            setattr_(self, name, None if name == "_is_full_backward_hook" else collections.OrderedDict())
        setattr_(self, "_modules", {})

    def __setattr__(self, name, value):
        """As PyTorch's: a Parameter or Module is registered, a tensor assigned to a buffer's name replaces it;
        only a Parameter (or None) may replace a parameter, only a Module (or None) a child module."""
        params = self.__dict__.get("_parameters")
        if isinstance(value, Parameter):
            if params is None:
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            _remove_from(name, self.__dict__, self._buffers, self._modules, self._non_persistent_buffers_set)
            self.register_parameter(name, value)
        elif params is not None and name in params:
            if value is not None:
                raise TypeError(f"cannot assign '{_typename(value)}' as parameter '{name}' "
                                "(torch.nn.Parameter or None expected)")
            self.register_parameter(name, value)
        elif isinstance(value, Module):
            if self.__dict__.get("_modules") is None:
                raise AttributeError("cannot assign module before Module.__init__() call")
            _remove_from(name, self.__dict__, self._parameters, self._buffers, self._non_persistent_buffers_set)
            self._modules[name] = value
        elif name in self.__dict__.get("_modules", ()):
            if value is not None:
                raise TypeError(f"cannot assign '{_typename(value)}' as child module '{name}' "
                                "(torch.nn.Module or None expected)")
            self._modules[name] = value
        elif isinstance(value, Buffer) or name in self.__dict__.get("_buffers", ()):
            if value is not None and not isinstance(value, Tensor):
                raise TypeError(f"cannot assign '{_typename(value)}' as buffer '{name}' "
                                "(torch.nn.Buffer, torch.Tensor or None expected)")
            persistent = value.persistent if isinstance(value, Buffer) else \
                name not in self._non_persistent_buffers_set
            self.register_buffer(name, value, persistent)
        else:
            if value.__class__.__module__.startswith("torch"):
                _refuse_real(self, name, value)
            object.__setattr__(self, name, value)

    def __getattr__(self, name):
        for store in ("_parameters", "_buffers", "_modules"):
            d = self.__dict__.get(store)
            if d is not None and name in d:
                return d[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __dir__(self):
        """As PyTorch's: the class's and instance's attributes with the parameters, children and buffers (so that
        tab completion offers model.weight), leaving out names that start with a digit (Sequential's "0")."""
        keys = [*dir(type(self)), *self.__dict__, *self._parameters, *self._modules, *self._buffers]
        return sorted(key for key in keys if not key[0].isdigit())

    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._buffers:
            del self._buffers[name]
            self._non_persistent_buffers_set.discard(name)
        elif name in self._modules:
            del self._modules[name]
        else:
            object.__delattr__(self, name)

    def _check_name(self, kind, name, store):
        if not isinstance(name, str):
            raise TypeError(f"{kind} name should be a string. Got {_typename(name)}")
        if "." in name:
            raise KeyError(f'{kind} name can\'t contain "."')
        if name == "":
            raise KeyError(f'{kind} name can\'t be empty string ""')
        if hasattr(self, name) and name not in store:
            raise KeyError(f"attribute '{name}' already exists")

    def register_buffer(self, name, tensor, persistent=True):
        """Add a tensor (or None) that is state but not a parameter; persistent=False keeps it out of
        state_dict. Example: ``self.register_buffer("running_mean", torch.zeros(3))``."""
        if "_buffers" not in self.__dict__:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        self._check_name("buffer", name, self._buffers)
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(f"cannot assign '{_typename(tensor)}' object to buffer '{name}' "
                            "(torch Tensor or None required)")
        self._buffers[name] = tensor
        (self._non_persistent_buffers_set.discard if persistent else self._non_persistent_buffers_set.add)(name)

    def register_parameter(self, name, param):
        """Add a Parameter (or None) under name, as assigning it as an attribute does."""
        if "_parameters" not in self.__dict__:
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        self._check_name("parameter", name, self._parameters)
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(f"cannot assign '{_typename(param)}' object to parameter '{name}' "
                            "(torch.nn.Parameter or None required)")
        if param is not None and param.grad_fn:
            raise ValueError(f"Cannot assign non-leaf Tensor to parameter '{name}'. Model parameters must be "
                             f"created explicitly. To express '{name}' as a function of another Tensor, compute "
                             "the value in the forward() method.")
        self._parameters[name] = param

    def add_module(self, name, module):
        if not isinstance(module, Module) and module is not None:
            raise TypeError(f"{_typename(module)} is not a Module subclass")
        if not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {_typename(name)}")
        if hasattr(self, name) and name not in self._modules:
            raise KeyError(f"attribute '{name}' already exists")
        if "." in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        if name == "":
            raise KeyError('module name can\'t be empty string ""')
        self._modules[name] = module

    def register_module(self, name, module):
        self.add_module(name, module)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def _wrapped_call_impl(self, *args, **kwargs):
        compiled = self.__dict__.get("_compiled_call_impl")   # set by Module.compile() (torch/compiler.py)
        if compiled is not None:
            return compiled(*args, **kwargs)
        return self._call_impl(*args, **kwargs)

    __call__ = _wrapped_call_impl   # (PyTorch's name for it: repr(nn.Module.__call__) shows it)

    def _call_impl(self, *args, **kwargs):
        if (self._backward_hooks or self._backward_pre_hooks or self._forward_hooks or self._forward_pre_hooks
                or has_global_hooks()):
            return call_with_hooks(self, args, kwargs)
        return self.forward(*args, **kwargs)

    def _add_backward_hook(self, hook, full, prepend=False):
        if self._is_full_backward_hook is (not full):
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. "
                               "Please use only one of them.")
        self._is_full_backward_hook = full
        return add_hook(self._backward_hooks, hook, prepend)

    def register_full_backward_hook(self, hook, prepend=False):
        """hook(module, grad_input, grad_output) -> new grad_input or None, once the gradients with respect to
        the module's inputs are computed (grad_input, grad_output: tuples, None for non-tensor arguments)."""
        return self._add_backward_hook(hook, True, prepend)

    def register_backward_hook(self, hook):
        """The deprecated form: hooks the output's grad_fn (PyTorch's FutureWarnings say what it misses)."""
        return self._add_backward_hook(hook, False)

    def register_full_backward_pre_hook(self, hook, prepend=False):
        """hook(module, grad_output) -> new grad_output or None, before the module's gradients are computed."""
        return add_hook(self._backward_pre_hooks, hook, prepend)

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        """hook(module, args) -> None or new args (a non-tuple is wrapped in one), before forward; with_kwargs:
        hook(module, args, kwargs) -> None or (new args, new kwargs). Example:
        ``h = lin.register_forward_pre_hook(lambda m, a: print(a[0].shape))``, later ``h.remove()``."""
        with_kw = self._forward_pre_hooks_with_kwargs
        return add_hook(self._forward_pre_hooks, hook, prepend, extra=(with_kw,), flags=[with_kw] * with_kwargs)

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        """hook(module, args, output) -> None or a new output, after forward; with_kwargs: hook(module, args,
        kwargs, output); always_call: run it even when forward raises."""
        with_kw, always = self._forward_hooks_with_kwargs, self._forward_hooks_always_called
        flags = [d for d, on in ((with_kw, with_kwargs), (always, always_call)) if on]
        return add_hook(self._forward_hooks, hook, prepend, extra=(with_kw, always), flags=flags)

    get_submodule, set_submodule, get_parameter, get_buffer = (module_lookup.get_submodule, module_lookup.set_submodule,
                                                               module_lookup.get_parameter, module_lookup.get_buffer)
    get_extra_state, set_extra_state = module_lookup.get_extra_state, module_lookup.set_extra_state
    cuda, to_empty = module_lookup.cuda, module_lookup.to_empty
    xpu, ipu, mtia, share_memory = module_lookup.xpu, module_lookup.ipu, module_lookup.mtia, module_lookup.share_memory

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        """(name, parameter) pairs; a parameter shared under two names appears once unless remove_duplicate=False.
        (A generator of its own: printed, it is <generator object Module.named_parameters at 0x...> as in PyTorch.)"""
        yield from self._named_tensors("_parameters", prefix, recurse, remove_duplicate)

    def _named_tensors(self, store, prefix, recurse, remove_duplicate):
        seen = set()
        modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        for mod_prefix, module in modules:
            for name, p in getattr(module, store).items():
                if p is None or (remove_duplicate and id(p) in seen):
                    continue
                seen.add(id(p))
                yield (mod_prefix + "." + name if mod_prefix else name), p

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        """(name, module) pairs, depth first; a module shared by two parents appears once.

        ``memo`` holds the modules themselves, as PyTorch's: a caller's ``memo={layer}`` skips that layer."""
        seen = set() if memo is None else memo
        stack = [(prefix, self)]
        while stack:
            name, module = stack.pop(0)
            if remove_duplicate:
                if module in seen:
                    continue
                seen.add(module)
            yield name, module
            stack[0:0] = [((name + "." + k) if name else k, m) for k, m in module._modules.items() if m is not None]

    def modules(self):
        for _, m in self.named_modules():
            yield m

    def children(self):
        for _, m in self.named_children():
            yield m

    def named_children(self):
        seen = set()
        for name, m in self._modules.items():
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                yield name, m

    def zero_grad(self, set_to_none=True):
        for p in self.parameters():
            if set_to_none:
                p._grad = None
            elif p._grad is not None:
                p._grad.zero_()

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        for m in self.modules():
            object.__setattr__(m, "training", mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def _cast(self, dtype, complex_too=False):
        """Convert every floating-point parameter and buffer (and its .grad) in place, keeping the objects;
        complex_too: complex ones as well (Module.to; .double() and the like leave them)."""
        for module in self.modules():
            for store in (module._parameters, module._buffers):
                for t in store.values():
                    if t is None or t._data.dtype == dtype.np or not (
                            dtypes.is_float_np(t._data.dtype) or complex_too and t._data.dtype.kind == "c"):
                        continue
                    t._data = t._data.astype(dtype.np)
                    if t._grad is not None and dtypes.is_float_np(t._grad._data.dtype):
                        t._grad._data = t._grad._data.astype(dtype.np)
        return self

    def to(self, *args, **kwargs):
        if any(str(a) == "meta" for a in args) or str(kwargs.get("device")) == "meta":
            # the model-ensembling recipe's template for torch.func.functional_call, which replaces every
            # parameter: the module stays as it is (the engine has no meta tensors; README "What is not there")
            return self
        parse_to_args(args, kwargs)   # (torch._C._nn._parse_to: Tensor.to's overloads, its TypeError)
        if to_gives_copy(args, kwargs):
            raise RuntimeError(".to() does not accept copy argument")
        args = to_number_args(args)
        dtype = to_dtype_arg(args, kwargs)
        if dtype is not None and not (dtype.is_floating_point or dtype.is_complex):
            raise TypeError(f"nn.Module.to only accepts floating point or complex dtypes, but got desired "
                            f"dtype={dtype}")
        if dtype is not None and dtype.is_complex:
            warnings.warn(_COMPLEX_MODULES, UserWarning, stacklevel=2)
        fmt = kwargs.get("memory_format")
        if fmt is not None:
            self._relayout(fmt)
        return self if dtype is None else self._cast(dtype, complex_too=True)

    def _relayout(self, fmt):
        """Module.to(memory_format=...): every 4-d and 5-d parameter and buffer (and .grad) laid out so, in
        place (PyTorch's rank check applies: channels_last on a 5-d tensor raises)."""
        for module in self.modules():
            for store in (module._parameters, module._buffers):
                for t in store.values():
                    if t is None or t._data.ndim not in (4, 5):
                        continue
                    kind = formats.checked(fmt, t._data.ndim)
                    if kind is formats.preserve_format or formats.suggested(t._data) is kind:
                        continue
                    t._data = formats.laid_out(t._data, kind)
                    if t._grad is not None:
                        t._grad._data = formats.laid_out(t._grad._data, kind)

    def float(self):
        return self._cast(dtypes.float32)

    def double(self):
        return self._cast(dtypes.float64)

    def half(self):
        return self._cast(dtypes.float16)

    def bfloat16(self):
        return self._cast(enable_bfloat16())

    def type(self, dst_type):
        """Every parameter and buffer (and .grad) converted by Tensor.type(dst_type), integer ones included, as
        PyTorch's Module.type does through _apply (children first); dst_type may be a dtype, torch.DoubleTensor or
        'torch.DoubleTensor'. A parameter that requires grad refuses a result that is not floating point or complex,
        with the error of PyTorch's `param.data = ...`."""
        for child in self._modules.values():
            if child is not None:
                child.type(dst_type)
        for store in (self._parameters, self._buffers):
            for t in store.values():
                if t is None:
                    continue
                new = t.type(dst_type)
                if new._data.dtype == t._data.dtype:
                    continue
                if t.requires_grad and not (new.dtype.is_floating_point or new.dtype.is_complex):
                    raise RuntimeError("data set to a tensor that requires gradients must be floating point or "
                                       "complex dtype")
                t._data = new._data
                if t._grad is not None:
                    t._grad._data = t._grad.type(dst_type)._data
        return self

    def cpu(self):
        return self

    def _named_state(self, extra=None):
        """(name, tensor) for every parameter and persistent buffer, module by module, as state_dict orders them;
        extra ("get_extra_state" or "set_extra_state"): also ("prefix._extra_state", module) after the tensors of
        each module whose class overrides that method, as PyTorch's state_dict and load_state_dict do."""
        for prefix, module in self.named_modules(remove_duplicate=False):
            dot = prefix + "." if prefix else ""
            for store in (module._parameters, module._buffers):
                for name, t in store.items():
                    if t is not None and name not in module._non_persistent_buffers_set:
                        yield dot + name, t
            if extra and module_lookup.overrides(module, extra):
                yield dot + "_extra_state", module

    state_dict, __setstate__ = module_state.state_dict, module_state.__setstate__
    register_state_dict_pre_hook = module_state.register_state_dict_pre_hook
    register_state_dict_post_hook = module_state.register_state_dict_post_hook
    _register_state_dict_hook = module_state._register_state_dict_hook
    register_load_state_dict_pre_hook = module_state.register_load_state_dict_pre_hook
    _register_load_state_dict_pre_hook = module_state._register_load_state_dict_pre_hook
    register_load_state_dict_post_hook = module_state.register_load_state_dict_post_hook

    load_state_dict = module_state.load_state_dict
    _load_from_state_dict = module_state._load_from_state_dict

    def buffers(self, recurse=True):
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        yield from self._named_tensors("_buffers", prefix, recurse, remove_duplicate)

    def apply(self, fn):
        """fn(module) for every submodule, children first (in order) and self last, as PyTorch does."""
        for child in self.children():
            child.apply(fn)
        fn(self)
        return self

    def extra_repr(self):
        return ""

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extra = self.extra_repr()
        extra_lines = extra.split("\n") if extra else []
        child_lines = [f"({name}): " + repr(m).replace("\n", "\n  ") for name, m in self._modules.items()]
        lines = extra_lines + child_lines
        if not lines:
            return self._get_name() + "()"
        if len(extra_lines) == 1 and not child_lines:
            return f"{self._get_name()}({extra_lines[0]})"
        return self._get_name() + "(\n  " + "\n  ".join(lines) + "\n)"


module_lookup.KINDS.update(Module=Module, Parameter=Parameter)



# (the state-dict methods are module_state's functions: named as PyTorch's, defined in Module)
in_class(Module, ("_load_from_state_dict", "_register_load_state_dict_pre_hook", "_register_state_dict_hook",
                  "load_state_dict", "register_load_state_dict_post_hook",
                  "register_load_state_dict_pre_hook", "register_state_dict_post_hook", "register_state_dict_pre_hook",
                  "state_dict"))

def deprecated_class(message, category=FutureWarning):
    """A class PyTorch marks ``@typing_extensions.deprecated``: making an instance of the class itself (not of a
    subclass) warns, and so does defining a subclass, each pointing at the learner's line."""
    def decorate(cls):
        def __new__(klass, *args, **kwargs):
            if klass is cls:
                warnings.warn(message, category, stacklevel=2)
            return object.__new__(klass)

        inherited = cls.__init_subclass__

        def __init_subclass__(*args, **kwargs):
            warnings.warn(message, category, stacklevel=2)
            return inherited(*args, **kwargs)

        cls.__new__ = staticmethod(__new__)
        cls.__init_subclass__ = __init_subclass__
        return cls
    return decorate


def forward_per_subclass(base):
    """Decorate a base whose one forward serves subclasses that PyTorch each gives a forward of their own (Softsign,
    MSELoss, LPPool2d ...): each subclass that inherits the base's forward gets a copy named after it, so that a call
    with the wrong arguments reads "MSELoss.forward() missing 1 required positional argument: 'target'" as PyTorch's
    does (Python names the function's __qualname__), not "_Loss.forward() ...". A subclass of such a subclass keeps
    the copy it inherits, as a learner's subclass of nn.MSELoss names MSELoss.forward in PyTorch."""
    generic = base.forward

    def __init_subclass__(cls, **kwargs):
        super(base, cls).__init_subclass__(**kwargs)
        if cls.forward is generic:
            cls.forward = _renamed(generic, cls.__name__ + ".forward")

    base.__init_subclass__ = classmethod(__init_subclass__)
    return base


def _renamed(fn, qualname):
    """A copy of the function fn (the same code, defaults and closure) whose __qualname__ is qualname."""
    copy = types.FunctionType(fn.__code__, fn.__globals__, fn.__name__, fn.__defaults__, fn.__closure__)
    copy.__kwdefaults__, copy.__doc__, copy.__module__ = fn.__kwdefaults__, fn.__doc__, fn.__module__
    copy.__dict__.update(fn.__dict__)
    copy.__qualname__ = qualname
    return copy


def _refuse_real(module, name, value):
    """A module or parameter of real PyTorch assigned to an engine module: a model class defined inside a %%grad
    cell (its base is the engine's nn.Module) made in a later plain cell, where ``nn`` is real PyTorch again. It
    would hold real layers the engine neither registers nor runs: say so instead."""
    real = [c for c in value.__class__.__mro__ if c.__module__ == "torch.nn.modules.module" and c.__name__ == "Module"
            or c.__module__ == "torch.nn.parameter" and c.__name__ == "Parameter"]
    if not real:
        return
    kind = "module" if real[0].__name__ == "Module" else "parameter"
    raise TypeError(f"cannot assign a {kind} of real PyTorch ({_typename(value)}) as '{name}' of "
                    f"{type(module).__name__}, a model class defined inside a %%grad cell: its nn.Module is "
                    "autograd_magic's engine. Make the model inside %%grad, or define the class in a plain cell to "
                    "use it with real PyTorch")
