"""torch.optim.Adadelta and ASGD: PyTorch's single-tensor updates operation by operation (and ASGD's
multi-tensor one, for foreach=True)."""
import numpy as np

from ...engine.tensor import Tensor
from . import _kernels as K
from .optimizer import Optimizer, check_tensor_lr


class Adadelta(Optimizer):
    """delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g; p -= lr * delta."""
    __module__ = "torch.optim.adadelta"
    _CAPTURABLE_XLA = (False, False)
    _GROUP_DEFAULTS = dict(foreach=None, maximize=False, differentiable=False, capturable=False)
    _SPARSE_REFUSAL = "Adadelta does not support sparse gradients"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False,
                 maximize=False, differentiable=False):
        check_tensor_lr(lr)
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        super().__init__(params, dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize,
                                      capturable=capturable, foreach=foreach, differentiable=differentiable))

    def _new_state(self, p, group):
        """step, square_avg, acc_delta: a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["square_avg"] = Tensor._wrap(np.zeros_like(p._data))
        state["acc_delta"] = Tensor._wrap(np.zeros_like(p._data))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            lr, rho, eps, wd = group["lr"], group["rho"], group["eps"], group["weight_decay"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    self._new_state(p, group)
                state["step"]._data += np.float32(1)
                g = self._grad(p, group)
                if wd:
                    g = K.added(g, p._data, wd)
                # (a complex parameter: the real tensors of its parts, PyTorch's view_as_real, after weight decay)
                data, g, square_avg, acc_delta = K.as_real(p._data, g, state["square_avg"]._data,
                                                           state["acc_delta"]._data)
                K.addcmul_(K.mul_(square_avg, rho), g, g, 1 - rho)
                std = K.sqrt(square_avg + K.scalar(square_avg, eps))
                delta = K.sqrt(acc_delta + K.scalar(acc_delta, eps))
                delta /= std
                delta *= g
                K.addcmul_(K.mul_(acc_delta, rho), delta, delta, 1 - rho)
                K.add_(data, delta, -lr)
                p._vbox[0] += 1
        return loss


class ASGD(Optimizer):
    """Averaged SGD: p = p * (1 - lambd * eta) - eta * g, with the running average ax of p from step t0 on."""
    __module__ = "torch.optim.asgd"
    _CAPTURABLE_NAMES = ("params, mus, etas, and state_steps",) * 2
    _GROUP_DEFAULTS = dict(foreach=None, maximize=False, differentiable=False, capturable=False)
    _SPARSE_REFUSAL = "ASGD does not support sparse gradients"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0, foreach=None,
                 maximize=False, differentiable=False, capturable=False):
        check_tensor_lr(lr)
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        super().__init__(params, dict(lr=lr, lambd=lambd, alpha=alpha, t0=t0, weight_decay=weight_decay,
                                      foreach=foreach, maximize=maximize, differentiable=differentiable,
                                      capturable=capturable))

    def _new_state(self, p, group):
        """step, eta (the lr), mu, ax: a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["eta"] = self._step_tensor(group["lr"])
        state["mu"] = self._step_tensor(1.0)
        state["ax"] = Tensor._wrap(np.zeros_like(p._data))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            lr, lambd, alpha, t0, wd = group["lr"], group["lambd"], group["alpha"], group["t0"], group["weight_decay"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    self._new_state(p, group)
                g = self._grad(p, group)
                if group["foreach"] and p._data.dtype == np.float32:
                    self._foreach_update(p, g, state, lr, lambd, alpha, t0, wd)
                    continue
                state["step"]._data += np.float32(1)
                if wd:
                    g = K.added(g, p._data, wd)
                eta = float(state["eta"]._data)
                K.mul_(p._data, 1 - lambd * eta)
                K.add_(p._data, g, -eta)
                mu, ax = state["mu"]._data, state["ax"]._data
                if float(mu) != 1:
                    ax += (p._data - ax) * mu
                else:
                    ax[...] = p._data
                step = float(state["step"]._data)
                state["eta"]._data[...] = lr / ((1 + lambd * lr * step) ** alpha)
                state["mu"]._data[...] = 1 / max(1, step - t0)
                p._vbox[0] += 2   # (param.mul_ then param.add_: a version each; the foreach update is one addcmul_)
        return loss

    @staticmethod
    def _foreach_update(p, g, state, lr, lambd, alpha, t0, wd):
        """PyTorch's _multi_tensor_asgd (foreach=True) for a float32 parameter: another order of operations,
        p - eta * (g + wd * p + lambd * p), and eta computed from the float32 step in float32."""
        f32 = np.float32
        state["step"]._data += f32(1)
        inter = K.added(g, p._data, wd) if wd else g
        inter = K.added(inter, p._data, lambd)
        eta, mu, ax = state["eta"]._data, state["mu"]._data, state["ax"]._data
        K.addcmul_(p._data, inter, eta, -1)
        K.addcmul_(ax, p._data - ax, mu)
        step = state["step"]._data
        base = (step * f32(lambd * lr) + f32(1)).astype(f32)
        powered = f32(np.float64(base) ** np.float64(f32(alpha)))   # (powf: correctly rounded)
        eta[...] = (f32(1) / powered) * f32(lr)   # (lr / tensor is tensor.reciprocal() * lr in PyTorch)
        mu[...] = 1 / max(1, float(step) - t0)
        p._vbox[0] += 1
