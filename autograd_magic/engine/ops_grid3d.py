"""grid_sampler_3d (F.grid_sample on 5-d inputs: trilinear and nearest; padding zeros, border, reflection):
forward and vjp side by side, after ATen's scalar CPU kernel (GridSampler.cpp, grid_sampler_3d_cpu_impl).

Each grid value (x, y, z) is un-normalised and padded as in 2-d (ops_grid.locate); trilinear blends the eight
corners around it, named as the kernel does: t(op)/b(ottom) along depth, n(orth)/s(outh) along height, w(est)/e(ast)
along width, each weight the product of the three distances to the opposite corner; corners outside the input add
nothing. Backward adds each output's gradient times the weights into the input (np.add.at in the kernel's order:
position by position, channel by channel, corner by corner) and gives the grid the blend's slope times
d position / d grid. consts: (mode, padding, align_corners); mode 0 bilinear, 1 nearest.
"""
import numpy as np

from .ops_grid import _as_index, _gather, locate
from .grid_double import double_vjp, first_grads
from .optable import defop

# (dz, dy, dx) of the corners in the kernel's order: tnw, tne, tsw, tse, bnw, bne, bsw, bse
_CORNERS = [(dz, dy, dx) for dz in (0, 1) for dy in (0, 1) for dx in (0, 1)]


def plan3d(grid, size, mode, padding, align_corners):
    """Per grid position (N, P): the corners' flat indices, in-bounds masks, weights and slopes."""
    n, count = grid.shape[0], int(np.prod(grid.shape[1:-1]))   # (no -1: an empty batch has any width)
    d, h, w = size
    pos = [locate(grid[..., k].reshape(n, count), s, padding, align_corners) for k, s in enumerate((w, h, d))]
    (x, mx), (y, my), (z, mz) = pos
    if mode == 1:
        ix, iy, iz = (_as_index(np.rint(v), s) for v, s in ((x, w), (y, h), (z, d)))
        ok = (ix > -1) & (ix < w) & (iy > -1) & (iy < h) & (iz > -1) & (iz < d)
        return {"idx": ((iz * h + iy) * w + ix,), "ok": (ok,)}
    one = x.dtype.type(1)
    lo = [np.floor(v) for v in (x, y, z)]
    # distance to the far corner ((floor + 1) - v, as the kernel) and to the near one (v - floor)
    far = [(f + one) - v for f, v in zip(lo, (x, y, z))]
    near = [v - f for f, v in zip(lo, (x, y, z))]
    ix, iy, iz = (_as_index(f, s) for f, s in zip(lo, (w, h, d)))
    idx, ok, weights, slopes = [], [], [], []
    for dz, dy, dx in _CORNERS:
        fx, fy, fz = (near if dx else far)[0], (near if dy else far)[1], (near if dz else far)[2]
        cx, cy, cz = ix + dx, iy + dy, iz + dz
        idx.append((cz * h + cy) * w + cx)
        ok.append((cx > -1) & (cx < w) & (cy > -1) & (cy < h) & (cz > -1) & (cz < d))
        weights.append(fx * fy * fz)
        # d weight / d (x, y, z): the sign of the corner's side times the other two distances
        slopes.append(((fy * fz) * (one if dx else -one), (fx * fz) * (one if dy else -one),
                       (fx * fy) * (one if dz else -one)))
    return {"idx": tuple(idx), "ok": tuple(ok), "weights": tuple(weights), "slopes": slopes,
            "mult": (mx, my, mz), "pos": (x, y, z), "lo": lo}


def _grid_sampler_3d(inp, grid, mode, padding, align_corners):
    n, c = inp.shape[:2]
    out_dhw = grid.shape[1:4]
    if n == 0 or c == 0:   # an empty batch or no channels: an empty output
        return np.zeros((n, c) + out_dhw, inp.dtype)
    p = plan3d(grid, inp.shape[2:], mode, padding, align_corners)
    if mode == 1:
        return _gather(inp, p["idx"][0], p["ok"][0]).reshape((n, c) + out_dhw)
    out = None
    for i, ok, wt in zip(p["idx"], p["ok"], p["weights"]):   # added corner by corner, as the kernel
        term = _gather(inp, i, ok) * wt[:, None, :]
        out = term if out is None else out + term
    return out.astype(inp.dtype).reshape((n, c) + out_dhw)


