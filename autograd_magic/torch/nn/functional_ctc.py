"""F.ctc_loss and nn.CTCLoss (speech tutorials): one CtcLossBackward0 node (engine/ops_ctc.py) for the
per-sequence losses, then PyTorch's composition: where(loss == inf, 0, loss) for zero_infinity, and for
reduction='mean' each loss divided by its target length (at least 1) and averaged. nn.CTCLoss: loss_ctc.py."""
import numbers

import numpy as np

from ...engine.arg_parser import invalid_combination, refusal, tp_name
from ...engine.function_signatures import SIGNATURES
from ...engine.creation import tensor, zeros
from ...engine.functions import where
from ...engine.optable import OPS
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply
from .functional_loss import _reduction

_WHERE = "while checking arguments for ctc_loss_allocate_outputs"
_PARSED = {}   # torch.ctc_loss's parsed signatures, made at its first failing call (arg_parser.refusal)
_SIGNATURES = [f"(Tensor log_probs, Tensor targets, {kind} input_lengths, {kind} target_lengths, int blank = 0, "
               "int reduction = at::Reduction::Mean, bool zero_infinity = False)" for kind in ("tuple of ints", "Tensor")]


def _is_int(v):
    return v.__class__ is int or isinstance(v, np.integer) or (
        isinstance(v, Tensor) and v._data.ndim == 0 and v._data.dtype.kind in "iu")


def _parse_lengths(input_lengths, target_lengths, args, kwargs):
    """torch.ctc_loss's argument parser (every argument's type: the tensors, blank and reduction ints,
    zero_infinity a bool; the lengths both lists of ints or both tensors, a list taken on its first element and
    unpacked after), then ATen's check that length tensors are of an integer dtype. args, kwargs: the call of
    torch.ctc_loss, for the parser's message."""
    error = refusal("ctc_loss", SIGNATURES["ctc_loss"], args, kwargs, _PARSED)
    if error is not None:
        raise error
    if isinstance(input_lengths, Tensor) and isinstance(target_lengths, Tensor):
        for name, t in (("input_lengths", input_lengths), ("target_lengths", target_lengths)):
            if t._data.dtype.kind not in "iu":
                raise RuntimeError(f"{name} must be integral")
        return
    lists = [v for v in (input_lengths, target_lengths) if v.__class__ in (list, tuple) and (not v or _is_int(v[0]))]
    if len(lists) < 2:
        raise invalid_combination("ctc_loss", _SIGNATURES, args, kwargs)
    for name, v in (("input_lengths", input_lengths), ("target_lengths", target_lengths)):
        for i, item in enumerate(v):
            if not _is_int(item) and item.__class__ is not bool:   # (a bool after the first: taken as an int)
                raise TypeError(f"ctc_loss(): argument '{name}' failed to unpack the object at pos {i + 1} with "
                                f"error \"type must be tuple of ints,but got {tp_name(item)}\"")


def _lengths(lengths, name):
    if isinstance(lengths, Tensor):
        return [int(v) for v in np.asarray(lengths._data).reshape(-1)]
    if isinstance(lengths, numbers.Integral):
        return [int(lengths)]
    return [int(v) for v in lengths]


