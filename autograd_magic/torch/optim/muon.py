"""torch.optim.Muon (PyTorch 2.13): momentum, then the update orthogonalised by a Newton-Schulz iteration run in
bfloat16, for 2-d parameters only. Written with the engine's tensor ops in PyTorch's order (its single-tensor
update), so the bfloat16 roundings are the ones PyTorch's kernels make (engine/bf16.py: norm, mm and addmm add
in float32 and round once)."""
import math

from ...engine.tensor import Tensor
from ..grad_mode import enable_grad, no_grad
from .optimizer import Optimizer, check_tensor_lr

_COEFFICIENTS = (3.4445, -4.775, 2.0315)   # the quintic's a, b, c (Keller Jordan's Muon)


def _orthogonalised(grad, coefficients, steps, eps):
    """Newton-Schulz iterations towards U V^T of grad = U S V^T, in bfloat16, on the wide orientation."""
    if steps >= 100:
        raise ValueError("Number of steps must be less than 100 for computational efficiency")
    if len(grad.shape) != 2:
        raise ValueError("Input tensor gradient must be a 2D matrix")
    if len(coefficients) != 3:
        raise ValueError("Coefficients must be a tuple of exactly 3 values")
    a, b, c = coefficients
    tall = grad.size(0) > grad.size(1)
    x = grad.bfloat16()
    if tall:
        x = x.T
    x.div_(x.norm().clamp(min=eps))   # spectral norm at most 1
    for _ in range(steps):
        gram = x @ x.T
        poly = gram.addmm(gram, gram, beta=b, alpha=c)
        x = x.addmm(poly, x, beta=a)
    return x.T if tall else x


def _scaled_lr(lr, adjust, shape):
    """The learning rate for a parameter of this shape: 'original' (the default) sqrt(max(1, rows / cols)),
    'match_rms_adamw' 0.2 * sqrt(max(rows, cols))."""
    rows, cols = shape[:2]
    if adjust is None or adjust == "original":
        ratio = math.sqrt(max(1, rows / cols))
    elif adjust == "match_rms_adamw":
        ratio = 0.2 * math.sqrt(max(rows, cols))
    else:
        ratio = 1.0
    return lr * ratio


class Muon(Optimizer):
    __module__ = "torch.optim"

    def __init__(self, params, lr=1e-3, weight_decay=0.1, momentum=0.95, nesterov=True,
                 ns_coefficients=_COEFFICIENTS, eps=1e-7, ns_steps=5, adjust_lr_fn=None):
        check_tensor_lr(lr)
        if not 0.0 <= lr:
            raise ValueError(f"Learning rate should be >= 0 but is: {lr}")
        if not 0.0 <= momentum:
            raise ValueError(f"momentum should be >= 0 but is: {momentum}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"weight decay should be >= 0 but is: {weight_decay}")
        if adjust_lr_fn is not None and adjust_lr_fn not in ("original", "match_rms_adamw"):
            raise ValueError(f"Adjust learning rate function {adjust_lr_fn} is not supported")
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay, momentum=momentum, nesterov=nesterov,
                                      ns_coefficients=ns_coefficients, eps=eps, ns_steps=ns_steps,
                                      adjust_lr_fn=adjust_lr_fn))
        for group in self.param_groups:
            for p in group["params"]:
                if p.ndim != 2:
                    raise ValueError("Muon only supports 2D parameters whereas we found a parameter with size: "
                                     f"{p.size()}")

    def _init_group(self, group):
        out = []
        for p in group["params"]:
            if p.grad is None:
                continue
            if p.is_complex():
                raise RuntimeError("Muon does not support complex parameters")
            if p.grad.is_sparse:
                raise RuntimeError("Muon does not support sparse gradients")
            state = self.state[p]
            if "momentum_buffer" not in state:
                state["momentum_buffer"] = p.grad.new_zeros(p.grad.shape)
            out.append((p, state["momentum_buffer"]))
        return out

    def step(self, closure=None):
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        with no_grad():
            for group in self.param_groups:
                lr, decay, momentum = group["lr"], group["weight_decay"], group["momentum"]
                lr = lr.item() if isinstance(lr, Tensor) else lr
                for p, buf in self._init_group(group):
                    grad = p.grad
                    if grad.ndim != 2:
                        raise ValueError("Param gradient must be a 2D matrix")
                    buf.lerp_(grad, 1 - momentum)
                    update = grad.lerp(buf, momentum) if group["nesterov"] else buf
                    update = _orthogonalised(update, group["ns_coefficients"], group["ns_steps"], group["eps"])
                    p.mul_(1 - lr * decay)
                    p.add_(update, alpha=-_scaled_lr(lr, group["adjust_lr_fn"], p.shape))
        return loss
