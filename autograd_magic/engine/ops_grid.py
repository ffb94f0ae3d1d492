"""Spatial-transformer primitives (F.affine_grid of 2D and 3D transforms, F.grid_sample on 4-d inputs: bilinear, nearest, bicubic): forward and vjp side by side.

grid_sampler_2d follows ATen's vectorised CPU kernel (GridSamplerKernel.cpp) step by step: each grid value is
un-normalised to a pixel position ((g + 1) * size / 2 - 0.5, or (g + 1) * (size - 1) / 2 with align_corners; GCC
contracts the first into one fused multiply-add), reflected and/or clipped by the padding mode, and the four
neighbours' values are blended with the kernel's weights and its fused multiply-add chain. Its backward adds each
output's gradient into the input in the kernel's order: the grid is walked in vectors of 8 float32 (4 float64)
positions, and within a vector the north-west corners of all lanes are added first, then north-east,
south-west and south-east; np.add.at adds in the order it is given, so that order gives PyTorch's bits.

Bicubic (mode 2) blends the 4 x 4 taps around the un-normalised position with cubic convolution (A = -0.75); the
padding mode moves each tap, and the grid's gradient is d blend / d fraction times the un-normalising scale.

consts of grid_sampler_2d: (mode, padding, align_corners, rowwise); mode 0 bilinear, 1 nearest, 2 bicubic; padding 0 zeros,
1 border, 2 reflection; rowwise: the grid's rows are walked one by one (a grid whose H x W plane is not contiguous).
"""
import numpy as np

from . import blas
from .grid_double import double_vjp, first_grads
from .optable import defop
from .random_kernels import _fma32, _fma64

_LANES = {np.dtype(np.float16): 16, np.dtype(np.float32): 8, np.dtype(np.float64): 4}   # 256-bit vectors (measured)


def _fma(a, b, c):
    """a * b + c rounded once, in a's float type."""
    a = np.asarray(a)
    if a.dtype == np.float16:   # Vectorized<Half>'s fmadd: a product and a sum, each rounded to half
        return a * np.asarray(b, a.dtype) + np.asarray(c, a.dtype)
    fn = _fma32 if a.dtype == np.float32 else _fma64
    return fn(a, np.broadcast_to(np.asarray(b, a.dtype), a.shape), np.broadcast_to(np.asarray(c, a.dtype), a.shape))


# ---------------------------------------------------------------- affine_grid_generator


def _linspace(n, dtype):
    """linspace(-1, 1, n) as ATen's kernel: the step rounded to the dtype, each value one fused multiply-add, the
    first half counted from -1, the second from 1 (as creation.linspace)."""
    if n <= 1:
        return np.zeros(n, dtype)
    t = dtype.type
    step = (t(1) - t(-1)) / t(n - 1)
    idx = np.arange(n, dtype=np.float64)
    first = idx < n // 2
    if dtype == np.float64:
        return np.where(first, _fma64(step, idx, -1.0), _fma64(-step, n - idx - 1, 1.0))
    return np.where(first, -1.0 + float(step) * idx, 1.0 - float(step) * (n - idx - 1)).astype(dtype)


def base_grid(dtype, spatial, align_corners):
    """(H, W, 3) or (D, H, W, 4): x, y (and z) and 1 per output position; each coordinate is linspace(-1, 1)
    (scaled by (n - 1) / n unless align_corners), as ATen's make_base_grid_4D / make_base_grid_5D."""
    dtype = np.dtype(dtype)

    def spaced(n):
        r = _linspace(n, dtype)
        if not align_corners and n > 1:
            r = (r * dtype.type(n - 1)).astype(dtype) / dtype.type(n)
        return r.astype(dtype)
    nd = len(spatial)
    out = np.empty(tuple(spatial) + (nd + 1,), dtype)
    for c, n in enumerate(reversed(spatial)):   # x runs along the last dimension, y the one before (z first)
        out[..., c] = spaced(n).reshape((n,) + (1,) * c)
    out[..., nd] = 1
    return out


