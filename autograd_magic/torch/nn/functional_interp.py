"""torch.nn.functional.interpolate (and the deprecated upsample): nearest, nearest-exact (1-d, 2-d, 3-d), linear,
bilinear and trilinear upsampling with PyTorch's argument checks and node names (engine/ops_resample.py); area mode
is adaptive average pooling, as in PyTorch; bicubic on 4-D input; antialiased bilinear / bicubic; uint8 images
through ATen's fixed-point bilinear / bicubic passes.
pixel_shuffle / pixel_unshuffle."""
import math
import numbers
import warnings

import numpy as np

from ...engine import dtypes, memory_format
from ...engine.arg_parser import invalid_combination
from ...engine.ops_resample import aa_taps, cubic_taps, linear_taps, nearest_taps, uint8_image_taps
from ...engine.optable import OPS
from ...engine.tensor_base import apply
from ...engine.vec_kernels import capability
from .functional_more import adaptive_avg_pool1d
from .functional_pool import adaptive_avg_pool2d, adaptive_avg_pool3d

_OPS = {("nearest", 1): "upsample_nearest1d", ("nearest", 2): "upsample_nearest2d",
        ("nearest-exact", 1): "upsample_nearest_exact1d", ("nearest-exact", 2): "upsample_nearest_exact2d",
        ("linear", 1): "upsample_linear1d", ("bilinear", 2): "upsample_bilinear2d",
        ("bicubic", 2): "upsample_bicubic2d", ("nearest", 3): "upsample_nearest3d",
        ("nearest-exact", 3): "upsample_nearest_exact3d", ("trilinear", 3): "upsample_trilinear3d"}


def _is_integer(x):
    return isinstance(x, numbers.Integral) and not isinstance(x, bool) or getattr(x, "is_floating_point", None) \
        is not None and not x.is_floating_point() and x.ndim == 0


