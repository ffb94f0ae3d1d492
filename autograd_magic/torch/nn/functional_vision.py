"""torch.nn.functional's spatial transformer and sliding-block functions: affine_grid and grid_sample (4-d, 5-d),
unfold and fold, with PyTorch's checks and messages (ops: engine/ops_grid.py, ops_grid3d.py, ops_fold.py)."""
import warnings

import numpy as np

from ...engine import dtypes
from ...engine.argcheck import user_level
from ...engine.ops_fold import blocks
from ...engine.optable import OPS
from ...engine.tensor_base import apply

_ALIGN_WARNING = ("Default grid_sample and affine_grid behavior has changed to align_corners=False since 1.3.0. "
                  "Please specify align_corners=True if the old behavior is desired. See the documentation of "
                  "grid_sample for details.")
_MODES = {"bilinear": 0, "nearest": 1, "bicubic": 2}
_PADDINGS = {"zeros": 0, "border": 1, "reflection": 2}


def affine_grid(theta, size, align_corners=None):
    """The sampling grid (N, H, W, 2) of a batch of 2x3 affine matrices, or (N, D, H, W, 3) of 3x4 ones
    (AffineGridGeneratorBackward0)."""
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING, stacklevel=user_level())
    if not theta.is_floating_point():
        raise ValueError(f"Expected theta to have floating point type, but got {theta.dtype}")
    if len(size) == 4:
        if theta.dim() != 3 or theta.shape[-2] != 2 or theta.shape[-1] != 3:
            raise ValueError(f"Expected a batch of 2D affine matrices of shape Nx2x3 for size {size}. "
                             f"Got {theta.shape}.")
        spatial = size[-2:]
    elif len(size) == 5:
        if theta.dim() != 3 or theta.shape[-2] != 3 or theta.shape[-1] != 4:
            raise ValueError(f"Expected a batch of 3D affine matrices of shape Nx3x4 for size {size}. "
                             f"Got {theta.shape}.")
        spatial = size[-3:]
    else:
        raise NotImplementedError("affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, "
                                  f"respectively. Got size {size}.")
    if align_corners and min(spatial) == 1:
        warnings.warn("Since version 1.3.0, affine_grid behavior has changed for unit-size grids when "
                      "align_corners=True. This is not an intended use case of affine_grid. See the documentation "
                      "of affine_grid for details.", stacklevel=user_level())
    elif min(size) <= 0:
        raise ValueError(f"Expected non-zero, positive output size. Got {size}")
    size = tuple(int(v) for v in size)
    if theta.shape[0] != size[0]:
        k = len(size) - 1   # (the base grid's coordinates and its 1: bmm's message)
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{size[0]}, {k}] but "
                           f"got: [{theta.shape[0]}, {k}].")
    return apply(OPS["affine_grid_generator"], (theta,), size, bool(align_corners))


def _sizes(t):
    return "[" + ", ".join(str(v) for v in t.shape) + "]"


def _check_grid_sampler(input, grid):
    if input.shape[0] != grid.shape[0]:
        raise RuntimeError("grid_sampler(): expected grid and input to have same batch size, but got input with "
                           f"sizes {_sizes(input)} and grid with sizes {_sizes(grid)}")
    if grid.shape[-1] != input.dim() - 2:
        raise RuntimeError(f"grid_sampler(): expected grid to have size {input.dim() - 2} in last dimension, but "
                           f"got grid with sizes {_sizes(grid)}")
    for i in range(2, input.dim()):
        if input.shape[i] == 0:
            raise RuntimeError("grid_sampler(): expected input to have non-empty spatial dimensions, but input has "
                               f"sizes {_sizes(input)} with dimension {i} being empty")
    want = 4 if input.dim() == 4 else 5   # ATen takes its 2-d kernel for a 4-d input, else its 3-d one
    if input.dim() != grid.dim() or input.dim() != want:
        raise RuntimeError(f"grid_sampler(): expected {want}D input and grid with same number of dimensions, but "
                           f"got input with sizes {_sizes(input)} and grid with sizes {_sizes(grid)}")


def _check_5d(input, mode):
    if input.dim() == 5 and mode == 2:
        raise RuntimeError("grid_sampler(): bicubic interpolation only supports 4D input")


