"""torch.nn.utils.weight_norm / remove_weight_norm (the forward-pre-hook form PyTorch deprecates for
parametrizations.weight_norm), and torch._weight_norm / torch.norm_except_dim, which both forms compute with."""
import warnings

from ....engine.optable import OPS
from ....engine.tensor_base import apply
from ..layers import UninitializedParameter
from ..parameter import Parameter


def norm_except_dim(v, pow=2, dim=0):
    """The pow-norm of v over every dim but ``dim`` (dim=-1: over all), shaped to broadcast against v."""
    if dim == -1:
        return v.norm(pow)
    if dim == 0:
        return v.contiguous().view(v.size(0), -1).norm(pow, 1).view((v.size(0),) + (1,) * (v.dim() - 1))
    if dim == v.dim() - 1:
        last = v.size(v.dim() - 1)
        return v.contiguous().view(-1, last).norm(pow, 0).view((1,) * (v.dim() - 1) + (last,))
    return norm_except_dim(v.transpose(0, dim), pow, 0).transpose(0, dim)


def _weight_norm(v, g, dim=0):
    """v * (g / norm_except_dim(v, 2, dim)): ATen's fused node (WeightNormInterfaceBackward0) for dim 0 or the last
    dim, else composed of primitive ops."""
    v, g = v.contiguous(), g.contiguous()
    fused = "float16" not in (v.dtype.name, g.dtype.name) and dim in (0, v.dim() - 1)
    if fused:
        return apply(OPS["weight_norm_interface"], (v, g), dim)
    return v * (g / norm_except_dim(v, 2, dim))


class WeightNorm:
    """The forward pre-hook that recomputes ``name`` from ``name_g`` and ``name_v`` before every forward."""

    def __init__(self, name, dim):
        self.name = name
        self.dim = -1 if dim is None else dim

    def compute_weight(self, module):
        return _weight_norm(getattr(module, self.name + "_v"), getattr(module, self.name + "_g"), self.dim)

    @staticmethod
    def apply(module, name, dim):
        for hook in module._forward_pre_hooks.values():
            if isinstance(hook, WeightNorm) and hook.name == name:
                raise RuntimeError(f"Cannot register two weight_norm hooks on the same parameter {name}")
        fn = WeightNorm(name, dim)
        weight = getattr(module, name)
        if isinstance(weight, UninitializedParameter):
            raise ValueError("The module passed to `WeightNorm` can't have uninitialized parameters. Make sure to "
                             "run the dummy forward before applying weight normalization")
        del module._parameters[name]
        module.register_parameter(name + "_g", Parameter(norm_except_dim(weight, 2, fn.dim).data))
        module.register_parameter(name + "_v", Parameter(weight.data))
        setattr(module, name, fn.compute_weight(module))
        module.register_forward_pre_hook(fn)
        return fn

    def remove(self, module):
        weight = self.compute_weight(module)
        delattr(module, self.name)
        del module._parameters[self.name + "_g"]
        del module._parameters[self.name + "_v"]
        setattr(module, self.name, Parameter(weight.data))

    def __call__(self, module, inputs):
        setattr(module, self.name, self.compute_weight(module))


def weight_norm(module, name="weight", dim=0):
    """Reparametrize ``name`` as name_g * name_v / |name_v| (norms over every dim but ``dim``; None: over all)."""
    warnings.warn("`torch.nn.utils.weight_norm` is deprecated in favor of "
                  "`torch.nn.utils.parametrizations.weight_norm`.", FutureWarning, stacklevel=2)
    WeightNorm.apply(module, name, dim)
    return module


def remove_weight_norm(module, name="weight"):
    for k, hook in module._forward_pre_hooks.items():
        if isinstance(hook, WeightNorm) and hook.name == name:
            hook.remove(module)
            del module._forward_pre_hooks[k]
            return module
    raise ValueError(f"weight_norm of '{name}' not found in {module}")
