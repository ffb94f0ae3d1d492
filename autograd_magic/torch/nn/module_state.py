"""nn.Module's state_dict as PyTorch builds it (module by module: the pre hooks, the module's own parameters and
persistent buffers, its children, then the post hooks, with ``prefix=`` and ``keep_vars=``), and the registration of
the state-dict hooks: ``register_state_dict_pre_hook`` / ``register_state_dict_post_hook`` (and the private
``_register_state_dict_hook``), ``register_load_state_dict_pre_hook`` / ``_register_load_state_dict_pre_hook`` /
``register_load_state_dict_post_hook``; and load_state_dict, which runs the load hooks around copying the values."""
import collections
import collections.abc
import functools
import warnings

import numpy as np

from ...engine.size import Size
from ...engine.tensor import Tensor
from . import module_lookup
from .module_call import add_hook


class _IncompatibleKeys(collections.namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    """What load_state_dict returns: prints as PyTorch's does."""

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return f"_IncompatibleKeys(missing_keys={self.missing_keys}, unexpected_keys={self.unexpected_keys})"

    __str__ = __repr__


def state_dict(self, *args, destination=None, prefix="", keep_vars=False):
    """An OrderedDict of every parameter and persistent buffer (detached unless keep_vars), keys under prefix."""
    if args:   # PyTorch's old positional form: (destination, prefix, keep_vars)
        warnings.warn("Positional args are being deprecated, use kwargs instead. Refer to "
                      "https://pytorch.org/docs/main/generated/torch.nn.Module.html#torch.nn.Module.state_dict "
                      "for details.", FutureWarning, stacklevel=2)
        destination, prefix, keep_vars = (list(args) + [destination, prefix, keep_vars][len(args):])[:3]
    if destination is None:
        destination = collections.OrderedDict()
        destination._metadata = collections.OrderedDict()
    return _save(self, destination, prefix, keep_vars)


def _save(module, destination, prefix, keep_vars):
    for hook in module._state_dict_pre_hooks.values():
        hook(module, prefix, keep_vars)
    local_metadata = {"version": getattr(module, "_version", 1)}
    if hasattr(destination, "_metadata"):
        destination._metadata[prefix[:-1]] = local_metadata
    for store in (module._parameters, module._buffers):
        for name, t in store.items():
            if t is not None and name not in module._non_persistent_buffers_set:
                destination[prefix + name] = t if keep_vars else Tensor._wrap(t._data)
    if module_lookup.overrides(module, "get_extra_state"):
        destination[prefix + "_extra_state"] = module.get_extra_state()
    for name, child in module._modules.items():
        if child is not None:
            _save(child, destination, prefix + name + ".", keep_vars)
    for hook in module._state_dict_hooks.values():
        result = hook(module, destination, prefix, local_metadata)
        if not getattr(hook, "_from_public_api", False) and result is not None:
            destination = result
    return destination


def register_state_dict_pre_hook(self, hook):
    """hook(module, prefix, keep_vars) before the module's entries are made."""
    return add_hook(self._state_dict_pre_hooks, hook)


def register_state_dict_post_hook(self, hook):
    """hook(module, state_dict, prefix, local_metadata) after them; it changes state_dict in place."""
    hook._from_public_api = True
    return add_hook(self._state_dict_hooks, hook)


def _register_state_dict_hook(self, hook):
    """The private form: the hook may also return a new state_dict."""
    if getattr(hook, "_from_public_api", False):
        raise RuntimeError("Cannot register the same function as the state dict post hook that was previously "
                           "registered via register_state_dict_post_hook")
    return add_hook(self._state_dict_hooks, hook)


def _register_load_state_dict_pre_hook(self, hook, with_module=False):
    """hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs) before the
    module's part of a state_dict is loaded (the module first when with_module)."""
    return add_hook(self._load_state_dict_pre_hooks, functools.partial(hook, self) if with_module else hook)


def register_load_state_dict_pre_hook(self, hook):
    """hook(module, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)."""
    return _register_load_state_dict_pre_hook(self, hook, with_module=True)


def register_load_state_dict_post_hook(self, hook):
    """hook(module, incompatible_keys) after loading; it may edit the missing and unexpected keys in place."""
    return add_hook(self._load_state_dict_post_hooks, hook)


def run_load_pre_hooks(root, state_dict, missing, unexpected, errors):
    """Each module's load pre hooks, parents first (PyTorch's recursion), on the copy being loaded."""
    metadata = getattr(state_dict, "_metadata", None) or {}
    for name, module in root.named_modules(remove_duplicate=False):
        prefix = name + "." if name else ""
        for hook in module._load_state_dict_pre_hooks.values():
            hook(state_dict, prefix, metadata.get(name, {}), True, missing, unexpected, errors)


def run_load_post_hooks(root, incompatible):
    """Each module's load post hooks, children first (they run when a module's subtree is loaded)."""
    order = []

    def visit(module):
        for child in module._modules.values():
            if child is not None:
                visit(child)
        order.append(module)
    visit(root)
    for module in order:
        for hook in module._load_state_dict_post_hooks.values():
            if hook(module, incompatible) is not None:
                raise AssertionError("Hooks registered with ``register_load_state_dict_post_hook`` are not expected "
                                     "to return new values, if incompatible_keys need to be modified, it should be "
                                     "done inplace.")


def load_state_dict(self, state_dict, strict=True, assign=False):
    """Copy state_dict's tensors into the module's parameters and buffers, with the load hooks around; the missing
    and unexpected keys (an error when strict, else returned)."""
    if not isinstance(state_dict, collections.abc.Mapping):
        raise TypeError(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
    metadata = getattr(state_dict, "_metadata", None)
    state_dict = collections.OrderedDict(state_dict)   # the load hooks may edit it: a copy, as PyTorch's
    if metadata is not None:
        state_dict._metadata = metadata
    missing, unexpected, errors = [], [], []
    run_load_pre_hooks(self, state_dict, missing, unexpected, errors)
    for prefix, module in self.named_modules():   # lazy modules take the loaded shapes (nn/layers.py)
        if hasattr(module, "_lazy_load_hook"):
            module._lazy_load_hook(state_dict, prefix + "." if prefix else "")
    own = dict(self._named_state("set_extra_state"))
    missing += [k for k in own if k not in state_dict]
    unexpected += [k for k in state_dict if k not in own]
    for k, target in own.items():   # (in the module's order, as each module's _load_from_state_dict runs)
        if k in state_dict and not isinstance(target, module_lookup.KINDS["Module"]):
            v = state_dict[k]
            if not isinstance(v, Tensor):
                errors.append(f'While copying the parameter named "{k}", expected torch.Tensor or Tensor-like '
                              f"object from checkpoint but received {type(v)}")
                continue
            src = v._data
            if src.shape != target._data.shape:
                errors.append(f"size mismatch for {k}: copying a param with shape {Size(src.shape)} from "
                              f"checkpoint, the shape in current model is {Size(target._data.shape)}.")
    if errors:
        _raise_load_errors(self, errors, missing, unexpected, strict)
    for k, v in state_dict.items():
        if isinstance(own.get(k), module_lookup.KINDS["Module"]):
            own[k].set_extra_state(v)
        elif k in own:
            own[k]._data[...] = v._data if isinstance(v, Tensor) else np.asarray(v)
            own[k]._vbox[0] += 1
    incompatible = _IncompatibleKeys(missing, unexpected)
    run_load_post_hooks(self, incompatible)   # they may edit the two lists
    if strict and (missing or unexpected):
        _raise_load_errors(self, [], missing, unexpected, strict)
    return incompatible


def _raise_load_errors(self, errors, missing, unexpected, strict):
    """PyTorch's message: the missing keys, the unexpected ones (when strict), then the other errors."""
    if strict:
        if unexpected:
            errors.insert(0, "Unexpected key(s) in state_dict: " + ", ".join(f'"{k}"' for k in unexpected) + ". ")
        if missing:
            errors.insert(0, "Missing key(s) in state_dict: " + ", ".join(f'"{k}"' for k in missing) + ". ")
    raise RuntimeError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t" + "\n\t".join(errors))
