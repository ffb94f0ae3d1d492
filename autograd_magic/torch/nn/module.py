"""torch.nn.Module and Parameter: registration, traversal, state_dict, printing."""
import collections
import warnings

import numpy as np

from ...engine import dtypes
from ...engine.autograd import RemovableHandle
from ...engine.methods import to_dtype_arg
from ...engine.printing import format_parameter
from ...engine.size import Size
from ...engine.tensor import Tensor
from .backward_hooks import BackwardHook, WrappedHook, warn_non_full_backward_hook


class Parameter(Tensor):
    """A leaf tensor that a Module registers as a parameter (requires grad by default)."""
    __module__ = "torch.nn.parameter"

    def __new__(cls, data=None, requires_grad=True):
        data = np.zeros((0,), np.float32) if data is None else data._data
        t = cls._wrap(data)
        if requires_grad:
            t.requires_grad_(True)
        return t

    def __init__(self, data=None, requires_grad=True):
        pass

    def __repr__(self):
        return format_parameter(self._data, self.dtype.name, requires_grad=self._rg)

    __str__ = __repr__


class _IncompatibleKeys(collections.namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    """What load_state_dict returns: prints as PyTorch's does."""

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return f"_IncompatibleKeys(missing_keys={self.missing_keys}, unexpected_keys={self.unexpected_keys})"

    __str__ = __repr__


_GLOBAL_HOOKS = {"pre": {}, "post": {}}   # hooks for every module's forward, run before each module's own


def _add_global_hook(kind, hook):
    handle = RemovableHandle(_GLOBAL_HOOKS[kind])
    _GLOBAL_HOOKS[kind][handle.id] = hook
    return handle


def register_module_forward_pre_hook(hook):
    """As PyTorch's: ``hook(module, args)`` runs before every module's forward; returns a handle to remove it."""
    return _add_global_hook("pre", hook)


def register_module_forward_hook(hook):
    """As PyTorch's: ``hook(module, args, output)`` runs after every module's forward; returns a removable handle."""
    return _add_global_hook("post", hook)


def _add_to(hooks, hook, prepend):
    handle = RemovableHandle(hooks)
    hooks[handle.id] = hook
    if prepend:
        hooks_items = list(hooks.items())
        hooks.clear()
        hooks[handle.id] = hook
        hooks.update((k, v) for k, v in hooks_items if k != handle.id)
    return handle


class Module:
    """Base class: assign Parameters and Modules as attributes, write ``forward``."""
    __module__ = "torch.nn.modules.module"

    def __init__(self, *args, **kwargs):
        object.__setattr__(self, "_parameters", collections.OrderedDict())
        object.__setattr__(self, "_modules", collections.OrderedDict())
        object.__setattr__(self, "_buffers", collections.OrderedDict())
        object.__setattr__(self, "training", True)

    def __setattr__(self, name, value):
        if "_parameters" not in self.__dict__:
            raise AttributeError("cannot assign parameters before Module.__init__() call")
        self._parameters.pop(name, None)
        self._modules.pop(name, None)
        if isinstance(value, Parameter):
            self._parameters[name] = value
        elif isinstance(value, Module):
            self._modules[name] = value
        else:
            object.__setattr__(self, name, value)
            return
        self.__dict__.pop(name, None)

    def __getattr__(self, name):
        for store in ("_parameters", "_modules", "_buffers"):
            d = self.__dict__.get(store)
            if d is not None and name in d:
                return d[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        for store in (self._parameters, self._modules, self._buffers):
            if name in store:
                del store[name]
                return
        object.__delattr__(self, name)

    def register_buffer(self, name, tensor, persistent=True):
        self._buffers[name] = tensor
        if not persistent:
            self.__dict__.setdefault("_non_persistent", set()).add(name)

    def register_parameter(self, name, param):
        self._parameters[name] = param

    def add_module(self, name, module):
        self._modules[name] = module

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def __call__(self, *args, **kwargs):
        hooks = self.__dict__.get("_forward_hooks")
        back = self.__dict__.get("_backward_hooks")
        g_pre, g_post = _GLOBAL_HOOKS["pre"], _GLOBAL_HOOKS["post"]
        if not hooks and not back:
            if not g_pre and not g_post:
                return self.forward(*args, **kwargs)
            # global hooks only (what a %%grad cell's module boxes register): no list of the module's own
            pre, post, full, non_full, bw_pre = list(g_pre.values()), list(g_post.values()), (), (), ()
        else:
            pre = list(g_pre.values()) + (list(hooks["pre"].values()) if hooks else [])
            post = list(g_post.values()) + (list(hooks["post"].values()) if hooks else [])
            full = list(back["full"].values()) if back and back["is_full"] else []
            non_full = list(back["full"].values()) if back and back["is_full"] is False else []
            bw_pre = list(back["pre"].values()) if back else []
        for hook in pre:  # hook(module, args) may replace the args
            result = hook(self, args)
            if result is not None:
                args = result if isinstance(result, tuple) else (result,)
        bw_hook = None
        if full or bw_pre:  # PyTorch's BackwardHook: identity nodes around the inputs and outputs
            bw_hook = BackwardHook(self, full, bw_pre)
            args = bw_hook.setup_input_hook(args)
        out = self.forward(*args, **kwargs)
        for hook in post:  # hook(module, args, output) may replace the output
            result = hook(self, args, out)
            if result is not None:
                out = result
        if bw_hook:
            if not isinstance(out, (Tensor, tuple)):
                warnings.warn("For backward hooks to be called, module output should be a Tensor or a tuple of "
                              f"Tensors but received {type(out)}", stacklevel=2)
            out = bw_hook.setup_output_hook(out)
        if non_full:
            var = out
            while not isinstance(var, Tensor):
                var = next(v for v in var.values() if isinstance(v, Tensor)) if isinstance(var, dict) else var[0]
            if var.grad_fn is not None:
                for hook in non_full:
                    var.grad_fn.register_hook(WrappedHook(hook, self))
                warn_non_full_backward_hook(args, out, var.grad_fn)
        return out

    def _backward_hook_store(self):
        return self.__dict__.setdefault("_backward_hooks", {"full": {}, "pre": {}, "is_full": None})

    def _add_backward_hook(self, hook, full, prepend=False):
        store = self._backward_hook_store()
        if store["is_full"] is (not full):
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. "
                               "Please use only one of them.")
        store["is_full"] = full
        return _add_to(store["full"], hook, prepend)

    def register_full_backward_hook(self, hook, prepend=False):
        """hook(module, grad_input, grad_output) -> new grad_input or None, once the gradients with respect to
        the module's inputs are computed (grad_input, grad_output: tuples, None for non-tensor arguments)."""
        return self._add_backward_hook(hook, True, prepend)

    def register_backward_hook(self, hook):
        """The deprecated form: hooks the output's grad_fn (PyTorch's FutureWarnings say what it misses)."""
        return self._add_backward_hook(hook, False)

    def register_full_backward_pre_hook(self, hook, prepend=False):
        """hook(module, grad_output) -> new grad_output or None, before the module's gradients are computed."""
        return _add_to(self._backward_hook_store()["pre"], hook, prepend)

    def get_submodule(self, target):
        if target == "":
            return self
        mod = self
        for item in target.split("."):
            if not hasattr(mod, item):
                raise AttributeError(mod._get_name() + " has no attribute `" + item + "`")
            mod = getattr(mod, item)
            if not isinstance(mod, Module):
                raise AttributeError("`" + item + "` is not an nn.Module")
        return mod

    def _add_hook(self, kind, hook):
        hooks = self.__dict__.setdefault("_forward_hooks", {"pre": {}, "post": {}})
        handle = RemovableHandle(hooks[kind])
        hooks[kind][handle.id] = hook
        return handle

    def register_forward_pre_hook(self, hook):
        return self._add_hook("pre", hook)

    def register_forward_hook(self, hook):
        return self._add_hook("post", hook)

    def named_parameters(self, prefix="", recurse=True):
        seen = set()
        for mod_prefix, module in (self.named_modules(prefix=prefix) if recurse else [(prefix, self)]):
            for name, p in module._parameters.items():
                if p is None or id(p) in seen:
                    continue
                seen.add(id(p))
                yield (mod_prefix + "." + name if mod_prefix else name), p

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        """(name, module) pairs, depth first; a module shared by two parents appears once."""
        seen = set() if memo is None else memo
        stack = [(prefix, self)]
        while stack:
            name, module = stack.pop(0)
            if remove_duplicate:
                if id(module) in seen:
                    continue
                seen.add(id(module))
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

    def _cast(self, dtype):
        """Convert every floating-point parameter and buffer (and its .grad) in place, keeping the objects."""
        for module in self.modules():
            for store in (module._parameters, module._buffers):
                for t in store.values():
                    if t is None or t._data.dtype.kind != "f" or t._data.dtype == dtype.np:
                        continue
                    t._data = t._data.astype(dtype.np)
                    if t._grad is not None and t._grad._data.dtype.kind == "f":
                        t._grad._data = t._grad._data.astype(dtype.np)
        return self

    def to(self, *args, **kwargs):
        if any(str(a) == "meta" for a in args) or str(kwargs.get("device")) == "meta":
            # the model-ensembling recipe's template for torch.func.functional_call, which replaces every
            # parameter: the module stays as it is (the engine has no meta tensors; README "What is not there")
            return self
        dtype = to_dtype_arg(args, kwargs)
        if dtype is None:
            return self
        if not dtype.is_floating_point:
            raise TypeError(f"nn.Module.to only accepts floating point or complex dtypes, but got desired "
                            f"dtype={dtype}")
        return self._cast(dtype)

    def float(self):
        return self._cast(dtypes.float32)

    def double(self):
        return self._cast(dtypes.float64)

    def half(self):
        return self._cast(dtypes.float16)

    def type(self, dst_type):
        return self._cast(dst_type)

    def cpu(self):
        return self

    def _named_state(self):
        """(name, tensor) for every parameter and persistent buffer, module by module, as state_dict orders them."""
        for prefix, module in self.named_modules(remove_duplicate=False):
            dot = prefix + "." if prefix else ""
            for store in (module._parameters, module._buffers):
                for name, t in store.items():
                    if t is not None and name not in module.__dict__.get("_non_persistent", ()):
                        yield dot + name, t

    def state_dict(self):
        return collections.OrderedDict((k, Tensor._wrap(v._data)) for k, v in self._named_state())

    def load_state_dict(self, state_dict, strict=True, assign=False):
        own = dict(self._named_state())
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        errors = []
        if strict:
            if unexpected:
                errors.append("Unexpected key(s) in state_dict: " + ", ".join(f'"{k}"' for k in unexpected) + ". ")
            if missing:
                errors.insert(0, "Missing key(s) in state_dict: " + ", ".join(f'"{k}"' for k in missing) + ". ")
        for k, v in state_dict.items():
            if k in own:
                target = own[k]
                src = v._data if isinstance(v, Tensor) else np.asarray(v)
                if src.shape != target._data.shape:
                    errors.append(f"size mismatch for {k}: copying a param with shape {Size(src.shape)} from "
                                  f"checkpoint, the shape in current model is {Size(target._data.shape)}.")
        if errors:
            raise RuntimeError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t" + "\n\t".join(errors))
        for k, v in state_dict.items():
            if k in own:
                own[k]._data[...] = v._data if isinstance(v, Tensor) else np.asarray(v)
                own[k]._vbox[0] += 1
        return _IncompatibleKeys(missing, unexpected)

    def buffers(self, recurse=True):
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    def named_buffers(self, prefix="", recurse=True):
        for mod_prefix, module in (self.named_modules(prefix=prefix) if recurse else [(prefix, self)]):
            for name, b in module._buffers.items():
                if b is not None:
                    yield (mod_prefix + "." + name if mod_prefix else name), b

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
