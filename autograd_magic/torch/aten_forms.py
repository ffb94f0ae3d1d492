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


# torch.* functions whose one signature takes a Tensor first: given anything else (``torch.exp(1.1)``,
# ``torch.sum([1, 2])``) PyTorch's argument parser raises this TypeError, not an error from inside the op
TENSOR_FIRST = (
    "abs absolute acos acosh allclose amax amin arccos arccosh arcsin arcsinh arctan arctan2 arctanh argmax argmin "
    "argsort asin asinh atan atan2 atanh ceil celu chunk clone cos cosh count_nonzero cumprod cumsum deg2rad det "
    "diag dot equal erf erfc erfinv exp exp2 expm1 flatten flip floor frac gather hardshrink hypot index_select "
    "inverse isclose isfinite isinf isnan log log10 log1p log2 log_softmax logaddexp logdet logit logsumexp matmul "
    "max maximum mean median min minimum mode mv nansum neg negative nonzero numel outer permute prod rad2deg "
    "reciprocal relu reshape roll rot90 round rrelu rsqrt select selu sigmoid sign sin sinc sinh softmax sort sqrt "
    "square squeeze sum t tan tanh threshold topk trace transpose tril triu trunc unbind unsqueeze").split()


def _type_name(value):
    """The type as PyTorch's messages name it: ``float``, ``list``, ``numpy.ndarray``."""
    kind = type(value)
    return f"numpy.{kind.__name__}" if kind.__module__ == "numpy" else kind.__name__


def tensor_first(fn, name, tensor_class):
    """fn, raising PyTorch's TypeError when its input is not a Tensor."""
    def checked(*args, **kwargs):
        if args:
            if not isinstance(args[0], tensor_class):
                raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {_type_name(args[0])}")
        elif "input" in kwargs and not isinstance(kwargs["input"], tensor_class):
            raise TypeError(f"{name}(): argument 'input' must be Tensor, not {_type_name(kwargs['input'])}")
        return fn(*args, **kwargs)
    checked.__name__ = checked.__qualname__ = name
    checked.__doc__ = fn.__doc__
    checked.__wrapped__ = fn
    return checked
