"""torch.optim: SGD (with momentum) and Adam, updating parameters in place with PyTorch's formulas."""
import math

import numpy as np


class Optimizer:
    def __init__(self, params, defaults):
        params = list(params)
        if not params:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(params[0], dict):
            params = [{"params": params}]
        self.defaults = defaults
        self.param_groups = []
        for group in params:
            g = dict(defaults)
            g.update(group)
            g["params"] = list(g["params"])
            self.param_groups.append(g)
        self.state = {}

    def zero_grad(self, set_to_none=True):
        for group in self.param_groups:
            for p in group["params"]:
                if set_to_none:
                    p._grad = None
                elif p._grad is not None:
                    p._grad.zero_()

    def _scratch(self, p):
        """A buffer shaped like p for the update, made once (not part of state_dict)."""
        buffers = self.__dict__.setdefault("_buffers", {})
        buf = buffers.get(id(p))
        if buf is None or buf.shape != p._data.shape or buf.dtype != p._data.dtype:
            buf = buffers[id(p)] = np.empty_like(p._data)
        return buf

    def _params_with_grad(self, group):
        return [p for p in group["params"] if p._grad is not None]

    def __repr__(self):
        lines = [type(self).__name__ + " ("]
        for i, group in enumerate(self.param_groups):
            lines.append(f"Parameter Group {i}")
            for k in sorted(group):
                if k != "params":
                    lines.append(f"    {k}: {group[k]}")
        lines.append(")")
        return "\n".join(lines)


def _add_scaled(p, g, alpha, scratch=None):
    """p += alpha * g in p's dtype, in place.

    scratch (an array like p, kept by the optimizer) takes the scaled gradient: a fresh large temporary
    would cost page faults on every step, which is most of the update's time.
    """
    alpha = p.dtype.type(alpha)  # a numpy scalar takes numpy's fast scalar loop (a 0-d array is slower)
    if scratch is None or scratch.shape != p.shape:
        p += alpha * g
        return
    np.multiply(g, alpha, out=scratch)
    p += scratch


class SGD(Optimizer):
    """p -= lr * (grad [+ weight_decay * p], through a momentum buffer when momentum > 0)."""

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                                      nesterov=nesterov, maximize=maximize, foreach=foreach,
                                      differentiable=differentiable, fused=fused))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            for p in self._params_with_grad(group):
                d = p._grad._data if not group["maximize"] else -p._grad._data
                if group["weight_decay"]:
                    d = d + group["weight_decay"] * p._data
                if group["momentum"]:
                    state = self.state.setdefault(p, {})
                    buf = state.get("momentum_buffer")
                    if buf is None:
                        buf = state["momentum_buffer"] = np.array(d, copy=True)
                    else:
                        buf *= group["momentum"]
                        _add_scaled(buf, d, 1 - group["dampening"])
                    d = d + group["momentum"] * buf if group["nesterov"] else buf
                _add_scaled(p._data, d, -group["lr"], self._scratch(p))
                p._vbox[0] += 1
        return loss


class Adam(Optimizer):
    """Adam with PyTorch's bias corrections and eps placement."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                                      maximize=maximize, foreach=foreach, capturable=capturable,
                                      differentiable=differentiable, fused=fused))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in self._params_with_grad(group):
                g = p._grad._data if not group["maximize"] else -p._grad._data
                if group["weight_decay"]:
                    g = g + group["weight_decay"] * p._data
                state = self.state.setdefault(p, {})
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = np.zeros_like(p._data)
                    state["exp_avg_sq"] = np.zeros_like(p._data)
                state["step"] += 1
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m += (g - m) * np.asarray(1 - beta1, m.dtype)
                v *= np.asarray(beta2, v.dtype)
                v += np.asarray(1 - beta2, v.dtype) * g * g
                step = state["step"]
                step_size = group["lr"] / (1 - beta1 ** step)
                denom = np.sqrt(v) / np.asarray(math.sqrt(1 - beta2 ** step), v.dtype) + np.asarray(group["eps"], v.dtype)
                p._data -= np.asarray(step_size, p._data.dtype) * (m / denom)
                p._vbox[0] += 1
        return loss
