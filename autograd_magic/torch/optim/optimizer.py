"""torch.optim.Optimizer: parameter groups, per-parameter state, state_dict, zero_grad, step hooks (the instance's
and the global ones) and the printed form."""
import collections
import collections.abc
import copy
import functools
import itertools
import typing
import warnings
import weakref

import numpy as np

from ...engine.dtypes import float32, float64, get_default_dtype
from ...engine.tensor import Tensor
from ..nn.module import _typename
from ..nn.module_call import Handle, add_hook

_global_optimizer_pre_hooks = collections.OrderedDict()
_global_optimizer_post_hooks = collections.OrderedDict()
# the per-optimizer hook dicts, in the order PyTorch's Optimizer.__init__ makes them (vars(optimizer) shows them)
_HOOK_DICTS = ("_optimizer_step_pre_hooks", "_optimizer_step_post_hooks", "_optimizer_state_dict_pre_hooks",
               "_optimizer_state_dict_post_hooks", "_optimizer_load_state_dict_pre_hooks",
               "_optimizer_load_state_dict_post_hooks")
# id(optimizer) -> {id(param): scratch array}: kept outside the optimizer so that its __dict__ holds PyTorch's
# attributes only (emptied when the optimizer goes)
_SCRATCH = {}


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


def _state_value(param, value, param_id, param_groups, key):
    """A loaded state tensor as PyTorch's _process_value_according_to_param_policy takes it: "step" as it is
    (float32 under fused or capturable), any other to the parameter's dtype when that is a floating one, which
    is the tensor itself when it has that dtype already."""
    fused = capturable = False
    for group in param_groups:
        if param_id in group["params"]:
            fused, capturable = group.get("fused", False), group.get("capturable", False)
            break
    if key == "step":
        return value.to(dtype=float32) if capturable or fused else value
    return value.to(dtype=param.dtype) if param.is_floating_point() else value


class _RequiredParameter:
    """The default of an option a custom optimizer's param groups must give (torch.optim.optimizer.required)."""
    __module__ = "torch.optim.optimizer"

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def check_tensor_lr(lr):
    """The first check of every optimizer's __init__ in PyTorch: a tensor lr holds one number."""
    if isinstance(lr, Tensor) and lr.numel() != 1:
        raise ValueError("Tensor lr must be 1-element")


