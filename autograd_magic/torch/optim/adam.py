"""torch.optim.Adam and AdamW: PyTorch's single-tensor update, operation by operation."""
import numpy as np

from ...engine.tensor import Tensor
from . import _kernels as K
from .optimizer import Optimizer, check_tensor_lr


def check_adam_args(lr, eps, betas, weight_decay):
    """The argument checks of the Adam family (Adam, AdamW, Adamax, NAdam, RAdam), with PyTorch's messages."""
    check_tensor_lr(lr)
    if not 0.0 <= lr:
        raise ValueError(f"Invalid learning rate: {lr}")
    if not 0.0 <= eps:
        raise ValueError(f"Invalid epsilon value: {eps}")
    for i in (0, 1):
        if not 0.0 <= betas[i] < 1.0:
            raise ValueError(f"Invalid beta parameter at index {i}: {betas[i]}")
    if not 0.0 <= weight_decay:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")


def adam_betas(betas, foreach, capturable):
    """Adam's (and AdamW's) own checks of a tensor lr and of the betas, after the family's: both floats or both
    tensors of one element, as a tuple of Python floats or 0-d tensors (PyTorch's `tuple(map(_to_scalar, betas))`)."""
    tensors = [isinstance(b, Tensor) for b in betas[:2]]
    if not (all(isinstance(b, float) for b in betas[:2]) or all(tensors)):
        raise ValueError("betas must be either both floats or both Tensors")
    for i, b in enumerate(betas[:2]):
        if tensors[i]:
            if not capturable and foreach:
                raise ValueError(f"betas[{i}] as a Tensor is not supported for capturable=False and foreach=True")
            if b.numel() != 1:
                raise ValueError(f"Tensor betas[{i}] must be 1-element")
    return tuple(b.squeeze() if isinstance(b, Tensor) and b.dim() != 0 else b for b in betas)


class Adam(Optimizer):
    """Adam with PyTorch's bias corrections and eps placement (decoupled_weight_decay=True is AdamW)."""
    __module__ = "torch.optim.adam"
    _GROUP_DEFAULTS = dict(amsgrad=False, maximize=False, foreach=None, capturable=False, differentiable=False,
                           decoupled_weight_decay=False, fused=None)
    _SPARSE_REFUSAL = "Adam does not support sparse gradients, please consider SparseAdam instead"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        if isinstance(lr, Tensor) and foreach and not capturable:
            raise ValueError("lr as a Tensor is not supported for capturable=False and foreach=True")
        check_adam_args(lr, eps, betas, weight_decay)
        betas = adam_betas(betas, foreach, capturable)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                                      maximize=maximize, foreach=foreach, capturable=capturable,
                                      differentiable=differentiable, fused=fused,
                                      decoupled_weight_decay=decoupled_weight_decay))

    def _new_state(self, p, group):
        """step, exp_avg, exp_avg_sq (and max_exp_avg_sq with amsgrad): a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["exp_avg"] = self._step_tensor(np.zeros_like(p._data))
        state["exp_avg_sq"] = self._step_tensor(np.zeros_like(p._data))
        if group["amsgrad"]:
            state["max_exp_avg_sq"] = self._step_tensor(np.zeros_like(p._data))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, wd = group["lr"], group["weight_decay"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    self._new_state(p, group)
                g = self._grad(p, group)
                state["step"]._data += np.float32(1)
                # a complex parameter is updated as the real tensor of its parts (PyTorch's view_as_real)
                data, g, m, v = K.as_real(p._data, g, state["exp_avg"]._data, state["exp_avg_sq"]._data)
                if wd:
                    if group["decoupled_weight_decay"]:
                        K.mul_(data, 1 - lr * wd)
                        p._vbox[0] += 1   # (param.mul_: an in-place op of its own, one version)
                    else:
                        g = K.added(g, data, wd)
                K.lerp_(m, g, 1 - beta1)
                K.addcmul_(K.mul_(v, beta2), g, g, 1 - beta2)
                step = float(state["step"]._data)
                step_size = lr / (1 - beta1 ** step)
                bias_correction2_sqrt = (1 - beta2 ** step) ** 0.5
                if group["amsgrad"]:
                    biggest, = K.as_real(state["max_exp_avg_sq"]._data)
                    v = np.maximum(biggest, v, out=biggest)
                denom = K.sqrt(v) / K.scalar(v, bias_correction2_sqrt)
                denom += K.scalar(v, group["eps"])
                K.addcdiv_(data, m, denom, -step_size)
                p._vbox[0] += 1
        return loss


class AdamW(Adam):
    """Adam with weight decay applied to the parameter, not the gradient."""
    __module__ = "torch.optim.adamw"
    _GROUP_OVERRIDES = {"decoupled_weight_decay": True}   # (set, not defaulted: an Adam's state loaded)

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)
