"""nn.Module's state_dict as PyTorch builds it (module by module: the pre hooks, the module's own parameters and
persistent buffers, its children, then the post hooks, with ``prefix=`` and ``keep_vars=``), and the registration of
the state-dict hooks: ``register_state_dict_pre_hook`` / ``register_state_dict_post_hook`` (and the private
``_register_state_dict_hook``), ``register_load_state_dict_pre_hook`` / ``_register_load_state_dict_pre_hook`` /
``register_load_state_dict_post_hook``; __setstate__ (a pickled module, old checkpoints); and load_state_dict,
module by module through each module's ``_load_from_state_dict`` (which a subclass may override), with the load
hooks around copying the values."""
import collections
import collections.abc
import functools
import warnings

from ...engine.tensor import Tensor
from ..grad_mode import no_grad
from . import module_lookup
from .module_call import HOOK_DICTS, add_hook

# the attributes a pickled module from an older PyTorch may lack, which Module.__setstate__ makes empty (PyTorch's
# list: the forward and backward hooks of its first releases are not on it)
_ADDED_SINCE = tuple(n for n in HOOK_DICTS if n not in ("_forward_hooks", "_backward_hooks"))


class _IncompatibleKeys(collections.namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    """What load_state_dict returns: prints as PyTorch's does."""

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return f"_IncompatibleKeys(missing_keys={self.missing_keys}, unexpected_keys={self.unexpected_keys})"

    __str__ = __repr__


def __setstate__(self, state):
    """Unpickling a module (pickle.load, copy.deepcopy, torch.load of a whole model): its saved attributes, and
    the hook dicts and non-persistent buffer set that a checkpoint of an older PyTorch lacks made empty."""
    self.__dict__.update(state)
    for name in _ADDED_SINCE:
        if name not in self.__dict__:
            object.__setattr__(self, name, None if name == "_is_full_backward_hook" else collections.OrderedDict())
    if "_non_persistent_buffers_set" not in self.__dict__:
        object.__setattr__(self, "_non_persistent_buffers_set", set())


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


def load_state_dict(self, state_dict, strict=True, assign=False):
    """Copy state_dict's tensors into the module's parameters and buffers (or, with assign, put them in their
    place), module by module as PyTorch does: each module's _load_from_state_dict (its load pre hooks, then its own
    entries), its children, then its load post hooks. What fits is loaded even when other entries do not fit; the
    errors, and the missing and unexpected keys when strict, are raised at the end, else the keys are returned."""
    if not isinstance(state_dict, collections.abc.Mapping):
        raise TypeError(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
    missing, unexpected, errors = [], [], []
    metadata = getattr(state_dict, "_metadata", None)
    state_dict = collections.OrderedDict(state_dict)   # the load hooks may edit it: a copy, as PyTorch's
    if metadata is not None:
        state_dict._metadata = metadata
    stack = [(self, state_dict, "", False)]   # iterative: (module, its part of the state dict, prefix, children done)
    while stack:
        module, local, prefix, done = stack.pop()
        if done:
            incompatible = _IncompatibleKeys(missing, unexpected)
            for hook in module._load_state_dict_post_hooks.values():
                if hook(module, incompatible) is not None:
                    raise AssertionError("Hooks registered with ``register_load_state_dict_post_hook`` are not "
                                         "expected to return new values, if incompatible_keys need to be modified,"
                                         " it should be done inplace.")
            continue
        local_metadata = {} if metadata is None else metadata.get(prefix[:-1], {})
        if assign:
            local_metadata["assign_to_params_buffers"] = assign
        module._load_from_state_dict(local, prefix, local_metadata, True, missing, unexpected, errors)
        stack.append((module, None, prefix, True))
        for name, child in reversed(module._modules.items()):
            if child is not None:
                child_prefix = prefix + name + "."
                stack.append((child, {k: v for k, v in local.items() if k.startswith(child_prefix)}, child_prefix,
                              False))
    if strict:
        if unexpected:
            errors.insert(0, "Unexpected key(s) in state_dict: " + ", ".join(f'"{k}"' for k in unexpected) + ". ")
        if missing:
            errors.insert(0, "Missing key(s) in state_dict: " + ", ".join(f'"{k}"' for k in missing) + ". ")
    if errors:
        raise RuntimeError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t" + "\n\t".join(errors))
    return _IncompatibleKeys(missing, unexpected)


def _load_from_state_dict(self, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                          error_msgs):
    """One module's part of load_state_dict (what a subclass may override): its load pre hooks, then each of its
    parameters and persistent buffers found under prefix checked (a tensor, of the same shape) and copied without
    grad (or assigned), its extra state, and, when strict, the missing keys and the keys of no entry of it."""
    if hasattr(self, "_lazy_load_hook"):   # PyTorch registers it as the first load pre hook of a lazy module
        self._lazy_load_hook(state_dict, prefix)
    for hook in self._load_state_dict_pre_hooks.values():
        hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)
    local_state = {k: v for k, v in self._parameters.items() if v is not None}
    local_state.update((k, v) for k, v in self._buffers.items()
                       if v is not None and k not in self._non_persistent_buffers_set)
    assign = local_metadata.get("assign_to_params_buffers", False)
    for name, param in local_state.items():
        key = prefix + name
        if key not in state_dict:
            if strict:
                missing_keys.append(key)
            continue
        value = state_dict[key]
        if not isinstance(value, Tensor):
            error_msgs.append(f'While copying the parameter named "{key}", expected torch.Tensor or Tensor-like '
                              f"object from checkpoint but received {type(value)}")
            continue
        lazy = isinstance(param, module_lookup.KINDS["UninitializedParameter"])
        if not lazy and param.ndim == 0 and value.shape == (1,):   # PyTorch's 0.3 checkpoints: a 0-dim as (1,)
            value = value[0]
        if not lazy and value.shape != param.shape:
            error_msgs.append(f"size mismatch for {key}: copying a param with shape {value.shape} from "
                              f"checkpoint, the shape in current model is {param.shape}.")
            continue
        try:
            with no_grad():
                if assign:
                    if isinstance(param, module_lookup.KINDS["Parameter"]):
                        if isinstance(value, module_lookup.KINDS["Parameter"]):
                            value._requires_grad(param.requires_grad)
                        else:
                            value = module_lookup.KINDS["Parameter"](value, requires_grad=param.requires_grad)
                    setattr(self, name, value)
                else:
                    param.copy_(value)
        except Exception as ex:  # noqa: BLE001 - PyTorch reports it among the load errors
            error_msgs.append(f'While copying the parameter named "{key}", whose dimensions in the model are '
                              f"{param.size()} and whose dimensions in the checkpoint are {value.size()}, an "
                              f"exception occurred : {ex.args}.")
    extra_key = prefix + "_extra_state"
    if module_lookup.overrides(self, "set_extra_state"):
        if extra_key in state_dict:
            self.set_extra_state(state_dict[extra_key])
        elif strict:
            missing_keys.append(extra_key)
    elif strict and extra_key in state_dict:
        unexpected_keys.append(extra_key)
    if strict:
        for key in state_dict:
            if key.startswith(prefix) and key != extra_key:
                head = key[len(prefix):].split(".", 1)
                if (head[0] not in self._modules) if len(head) > 1 else (head[0] not in local_state):
                    unexpected_keys.append(key)
