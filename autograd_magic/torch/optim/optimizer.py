"""torch.optim.Optimizer: parameter groups, per-parameter state, state_dict, zero_grad, step hooks (the instance's
and the global ones) and the printed form."""
import collections
import copy
import functools
import warnings

import numpy as np

from ...engine.tensor import Tensor
from ..nn.module import _typename
from ..nn.module_call import Handle

_global_optimizer_pre_hooks = collections.OrderedDict()
_global_optimizer_post_hooks = collections.OrderedDict()


def register_optimizer_step_pre_hook(hook):
    """hook(optimizer, args, kwargs) before every optimizer's step; it may return (new_args, new_kwargs)."""
    handle = Handle(_global_optimizer_pre_hooks)
    _global_optimizer_pre_hooks[handle.id] = hook
    return handle


def register_optimizer_step_post_hook(hook):
    """hook(optimizer, args, kwargs) after every optimizer's step."""
    handle = Handle(_global_optimizer_post_hooks)
    _global_optimizer_post_hooks[handle.id] = hook
    return handle


def _hooked(step):
    """step with the step hooks around it, as PyTorch patches each optimizer class's step (global pre hooks first,
    global post hooks last)."""
    @functools.wraps(step)
    def wrapper(*args, **kwargs):
        self = args[0]
        for pre_hook in (*_global_optimizer_pre_hooks.values(), *self._optimizer_step_pre_hooks.values()):
            result = pre_hook(self, args, kwargs)
            if result is not None:
                if not (isinstance(result, tuple) and len(result) == 2):
                    raise RuntimeError(f"{step} must return None or a tuple of (new_args, new_kwargs), but got "
                                       f"{result}.")
                args, kwargs = result
        out = step(*args, **kwargs)
        for post_hook in (*self._optimizer_step_post_hooks.values(), *_global_optimizer_post_hooks.values()):
            post_hook(self, args, kwargs)
        return out
    wrapper.hooked = True
    return wrapper


def check_tensor_lr(lr):
    """The first check of every optimizer's __init__ in PyTorch: a tensor lr holds one number."""
    if isinstance(lr, Tensor) and lr.numel() != 1:
        raise ValueError("Tensor lr must be 1-element")


