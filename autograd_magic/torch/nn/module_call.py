"""Calling an nn.Module that has hooks, as PyTorch's ``Module._call_impl``: global then the module's own forward
pre-hooks (``hook(module, args)`` or, registered ``with_kwargs``, ``hook(module, args, kwargs)``), the backward
hooks' identity nodes around forward, global then own forward hooks, and the ``always_call`` hooks again when
forward raised. Hooks live in OrderedDicts keyed by their handle's id, as PyTorch keeps them (and prints them)."""
import collections
import warnings

from ...engine.autograd import RemovableHandle
from ...engine.tensor import Tensor
from .backward_hooks import BackwardHook, WrappedHook, warn_non_full_backward_hook

# a Module's hook attributes, in PyTorch's order (all OrderedDicts but _is_full_backward_hook, None until set)
HOOK_DICTS = ("_backward_pre_hooks", "_backward_hooks", "_is_full_backward_hook", "_forward_hooks",
              "_forward_hooks_with_kwargs", "_forward_hooks_always_called", "_forward_pre_hooks",
              "_forward_pre_hooks_with_kwargs", "_state_dict_hooks", "_state_dict_pre_hooks",
              "_load_state_dict_pre_hooks", "_load_state_dict_post_hooks")

_global_forward_pre_hooks = collections.OrderedDict()
_global_forward_hooks = collections.OrderedDict()
_global_forward_hooks_with_kwargs = collections.OrderedDict()
_global_forward_hooks_always_called = collections.OrderedDict()
_global_backward_pre_hooks = collections.OrderedDict()
_global_backward_hooks = collections.OrderedDict()
_global_is_full_backward_hook = [None]   # [True] once register_module_full_backward_hook was called


class Handle(RemovableHandle):
    """PyTorch's RemovableHandle with ``extra_dict``: removing the hook also drops its id from those dicts."""
    __module__ = "torch.utils.hooks"
    __qualname__ = "RemovableHandle"

    def __init__(self, hooks, extra=()):
        super().__init__(hooks)
        self._extra = extra

    def remove(self):
        super().remove()
        for d in self._extra:
            d.pop(self.id, None)


Handle.__name__ = "RemovableHandle"   # type(handle).__name__, as PyTorch's


def add_hook(hooks, hook, prepend=False, extra=(), flags=()):
    """Register hook in hooks under a new handle's id (first if prepend); flags: dicts that mark it (with_kwargs,
    always_call)."""
    handle = Handle(hooks, extra)
    hooks[handle.id] = hook
    for d in flags:
        d[handle.id] = True
    if prepend:
        hooks.move_to_end(handle.id, last=False)
    return handle


def register_module_forward_pre_hook(hook):
    """As PyTorch's: ``hook(module, args)`` runs before every module's forward; returns a handle to remove it."""
    return add_hook(_global_forward_pre_hooks, hook)


def register_module_forward_hook(hook, *, with_kwargs=False, always_call=False):
    """As PyTorch's: ``hook(module, args, output)`` runs after every module's forward; returns a removable handle."""
    flags = [d for d, on in ((_global_forward_hooks_with_kwargs, with_kwargs),
                             (_global_forward_hooks_always_called, always_call)) if on]
    return add_hook(_global_forward_hooks, hook, extra=(_global_forward_hooks_always_called,), flags=flags)


def register_module_full_backward_pre_hook(hook):
    """As PyTorch's: ``hook(module, grad_output)`` runs before every module's gradients are computed."""
    return add_hook(_global_backward_pre_hooks, hook)


def register_module_full_backward_hook(hook):
    """As PyTorch's: ``hook(module, grad_input, grad_output)`` runs once every module's input gradients are
    computed; returns a removable handle."""
    if _global_is_full_backward_hook[0] is False:
        raise RuntimeError("Cannot use both regular backward hooks and full backward hooks as a global Module hook. "
                           "Please use only one of them.")
    _global_is_full_backward_hook[0] = True
    return add_hook(_global_backward_hooks, hook)


def has_global_hooks():
    return bool(_global_forward_hooks or _global_forward_pre_hooks or _global_backward_hooks
                or _global_backward_pre_hooks)


