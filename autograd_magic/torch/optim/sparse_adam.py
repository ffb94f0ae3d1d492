"""torch.optim.SparseAdam: Adam on the rows a sparse gradient names (nn.Embedding(sparse=True)), PyTorch's
masked update operation by operation (torch/optim/_functional.py's sparse_adam): the moments and the parameter
change only where the coalesced gradient has an entry."""
import math

import numpy as np

from ...engine.sparse_grad import coalesce
from ...engine.tensor import Tensor
from . import _kernels as K
from .optimizer import Optimizer, check_tensor_lr


class SparseAdam(Optimizer):
    """Adam for sparse gradients: its state's step is a Python int, as PyTorch's."""
    __module__ = "torch.optim.sparse_adam"

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, maximize=False):
        check_tensor_lr(lr)
        if not 0.0 < lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 < eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        for i in (0, 1):
            if not 0.0 <= betas[i] < 1.0:
                raise ValueError(f"Invalid beta parameter at index {i}: {betas[i]}")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, maximize=maximize))
        at = [(i, j, p) for i, group in enumerate(self.param_groups) for j, p in enumerate(group["params"])]
        sparse = [[i, j] for i, j, p in at if p._coo is not None]
        if sparse:
            raise ValueError(f"Sparse params at indices {sparse}: SparseAdam requires dense parameter tensors")
        complex_ = [[i, j] for i, j, p in at if p._data.dtype.kind == "c"]
        if complex_:
            raise ValueError(f"Complex params at indices {complex_}: SparseAdam does not support complex parameters")

    def step(self, closure=None):
        loss = closure() if closure is not None else None
        for group in self.param_groups:
            todo = []
            for p in group["params"]:
                if p._grad is None:
                    continue
                if p._grad._coo is None:
                    raise RuntimeError("SparseAdam does not support dense gradients, please consider Adam instead")
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = Tensor._wrap(np.zeros_like(p._data))
                    state["exp_avg_sq"] = Tensor._wrap(np.zeros_like(p._data))
                state["step"] += 1
                todo.append(p)
            for p in todo:
                self._update(p, self.state[p], group)
        return loss

    @staticmethod
    def _update(p, state, group):
        beta1, beta2 = group["betas"]
        g = (-p._grad if group["maximize"] else p._grad)._coo
        idx, v = coalesce(g.indices, g.values, p._data.shape)
        if not v.size:
            return
        rows = tuple(idx)
        f = K.scalar(v, 1).dtype.type
        m, s = state["exp_avg"]._data, state["exp_avg_sq"]._data
        old_m = m[rows]
        upd_m = (v - old_m) * f(1 - beta1)
        m[rows] += upd_m
        old_s = s[rows]
        upd_s = (v * v - old_s) * f(1 - beta2)
        s[rows] += upd_s
        numer = upd_m + old_m
        denom = K.sqrt(upd_s + old_s) + f(group["eps"])
        step = state["step"]
        step_size = group["lr"] * math.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
        p._data[rows] += f(-step_size) * (numer / denom)
        p._vbox[0] += 1
