"""torch.optim.Rprop: resilient backpropagation, PyTorch's single-tensor update (each weight's step size grows by
etaplus while its gradient keeps its sign, shrinks by etaminus when it flips, and the weight moves by the sign)."""
import numpy as np

from ...engine.tensor import Tensor
from . import _kernels as K
from .optimizer import Optimizer, check_tensor_lr


class Rprop(Optimizer):
    __module__ = "torch.optim.rprop"
    _CAPTURABLE_XLA = (True, True)
    _GROUP_DEFAULTS = dict(foreach=None, maximize=False, differentiable=False, capturable=False)
    _SPARSE_REFUSAL = "Rprop does not support sparse gradients"
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, capturable=False, foreach=None,
                 maximize=False, differentiable=False):
        check_tensor_lr(lr)
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 < etas[0] < 1.0 < etas[1]:
            raise ValueError(f"Invalid eta values: {etas[0]}, {etas[1]}")
        super().__init__(params, dict(lr=lr, etas=etas, step_sizes=step_sizes, foreach=foreach, maximize=maximize,
                                      differentiable=differentiable, capturable=capturable))

    def _new_state(self, p, group):
        """step, prev, step_size (the lr everywhere): a parameter's first state."""
        state = self.state[p]
        state["step"] = self._step_tensor()
        state["prev"] = Tensor._wrap(np.zeros_like(p._data))
        lr, g = group["lr"], p._grad._data   # (complex: lr for both parts, which PyTorch treats as two real numbers)
        state["step_size"] = Tensor._wrap(np.full_like(g, complex(lr, lr) if g.dtype.kind == "c" else lr))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            etaminus, etaplus = group["etas"]
            lo, hi = group["step_sizes"]
            for p in self._params_with_grad(group):
                state = self.state[p]
                g = self._grad(p, group)
                if not state:
                    self._new_state(p, group)
                state["step"]._data += np.float32(1)
                # (a complex parameter: the real tensors of its parts, PyTorch's view_as_real)
                data, g, prev, size = K.as_real(p._data, g, state["prev"]._data, state["step_size"]._data)
                sign = np.sign(g * prev)
                sign = np.where(sign > 0, K.scalar(g, etaplus), np.where(sign < 0, K.scalar(g, etaminus),
                                                                       K.scalar(g, 1))).astype(g.dtype)
                np.clip(size * sign, K.scalar(size, lo), K.scalar(size, hi), out=size)
                g = np.where(sign == K.scalar(g, etaminus), K.scalar(g, 0), g).astype(g.dtype)
                K.addcmul_(data, np.sign(g), size, -1)
                p._vbox[0] += 1
                prev[...] = g
        return loss
