"""torch.nn.functional.pad (re-exported by functional.py): constant, reflect, replicate and circular padding."""

from ...engine.arg_parser import Signature, check_call
from ...engine.ops_pad import pad_key
from ...engine.optable import OPS
from ...engine.tensor_base import TensorBase, apply
from ._args import int_list

_NOT_SUPPORTED = ("Padding size {} is not supported for {}D input tensor.\n"
                  "Supported combinations for non-constant padding:\n"
                  "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
                  "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
                  "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")
# torch._C._nn.pad, which F.pad calls with its four arguments in place (so a bad value is "position 4")
_SIGNATURES = [Signature('(Tensor input, tuple of ints pad, str mode = "constant", float? value = None)')]
_FLOATS = (float, int)


def pad(input, pad, mode="constant", value=None):
    """Pad the last len(pad) // 2 dimensions; pad runs from the last dimension: (left, right, top, bottom, ...)."""
    if pad.__class__ not in (tuple, list) or mode.__class__ is not str or not isinstance(input, TensorBase) or (
            value is not None and value.__class__ not in _FLOATS):   # (the usual call pays three class checks)
        check_call("pad", _SIGNATURES, (input, pad, mode, value), {})
    pad = int_list("pad", pad, "pad")
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) > 2 * input.ndim:
        raise RuntimeError(f"Padding length should be less than or equal to two times the input dimension but got "
                           f"padding length {len(pad)} and input of dimension {input.ndim}")
    if mode == "constant":
        shape = input.shape
        for i in range(len(pad) // 2):
            if shape[input.ndim - 1 - i] + pad[2 * i] + pad[2 * i + 1] < 0:
                raise RuntimeError("narrow(): length must be non-negative.")
        # (the value arrives as a double: -1 does not wrap into uint8 as constant_pad_nd's int Scalar does)
        return apply(OPS["constant_pad_nd"], (input,), pad, 0 if value is None else float(value))
    if mode not in ("reflect", "replicate", "circular"):
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if value is not None and value != 0:
        raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
    nd = len(pad) // 2
    if nd not in (1, 2, 3) or input.ndim not in (nd + 1, nd + 2):
        raise NotImplementedError(_NOT_SUPPORTED.format(len(pad), input.ndim))
    shape = tuple(input.shape)
    if mode != "circular" and 0 in shape[input.ndim - nd - 1:]:
        # (ATen's reflection / replication shape check: only a batch dimension may be empty)
        raise RuntimeError(f"Expected {nd + 1}D or {nd + 2}D (batch mode) tensor with possibly 0 batch size and other "
                           f"non-zero dimensions for input, but got: [{', '.join(map(str, shape))}]")
    for i in range(nd):
        d, lo, hi = input.ndim - 1 - i, pad[2 * i], pad[2 * i + 1]
        if mode == "reflect" and (lo >= shape[d] or hi >= shape[d]):
            raise RuntimeError(f"Argument #{4 + 2 * i}: Padding size should be less than the corresponding input "
                               f"dimension, but got: padding ({lo}, {hi}) at dimension {d} of input "
                               f"[{', '.join(map(str, shape))}]")
        if mode == "circular" and (lo > shape[d] or hi > shape[d]):
            raise RuntimeError("Padding value causes wrapping around more than once.")
        if shape[d] + lo + hi <= 0:
            raise RuntimeError(f"input (W: {shape[d]}) is too small. Calculated output W: {shape[d] + lo + hi}")
    name = {"reflect": "reflection_pad{}d", "replicate": "replication_pad{}d", "circular": "circular_pad"}[mode]
    if mode != "circular" and input.dtype.scalar_name == "Bool":   # (its kernels dispatch on numbers, after the
        # checks of sizes; circular padding is made of copies, which take bool)
        raise NotImplementedError(f'"{name.format(nd)}" not implemented for \'Bool\'')
    return apply(OPS[name.format(nd)], (input,), pad_key(shape, pad, mode), shape)