def _rowwise(grid):
    """Whether ATen's kernel walks this grid row by row (its H x W plane is not one contiguous run)."""
    data = grid._data
    if data.flags.c_contiguous:
        return False
    item = data.itemsize
    _, h, w, _ = data.shape
    s_h, s_w = data.strides[1] // item, data.strides[2] // item
    return not ((s_w == 1 or w == 1) and (h == 1 or s_h == w * (s_w if w > 1 else 1)))


def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    """input sampled at the grid's normalised positions (GridSampler2DBackward0): bilinear, nearest or bicubic,
    padding zeros, border or reflection."""
    if mode not in _MODES:
        raise ValueError("nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', "
                         f"but got: '{mode}'")
    if padding_mode not in _PADDINGS:
        raise ValueError("nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or "
                         f"'reflection', but got: '{padding_mode}'")
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING, stacklevel=user_level())
    _check_grid_sampler(input, grid)
    _check_5d(input, _MODES[mode])
    if input.dim() == 5:
        return _grid_sample_3d(input, grid, _MODES[mode], _PADDINGS[padding_mode], bool(align_corners))
    if not input.is_floating_point():
        raise NotImplementedError(f"\"grid_sampler_2d_cpu_kernel_impl\" not implemented for '{_type_name(input)}'")
    if grid.dtype != input.dtype:
        raise RuntimeError(f"expected scalar type {_type_name(input)} but found {_type_name(grid)}")
    return apply(OPS["grid_sampler_2d"], (input, grid), _MODES[mode], _PADDINGS[padding_mode],
                 bool(align_corners), _rowwise(grid))


def _grid_sample_3d(input, grid, mode, padding, align_corners):
    """A 5-d input sampled at a (N, D, H, W, 3) grid (GridSampler3DBackward0): trilinear or nearest."""
    if not input.is_floating_point():
        raise NotImplementedError(f"\"grid_sampler3d_cpu\" not implemented for '{_type_name(input)}'")
    if grid.dtype != input.dtype:
        raise RuntimeError(f"expected scalar type {_type_name(input)} but found {_type_name(grid)}")
    return apply(OPS["grid_sampler_3d"], (input, grid), mode, padding, align_corners)


def _type_name(t):
    return _TYPE_NAMES.get(np.dtype(t._data.dtype).name, str(t.dtype))


_TYPE_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
               "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}


# ---------------------------------------------------------------- unfold / fold (im2col / col2im)


def _pair(v, name):
    if isinstance(v, (list, tuple)):
        if len(v) != 2:
            raise RuntimeError(f"It is expected {name} equals to 2, but got size {len(v)}")
        return (int(v[0]), int(v[1]))
    return (int(v), int(v))


def _check_blocks(kernel, dilation, padding, stride):
    if min(kernel) <= 0:
        raise RuntimeError(f"kernel size should be greater than zero, but got kernel_height: {kernel[0]} "
                           f"kernel_width: {kernel[1]}")
    if min(dilation) <= 0:
        raise RuntimeError(f"dilation should be greater than zero, but got dilation_height: {dilation[0]} "
                           f"dilation_width: {dilation[1]}")
    if min(padding) < 0:
        raise RuntimeError(f"padding should be non-negative, but got pad_height: {padding[0]} "
                           f"pad_width: {padding[1]}")
    if min(stride) <= 0:
        raise RuntimeError(f"stride should be greater than zero, but got stride_height: {stride[0]} "
                           f"stride_width: {stride[1]}")


def _check_block_kernel(input, kernel):
    """ATen's im2col / col2im CPU kernels dispatch floating, complex and bool dtypes only (after the shape checks):
    an integer image (uint8 from torch.randint) is their NotImplementedError."""
    if not (input.is_floating_point() or input.is_complex() or input.dtype is dtypes.bool_):
        raise NotImplementedError(f"\"{kernel}_out_cpu\" not implemented for '{input.dtype.scalar_name}'")


