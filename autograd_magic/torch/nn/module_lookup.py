"""Module methods that look a member up by its dotted name (get_submodule, set_submodule, get_parameter,
get_buffer), the extra-state pair, cuda() and to_empty(), with PyTorch's messages; module.py binds them into Module."""
import numpy as np

from ...engine.size import device
from ...engine.tensor import Tensor

_device = device   # (to_empty's keyword argument is named device)

_FILE_AN_ISSUE = ("Please file an issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml "
                  "to report this bug.")


# the classes these check against, named by module.py once they exist (importing them here would be a cycle)
KINDS = {}


def _module_class():
    return KINDS["Module"]


def get_submodule(self, target):
    """The submodule at a dotted path: ``model.get_submodule("features.0")`` ("" is the module itself)."""
    if target == "":
        return self
    mod = self
    for item in target.split("."):
        if not hasattr(mod, item):
            raise AttributeError(mod._get_name() + " has no attribute `" + item + "`")
        mod = getattr(mod, item)
        if not isinstance(mod, _module_class()):
            raise AttributeError("`" + item + "` is not an nn.Module")
    return mod


def set_submodule(self, target, module, strict=False):
    """Replace (or, unless strict, add) the submodule at a dotted path: ``model.set_submodule("0", nn.Tanh())``."""
    if target == "":
        raise ValueError("Cannot set the submodule without a target name!")
    atoms = target.split(".")
    if not isinstance(module, _module_class()):
        raise ValueError("`module` is not an nn.Module, found " + str(type(module)))
    parent = self if len(atoms) == 1 else self.get_submodule(".".join(atoms[:-1]))
    if strict and not hasattr(parent, atoms[-1]):
        raise AttributeError(parent._get_name() + " has no attribute `" + atoms[-1] + "`")
    if hasattr(parent, atoms[-1]) and not isinstance(getattr(parent, atoms[-1]), _module_class()):
        raise AttributeError("`" + atoms[-1] + "` is not an nn.Module")
    setattr(parent, atoms[-1], module)


def _owner_and_name(self, target):
    module_path, _, name = target.rpartition(".")
    mod = self.get_submodule(module_path)
    if not hasattr(mod, name):
        raise AttributeError(mod._get_name() + " has no attribute `" + name + "`")
    return mod, name


def get_parameter(self, target):
    """The parameter at a dotted path: ``model.get_parameter("0.bias")``."""
    mod, name = _owner_and_name(self, target)
    param = getattr(mod, name)
    if not isinstance(param, KINDS["Parameter"]):
        raise AttributeError("`" + name + "` is not an nn.Parameter")
    return param


def get_buffer(self, target):
    """The buffer at a dotted path: ``model.get_buffer("bn.running_mean")``."""
    mod, name = _owner_and_name(self, target)
    buffer = getattr(mod, name)
    if name not in mod._buffers:
        raise AttributeError("`" + name + "` is not a buffer")
    return buffer


def get_extra_state(self):
    """Override (with set_extra_state) to put any picklable state into state_dict under "_extra_state"."""
    raise RuntimeError("Reached a code path in Module.get_extra_state() that should never be called. " + _FILE_AN_ISSUE)


def set_extra_state(self, state):
    """Override (with get_extra_state): receives what get_extra_state returned, from load_state_dict."""
    raise RuntimeError("Reached a code path in Module.set_extra_state() that should never be called. " + _FILE_AN_ISSUE)


def overrides(module, name):
    """Whether module's class defines its own get_extra_state / set_extra_state (then state_dict carries it)."""
    return getattr(type(module), name) is not getattr(_module_class(), name)