def _check_kernel_dtype(input, mode):
    """ATen's CPU resampling kernels take floating point and (nearest, bilinear, bicubic) uint8 input; other dtypes
    meet the dispatch error of the kernel that runs first."""
    dt = input._data.dtype
    if dtypes.is_float_np(dt) or (dt == np.uint8 and mode in ("nearest", "nearest-exact")):
        return
    if dt == np.uint8 and mode in ("bilinear", "bicubic") and input.dim() == 4:
        return  # ATen's fixed-point uint8 kernel (engine/ops_resample.uint8_taps)
    nd = input.dim()
    if mode == "area":
        kernel = "adaptive_avg_pool3d_cpu" if nd == 5 else "adaptive_avg_pool2d"
    elif mode in ("nearest", "nearest-exact"):
        kernel = "upsample_nearest2d_channels_last" if nd == 4 else "compute_indices_weights_nearest"
    elif mode == "bilinear" and nd == 4:
        kernel = "upsample_bilinear2d_channels_last"
    elif mode == "bicubic" and nd == 4:
        kernel = "compute_indices_weights_cubic"
    elif (mode, nd) in (("linear", 3), ("trilinear", 5)):
        kernel = "compute_indices_weights_linear"
    else:
        return
    raise NotImplementedError(f'"{kernel}" not implemented for \'{dtypes.scalar_name(dt)}\'')


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,
                recompute_scale_factor=None, antialias=False):
    """Resize the spatial dims (all but the first two) to size, or by scale_factor (output floor(in * s))."""
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError("align_corners option can only be set with the interpolating modes: linear | bilinear "
                             "| bicubic | trilinear")
    elif align_corners is None:
        align_corners = False
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is not None:
        scale_factors = None
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError("Input and output must have the same number of spatial dimensions, but got input "
                                 f"with spatial dimensions of {list(input.shape[2:])} and output size of {size}. "
                                 "Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in "
                                 "(o1, o2, ...,oK) format.")
            if not all(_is_integer(x) for x in size):
                raise TypeError("expected size to be one of int or Tuple[int] or Tuple[int, int] or "
                                f"Tuple[int, int, int], but got size with types {[type(x) for x in size]}")
            output_size = [int(x) for x in size]
        else:
            output_size = [int(size) if _is_integer(size) else size] * dim   # (area: adaptive_avg_pool's check)
    elif scale_factor is not None:
        output_size = None
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError("Input and scale_factor must have the same number of spatial dimensions, but got "
                                 f"input with spatial dimensions of {list(input.shape[2:])} and scale_factor of "
                                 f"shape {scale_factor}. Please provide input tensor in (N, C, d1, d2, ...,dK) "
                                 "format and scale_factor in (s1, s2, ...,sK) format.")
            scale_factors = [float(s) for s in scale_factor]
        else:
            scale_factors = [float(scale_factor)] * dim
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and output_size is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
        output_size = [int(math.floor(input.shape[i + 2] * scale_factors[i])) for i in range(dim)]
        scale_factors = None
    if antialias and not (mode in ("bilinear", "bicubic", "lanczos") and input.ndim == 4):
        raise ValueError("Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a "
                         "4-D tensor as input")
    if (mode, input.dim()) in _KERNELS and not _parsable(size, scale_factor, recompute_scale_factor):
        _refuse_align_corners(input, size, scale_factor, mode, align_corners, recompute_scale_factor, antialias)
    _check_kernel_dtype(input, mode)
    if mode == "area" and dim in (1, 2, 3):
        return (adaptive_avg_pool1d, adaptive_avg_pool2d, adaptive_avg_pool3d)[dim - 1](input, output_size)
    wrong = {(3, "bilinear"): "Got 3D input, but bilinear mode needs 4D input",
             (3, "trilinear"): "Got 3D input, but trilinear mode needs 5D input",
             (4, "linear"): "Got 4D input, but linear mode needs 3D input",
             (4, "trilinear"): "Got 4D input, but trilinear mode needs 5D input",
             (5, "linear"): "Got 5D input, but linear mode needs 3D input",
             (5, "bilinear"): "Got 5D input, but bilinear mode needs 4D input"}
    if (input.dim(), mode) in wrong:
        raise NotImplementedError(wrong[(input.dim(), mode)])
    if input.dim() == 4 and mode == "lanczos":
        if align_corners:
            raise ValueError("Lanczos mode does not support align_corners=True")
        if not antialias:
            raise ValueError("Lanczos mode requires antialias=True")
    if align_corners is not None and not isinstance(align_corners, bool) and (mode, input.dim()) in _UPSAMPLE_NAMES:
        _refuse_align_corners(input, size, scale_factor, mode, align_corners, recompute_scale_factor, antialias)
    name = _OPS.get((mode, dim))
    if antialias and mode in ("bilinear", "bicubic"):
        name = name + "_aa"
    if name is None or (antialias and mode == "lanczos"):
        handled = mode in ("nearest", "nearest-exact", "area") and input.dim() in (3, 4, 5) or (mode, input.dim()) in (
            ("linear", 3), ("bilinear", 4), ("trilinear", 5), ("bicubic", 4), ("lanczos", 4))
        if not handled:  # what PyTorch itself has no kernel for
            raise NotImplementedError(f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.dim()}D) "
                                      "for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | "
                                      f"area | nearest-exact (got {mode})")
        what = f"mode='{mode}'" + (" with antialias=True" if antialias else "") + f" on {input.dim()}-D input"
        raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: interpolate({what}) is not "
                                  "part of it")
    in_sizes = tuple(input.shape[2:])
    if output_size is None:
        output_size = [int(math.floor(in_sizes[i] * scale_factors[i])) for i in range(dim)]
    scales = scale_factors or [None] * dim
    if any(n <= 0 for n in output_size) or any(n <= 0 for n in in_sizes):
        raise RuntimeError(f"Input and output sizes should be greater than 0, but got input ({_dims(in_sizes)}) "
                           f"output ({_dims(output_size)})")
    dt = input._data.dtype
    if dt == np.uint8 and mode in ("bilinear", "bicubic"):
        _check_uint8_rgb_to_one_pixel(input, in_sizes, output_size)
        taps = uint8_image_taps(in_sizes, output_size, align_corners, scales, mode == "bicubic", antialias,
                                input.shape[1])
    elif antialias:
        taps = tuple(aa_taps(in_sizes[i], output_size[i], align_corners, scales[i], dt, mode == "bicubic")
                     for i in range(dim))
    elif mode in ("nearest", "nearest-exact"):
        taps = tuple(nearest_taps(in_sizes[i], output_size[i], scales[i], mode == "nearest-exact")
                     for i in range(dim))
    elif mode == "bicubic":
        taps = tuple(cubic_taps(in_sizes[i], output_size[i], align_corners, scales[i], dt) for i in range(dim))
    else:
        taps = tuple(linear_taps(in_sizes[i], output_size[i], align_corners, scales[i], dt) for i in range(dim))
    return apply(OPS[name], (input,), taps, tuple(input.shape))


def _check_uint8_rgb_to_one_pixel(input, in_sizes, output_size):
    """ATen's AVX2 uint8 kernel (up to four channels) packs three channels into four and unpacks them at the end:
    resizing a channels-first RGB image to one pixel by a height pass fails its internal assert."""
    if (input.shape[1] == 3 and tuple(output_size) == (1, 1) and in_sizes[0] != 1 and capability() != "default"
            and not input.is_contiguous(memory_format=memory_format.channels_last)):
        raise RuntimeError('num_channels == unpacked_output.size(0) INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/'
                           'aten/src/ATen/native/cpu/UpSampleKernelAVXAntialias.h":269, please report a bug to '
                           'PyTorch. ')


# the ATen function F.interpolate calls for each interpolating mode (and input dim), and its per-dim scales
_UPSAMPLE_NAMES = {("linear", 3): ("upsample_linear1d", "float scales = None"),
                   ("bilinear", 4): ("upsample_bilinear2d", "float scales_h = None, float scales_w = None"),
                   ("bicubic", 4): ("upsample_bicubic2d", "float scales_h = None, float scales_w = None"),
                   ("trilinear", 5): ("upsample_trilinear3d",
                                      "float scales_d = None, float scales_h = None, float scales_w = None")}


_SCALES = {1: "float scales = None", 2: "float scales_h = None, float scales_w = None",
           3: "float scales_d = None, float scales_h = None, float scales_w = None"}
