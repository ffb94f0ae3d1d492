"""torch.optim.Adamax, NAdam and RAdam: the Adam family's other members, PyTorch's single-tensor updates operation
by operation (float32 tensors, Python-float scalars, as torch/optim/*.py computes them on CPU)."""
import numpy as np

from ...engine.tensor import Tensor
from . import _kernels as K
from .adam import check_adam_args
from .optimizer import Optimizer


def _zeros(p):
    return Tensor._wrap(np.zeros_like(p._data))


class Adamax(Optimizer):
    """Adam with the infinity norm: u = max(beta2 * u, |g| + eps), p -= lr / (1 - beta1^t) * m / u."""
    __module__ = "torch.optim.adamax"
    _GROUP_DEFAULTS = dict(foreach=None, maximize=False, differentiable=False, capturable=False)
    _SPARSE_REFUSAL = "Adamax does not support sparse gradients"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, foreach=None, *,
                 maximize=False, differentiable=False, capturable=False):
        check_adam_args(lr, eps, betas, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, foreach=foreach,
                                      maximize=maximize, differentiable=differentiable, capturable=capturable))

    def _new_state(self, p, group):
        """step, exp_avg, exp_inf: a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["exp_avg"] = _zeros(p)
        state["exp_inf"] = _zeros(p)

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, wd, eps = group["lr"], group["weight_decay"], group["eps"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    self._new_state(p, group)
                g = self._grad(p, group)
                state["step"]._data += np.float32(1)
                if wd:
                    g = K.added(g, p._data, wd)
                # (a complex parameter: the real tensors of its parts, PyTorch's view_as_real, after weight decay)
                data, g, exp_avg, exp_inf = K.as_real(p._data, g, state["exp_avg"]._data, state["exp_inf"]._data)
                K.lerp_(exp_avg, g, 1 - beta1)
                np.maximum(K.mul_(exp_inf, beta2), np.abs(g) + K.scalar(g, eps), out=exp_inf)
                clr = lr / (1 - beta1 ** float(state["step"]._data))
                K.addcdiv_(data, exp_avg, exp_inf, -clr)
                p._vbox[0] += 1
        return loss


class NAdam(Optimizer):
    """Adam with Nesterov momentum and PyTorch's momentum schedule mu_t = beta1 (1 - 0.5 * 0.96^(t psi))."""
    __module__ = "torch.optim.nadam"
    _CAPTURABLE_NAMES = ("params, mu_products and state_steps", "params, mu_products, and state_steps")
    _GROUP_DEFAULTS = dict(maximize=False, foreach=None, capturable=False, differentiable=False,
                           decoupled_weight_decay=False)
    _SPARSE_REFUSAL = "NAdam does not support sparse gradients"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        check_adam_args(lr, eps, betas, weight_decay)
        if not 0.0 <= momentum_decay:
            raise ValueError(f"Invalid momentum_decay value: {momentum_decay}")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay, decoupled_weight_decay=decoupled_weight_decay,
                                      maximize=maximize, foreach=foreach, capturable=capturable,
                                      differentiable=differentiable))

    def _new_state(self, p, group):
        """step, mu_product, exp_avg, exp_avg_sq: a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["mu_product"] = self._step_tensor(1.0)
        state["exp_avg"] = _zeros(p)
        state["exp_avg_sq"] = _zeros(p)

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, wd, eps, psi = group["lr"], group["weight_decay"], group["eps"], group["momentum_decay"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    self._new_state(p, group)
                g = self._grad(p, group)
                state["step"]._data += np.float32(1)
                step = float(state["step"]._data)
                bias_correction2 = 1 - beta2 ** step
                # (a complex parameter: the real tensors of its parts, PyTorch's view_as_real, before weight decay)
                data, g, exp_avg, exp_avg_sq = K.as_real(p._data, g, state["exp_avg"]._data,
                                                         state["exp_avg_sq"]._data)
                if wd:
                    if group["decoupled_weight_decay"]:
                        K.mul_(data, 1 - lr * wd)
                        p._vbox[0] += 1   # (param.mul_: an in-place op of its own, one version)
                    else:
                        g = K.added(g, data, wd)
                mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * psi)))
                mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * psi)))
                mu_product = K.mul_(state["mu_product"]._data, mu)
                K.lerp_(exp_avg, g, 1 - beta1)
                K.addcmul_(K.mul_(exp_avg_sq, beta2), g, g, 1 - beta2)
                denom = K.sqrt(exp_avg_sq / K.scalar(exp_avg_sq, bias_correction2))
                denom += K.scalar(denom, eps)
                mu_product_next = float(mu_product) * mu_next
                K.addcdiv_(data, g, denom, -lr * (1.0 - mu) / (1.0 - float(mu_product)))
                K.addcdiv_(data, exp_avg, denom, (-lr * mu_next) / (1.0 - mu_product_next))
                p._vbox[0] += 2   # (two param.addcdiv_ calls, a version each)
        return loss


class RAdam(Optimizer):
    """Adam whose adaptive step is switched on (and rectified) once the variance estimate is tractable."""
    __module__ = "torch.optim.radam"
    _GROUP_DEFAULTS = dict(foreach=None, maximize=False, differentiable=False, decoupled_weight_decay=False,
                           capturable=False)
    _SPARSE_REFUSAL = "RAdam does not support sparse gradients"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, decoupled_weight_decay=False,
                 *, foreach=None, maximize=False, capturable=False, differentiable=False):
        check_adam_args(lr, eps, betas, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, maximize=maximize,
                                      foreach=foreach, capturable=capturable,
                                      decoupled_weight_decay=decoupled_weight_decay, differentiable=differentiable))

    def _new_state(self, p, group):
        """step, exp_avg, exp_avg_sq: a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["exp_avg"] = _zeros(p)
        state["exp_avg_sq"] = _zeros(p)

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, wd, eps = group["lr"], group["weight_decay"], group["eps"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    self._new_state(p, group)
                g = self._grad(p, group)
                state["step"]._data += np.float32(1)
                step = float(state["step"]._data)
                # (a complex parameter: the real tensors of its parts, PyTorch's view_as_real, before weight decay)
                data, g, exp_avg, exp_avg_sq = K.as_real(p._data, g, state["exp_avg"]._data,
                                                         state["exp_avg_sq"]._data)
                if wd:
                    if group["decoupled_weight_decay"]:
                        K.mul_(data, 1 - lr * wd)
                        p._vbox[0] += 1   # (param.mul_: an in-place op of its own, one version)
                    else:
                        g = K.added(g, data, wd)
                K.lerp_(exp_avg, g, 1 - beta1)
                K.addcmul_(K.mul_(exp_avg_sq, beta2), g, g, 1 - beta2)
                bias_correction1 = 1 - beta1 ** step
                bias_correction2 = 1 - beta2 ** step
                corrected = exp_avg / K.scalar(exp_avg, bias_correction1)
                rho_inf = 2 / (1 - beta2) - 1
                rho_t = rho_inf - 2 * step * (beta2 ** step) / bias_correction2
                if rho_t > 5.0:
                    rect = ((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) ** 0.5
                    sq = K.sqrt(exp_avg_sq)
                    sq += K.scalar(sq, eps)
                    adaptive = np.reciprocal(sq) * K.scalar(sq, bias_correction2 ** 0.5)  # Tensor.__rtruediv__
                    update = corrected * K.scalar(corrected, lr) * adaptive * K.scalar(corrected, rect)
                else:
                    update = corrected * K.scalar(corrected, lr)
                K.add_(data, update, -1.0)
                p._vbox[0] += 1
        return loss
