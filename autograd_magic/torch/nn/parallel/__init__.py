"""torch.nn.parallel as PyTorch runs it on a machine without CUDA. DataParallel calls the wrapped module as is
(``device_ids`` is empty), its parameters and state_dict keys are prefixed ``module.``, the prefix lessons strip
before loading the weights into a bare model. The functional pieces d2l's multi-GPU chapter calls (scatter, gather,
replicate, parallel_apply, data_parallel) read their devices as PyTorch does and then fail as its CPU build fails:
there is no GPU to copy to. Distributed training is not part of the engine."""
import copy

from ....engine.tensor_base import TensorBase as _Tensor
from ..._stubs import device_index as _device_index
from ...grad_mode import is_grad_enabled
from ..module import Module

__all__ = ["replicate", "scatter", "parallel_apply", "gather", "data_parallel", "DataParallel"]

_NO_ACCELERATOR = "Cannot access accelerator device when none is available."


def _missing_binding(name):
    return AttributeError(f"module 'torch._C' has no attribute '{name}'")


def _is_namedtuple(obj):
    return isinstance(obj, tuple) and hasattr(obj, "_asdict") and hasattr(obj, "_fields")


def scatter(inputs, target_gpus, dim=0):
    """Tensors split into a chunk per GPU (the copy needs CUDA's binding); other objects repeated per GPU."""
    def scatter_map(obj):
        if isinstance(obj, _Tensor):
            [_device_index(_device_index(x, True)) for x in target_gpus]   # (Scatter's reading, then comm's)
            raise _missing_binding("_scatter")
        if _is_namedtuple(obj):
            return [type(obj)(*args) for args in zip(*map(scatter_map, obj))]
        if isinstance(obj, tuple) and len(obj) > 0:
            return list(zip(*map(scatter_map, obj)))
        if isinstance(obj, list) and len(obj) > 0:
            return [list(i) for i in zip(*map(scatter_map, obj))]
        if isinstance(obj, dict) and len(obj) > 0:
            return [type(obj)(i) for i in zip(*map(scatter_map, obj.items()))]
        return [obj for _ in target_gpus]
    return scatter_map(inputs)


def scatter_kwargs(inputs, kwargs, target_gpus, dim=0):
    """scatter for the positional and the keyword arguments, padded to the same number of GPUs."""
    scattered_inputs = scatter(inputs, target_gpus, dim) if inputs else []
    scattered_kwargs = scatter(kwargs, target_gpus, dim) if kwargs else []
    if len(scattered_inputs) < len(scattered_kwargs):
        scattered_inputs.extend(() for _ in range(len(scattered_kwargs) - len(scattered_inputs)))
    elif len(scattered_kwargs) < len(inputs):
        scattered_kwargs.extend({} for _ in range(len(scattered_inputs) - len(scattered_kwargs)))
    return tuple(scattered_inputs), tuple(scattered_kwargs)


def gather(outputs, target_device, dim=0):
    """The outputs of each GPU concatenated on one device: PyTorch's Gather refuses CPU tensors."""
    def gather_map(outputs):
        out = outputs[0]
        if isinstance(out, _Tensor):
            raise AssertionError("Gather function not implemented for CPU tensors")
        if out is None:
            return None
        if isinstance(out, dict):
            if not all(len(out) == len(d) for d in outputs):
                raise ValueError("All dicts must have the same number of keys")
            return type(out)((k, gather_map([d[k] for d in outputs])) for k in out)
        if _is_namedtuple(out):
            return type(out)._make(map(gather_map, zip(*outputs, strict=True)))
        return type(out)(map(gather_map, zip(*outputs, strict=True)))
    return gather_map(outputs)


def replicate(network, devices, detach=False):
    """A copy of network per GPU: its parameters are broadcast first, which PyTorch refuses for CPU tensors."""
    if not devices:
        return []
    [_device_index(x, True) for x in devices]
    tensors = list(network.parameters()) or list(network.buffers())
    if not tensors:   # (nothing to broadcast: a copy per device, as PyTorch's replicas print)
        return [copy.deepcopy(network) for _ in devices]
    if detach:
        raise _missing_binding("_broadcast_coalesced")
    raise AssertionError("Broadcast function not implemented for CPU tensors")


def parallel_apply(modules, inputs, kwargs_tup=None, devices=None):
    """Each module called on its input in a thread per GPU: the threads need an accelerator's streams."""
    if len(modules) != len(inputs):
        raise AssertionError(f"The number of modules {len(modules)} is not equal to the number of inputs "
                             f"{len(inputs)}")
    if kwargs_tup is not None and len(modules) != len(kwargs_tup):
        raise AssertionError(f"The number of modules {len(modules)} is not equal to the number of kwargs_tup "
                             f"{len(kwargs_tup)}")
    if devices is not None and len(modules) != len(devices):
        raise AssertionError(f"The number of modules {len(modules)} is not equal to the number of devices "
                             f"{len(devices)}")
    indices = [_device_index(x, True, "cuda") for x in (devices if devices is not None else [None] * len(modules))]
    if indices:
        raise RuntimeError(_NO_ACCELERATOR)   # (the current stream of each device)
    raise AssertionError("No available accelerator found.")


def data_parallel(module, inputs, device_ids=None, output_device=None, dim=0, module_kwargs=None):
    """The functional DataParallel: it looks for an accelerator type before anything else."""
    raise RuntimeError("device type could not be determined")


class DataParallel(Module):
    """DataParallel(module, device_ids=None, output_device=None, dim=0): without CUDA, forward calls ``module``
    (PyTorch's constructor returns before it records dim, output_device and the source device)."""
    __module__ = "torch.nn.parallel.data_parallel"

    def __init__(self, module, device_ids=None, output_device=None, dim=0):
        super().__init__()
        self.module = module
        self.device_ids = []

    def forward(self, *inputs, **kwargs):
        return self.module(*inputs, **kwargs)

    def replicate(self, module, device_ids):
        return replicate(module, device_ids, not is_grad_enabled())

    def scatter(self, inputs, kwargs, device_ids):
        return scatter_kwargs(inputs, kwargs, device_ids, dim=self.dim)

    def parallel_apply(self, replicas, inputs, kwargs):
        return parallel_apply(replicas, inputs, kwargs, self.device_ids[:len(replicas)])

    def gather(self, outputs, output_device):
        return gather(outputs, output_device, dim=self.dim)


from ....engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.nn.parallel", name)