def bmm(a, b):
    """a @ b per batch as ATen's bmm: below 400 multiply-adds per batch its own loop, products added in order
    (no fused multiply-add, from +0), else the BLAS (MKL where installed: blas.py) batch by batch."""
    n, m, k = a.shape
    if k * m * b.shape[2] < 400:
        out = a[:, :, 0:1] * b[:, 0:1, :] + a.dtype.type(0)   # its sum starts at +0 (a -0 product is +0)
        for i in range(1, k):
            out = out + a[:, :, i:i + 1] * b[:, i:i + 1, :]
        return out
    outs = [blas.addmm(a[i], b[i]) for i in range(n)]
    return np.stack(outs) if all(o is not None for o in outs) else np.matmul(a, b)


def _affine_grid(theta, size, align_corners):
    n, spatial = size[0], tuple(size[2:])
    nd, m = len(spatial), int(np.prod(spatial))
    base = np.broadcast_to(base_grid(theta.dtype, spatial, align_corners).reshape(1, m, nd + 1), (n, m, nd + 1))
    return bmm(base, np.swapaxes(theta, 1, 2)).reshape((n,) + spatial + (nd,))


@defop("affine_grid_generator", "AffineGridGeneratorBackward0", _affine_grid)
def affine_grid_generator_vjp(xp, grad, saved, consts, needs):
    """grad_theta = (base^T @ grad)^T per batch: each theta entry gathers its coordinate times the gradient."""
    size, align_corners = consts
    n, spatial = size[0], tuple(size[2:])
    nd, m = len(spatial), int(np.prod(spatial))
    base = base_grid(np.dtype(grad.dtype if xp.is_numpy else grad._data.dtype), spatial, align_corners)
    base_t = np.broadcast_to(base.reshape(1, m, nd + 1).swapaxes(1, 2), (n, nd + 1, m))
    if xp.is_numpy:
        return (np.swapaxes(bmm(base_t, np.ascontiguousarray(grad).reshape(n, m, nd)), 1, 2),)
    return (xp.mT(xp.matmul(xp.wrap(np.ascontiguousarray(base_t)), xp.reshape(grad, (n, m, nd)))),)


# ---------------------------------------------------------------- grid_sampler_2d


def _unnormalize(coord, size, align_corners):
    """The pixel position of a normalised coordinate and d position / d coordinate."""
    dt = coord.dtype
    one = dt.type(1)
    if align_corners:
        scale = dt.type(size - 1) / dt.type(2)
        return (coord + one) * scale, scale
    scale = dt.type(size) / dt.type(2)
    return _fma(coord + one, scale, dt.type(-0.5)), scale


def _reflect(x, size, align_corners):
    """Reflection into [low, low + span] and its gradient sign (reflect_coordinates_get_grad)."""
    dt = x.dtype
    if align_corners:
        if size <= 1:
            return np.zeros_like(x), np.zeros_like(x)
        low, twice = dt.type(0), dt.type(size - 1) * dt.type(2)
    else:
        low, twice = dt.type(-0.5), dt.type(size) * dt.type(2)
    shifted = x - low if not align_corners else x
    negative = shifted < 0
    mag = np.abs(shifted)
    flips = np.trunc(mag / twice)
    extra = _fma(-flips, twice, mag)
    other = twice - extra
    flip = extra > other
    res = np.where(flip, other, extra)
    if not align_corners:
        res = res + low
    return res.astype(dt), np.where(flip ^ negative, dt.type(-1), dt.type(1))


def locate(coord, size, padding, align_corners):
    """ComputeLocation: (pixel positions, their derivative with respect to the grid values)."""
    x, scale = _unnormalize(coord, size, align_corners)
    mult = np.full(x.shape, scale, x.dtype)
    if padding == 0:
        return x, mult
    if padding == 2:
        x, sign = _reflect(x, size, align_corners)
        mult = sign * scale
    top = x.dtype.type(size - 1)
    inside = (x > 0) & (x < top)
    x = np.where(np.isnan(x), x.dtype.type(0), np.minimum(top, np.maximum(x.dtype.type(0), x)))
    return x.astype(coord.dtype), np.where(inside, mult, x.dtype.type(0)).astype(coord.dtype)


def _as_index(v, size):
    """Integral float positions as int64, out-of-range ones kept out of range (the kernel's int32 masks)."""
    return np.clip(np.where(np.isnan(v), -2, v), -2, size + 1).astype(np.int64)