def _cuda_error(dev):
    """What Tensor.cuda(dev) raises on PyTorch's CPU-only build."""
    if isinstance(dev, int) and not isinstance(dev, bool) and dev < 0:
        return RuntimeError("Device index must not be negative")
    if dev is not None:
        if not isinstance(dev, (str, int, device)):
            return TypeError(f"cuda(): argument 'device' (position 1) must be torch.device, not {type(dev).__name__}")
        if device(dev).type != "cuda":   # device() raises PyTorch's errors for an index or a bad string
            return RuntimeError("Invalid device, must be cuda device")
    return AssertionError("Torch not compiled with CUDA enabled")


def cuda(self, device=None):
    """Move every parameter and buffer to the GPU: on this CPU-only build PyTorch's error, as soon as there is a
    tensor to move (a module without any, like nn.ReLU(), is returned as it is)."""
    for module in self.modules():
        for store in (module._parameters, module._buffers):
            if any(t is not None for t in store.values()):
                raise _cuda_error(device)
    return self


# the other accelerators' Module methods (xpu, ipu, mtia): what their Tensor methods raise on PyTorch's CPU-only build
_NO_BUILD = {"xpu": (AssertionError, "Torch not compiled with XPU enabled"),
             "ipu": (RuntimeError, "PyTorch is not linked with support for ipu devices"),
             "mtia": (AssertionError, "Torch not compiled with MTIA enabled. Ensure you have `import "
                                      "mtia.host_runtime.torch_mtia.dynamic_library` in your python src file and "
                                      "include `//mtia/host_runtime/torch_mtia:torch_mtia` as your target dependency!")}
_SHOWN = {"xpu": "xpu", "ipu": "ipu", "mtia": "MTIA"}


def _accelerator_error(kind, dev):
    if dev is not None:
        if isinstance(dev, bool) or not isinstance(dev, (str, int, device)):
            return TypeError(f"{kind}(): argument 'device' (position 1) must be torch.device, not {type(dev).__name__}")
        if isinstance(dev, int):   # (an index: the current accelerator's, and there is none)
            return RuntimeError("Cannot access accelerator device when none is available.")
        if device(dev).type != kind:
            return RuntimeError(f"Invalid device, must be {_SHOWN[kind]} device")
    cls, message = _NO_BUILD[kind]
    return cls(message)


def _has_tensors(self):
    return any(t is not None for module in self.modules() for store in (module._parameters, module._buffers)
               for t in store.values())


def _accelerator(kind):
    def move(self, device=None):
        """Move every parameter and buffer to this accelerator: PyTorch's error on its CPU-only build as soon as
        there is a tensor to move."""
        if _has_tensors(self):
            raise _accelerator_error(kind, device)
        return self
    move.__name__, move.__qualname__ = kind, "Module." + kind
    return move


xpu, ipu, mtia = _accelerator("xpu"), _accelerator("ipu"), _accelerator("mtia")


def share_memory(self):
    """Move the parameters and buffers to shared memory (the Hogwild examples' ``model.share_memory()``): one
    process here, whose memory every thread already shares, so nothing to move."""
    return self


def to_empty(self, *, device, recurse=True):
    """Every parameter and buffer made again with uninitialised memory of its shape and dtype on device (the
    recipe's step after building a model on the meta device): a parameter (and its .grad) keeps its object and
    requires_grad and gets new memory, as PyTorch's ``param.data = torch.empty_like(param, device=device)``; a
    buffer is replaced. recurse=False: this module's own tensors only."""
    _device(device).require_cpu()
    for module in (self.modules() if recurse else (self,)):
        for name, t in module._parameters.items():
            if t is not None:
                t._data = np.empty_like(t._data)
                if t._grad is not None:
                    t._grad._data = np.empty_like(t._grad._data)
        for name, t in module._buffers.items():
            if t is not None:
                module._buffers[name] = Tensor._wrap(np.empty_like(t._data))
    return self


for _fn in (get_submodule, set_submodule, get_parameter, get_buffer, get_extra_state, set_extra_state, cuda, to_empty,
            share_memory):
    _fn.__qualname__ = "Module." + _fn.__name__   # as PyTorch's methods are named, for bound-method reprs
