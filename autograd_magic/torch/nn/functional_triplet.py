"""F.triplet_margin_with_distance_loss (nn.TripletMarginWithDistanceLoss is in triplet_distance.py): the triplet loss with any distance
(SimCLR-style lessons pass 1 - cosine similarity), composed in PyTorch's order from the distance's own ops,
minimum, clamp_min and the reduction."""
from ...engine import functions as F
from ...engine import shaping as S
from .functional_norm import pairwise_distance


def triplet_margin_with_distance_loss(anchor, positive, negative, *, distance_function=None, margin=1.0, swap=False,
                                      reduction="mean"):
    """max(margin + d(anchor, positive) - d(anchor, negative), 0), reduced; with swap, d(anchor, negative) is
    replaced by d(positive, negative) where that is smaller."""
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    a_dim, p_dim, n_dim = anchor.ndim, positive.ndim, negative.ndim
    if not (a_dim == p_dim and p_dim == n_dim):
        raise RuntimeError(f"The anchor, positive, and negative tensors are expected to have the same number of "
                           f"dimensions, but got: anchor {a_dim}D, positive {p_dim}D, and negative {n_dim}D inputs")
    if distance_function is None:
        distance_function = pairwise_distance
    dist_pos = distance_function(anchor, positive)
    dist_neg = distance_function(anchor, negative)
    if swap:
        dist_neg = F.minimum(dist_neg, distance_function(positive, negative))
    loss = F.clamp_min(margin + dist_pos - dist_neg, 0)
    if reduction == "sum":
        return S.sum(loss)
    return S.mean(loss) if reduction == "mean" else loss