def plan(grid, in_h, in_w, mode, padding, align_corners):
    """Per grid position (N, P): the neighbours' flat indices, in-bounds masks and weights, and the pieces
    backward needs."""
    n, count = grid.shape[0], int(np.prod(grid.shape[1:-1]))   # (no -1: an empty batch has any width)
    gx = grid[..., 0].reshape(n, count)
    gy = grid[..., 1].reshape(n, count)
    if mode == 2:
        return _plan_bicubic(gx, gy, in_h, in_w, padding, align_corners)
    x, mx = locate(gx, in_w, padding, align_corners)
    y, my = locate(gy, in_h, padding, align_corners)
    if mode == 1:
        ix, iy = _as_index(np.rint(x), in_w), _as_index(np.rint(y), in_h)
        ok = (ix > -1) & (ix < in_w) & (iy > -1) & (iy < in_h)
        return {"x": x, "y": y, "idx": (iy * in_w + ix,), "ok": (ok,)}
    xw, yn = np.floor(x), np.floor(y)
    w = x - xw
    e = x.dtype.type(1) - w
    nn_ = y - yn
    s = x.dtype.type(1) - nn_
    ix, iy = _as_index(xw, in_w), _as_index(yn, in_h)
    west, north = (ix > -1) & (ix < in_w), (iy > -1) & (iy < in_h)
    east, south = (ix + 1 > -1) & (ix + 1 < in_w), (iy + 1 > -1) & (iy + 1 < in_h)
    base = iy * in_w + ix
    return {"x": x, "y": y, "mx": mx, "my": my, "w": w, "e": e, "n": nn_, "s": s,
            "weights": (s * e, s * w, nn_ * e, nn_ * w),
            "idx": (base, base + 1, base + in_w, base + in_w + 1),
            "ok": (west & north, east & north, west & south, east & south)}


_A = -0.75   # the cubic convolution's parameter (ATen's get_cubic_upsample_coefficients)


def cubic_coefficients(t):
    """The four taps' weights of cubic convolution at fraction t (taps at -1, 0, 1, 2)."""
    a, one = _A, 1.0   # exact in float32: Python numbers keep t's dtype (arrays or Tensors)

    def near(x):   # |x| <= 1
        return ((a + 2) * x - (a + 3)) * x * x + one

    def far(x):    # 1 < |x| < 2
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a
    return far(t + one), near(t), near(one - t), far(2.0 - t)


def cubic_coefficients_fused(t):
    """cubic_coefficients as ATen's compiled kernel rounds them (numpy arrays): the inner taps' polynomial is
    contracted into two fused multiply-adds ((A + 2) * x - (A + 3), then p * x * x + 1), the outer taps' is not."""
    dt = t.dtype.type
    a = dt(_A)

    def near(x):
        p = _fma(np.full(x.shape, a + dt(2), x.dtype), x, -(a + dt(3)))
        return _fma(p * x, x, dt(1))

    def far(x):
        return ((a * x - dt(5) * a) * x + dt(8) * a) * x - dt(4) * a
    return far(t + dt(1)), near(t), near(dt(1) - t), far(dt(2) - t)


def cubic_coefficients_grad(t):
    """-d weight / d t of cubic_coefficients, as ATen's get_cubic_coefficients_grad (its backward subtracts)."""
    a = _A
    x0, x1, x2, x3 = -1.0 - t, 0.0 - t, 1.0 - t, 2.0 - t
    return ((-3 * a * x0 - 10 * a) * x0 - 8 * a, (-3 * (a + 2) * x1 - 2 * (a + 3)) * x1,
            (3 * (a + 2) * x2 - 2 * (a + 3)) * x2, (3 * a * x3 - 10 * a) * x3 + 8 * a)


def _tap(v, size, padding, align_corners):
    """A bicubic tap's integral position after the padding mode (ATen's compute_coordinates per tap)."""
    if padding == 2:
        v = _reflect(v, size, align_corners)[0]
    if padding:
        v = np.where(np.isnan(v), v.dtype.type(0), np.minimum(v.dtype.type(size - 1), np.maximum(v.dtype.type(0), v)))
    return _as_index(v, size)