def _dim_out_of_range(input, dim):
    n = max(input.dim(), 1)
    return IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    """The sliding blocks of a (N, C, H, W) input as columns (N, C * kh * kw, L) (Im2ColBackward0)."""
    cfg = (_pair(kernel_size, "kernel_size"), _pair(dilation, "dilation"), _pair(padding, "padding"),
           _pair(stride, "stride"))
    _check_blocks(*cfg)
    if input.dim() < 3:
        raise _dim_out_of_range(input, 2)
    batched = input.dim() == 4
    if input.dim() not in (3, 4) or any(s == 0 for s in input.shape[1 if batched else 0:]):
        raise RuntimeError("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                           f"dimensions for input, but got: {_sizes(input)}")
    size = tuple(input.shape[-2:])
    out = blocks(size, *cfg)
    if min(out) < 1:
        kernel, dilation, padding, _ = cfg
        raise RuntimeError(f"Given input with spatial size {size}, kernel_size={kernel}, dilation={dilation}, "
                           f"padding={padding}, calculated shape of the array of sliding blocks as {out}, but its "
                           "components must be at least one.")
    _check_block_kernel(input, "im2col")
    return apply(OPS["im2col"], (input,), size, *cfg)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Columns (N, C * kh * kw, L) summed back into a (N, C, H, W) image (Col2ImBackward0)."""
    size = _pair(output_size, "output_size")
    cfg = (_pair(kernel_size, "kernel_size"), _pair(dilation, "dilation"), _pair(padding, "padding"),
           _pair(stride, "stride"))
    _check_blocks(*cfg)
    batched = input.dim() == 3
    if input.dim() not in (2, 3) or any(s == 0 for s in input.shape[1 if batched else 0:]):
        raise RuntimeError("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                           f"dimensions for input, but got: {_sizes(input)}")
    kernel, dilation, padding, stride = cfg
    rows = input.shape[-2]
    if rows % (kernel[0] * kernel[1]) != 0:
        raise RuntimeError("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but "
                           f"got input.size(1)={rows} and kernel_size={kernel}.")
    out = blocks(size, *cfg)
    if out[0] * out[1] != input.shape[-1]:
        raise RuntimeError(f"Given output_size={size}, kernel_size={kernel}, dilation={dilation}, padding={padding}, "
                           f"stride={stride}, expected size of input's dimension 2 to match the calculated number of "
                           f"sliding blocks {out[0]} * {out[1]} = {out[0] * out[1]}, but got "
                           f"input.size(2)={input.shape[-1]}.")
    if min(out) < 1:
        raise RuntimeError(f"Given output_size={size}, kernel_size={kernel}, dilation={dilation}, padding={padding}, "
                           f"stride={stride}, calculated shape of the array of sliding blocks as {out}, which is too "
                           "small (non-positive)")
    _check_block_kernel(input, "col2im")
    return apply(OPS["col2im"], (input,), size, *cfg)


# ---------------------------------------------------------------- the aten functions torch exports


def affine_grid_generator(theta, size, align_corners):
    """torch.affine_grid_generator: F.affine_grid without its Python checks."""
    return apply(OPS["affine_grid_generator"], (theta,), tuple(int(v) for v in size), bool(align_corners))


def grid_sampler_2d(input, grid, interpolation_mode, padding_mode, align_corners):
    """torch.grid_sampler_2d: F.grid_sample with the modes as numbers (0 bilinear, 1 nearest, 2 bicubic; 0 zeros, 1 border,
    2 reflection)."""
    _check_grid_sampler(input, grid)
    if input.dim() != 4:   # (the 2-d kernel's own check: a 5-d input is grid_sampler's, not its)
        raise RuntimeError("grid_sampler(): expected 4D input and grid with same number of dimensions, but got "
                           f"input with sizes {_sizes(input)} and grid with sizes {_sizes(grid)}")
    return apply(OPS["grid_sampler_2d"], (input, grid), int(interpolation_mode), int(padding_mode),
                 bool(align_corners), _rowwise(grid))


def grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners):
    """torch.grid_sampler: the 2-d kernel for a 4-d input, the 3-d one for a 5-d input (as F.grid_sample)."""
    if input.dim() != 5:
        return grid_sampler_2d(input, grid, interpolation_mode, padding_mode, align_corners)
    _check_grid_sampler(input, grid)
    _check_5d(input, interpolation_mode)
    return _grid_sample_3d(input, grid, int(interpolation_mode), int(padding_mode), bool(align_corners))
