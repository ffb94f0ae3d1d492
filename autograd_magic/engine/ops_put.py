"""take and put (forward and vjp side by side): elements addressed by their index into the tensor read as one row.
``torch.take(x, idx)`` records TakeBackward0 and ``x.put_(idx, src)`` PutBackward0, as in PyTorch (the public
functions, which check the indices, are in take_put.py)."""
import numpy as np

from .optable import defop


def _take(a, key, shape):
    return a[key]


@defop("take", "TakeBackward0", _take)
def take_vjp(xp, grad, saved, consts, needs):
    """input.flatten()[index]: the gradient adds back at the indices (repeated ones add up)."""
    key, shape = consts
    return (xp.scatter(grad, shape, key, True, "index_backward"),)


def _put(a, src, key, accumulate, src_shape):
    out = np.array(a, copy=True)
    if accumulate:
        np.add.at(out, key, src.reshape(-1))
    else:
        out[key] = src.reshape(-1)
    return out


@defop("put", "PutBackward0", _put)
def put_vjp(xp, grad, saved, consts, needs):
    """input with source written (or, accumulate=True, added) at the indices."""
    key, accumulate, src_shape = consts
    g_input = None
    if needs[0]:
        g_input = grad if accumulate else xp.masked_zero(grad, key)
    g_source = xp.reshape(xp.take(grad, key), src_shape) if needs[1] else None
    return g_input, g_source