# the kernels F.interpolate hands (input, output_size, scale_factors) to, without align_corners (their names)
_NEAREST = {("nearest", d + 2): ("upsample_nearest%dd" % d, _SCALES[d]) for d in (1, 2, 3)}
_NEAREST.update({("nearest-exact", d + 2): ("_upsample_nearest_exact%dd" % d, _SCALES[d]) for d in (1, 2, 3)})
_KERNELS = {**_NEAREST, **_UPSAMPLE_NAMES}


def _parsable(size, scale_factor, recompute_scale_factor):
    """True when the upsample kernel's parser takes the size (an int, or ints) or scale_factor (numbers) that
    F.interpolate hands it as a list: F.interpolate(x, size=1.5) or scale_factor="2" is its TypeError."""
    if size is not None:
        first = size[0] if isinstance(size, (list, tuple)) and size else size
        return _is_integer(first) or isinstance(size, (list, tuple)) and not size
    if scale_factor is None or recompute_scale_factor:
        return True
    factors = scale_factor if isinstance(scale_factor, (list, tuple)) else [scale_factor]
    return all(isinstance(f, numbers.Real) and not isinstance(f, bool) for f in factors)


def _refuse_align_corners(input, size, scale_factor, mode, align_corners, recompute_scale_factor, antialias):
    """PyTorch's parser refusing an align_corners that is not a bool (align_corners=1), a size that is no int or a
    scale_factor that is no number: the upsample function's TypeError names the arguments F.interpolate passes it,
    in its forms (size as given, or [size] * dims; scale_factor as given, or [scale_factor] * dims; after
    recompute_scale_factor, the floored sizes)."""
    dim = input.dim() - 2
    name, scales = _KERNELS[(mode, input.dim())]
    if antialias:
        name = "_" + name + "_aa"
    if size is not None:
        output_size, scale_factors = (size if isinstance(size, (list, tuple)) else [size] * dim), None
    else:
        output_size = None
        scale_factors = scale_factor if isinstance(scale_factor, (list, tuple)) else [scale_factor] * dim
        if recompute_scale_factor:
            output_size = [math.floor(float(input.shape[i + 2]) * scale_factors[i]) for i in range(dim)]
            scale_factors = None
    if (mode, input.dim()) in _NEAREST:
        texts = ["(Tensor input, tuple of ints output_size, tuple of floats scale_factors)",
                 f"(Tensor input, tuple of ints output_size, {scales}, *, Tensor out = None)"]
        raise invalid_combination(name, texts, (input, output_size, scale_factors), {})
    texts = ["(Tensor input, tuple of ints output_size, bool align_corners, tuple of floats scale_factors)",
             f"(Tensor input, tuple of ints output_size, bool align_corners, {scales}, *, Tensor out = None)"]
    raise invalid_combination(name, texts, (input, output_size, align_corners, scale_factors), {})


def _dims(sizes):
    names = ("D", "H", "W")[3 - len(sizes):]
    return ", ".join(f"{n}: {s}" for n, s in zip(names, sizes))


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    """Deprecated: interpolate."""
    warnings.warn("`nn.functional.upsample` is deprecated. Use `nn.functional.interpolate` instead.", stacklevel=2)
    return interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input, size=None, scale_factor=None):
    warnings.warn("`nn.functional.upsample_nearest` is deprecated. Use `nn.functional.interpolate` instead.",
                  stacklevel=2)
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input, size=None, scale_factor=None):
    warnings.warn("`nn.functional.upsample_bilinear` is deprecated. Use `nn.functional.interpolate` instead.",
                  stacklevel=2)
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)


def _check_pixel(name, input, factor, what):
    if input.dim() < 3:
        raise RuntimeError(f"{name} expects input to have at least 3 dimensions, but got input with {input.dim()} "
                           "dimension(s)")
    if factor <= 0:
        raise RuntimeError(f"{name} expects a positive {what}, but got {factor}")


def pixel_shuffle(input, upscale_factor):
    """(*, C * r * r, H, W) -> (*, C, H * r, W * r): each channel group spread over an r x r block."""
    r = int(upscale_factor)
    _check_pixel("pixel_shuffle", input, r, "upscale_factor")
    c = input.shape[-3]
    if c % (r * r):
        raise RuntimeError(f"pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of "
                           f"upscale_factor, but input.size(-3)={c} is not divisible by {r * r}")
    return apply(OPS["pixel_shuffle"], (input,), r)


def pixel_unshuffle(input, downscale_factor):
    """(*, C, H * r, W * r) -> (*, C * r * r, H, W): the inverse of pixel_shuffle."""
    r = int(downscale_factor)
    _check_pixel("pixel_unshuffle", input, r, "downscale_factor")
    for dim, name in ((-2, "height"), (-1, "width")):
        if input.shape[dim] % r:
            raise RuntimeError(f"pixel_unshuffle expects {name} to be divisible by downscale_factor, but "
                               f"input.size({dim})={input.shape[dim]} is not divisible by {r}")
    return apply(OPS["pixel_unshuffle"], (input,), r)