class Optimizer:
    """Base class: holds param_groups (dicts of params and options) and state (per parameter)."""
    __module__ = "torch.optim.optimizer"
    # PyTorch's optimizers but SGD and LBFGS read each loaded state's "step" in __setstate__ (not custom ones)
    _STEP_IN_STATE = False
    # what each optimizer's __setstate__ gives a loaded param group that lacks it (setdefault, in PyTorch's order), and
    # what it sets whatever was loaded (AdamW's decoupled_weight_decay)
    _GROUP_DEFAULTS = {}
    _GROUP_OVERRIDES = {}
    # PyTorch's type aliases of a step hook and its step wrapper are class attributes: dir(optimizer) lists them
    OptimizerPreHook: typing.TypeAlias = collections.abc.Callable[
        [typing.Self, tuple[typing.Any, ...], dict[str, typing.Any]],
        tuple[tuple[typing.Any, ...], dict[str, typing.Any]] | None]
    OptimizerPostHook: typing.TypeAlias = collections.abc.Callable[
        [typing.Self, tuple[typing.Any, ...], dict[str, typing.Any]], None]

    @staticmethod
    def profile_hook_step(func):
        """func (an optimizer class's step) with the step hooks around it."""
        return _hooked(func)

    def __init__(self, params, defaults):
        self.defaults = defaults
        for name in _HOOK_DICTS:
            setattr(self, name, collections.OrderedDict())
        self._patch_step_function()
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
        self._warned_capturable_if_run_uncaptured = True   # (PyTorch's once-only flag of its capturable warning)

    def _patch_step_function(self):
        """The class's step wrapped with the step hooks (once per class), and the zero_grad profiler name
        PyTorch keeps on each optimizer."""
        self._zero_grad_profile_name = f"Optimizer.zero_grad#{self.__class__.__name__}.zero_grad"
        cls = type(self)
        step = getattr(cls, "step", None)
        if step is not None and not getattr(step, "hooked", False):
            cls.step = _hooked(step)

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
            if default is required and name not in param_group:
                raise ValueError(f"parameter group didn't specify a value of required optimization parameter {name}")
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

    def step(self, closure=None):
        """One update of the parameters: each optimizer defines it (a custom one without it: NotImplementedError)."""
        raise NotImplementedError

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
        if self.defaults.get("differentiable") and any(p.is_leaf and p.requires_grad for p in params):
            # differentiable=True (the defaults', not a group's): PyTorch steps with grad mode on (even under no_grad),
            # so its in-place update of a leaf that requires grad fails; the engine refuses before any update
            raise RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.")
        if params and group.get("capturable") and not group.get("fused"):
            self._refuse_capturable(group, params)
        return params

    # what the update of an optimizer made with capturable=True asserts of CPU tensors, (single-tensor, foreach):
    # the tensors it names, and whether XLA is among the devices it lists
    _CAPTURABLE_NAMES = ("params and state_steps", "params and state_steps")
    _CAPTURABLE_XLA = (True, False)

    def _refuse_capturable(self, group, params):
        """capturable=True is for graph capture on an accelerator: PyTorch makes the group's states, then its update
        asserts that the tensors are on such a device (nothing is updated, later groups keep no state)."""
        for p in params:
            if not self.state[p]:
                self._new_state(p, group)
        foreach = bool(group.get("foreach"))
        devices = ["cuda", "xpu", "hpu", "privateuseone"] + ["xla"] * self._CAPTURABLE_XLA[foreach]
        raise AssertionError(f"If capturable=True, {self._CAPTURABLE_NAMES[foreach]} must be on supported devices: "
                             f"{devices}.")

    def _grad(self, p, group):
        g = p._grad._data
        return -g if group.get("maximize") else g

    def _scratch(self, p):
        """A buffer shaped like p for the update, made once (not part of state_dict)."""
        buffers = _SCRATCH.get(id(self))
        if buffers is None:
            buffers = _SCRATCH[id(self)] = {}
            weakref.finalize(self, _SCRATCH.pop, id(self), None)
        buf = buffers.get(id(p))
        if buf is None or buf.shape != p._data.shape or buf.dtype != p._data.dtype:
            buf = buffers[id(p)] = np.empty_like(p._data)
        return buf

    @staticmethod
    def _step_tensor(value=0.0):
        """An array made like the parameter (zeros_like(p), grad.clone()) as a state tensor of its dtype (a
        float64 parameter's exp_avg is float64); a number (step, eta, mu_product) in PyTorch's _get_scalar_dtype:
        float64 when that is the default dtype, else float32."""
        if value.__class__ is np.ndarray and value.dtype.kind in "cf":
            return Tensor._wrap(value)
        wide = value.__class__ is not np.ndarray and get_default_dtype() is float64
        return Tensor._wrap(np.asarray(value, np.float64 if wide else np.float32))

    def register_state_dict_pre_hook(self, hook, prepend=False):
        """hook(optimizer) before state_dict() packs the state."""
        return add_hook(self._hook_dict("_optimizer_state_dict_pre_hooks"), hook, prepend)

    def register_state_dict_post_hook(self, hook, prepend=False):
        """hook(optimizer, state_dict) after state_dict(); it may return a state_dict to give instead."""
        return add_hook(self._hook_dict("_optimizer_state_dict_post_hooks"), hook, prepend)

    def register_load_state_dict_pre_hook(self, hook, prepend=False):
        """hook(optimizer, state_dict) with a shallow copy of what load_state_dict() was given; it may return the
        state_dict to load instead."""
        return add_hook(self._hook_dict("_optimizer_load_state_dict_pre_hooks"), hook, prepend)

    def register_load_state_dict_post_hook(self, hook, prepend=False):
        """hook(optimizer) after load_state_dict()."""
        return add_hook(self._hook_dict("_optimizer_load_state_dict_post_hooks"), hook, prepend)

    def _hook_dict(self, name):
        """One of the state-dict hook dicts, made when first needed (a custom optimizer may not have run
        Optimizer.__init__ in full; PyTorch's __setstate__ adds them so too)."""
        hooks = self.__dict__.get(name)
        if hooks is None:
            hooks = self.__dict__[name] = collections.OrderedDict()
        return hooks

    def state_dict(self):
        """{"state": per-parameter state keyed by the parameter's index, "param_groups": the groups with the
        indices}. Nothing is copied: the state's tensors are the optimizer's own (a state_dict kept while training
        goes on changes with it)."""
        for pre_hook in tuple(self._hook_dict("_optimizer_state_dict_pre_hooks").values()):
            pre_hook(self)
        index, packed, start = {}, [], 0
        for group in self.param_groups:
            entry = {k: v for k, v in group.items() if k != "params"}
            for i, p in enumerate(group["params"], start):   # (as PyTorch: a repeated parameter takes an index)
                index.setdefault(id(p), i)
            entry["params"] = [index[id(p)] for p in group["params"]]
            start += len(entry["params"])
            packed.append(entry)
        state = {(index[id(k)] if isinstance(k, Tensor) else k): v for k, v in self.state.items()}
        state_dict = {"state": state, "param_groups": packed}
        for post_hook in tuple(self._hook_dict("_optimizer_state_dict_post_hooks").values()):
            result = post_hook(self, state_dict)
            if result is not None:
                state_dict = result
        return state_dict

    def load_state_dict(self, state_dict):
        """Take the groups' options and the state of a state_dict (its parameters matched by position). As in
        PyTorch the state's tensors are taken as they are where the dtype is the parameter's: an optimizer loaded
        from another one's state_dict() shares its buffers."""
        state_dict = state_dict.copy()
        for pre_hook in tuple(self._hook_dict("_optimizer_load_state_dict_pre_hooks").values()):
            result = pre_hook(self, state_dict)
            if result is not None:
                state_dict = result
        groups = self.param_groups
        saved_groups = copy.deepcopy(state_dict["param_groups"])
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(groups, saved_groups)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match the size of "
                             "optimizer's group")
        id_map = dict(zip(itertools.chain.from_iterable(g["params"] for g in saved_groups),
                          itertools.chain.from_iterable(g["params"] for g in groups)))

        def _cast(param, value, param_id=None, param_groups=None, key=None):
            # (nested here as PyTorch's: a str in the state becomes the repr of this generator, as there)
            if isinstance(value, Tensor):
                return _state_value(param, value, param_id, param_groups, key)
            if isinstance(value, dict):
                return {k: _cast(param, v, param_id=param_id, param_groups=param_groups, key=k)
                        for k, v in value.items()}
            if isinstance(value, collections.abc.Iterable):
                return type(value)(_cast(param, v, param_id=param_id, param_groups=param_groups) for v in value)
            return value

        state = collections.defaultdict(dict)
        for k, v in state_dict["state"].items():
            if k in id_map:
                param = id_map[k]
                state[param] = _cast(param, v, param_id=k, param_groups=state_dict["param_groups"])
            else:
                state[k] = v
        for group, new_group in zip(groups, saved_groups):
            new_group["params"] = group["params"]
            if "param_names" in group and "param_names" not in new_group:
                new_group["param_names"] = group["param_names"]
        self.state, self.param_groups = state, saved_groups
        self._setstate_defaults()
        for post_hook in tuple(self._hook_dict("_optimizer_load_state_dict_post_hooks").values()):
            post_hook(self)

    def __getstate__(self):
        """What pickling an optimizer keeps (torch.save(optimizer), copy.deepcopy): its defaults, state and
        groups; not its hooks nor the step a scheduler wrapped (a function pickle cannot name)."""
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}

    def __setstate__(self, state):
        self.__dict__.update(state)
        for name in _HOOK_DICTS:
            self.__dict__.setdefault(name, collections.OrderedDict())
        self._patch_step_function()   # (as PyTorch's __setstate__: an unpickled optimizer gets its profile name)
        self._setstate_defaults()

    def _setstate_defaults(self):
        """What PyTorch's __setstate__ does after a load: the base class's default, then the optimizer's own."""
        self.defaults.setdefault("differentiable", False)
        for group in self.param_groups:
            for key, value in self._GROUP_DEFAULTS.items():
                group.setdefault(key, value)
            group.update(self._GROUP_OVERRIDES)
        if self._STEP_IN_STATE:   # (their __setstate__: a state without "step" is a KeyError, a number a tensor)
            for group in self.param_groups:
                for p in group["params"]:
                    state = self.state.get(p)
                    if state and not isinstance(state["step"], Tensor):
                        state["step"] = Tensor._wrap(np.array(float(state["step"]), np.float32))

    def __repr__(self):
        lines = [type(self).__name__ + " ("]
        for i, group in enumerate(self.param_groups):
            lines.append(("\n" if i else "") + f"Parameter Group {i}")
            for k in sorted(group):
                if k != "params":
                    lines.append(f"    {k}: {group[k]}")
        lines.append(")")
        return "\n".join(lines)
