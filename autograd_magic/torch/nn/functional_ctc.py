"""F.ctc_loss and nn.CTCLoss (speech tutorials): one CtcLossBackward0 node (engine/ops_ctc.py) for the
per-sequence losses, then PyTorch's composition: where(loss == inf, 0, loss) for zero_infinity, and for
reduction='mean' each loss divided by its target length (at least 1) and averaged. nn.CTCLoss: loss_ctc.py."""
import numbers

import numpy as np

from ...engine.creation import tensor, zeros
from ...engine.functions import where
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply
from .functional_loss import _reduction

_WHERE = "while checking arguments for ctc_loss_allocate_outputs"


def _lengths(lengths, name):
    if isinstance(lengths, Tensor):
        return [int(v) for v in np.asarray(lengths._data).reshape(-1)]
    if isinstance(lengths, numbers.Integral):
        return [int(lengths)]
    return [int(v) for v in lengths]


def _check(lp, targets, il, tl, blank):
    t_max, n, c = lp.shape
    if blank < 0 or blank >= c:
        raise RuntimeError("blank must be in label range")
    if len(il) != n:
        raise RuntimeError("input_lengths must be of size batch_size")
    if len(tl) != n:
        raise RuntimeError("target_lengths must be of size batch_size")
    for v in il:
        if v > t_max:
            raise RuntimeError(f"Expected input_lengths to have value at most {t_max}, but got value {v} ({_WHERE})")
    if targets.ndim >= 2 and tl and max(tl) > targets.shape[1]:
        raise RuntimeError(f"Expected tensor to have size at least {max(tl)} at dimension 1, but got size "
                           f"{targets.shape[1]} for argument #2 'targets' ({_WHERE})")
    if targets.ndim == 1 and targets.size < sum(tl):
        raise RuntimeError(f"Expected tensor to have size at least {sum(tl)} at dimension 0, but got size "
                           f"{targets.size} for argument #2 'targets' ({_WHERE})")


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean", zero_infinity=False):
    """The Connectionist Temporal Classification loss of log_probs (T, N, C) (or unbatched (T, C)) for targets
    (N, S) padded or concatenated 1-d, given each sequence's input and target length."""
    reduction = _reduction(None, None, reduction)
    batched = log_probs.dim() == 3
    lp = log_probs if batched else log_probs.unsqueeze(1)
    tg = np.asarray(targets._data if isinstance(targets, Tensor) else targets).astype(np.int64)
    if not batched:
        tg = tg.reshape(1, -1)
    il, tl = _lengths(input_lengths, "input_lengths"), _lengths(target_lengths, "target_lengths")
    _check(lp, tg, il, tl, blank)
    res = apply(OPS["ctc_loss"], (lp,), tg, il, tl, int(blank), bool(zero_infinity))
    if zero_infinity:
        res = where(res == float("inf"), zeros((), dtype=res.dtype), res)
    if reduction == "mean":
        return (res / tensor(tl, dtype=res.dtype).clamp_min(1)).mean()
    if reduction == "sum":
        return res.sum()
    return res if batched else res.squeeze(0)


def torch_ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction=1, zero_infinity=False):
    """torch.ctc_loss: ATen's signature, the reduction as an int (0 none, 1 mean, 2 sum)."""
    return ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, ("none", "mean", "sum")[reduction],
                    zero_infinity)