def _plan_bicubic(gx, gy, in_h, in_w, padding, align_corners):
    """Bicubic: the 4 x 4 taps around floor(position) (un-normalised without padding; each tap then padded and
    bounds-checked as ATen's get_value_bounded), ordered x outer, y inner as the kernel adds them backward."""
    x, mx = _unnormalize(gx, in_w, align_corners)
    y, my = _unnormalize(gy, in_h, align_corners)
    x0, y0 = np.floor(x), np.floor(y)
    tx, ty = (x - x0).astype(gx.dtype), (y - y0).astype(gy.dtype)
    cols = [_tap(x0 + (i - 1), in_w, padding, align_corners) for i in range(4)]
    rows = [_tap(y0 + (j - 1), in_h, padding, align_corners) for j in range(4)]
    cx, cy = cubic_coefficients_fused(tx), cubic_coefficients_fused(ty)
    idx, ok, weights = [], [], []
    for i in range(4):
        for j in range(4):
            idx.append(rows[j] * in_w + cols[i])
            ok.append((cols[i] > -1) & (cols[i] < in_w) & (rows[j] > -1) & (rows[j] < in_h))
            weights.append(cx[i] * cy[j])
    return {"tx": tx, "ty": ty, "mx": np.full(tx.shape, mx, tx.dtype), "my": np.full(ty.shape, my, ty.dtype),
            "cx": cx, "cy": cy, "idx": tuple(idx), "ok": tuple(ok), "weights": tuple(weights)}


def _blend_x(vals, coefs):
    """A row's c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3 as the compiled kernel rounds it (measured): the first
    product fused into the add of the second, the last two products added after rounding."""
    out = _fma(vals[0], coefs[0], coefs[1] * vals[1])
    return out + coefs[2] * vals[2] + coefs[3] * vals[3]


def _blend_y(vals, coefs):
    """The rows' c0 * r0 + ... + c3 * r3 as the compiled kernel rounds it (measured): each add after the first
    product one fused multiply-add."""
    out = coefs[0] * vals[0]
    for v, c in zip(vals[1:], coefs[1:]):
        out = _fma(v, c, out)
    return out


def _gather(inp, idx, ok):
    """(N, C, P): each plane's values at idx, 0 where not ok."""
    n, c = inp.shape[:2]
    flat = inp.reshape(n, c, -1)
    safe = np.where(ok, idx, 0)[:, None, :]
    vals = np.take_along_axis(flat, np.broadcast_to(safe, (n, c, safe.shape[-1])), axis=2)
    return np.where(ok[:, None, :], vals, flat.dtype.type(0))


def _grid_sampler_2d(inp, grid, mode, padding, align_corners, rowwise=False):
    n, c, h, w = inp.shape
    out_hw = grid.shape[1:3]
    if n == 0 or c == 0:   # an empty batch or no channels: an empty output
        return np.zeros((n, c) + out_hw, inp.dtype)
    p = plan(grid, h, w, mode, padding, align_corners)
    if mode == 1:
        return _gather(inp, p["idx"][0], p["ok"][0]).reshape((n, c) + out_hw)
    if mode == 2:
        taps = [_gather(inp, i, ok) for i, ok in zip(p["idx"], p["ok"])]
        cx, cy = [v[:, None, :] for v in p["cx"]], [v[:, None, :] for v in p["cy"]]
        rows = [_blend_x([taps[i * 4 + j] for i in range(4)], cx) for j in range(4)]
        return _blend_y(rows, cy).astype(inp.dtype).reshape((n, c) + out_hw)
    vals = [_gather(inp, i, ok) for i, ok in zip(p["idx"], p["ok"])]
    wts = [wt[:, None, :] for wt in p["weights"]]
    out = vals[0] * wts[0]
    for v, wt in zip(vals[1:], wts[1:]):   # (nw * v + ne * v) + sw * v + se * v, each add a fused multiply-add
        out = _fma(v, np.broadcast_to(wt, v.shape), out)
    return out.reshape((n, c) + out_hw)


