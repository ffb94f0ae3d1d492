"""torch.optim.SGD: PyTorch's single-tensor update (momentum, dampening, Nesterov, weight decay)."""
from ...engine.sparse_grad import add_into_dense
from . import _kernels as K
from .optimizer import Optimizer, check_tensor_lr


class SGD(Optimizer):
    """p -= lr * (grad [+ weight_decay * p], through a momentum buffer when momentum > 0)."""
    __module__ = "torch.optim.sgd"

    _GROUP_DEFAULTS = dict(nesterov=False, maximize=False, foreach=None, differentiable=False, fused=False)
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        check_tensor_lr(lr)
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                                      nesterov=nesterov, maximize=maximize, foreach=foreach,
                                      differentiable=differentiable, fused=fused))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            momentum = group["momentum"]
            for p in self._params_with_grad(group):
                # PyTorch reads (and so creates) a parameter's state only for its momentum buffer
                state = self.state[p] if momentum else {}
                if p._grad._coo is not None:
                    self._sparse_update(p, state, group)
                    continue
                d = self._grad(p, group)
                if group["weight_decay"]:
                    d = K.added(d, p._data, group["weight_decay"])
                if momentum:
                    buf = state.get("momentum_buffer")
                    if buf is None:
                        buf = state["momentum_buffer"] = self._step_tensor(d.copy())
                    else:
                        K.add_(K.mul_(buf._data, momentum), d, 1 - group["dampening"])
                    d = K.added(d, buf._data, momentum) if group["nesterov"] else buf._data
                K.add_(p._data, d, -group["lr"], self._scratch(p))
                p._vbox[0] += 1
        return loss

    @staticmethod
    def _sparse_update(p, state, group):
        """PyTorch's single-tensor update with a sparse gradient: weight decay refused (a sparse gradient plus the
        dense parameter), the momentum buffer a sparse clone of the first gradient, the step added entry by entry."""
        g = -p._grad if group["maximize"] else p._grad
        if group["weight_decay"]:
            raise RuntimeError("add(sparse, dense) is not supported. Use add(dense, sparse) instead.")
        momentum = group["momentum"]
        if momentum:
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = state["momentum_buffer"] = g.detach().clone()
            else:
                buf.mul_(momentum).add_(g, alpha=1 - group["dampening"])
            g = g.add(buf, alpha=momentum) if group["nesterov"] else buf
        if g._coo is not None:
            add_into_dense(p._data, g._coo.indices, g._coo.values, -group["lr"])
        else:
            K.add_(p._data, g._data, -group["lr"])
        p._vbox[0] += 1