class Optimizer:
    """Base class: holds param_groups (dicts of params and options) and state (per parameter)."""
    __module__ = "torch.optim.optimizer"
    # PyTorch's optimizers but SGD and LBFGS read each loaded state's "step" in __setstate__ (not custom ones)
    _STEP_IN_STATE = False

    def __init__(self, params, defaults):
        self.defaults = defaults
        self._optimizer_step_pre_hooks = collections.OrderedDict()
        self._optimizer_step_post_hooks = collections.OrderedDict()
        cls = type(self)
        step = getattr(cls, "step", None)
        if step is not None and not getattr(step, "hooked", False):
            cls.step = _hooked(step)
        self.state = collections.defaultdict(dict)
        self.param_groups = []
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                            f"but got {params.type()}")
        groups = list(params)
        if not groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def add_param_group(self, param_group):
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group)}")
        params = param_group["params"]
        if isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but the ordering of "
                            "tensors in sets will change between runs. Please use a list instead.")
        params = [params] if isinstance(params, Tensor) else list(params)
        names = [p[0] for p in params if isinstance(p, tuple)]   # model.named_parameters() given
        param_group["params"] = [p[1] if isinstance(p, tuple) else p for p in params]
        if names:
            if len(names) != len(params):
                raise ValueError("all optimizer params should be with/without names. Some param names are missing")
            param_group["param_names"] = names
        for p in param_group["params"]:
            if not isinstance(p, Tensor):
                raise TypeError(f"optimizer can only optimize Tensors, but one of the params is {_typename(p)}")
            if not self.defaults.get("differentiable") and not (p.is_leaf or p.retains_grad):
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            param_group.setdefault(name, default)
        if len({id(p) for p in param_group["params"]}) != len(param_group["params"]):
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in future, this will cause "
                          "an error; see github.com/pytorch/pytorch/issues/40967 for more information", stacklevel=3)
        for group in self.param_groups:
            if ("param_names" in param_group) != ("param_names" in group):
                which = "with names" if "param_names" in param_group else "without names"
                raise ValueError("all optimizer param groups should be with/without names. "
                                 f"cannot add param group {which} to the optimizer")
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        if any(id(p) in seen for p in param_group["params"]):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def register_step_pre_hook(self, hook):
        """hook(optimizer, args, kwargs) before this optimizer's step; it may return (new_args, new_kwargs)."""
        handle = Handle(self._optimizer_step_pre_hooks)
        self._optimizer_step_pre_hooks[handle.id] = hook
        return handle

    def register_step_post_hook(self, hook):
        """hook(optimizer, args, kwargs) after this optimizer's step."""
        handle = Handle(self._optimizer_step_post_hooks)
        self._optimizer_step_post_hooks[handle.id] = hook
        return handle

    def zero_grad(self, set_to_none=True):
        for group in self.param_groups:
            for p in group["params"]:
                if p._grad is None:
                    continue
                if set_to_none:
                    p._grad = None
                else:
                    p._grad = p._grad.detach() if p._grad._fn is not None else p._grad
                    p._grad.zero_()

    # the RuntimeError this optimizer raises at a sparse .grad (nn.Embedding(sparse=True)); None: it takes them
    _SPARSE_REFUSAL = None

    def _params_with_grad(self, group):
        params = [p for p in group["params"] if p._grad is not None]
        if self._SPARSE_REFUSAL is not None and any(p._grad._coo is not None for p in params):
            raise RuntimeError(self._SPARSE_REFUSAL)
        return params

    def _grad(self, p, group):
        g = p._grad._data
        return -g if group.get("maximize") else g

    def _scratch(self, p):
        """A buffer shaped like p for the update, made once (not part of state_dict)."""
        buffers = self.__dict__.setdefault("_buffers", {})
        buf = buffers.get(id(p))
        if buf is None or buf.shape != p._data.shape or buf.dtype != p._data.dtype:
            buf = buffers[id(p)] = np.empty_like(p._data)
        return buf

    @staticmethod
    def _step_tensor(value=0.0):
        if value.__class__ is np.ndarray and value.dtype.kind == "c":   # a complex parameter's state: complex
            return Tensor._wrap(value)
        return Tensor._wrap(np.asarray(value, np.float32))

    def state_dict(self):
        index, packed = {}, []
        for group in self.param_groups:
            entry = {k: v for k, v in group.items() if k != "params"}
            for p in group["params"]:
                index.setdefault(id(p), len(index))
            entry["params"] = [index[id(p)] for p in group["params"]]
            packed.append(entry)
        state = {index[id(p)]: s for p, s in self.state.items() if id(p) in index}
        return {"state": state, "param_groups": packed}

    def load_state_dict(self, state_dict):
        groups, saved = self.param_groups, state_dict["param_groups"]
        if len(groups) != len(saved):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(groups, saved)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match the size of "
                             "optimizer's group")
        by_index = {i: p for g, s in zip(groups, saved) for i, p in zip(s["params"], g["params"])}
        self.state = collections.defaultdict(dict)
        for i, s in state_dict["state"].items():
            p = by_index.get(i)
            if p is None:
                continue
            self.state[p] = {k: self._cast_state(k, v, p) for k, v in s.items()}
        self.param_groups = [dict(copy.deepcopy({k: v for k, v in s.items() if k != "params"}),
                                  params=g["params"]) for g, s in zip(groups, saved)]
        if self._STEP_IN_STATE:   # (their __setstate__: a state without "step" is a KeyError, a number a tensor)
            for group in self.param_groups:
                for p in group["params"]:
                    state = self.state.get(p)
                    if state and not isinstance(state["step"], Tensor):
                        state["step"] = Tensor._wrap(np.array(float(state["step"]), np.float32))

    @staticmethod
    def _cast_state(key, value, p):
        if not isinstance(value, Tensor):
            return copy.deepcopy(value)
        data = value._data if key == "step" else value._data.astype(p._data.dtype)
        return Tensor._wrap(np.array(data, copy=True))

    def __repr__(self):
        lines = [type(self).__name__ + " ("]
        for i, group in enumerate(self.param_groups):
            lines.append(("\n" if i else "") + f"Parameter Group {i}")
            for k in sorted(group):
                if k != "params":
                    lines.append(f"    {k}: {group[k]}")
        lines.append(")")
        return "\n".join(lines)