def _order(p_count, corners, lanes, rowwise, out_w):
    """The positions of (corner, p) pairs in the kernel's order of adding: vector by vector of `lanes` grid
    positions (per output row when rowwise), and within one vector corner by corner, lane by lane."""
    p = np.arange(p_count)
    if rowwise:
        row, col = divmod(p, out_w)
        chunk, lane = row * ((out_w + lanes - 1) // lanes) + col // lanes, col % lanes
    else:
        chunk, lane = divmod(p, lanes)
    key = (chunk[None, :] * corners + np.arange(corners)[:, None]) * lanes + lane[None, :]
    return np.argsort(key, axis=None, kind="stable")


def _backward_input(g, inp_shape, p, weights, rowwise, out_w, vals=None):
    """The input's gradient, added in the kernel's order (np.add.at adds in the order given); vals: the values
    added, (N, C, corners, P), when they are not g times weights."""
    n, c, h, w = inp_shape
    corners = len(p["idx"])
    count = p["idx"][0].shape[1]
    order = _order(count, corners, _LANES.get(g.dtype, 8), rowwise, out_w)
    idx = np.stack(p["idx"], 1).reshape(n, corners * count)[:, order]        # (N, corners * P)
    ok = np.stack(p["ok"], 1).reshape(n, corners * count)[:, order]
    if vals is None and weights is None:
        vals = np.broadcast_to(g[:, :, None, :], (n, c, corners, count))
    elif vals is None:
        vals = np.stack([g * wt[:, None, :] for wt in weights], 2)          # (N, C, corners, P)
    vals = vals.reshape(n, c, -1)[:, :, order]
    plane = (np.arange(n)[:, None, None] * c + np.arange(c)[None, :, None]) * (h * w)
    target = plane + idx[:, None, :]
    keep = np.broadcast_to(ok[:, None, :], target.shape)
    out = np.zeros(n * c * h * w, g.dtype)
    np.add.at(out, target[keep], vals[keep])
    return out.reshape(inp_shape)


def grid_sampler_2d_backward(g, inp, grid, mode, padding, align_corners, rowwise, need_input=True):
    """(grad_input, grad_grid) as ATen's kernel computes them."""
    n, c, h, w = inp.shape
    out_w = grid.shape[2]
    if n == 0 or c == 0:   # nothing sampled: zero gradients
        return (np.zeros(inp.shape, g.dtype) if need_input else None), np.zeros(grid.shape, grid.dtype)
    g = np.ascontiguousarray(g).reshape(n, c, -1)
    p = plan(grid, h, w, mode, padding, align_corners)
    if mode == 1:
        gi = _backward_input(g, inp.shape, p, None, rowwise, out_w) if need_input else None
        return gi, np.zeros(grid.shape, grid.dtype)
    if mode == 2:
        return _bicubic_backward(g, inp, grid, p, rowwise, out_w, need_input)
    gi = _backward_input(g, inp.shape, p, p["weights"], rowwise, out_w) if need_input else None
    nw, ne, sw, se = (_gather(inp, i, ok) for i, ok in zip(p["idx"], p["ok"]))
    s, nn_, e, w_ = p["s"][:, None, :], p["n"][:, None, :], p["e"][:, None, :], p["w"][:, None, :]
    # (ne - nw) * s + (se - sw) * n: GCC fuses the second product into the add
    tx = _fma(se - sw, np.broadcast_to(nn_, nw.shape), (ne - nw) * s)
    ty = _fma(se - ne, np.broadcast_to(w_, nw.shape), (sw - nw) * e)
    gx = np.zeros((n, g.shape[2]), g.dtype)
    gy = np.zeros((n, g.shape[2]), g.dtype)
    for k in range(c):   # channel by channel, as the kernel's loop
        gx = _fma(tx[:, k], g[:, k], gx)
        gy = _fma(ty[:, k], g[:, k], gy)
    gg = np.stack([gx * p["mx"], gy * p["my"]], -1).reshape(grid.shape)
    return gi, gg


def _bicubic_backward(g, inp, grid, p, rowwise, out_w, need_input):
    """Bicubic's gradients in the kernel's order: channel by channel, tap by tap (x outer, y inner), the input's
    gradient adds gOut * cx[i] * cy[j]; the grid's subtracts val * gOut * d cx[i] * cy[j] (and its y twin), then
    is scaled by d position / d grid."""
    cx, cy = p["cx"], p["cy"]
    gi = None
    if need_input:
        vals = np.stack([(g * cx[k // 4][:, None, :]) * cy[k % 4][:, None, :] for k in range(16)], 2)
        gi = _backward_input(g, inp.shape, p, None, rowwise, out_w, vals=vals)
    dx, dy = cubic_coefficients_grad(p["tx"]), cubic_coefficients_grad(p["ty"])
    taps = [_gather(inp, i, ok) for i, ok in zip(p["idx"], p["ok"])]
    gx = np.zeros((g.shape[0], g.shape[2]), g.dtype)
    gy = np.zeros_like(gx)
    for ch in range(g.shape[1]):
        go = g[:, ch]
        for k in range(16):
            i, j = divmod(k, 4)
            vg = taps[k][:, ch] * go
            gx = _fma(-(vg * dx[i]), cy[j], gx)
            gy = _fma(-(vg * dy[j]), cx[i], gy)
    return gi, np.stack([gx * p["mx"], gy * p["my"]], -1).astype(grid.dtype).reshape(grid.shape)


def _composite(inp, grid, mode, padding, align_corners, rowwise):
    """grid_sampler_2d from recorded Tensor ops (its grid gradient differentiated again: grid_double.py):
    the same positions, the weights as linear
    functions of the grid values (their derivative is the kernel's), the neighbours gathered by indexing."""
    n, c, h, w = inp.shape
    out_hw = tuple(grid.shape[1:3])
    count = out_hw[0] * out_hw[1]
    gd = grid._data
    p = plan(gd, h, w, mode, padding, align_corners)
    flat = inp.reshape(n, c, h * w).transpose(1, 2)                           # (N, HW, C)
    rows = np.arange(n)[:, None]

    def pick(idx, ok):
        vals = flat[rows, np.where(ok, idx, 0)]                               # (N, P, C)
        return vals * inp.__class__._wrap(ok[..., None].astype(gd.dtype))
    if mode == 1:
        out = pick(p["idx"][0], p["ok"][0])
    elif mode == 2:
        wrap = inp.__class__._wrap
        tx = grid[..., 0].reshape(n, count) * wrap(p["mx"]) + wrap(p["tx"] - p["mx"] * gd[..., 0].reshape(n, count))
        ty = grid[..., 1].reshape(n, count) * wrap(p["my"]) + wrap(p["ty"] - p["my"] * gd[..., 1].reshape(n, count))
        cx, cy = cubic_coefficients(tx), cubic_coefficients(ty)
        out = None
        for k, (i, ok) in enumerate(zip(p["idx"], p["ok"])):
            term = pick(i, ok) * (cx[k // 4] * cy[k % 4]).unsqueeze(-1)
            out = term if out is None else out + term
    else:
        wrap = inp.__class__._wrap
        gx = grid[..., 0].reshape(n, count)
        gy = grid[..., 1].reshape(n, count)
        fx = gx * wrap(p["mx"]) + wrap(p["w"] - p["mx"] * gd[..., 0].reshape(n, count))
        fy = gy * wrap(p["my"]) + wrap(p["n"] - p["my"] * gd[..., 1].reshape(n, count))
        ex, sy = 1 - fx, 1 - fy
        weights = (sy * ex, sy * fx, fy * ex, fy * fx)
        out = None
        for (i, ok), wt in zip(zip(p["idx"], p["ok"]), weights):
            term = pick(i, ok) * wt.unsqueeze(-1)
            out = term if out is None else out + term
    return (out.transpose(1, 2).reshape((n, c) + out_hw),)


@defop("grid_sampler_2d", "GridSampler2DBackward0", _grid_sampler_2d, saves=(0, 1))
def grid_sampler_2d_vjp(xp, grad, saved, consts, needs):
    """The input's gradient: each output's gradient times its weights, added into its neighbours; the grid's:
    the blend's slope in x and y times d position / d grid."""
    inp, grid = saved
    if not xp.is_numpy:   # create_graph: one GridSampler2DBackwardBackward0 node (engine/grid_double.py)
        return first_grads(xp, "grid_sampler_2d_backward", grid_sampler_2d_backward, grad, inp, grid, consts, needs)
    gi, gg = grid_sampler_2d_backward(grad, inp, grid, *consts, need_input=bool(needs[0]))
    return gi, (gg if needs[1] else None)


defop("grid_sampler_2d_backward", "GridSampler2DBackwardBackward0", None, saves=(0, 1, 2), several_outputs=True)(
    double_vjp("grid_sampler_2d_backward", "grid_sampler_2d", grid_sampler_2d_backward, _composite))