def _check(lp, targets, il, tl, blank):
    """ATen's ctc_loss_allocate_outputs checks, in its order: the log_probs' and the targets' dims, blank, the
    lengths' counts, then the targets against target_lengths (concatenated 1-d: exactly their sum; padded 2-d: one
    row per sequence, at least the longest length), then each input length within [0, T]."""
    if lp.dim() != 3:
        raise RuntimeError(f"Expected 3-dimensional tensor, but got {lp.dim()}-dimensional tensor for argument #1 "
                           f"'log_probs' ({_WHERE})")
    t_max, n, c = lp.shape
    if not 1 <= targets.ndim <= 2:
        raise RuntimeError(f"Expected 1 to 2 dimensions, but got {targets.ndim}-dimensional tensor for argument #2 "
                           f"'targets' ({_WHERE})")
    if blank < 0 or blank >= c:
        raise RuntimeError("blank must be in label range")
    if len(il) != n:
        raise RuntimeError("input_lengths must be of size batch_size")
    if len(tl) != n:
        raise RuntimeError("target_lengths must be of size batch_size")
    for v in tl:
        if v < 0:
            raise RuntimeError(f"Expected target_lengths to have value at least 0, but got value {v} ({_WHERE})")
    want = sum(tl) if targets.ndim == 1 else n
    if targets.shape[0] != want:
        raise RuntimeError(f"Expected tensor to have size {want} at dimension 0, but got size {targets.shape[0]} "
                           f"for argument #2 'targets' ({_WHERE})")
    if targets.ndim == 2 and tl and max(tl) > targets.shape[1]:
        raise RuntimeError(f"Expected tensor to have size at least {max(tl)} at dimension 1, but got size "
                           f"{targets.shape[1]} for argument #2 'targets' ({_WHERE})")
    for v in il:
        if v < 0:
            raise RuntimeError(f"Expected input_lengths to have value at least 0, but got value {v} ({_WHERE})")
        if v > t_max:
            raise RuntimeError(f"Expected input_lengths to have value at most {t_max}, but got value {v} ({_WHERE})")


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean", zero_infinity=False):
    """The Connectionist Temporal Classification loss of log_probs (T, N, C) (or unbatched (T, C)) for targets
    (N, S) padded or concatenated 1-d, given each sequence's input and target length."""
    reduction = _reduction(None, None, reduction)
    _parse_lengths(input_lengths, target_lengths, (log_probs, targets, input_lengths, target_lengths, blank,
                                                   ("none", "mean", "sum").index(reduction), zero_infinity), {})
    return _ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction, zero_infinity)


def _ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction, zero_infinity):
    batched = log_probs.dim() == 3
    lp = log_probs if batched else log_probs.unsqueeze(1)
    tg = np.asarray(targets._data if isinstance(targets, Tensor) else targets).astype(np.int64)
    # (unbatched: log_probs gains the batch dim, the targets do not: 1-d ones are read as concatenated; any other
    # number of dims than 3 is "unbatched", and then fails the 3-d check with one dim more)
    il, tl = _lengths(input_lengths, "input_lengths"), _lengths(target_lengths, "target_lengths")
    # ATen's ctc_loss_cpu dispatches on float and double only, then refuses an empty log_probs, then runs _check
    if lp.dtype.scalar_name not in ("Float", "Double"):
        raise NotImplementedError(f"\"ctc_loss_cpu\" not implemented for '{lp.dtype.scalar_name}'")
    if lp.numel() == 0:
        raise RuntimeError("log_probs tensor must not be empty")
    _check(lp, tg, il, tl, blank)
    res = apply(OPS["ctc_loss"], (lp,), tg, il, tl, int(blank), bool(zero_infinity))
    if zero_infinity:
        res = where(res == float("inf"), zeros((), dtype=res.dtype), res)
    if reduction == "mean":
        return (res / tensor(tl, dtype=res.dtype).clamp_min(1)).mean()
    if reduction == "sum":
        return res.sum()
    return res if batched else res.squeeze(0)


def torch_ctc_loss(log_probs, targets, input_lengths, target_lengths, *args, **kwargs):
    """torch.ctc_loss: ATen's signature (blank=0, reduction=Mean, zero_infinity=False), the reduction as an int
    (1 mean, 2 sum, any other: none, as at::ctc_loss reads it). Left out, the reduction is 0 (none): Python's
    argument parser reads the schema's default "at::Reduction::Mean" with atol, as for torch.kl_div and the other
    torch.* losses."""
    _parse_lengths(input_lengths, target_lengths, (log_probs, targets, input_lengths, target_lengths) + args, kwargs)
    given = {**dict(zip(("blank", "reduction", "zero_infinity"), args)), **kwargs}
    return _ctc_loss(log_probs, targets, input_lengths, target_lengths, given.get("blank", 0),
                     {1: "mean", 2: "sum"}.get(given.get("reduction", 0), "none"), given.get("zero_infinity", False))
