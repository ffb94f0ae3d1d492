"""torch.optim.Adafactor: PyTorch's single-tensor update (what runs on CPU), written with the engine's tensor ops
in PyTorch's order, so each rounding is the one PyTorch's code makes: a factored second moment (row and column
means of grad**2) for a parameter of two or more dimensions, a full one for a vector; the relative step size
min(lr, 1/sqrt(step)) scaled by the parameter's RMS; the update clipped to RMS d."""
import numpy as np

from ...engine.functions import finfo
from ...engine.tensor import Tensor
from ..grad_mode import no_grad
from .optimizer import Optimizer, check_tensor_lr


class Adafactor(Optimizer):
    __module__ = "torch.optim"
    _GROUP_DEFAULTS = dict(foreach=None)
    _STEP_IN_STATE = True

    def __init__(self, params, lr=1e-2, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0, weight_decay=0.0, *,
                 foreach=None, maximize=False):
        check_tensor_lr(lr)
        if not 0.0 <= lr:
            raise ValueError(f"Learning rate should be >= 0 but is: {lr}")
        if not 0.0 >= beta2_decay:
            raise ValueError(f"beta2_decay should be <= 0 but is: {beta2_decay}")
        if eps[0] is not None and not 0.0 <= eps[0]:
            raise ValueError(f"epsilon1 should be >= 0 but is: {eps[0]}")
        if not 0.0 <= eps[1]:
            raise ValueError(f"epsilon2 should be >= 0 but is: {eps[1]}")
        if not 1.0 <= d:
            raise ValueError(f"Clipping threshold d should be >= 1 but is: {d}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"weight_decay should be >= 0 but is: {weight_decay}")
        super().__init__(params, dict(lr=lr, beta2_decay=beta2_decay, eps=eps, d=d, weight_decay=weight_decay,
                                      foreach=foreach, maximize=maximize))

    def _init_group(self, group):
        """The parameters with a gradient, each with its state (made at its first step), in PyTorch's checks."""
        out = []
        for p in group["params"]:
            if p.grad is None:
                continue
            if p.is_complex():
                raise RuntimeError("Adafactor does not support complex parameters")
            if p.grad.is_sparse:
                raise RuntimeError("Adafactor does not support sparse gradients")
            state = self.state[p]
            if len(state) == 0:
                state["step"] = self._step_tensor()
                if p.grad.dim() > 1:
                    row_shape = list(p.grad.shape)
                    row_shape[-1] = 1
                    state["row_var"] = p.grad.new_zeros(row_shape)
                    col_shape = list(p.grad.shape)
                    col_shape[-2] = 1
                    state["col_var"] = p.grad.new_zeros(col_shape)
                else:
                    state["variance"] = Tensor._wrap(np.zeros_like(p.grad._data))
            out.append((p, state))
        return out

    def step(self, closure=None):
        loss = None
        if closure is not None:
            loss = closure()
        with no_grad():
            for group in self.param_groups:
                eps1, eps2 = group["eps"]
                lr, d, decay = group["lr"], group["d"], group["weight_decay"]
                lr = lr.item() if isinstance(lr, Tensor) else lr
                for p, state in self._init_group(group):
                    grad = -p.grad if group["maximize"] else p.grad
                    if eps1 is None:
                        eps1 = finfo(p.dtype).eps
                    step_t = state["step"]
                    step_t += 1
                    step = step_t.item()
                    one_minus_beta2_t = step ** group["beta2_decay"]
                    rho_t = min(lr, 1 / (step ** 0.5))
                    alpha = max(eps2, p.norm(2).item() / (p.numel() ** 0.5)) * rho_t
                    if decay != 0:
                        p.mul_(1 - lr * decay)
                    if grad.dim() > 1:
                        row_var, col_var = state["row_var"], state["col_var"]
                        row_var.lerp_(grad.norm(dim=-1, keepdim=True).square_().div_(grad.size(-1)), one_minus_beta2_t)
                        col_var.lerp_(grad.norm(dim=-2, keepdim=True).square_().div_(grad.size(-2)), one_minus_beta2_t)
                        var_estimate = row_var @ col_var
                        var_estimate.div_(row_var.mean(dim=-2, keepdim=True).clamp_(min=eps1))
                    else:
                        variance = state["variance"]
                        variance.lerp_(grad * grad, one_minus_beta2_t)
                        var_estimate = variance.clone()
                    update = var_estimate.clamp_(min=eps1 * eps1).rsqrt_()
                    update.mul_(grad)
                    denom = max(1.0, update.norm(2).item() / ((update.numel() ** 0.5) * d))
                    p.add_(update, alpha=-alpha / denom)
        return loss
