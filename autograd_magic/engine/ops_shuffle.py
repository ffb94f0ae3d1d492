"""Channel shuffle (ShuffleNet): (N, C, *) viewed as (N, g, C/g, *), the two group dims swapped, and flattened back;
one node, ChannelShuffleBackward0, whose vjp is the shuffle with C/g groups (its inverse)."""
import numpy as np

from .optable import OPS, defop
from .tensor_base import apply


def _shuffle(a, groups):
    n, c = a.shape[:2]
    grouped = a.reshape((n, groups, c // groups) + a.shape[2:])
    return np.ascontiguousarray(np.swapaxes(grouped, 1, 2)).reshape(a.shape)


@defop("channel_shuffle", "ChannelShuffleBackward0", _shuffle)
def channel_shuffle_vjp(xp, grad, saved, consts, needs):
    """The inverse permutation of the channels: a shuffle with C / groups groups."""
    groups, = consts
    c = tuple(grad.shape)[1]
    return (xp.call("channel_shuffle", (grad,), c // groups),)


def channel_shuffle(input, groups):
    """Rearrange the channels of (N, C, *) as C = groups x (C / groups), transposed (torch.channel_shuffle)."""
    _check(input, groups)
    return apply(OPS["channel_shuffle"], (input,), int(groups))


def _check(input, groups):
    if groups <= 0:
        raise RuntimeError(f"Number of groups to divide channels in must be positive. Value of groups:{groups}")
    if input.ndim <= 2:
        raise RuntimeError(f"channel_shuffle expects input with > 2 dims, but got input with sizes "
                           f"[{', '.join(map(str, input.shape))}]")
    c = input.shape[1]
    if c % groups:
        raise RuntimeError(f"Number of channels must be divisible by groups. Got {c} channels and {groups} groups.")


@defop("native_channel_shuffle", "NotImplemented", _shuffle, qualname="torch::autograd::NotImplemented")
def native_channel_shuffle_vjp(xp, grad, saved, consts, needs):
    """PyTorch records torch.native_channel_shuffle under a node whose backward raises (no derivative)."""
    raise RuntimeError("derivative for aten::native_channel_shuffle is not implemented")


def native_channel_shuffle(input, groups):
    """channel_shuffle's checks and values, recorded as PyTorch records the native op (NotImplemented)."""
    _check(input, groups)
    return apply(OPS["native_channel_shuffle"], (input,), int(groups))
