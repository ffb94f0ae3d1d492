"""The torch.* forms of functional ops (``torch.cosine_similarity``, ``torch.dropout`` ...): PyTorch exposes the
ATen op itself under torch.*. Where its signature is F's, it is F's function; ``dropout`` takes ATen's arguments
(``p`` and ``train`` required, a RuntimeError for a p outside [0, 1])."""
from .nn.functional import (adaptive_avg_pool1d, avg_pool1d, bilinear, cosine_similarity,  # noqa: F401
                            pairwise_distance, rms_norm)
from .nn import functional as F

__all__ = ["adaptive_avg_pool1d", "avg_pool1d", "bilinear", "cosine_similarity", "dropout", "dropout_",
           "pairwise_distance", "rms_norm"]


def _check(p):
    if p < 0 or p > 1:
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout(input, p, train):
    """F.dropout(input, p, training=train): zero each element with probability p, scale the rest by 1 / (1 - p)."""
    _check(p)
    return F.dropout(input, p, train)


def dropout_(input, p, train):
    """dropout in place."""
    _check(p)
    return F.dropout(input, p, train, inplace=True)
