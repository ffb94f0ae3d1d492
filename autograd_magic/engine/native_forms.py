"""ATen's native forms that give back what their kernel computes besides the result: ``torch.native_dropout``
(the output and the bool mask it kept, one NativeDropoutBackward0 node), ``native_layer_norm`` and
``native_batch_norm``'s saved statistics (mean and 1 / std, which carry no gradient)."""
import numpy as np

from .creation import empty_like
from .optable import OPS, defop
from .tensor_base import apply, wrap


def _scaled(a, mask, scale):
    return (a * mask.astype(a.dtype)) * a.dtype.type(scale)


@defop("native_dropout", "NativeDropoutBackward0", _scaled)
def native_dropout_vjp(xp, grad, saved, consts, needs):
    """grad * mask * scale (ATen's native_dropout_backward)."""
    mask, scale = consts
    return (grad * xp.float_mask(mask if xp.is_numpy else xp.wrap(mask), grad) * scale,)


def native_dropout(input, p, train):
    """(input * mask / (1 - p), mask): the mask drawn by bernoulli_(1 - p) on a tensor like the input, as ATen's
    CPU kernel; train=False keeps everything (an all-True mask) and still records the node."""
    if train is None or train:
        keep = 1.0 - p
        mask = empty_like(input).bernoulli_(keep)._data.astype(bool)
        scale = 0.0 if keep == 0 else 1.0 / keep
    else:
        mask, scale = np.ones(input._data.shape, bool), 1.0
    out = apply(OPS["native_dropout"], (input,), mask, scale)
    return out, wrap(mask)


def stats_tensor(data, dtype):
    """A statistic ATen saves for backward (no gradient flows into it)."""
    return wrap(np.asarray(data, dtype=dtype))

