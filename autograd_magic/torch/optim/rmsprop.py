"""torch.optim.RMSprop and Adagrad: PyTorch's single-tensor updates."""
import numpy as np

from ...engine.sparse import INVARIANTS_WARNING
from ...engine.sparse_grad import add_into_dense, coalesce
from ...engine.tensor_base import warn_once
from . import _kernels as K
from .optimizer import Optimizer, check_tensor_lr


class RMSprop(Optimizer):
    """p -= lr * grad / (sqrt(running mean of grad**2) + eps), optionally centred and with momentum."""
    __module__ = "torch.optim.rmsprop"
    _CAPTURABLE_XLA = (True, True)
    _GROUP_DEFAULTS = dict(momentum=0, centered=False, foreach=None, maximize=False, differentiable=False,
                           capturable=False)
    _SPARSE_REFUSAL = "RMSprop does not support sparse gradients"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        check_tensor_lr(lr)
        for name, value in (("learning rate", lr), ("epsilon value", eps), ("momentum value", momentum),
                            ("weight_decay value", weight_decay), ("alpha value", alpha)):
            if not 0.0 <= value:
                raise ValueError(f"Invalid {name}: {value}")
        super().__init__(params, dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                                      weight_decay=weight_decay, capturable=capturable, foreach=foreach,
                                      maximize=maximize, differentiable=differentiable))

    def _new_state(self, p, group):
        """step, square_avg (momentum_buffer with momentum, grad_avg when centered): a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["square_avg"] = self._step_tensor(np.zeros_like(p._data))
        if group["momentum"] > 0:
            state["momentum_buffer"] = self._step_tensor(np.zeros_like(p._data))
        if group["centered"]:
            state["grad_avg"] = self._step_tensor(np.zeros_like(p._data))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            alpha, momentum = group["alpha"], group["momentum"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    self._new_state(p, group)
                g = self._grad(p, group)
                state["step"]._data += np.float32(1)
                data, g, square_avg = K.as_real(p._data, g, state["square_avg"]._data)   # (complex: their parts)
                if group["weight_decay"]:
                    g = K.added(g, data, group["weight_decay"])
                square_avg = K.addcmul_(K.mul_(square_avg, alpha), g, g, 1 - alpha)
                if group["centered"]:
                    grad_avg = K.lerp_(K.as_real(state["grad_avg"]._data)[0], g, 1 - alpha)
                    avg = K.sqrt(K.addcmul_(square_avg.copy(), grad_avg, grad_avg, -1))
                else:
                    avg = K.sqrt(square_avg)
                avg += K.scalar(avg, group["eps"])
                if momentum > 0:
                    buf = K.addcdiv_(K.mul_(K.as_real(state["momentum_buffer"]._data)[0], momentum), g, avg)
                    K.add_(data, buf, -group["lr"])
                else:
                    K.addcdiv_(data, g, avg, -group["lr"])
                p._vbox[0] += 1
        return loss


class Adagrad(Optimizer):
    """p -= lr / (1 + (step - 1) * lr_decay) * grad / (sqrt(sum of grad**2) + eps)."""
    __module__ = "torch.optim.adagrad"
    _GROUP_DEFAULTS = dict(foreach=None, maximize=False, differentiable=False, fused=None)
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        check_tensor_lr(lr)
        for name, value in (("learning rate", lr), ("lr_decay value", lr_decay),
                            ("weight_decay value", weight_decay),
                            ("initial_accumulator_value value", initial_accumulator_value),
                            ("epsilon value", eps)):
            if not 0.0 <= value:
                raise ValueError(f"Invalid {name}: {value}")
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value, foreach=foreach,
                                      maximize=maximize, differentiable=differentiable, fused=fused))
        for group in self.param_groups:
            for p in group["params"]:
                self._init_state(p, initial_accumulator_value)

    def _init_state(self, p, initial):
        """step 0 and the sum filled with initial (initial + initial*1j for a complex parameter, as PyTorch fills it)."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["sum"] = self._step_tensor(np.full_like(p._data, complex(initial, initial) if p._data.dtype.kind == "c"
                                                      else initial))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            for p in self._params_with_grad(group):
                state = self.state[p]
                if not state:   # (a group added later: PyTorch's _init_group fills it from the defaults' value)
                    self._init_state(p, self.defaults["initial_accumulator_value"])
                if p._grad._coo is not None:
                    state["step"]._data += np.float32(1)
                    self._sparse_update(p, state, group)
                    continue
                g = self._grad(p, group)
                state["step"]._data += np.float32(1)
                if group["weight_decay"]:
                    g = K.added(g, p._data, group["weight_decay"])
                clr = group["lr"] / (1 + (float(state["step"]._data) - 1) * group["lr_decay"])
                # (a complex parameter: the real tensors of its parts, PyTorch's view_as_real, after weight decay)
                data, g, total = K.as_real(p._data, g, state["sum"]._data)
                std = K.sqrt(K.addcmul_(total, g, g))
                std += K.scalar(std, group["eps"])
                K.addcdiv_(data, g, std, -clr)
                p._vbox[0] += 1
        return loss

    @staticmethod
    def _sparse_update(p, state, group):
        """PyTorch's update with a sparse gradient: on the coalesced gradient's rows only (weight decay refused)."""
        if group["weight_decay"]:
            raise RuntimeError("weight_decay option is not compatible with sparse gradients")
        g = (-p._grad if group["maximize"] else p._grad)._coo
        idx, v = coalesce(g.indices, g.values, p._data.shape)
        for _ in range(2):   # (PyTorch makes its two sparse tensors with torch.sparse_coo_tensor)
            warn_once(INVARIANTS_WARNING, stacklevel=3)
        clr = group["lr"] / (1 + (float(state["step"]._data) - 1) * group["lr_decay"])
        rows = tuple(idx)
        total = state["sum"]._data
        total[rows] += v * v
        std = K.sqrt(total[rows]) + K.scalar(v, group["eps"])
        add_into_dense(p._data, idx, v / std, -clr)
        p._vbox[0] += 1