def _run_pre_hooks(module, args, kwargs):
    with_kwargs = module._forward_pre_hooks_with_kwargs
    for hook_id, hook in (*_global_forward_pre_hooks.items(), *module._forward_pre_hooks.items()):
        if hook_id in with_kwargs:
            result = hook(module, args, kwargs)
            if result is not None:
                if not (isinstance(result, tuple) and len(result) == 2):
                    raise RuntimeError("forward pre-hook must return None or a tuple of (new_args, new_kwargs), "
                                       f"but got {result}.")
                args, kwargs = result
        else:
            result = hook(module, args)
            if result is not None:
                args = result if isinstance(result, tuple) else (result,)
    return args, kwargs


def _backward_hooks(module):
    """(full hooks, non-full hooks, backward pre-hooks): the global ones, then the module's own."""
    hooks = list(module._backward_hooks.values())
    full = module._is_full_backward_hook
    full_hooks = list(_global_backward_hooks.values()) if _global_is_full_backward_hook[0] else []
    pre = [*_global_backward_pre_hooks.values(), *module._backward_pre_hooks.values()]
    return full_hooks + (hooks if full else []), (hooks if full is False else []), pre


def _hook_non_full(module, args, out, hooks):
    var = out
    while not isinstance(var, Tensor):
        var = next(v for v in var.values() if isinstance(v, Tensor)) if isinstance(var, dict) else var[0]
    if var.grad_fn is not None:
        for hook in hooks:
            var.grad_fn.register_hook(WrappedHook(hook, module))
        warn_non_full_backward_hook(args, out, var.grad_fn)


def call_with_hooks(module, args, kwargs):
    """module(*args, **kwargs) when it or every module has hooks."""
    state = {"args": args, "kwargs": kwargs, "result": None, "called": set()}
    try:
        return _call(module, state)
    except Exception:
        _run_always_called(module, state)
        raise


def _call(module, state):
    full, non_full, bw_pre = _backward_hooks(module)
    args, kwargs = state["args"], state["kwargs"] = _run_pre_hooks(module, state["args"], state["kwargs"])
    bw_hook = None
    if full or bw_pre:  # PyTorch's BackwardHook: identity nodes around the inputs and outputs
        bw_hook = BackwardHook(module, full, bw_pre)
        args = state["args"] = bw_hook.setup_input_hook(args)
    out = state["result"] = module.forward(*args, **kwargs)
    with_kwargs, always = module._forward_hooks_with_kwargs, module._forward_hooks_always_called
    for hook_id, hook in (*_global_forward_hooks.items(), *module._forward_hooks.items()):
        if hook_id in always or hook_id in _global_forward_hooks_always_called:
            state["called"].add(hook_id)
        if hook_id in with_kwargs or hook_id in _global_forward_hooks_with_kwargs:
            result = hook(module, args, kwargs, out)
        else:
            result = hook(module, args, out)
        if result is not None:
            out = state["result"] = result
    if bw_hook:
        if not isinstance(out, (Tensor, tuple)):
            warnings.warn("For backward hooks to be called, module output should be a Tensor or a tuple of "
                          f"Tensors but received {type(out)}", stacklevel=3)
        out = bw_hook.setup_output_hook(out)
    if non_full:
        _hook_non_full(module, args, out, non_full)
    return out


def _run_always_called(module, state):
    """After forward (or a hook) raised: the always_call forward hooks not run yet, their own errors silenced."""
    args, kwargs = state["args"], state["kwargs"]
    for hook_id, hook in _global_forward_hooks.items():
        if hook_id in _global_forward_hooks_always_called and hook_id not in state["called"]:
            try:
                result = hook(module, args, state["result"])
                if result is not None:
                    state["result"] = result
            except Exception as e:  # noqa: BLE001 - PyTorch warns and goes on
                warnings.warn("global module forward hook with ``always_call=True`` raised an exception that was "
                              f"silenced as another error was raised in forward: {str(e)}", stacklevel=3)
    for hook_id, hook in module._forward_hooks.items():
        if hook_id in module._forward_hooks_always_called and hook_id not in state["called"]:
            try:
                if hook_id in module._forward_hooks_with_kwargs:
                    result = hook(module, args, kwargs, state["result"])
                else:
                    result = hook(module, args, state["result"])
                if result is not None:
                    state["result"] = result
            except Exception as e:  # noqa: BLE001 - PyTorch warns and goes on
                warnings.warn("module forward hook with ``always_call=True`` raised an exception that was "
                              f"silenced as another error was raised in forward: {str(e)}", stacklevel=3)