def grid_sampler_3d_backward(g, inp, grid, mode, padding, align_corners, need_input=True):
    """(grad_input, grad_grid) as ATen's kernel computes them."""
    n, c = inp.shape[:2]
    if n == 0 or c == 0:   # nothing sampled: zero gradients
        return (np.zeros(inp.shape, g.dtype) if need_input else None), np.zeros(grid.shape, grid.dtype)
    g = np.ascontiguousarray(g).reshape(n, c, -1)
    p = plan3d(grid, inp.shape[2:], mode, padding, align_corners)
    gi = None
    if need_input:
        weights = [np.ones_like(p["idx"][0], g.dtype)] if mode == 1 else p["weights"]
        corners, count = len(p["idx"]), g.shape[2]
        idx = np.stack(p["idx"], -1)                                              # (N, P, corners)
        ok = np.stack(p["ok"], -1)
        vals = np.stack([g * wt[:, None, :] for wt in weights], -1).transpose(0, 2, 1, 3)   # (N, P, C, corners)
        plane = (np.arange(n)[:, None, None, None] * c + np.arange(c)[None, None, :, None]) * int(np.prod(inp.shape[2:]))
        target = plane + idx[:, :, None, :]
        keep = np.broadcast_to(ok[:, :, None, :], (n, count, c, corners))
        out = np.zeros(inp.size, g.dtype)
        np.add.at(out, target[keep], vals[keep])
        gi = out.reshape(inp.shape)
    if mode == 1:
        return gi, np.zeros(grid.shape, grid.dtype)
    acc = [np.zeros((n, g.shape[2]), g.dtype) for _ in range(3)]
    for i, ok, slope in zip(p["idx"], p["ok"], p["slopes"]):
        vg = (_gather(inp, i, ok) * g).sum(1)     # (the kernel adds channel by channel: float rounding only)
        for k in range(3):
            acc[k] = acc[k] + vg * slope[k]
    gg = np.stack([a * m for a, m in zip(acc, p["mult"])], -1).astype(grid.dtype).reshape(grid.shape)
    return gi, gg


def _composite(inp, grid, mode, padding, align_corners):
    """grid_sampler_3d from recorded Tensor ops (its grid gradient differentiated again: grid_double.py):
    the same corners, the distances as linear
    functions of the grid values (their derivative is the kernel's), the corners gathered by indexing."""
    n, c = inp.shape[:2]
    out_dhw = tuple(grid.shape[1:4])
    count = int(np.prod(out_dhw))
    gd = grid._data
    p = plan3d(gd, tuple(inp.shape[2:]), mode, padding, align_corners)
    wrap = inp.__class__._wrap
    flat = inp.reshape(n, c, int(np.prod(inp.shape[2:]))).transpose(1, 2)    # (N, DHW, C): no -1, c may be 0
    rows = np.arange(n)[:, None]

    def pick(idx, ok):
        return flat[rows, np.where(ok, idx, 0)] * wrap(ok[..., None].astype(gd.dtype))
    if mode == 1:
        out = pick(p["idx"][0], p["ok"][0])
    else:
        pos = []
        for k in range(3):
            g_k = grid[..., k].reshape(n, count)
            raw = gd[..., k].reshape(n, count)
            pos.append(g_k * wrap(p["mult"][k]) + wrap(p["pos"][k] - p["mult"][k] * raw))
        near = [v - wrap(f) for v, f in zip(pos, p["lo"])]
        far = [1 - v for v in near]
        out = None
        for (dz, dy, dx), i, ok in zip(_CORNERS, p["idx"], p["ok"]):
            wt = (near[0] if dx else far[0]) * (near[1] if dy else far[1]) * (near[2] if dz else far[2])
            term = pick(i, ok) * wt.unsqueeze(-1)
            out = term if out is None else out + term
    return (out.transpose(1, 2).reshape((n, c) + out_dhw),)


@defop("grid_sampler_3d", "GridSampler3DBackward0", _grid_sampler_3d, saves=(0, 1))
def grid_sampler_3d_vjp(xp, grad, saved, consts, needs):
    """The input's gradient: each output's gradient times its weights, added into its corners; the grid's: the
    blend's slope in x, y and z times d position / d grid."""
    inp, grid = saved
    if not xp.is_numpy:   # create_graph: one GridSampler3DBackwardBackward0 node (engine/grid_double.py)
        return first_grads(xp, "grid_sampler_3d_backward", grid_sampler_3d_backward, grad, inp, grid, consts, needs)
    gi, gg = grid_sampler_3d_backward(grad, inp, grid, *consts, need_input=bool(needs[0]))
    return gi, (gg if needs[1] else None)


defop("grid_sampler_3d_backward", "GridSampler3DBackwardBackward0", None, saves=(0, 1, 2), several_outputs=True)(
    double_vjp("grid_sampler_3d_backward", "grid_sampler_3d", grid_sampler_3d_backward, _composite))
