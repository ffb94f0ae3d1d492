"""The LSTM layer as one op with three outputs (output, h_n, c_n), as PyTorch's CPU kernel records it for float32
(``MkldnnRnnLayerBackward0``): the forward runs the whole sequence in numpy, backward is backpropagation through
time in numpy (one matrix product per step each way, the weight gradients as one product over all steps).

Inputs: x (T, B, I), w_ih (4H, I), w_hh (4H, H), b_ih (4H,) or None, b_hh (4H,) or None, h0 (B, H), c0 (B, H);
const: reverse (the backward direction of a bidirectional layer). Gate order i, f, g, o, as PyTorch's weights.
"""
import numpy as np

from .optable import defop


_SCRATCH = {}


def _scratch(name, shape, dtype):
    """A temporary array reused from call to call: fresh multi-megabyte arrays cost page faults each time
    (glibc hands big freed blocks back to the kernel). Only for arrays that never leave the function."""
    key = (name, shape, dtype)
    buf = _SCRATCH.get(key)
    if buf is None:
        if len(_SCRATCH) > 32:
            _SCRATCH.clear()
        buf = _SCRATCH[key] = np.empty(shape, dtype)
    return buf


def lstm_layer_forward(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse):
    """(output, h_n, c_n, cache): cache holds the gate activations and cell states backward needs.

    Per step one matrix product and a dozen whole-array numpy calls: the cell gate's tanh is taken as
    2 * sigmoid(2z) - 1 (its weights' rows doubled, exact), so one sigmoid pass covers all four gates. oneDNN's
    float32 LSTM rounds in its own order too: values agree with PyTorch's to a few ulps, not bit for bit."""
    steps, batch, _ = x.shape
    hidden = w_hh.shape[1]
    g_rows = slice(2 * hidden, 3 * hidden)
    scale = np.ones((4 * hidden, 1), x.dtype)
    scale[g_rows] = 2
    gi = _scratch("gi", (steps, batch, 4 * hidden), x.dtype)
    np.matmul(x.reshape(steps * batch, x.shape[-1]), (w_ih * scale).T, out=gi.reshape(steps * batch, 4 * hidden))
    if b_ih is not None:
        gi += b_ih * scale[:, 0]
    if b_hh is not None:
        gi += b_hh * scale[:, 0]
    w_hh_t = (w_hh * scale).T
    out = np.empty((steps, batch, hidden), x.dtype)
    gates = np.empty((steps, batch, 4 * hidden), x.dtype)   # i, f, g, o after their nonlinearity
    cells = np.empty((steps, batch, hidden), x.dtype)       # c_t
    tanh_c = np.empty((steps, batch, hidden), x.dtype)
    one = x.dtype.type(1)
    h, c = h0, c0
    with np.errstate(over="ignore"):
        for t in (range(steps - 1, -1, -1) if reverse else range(steps)):
            a = gates[t]
            np.matmul(h, w_hh_t, out=a)
            a += gi[t]
            np.negative(a, out=a)
            np.exp(a, out=a)
            a += one
            np.reciprocal(a, out=a)
            g = a[:, g_rows]
            g *= 2
            g -= one
            c = a[:, hidden:2 * hidden] * c
            c += a[:, :hidden] * g
            cells[t] = c
            tc = np.tanh(c, out=tanh_c[t])
            h = np.multiply(a[:, 3 * hidden:], tc, out=out[t])
    return out, np.array(h), np.array(c), (gates, cells, tanh_c)


def lstm_layer_backward(grads, x, w_ih, w_hh, h0, c0, cache, reverse, needs):
    """Gradients for (x, w_ih, w_hh, b_ih, b_hh, h0, c0) from grads {0: d output, 1: d h_n, 2: d c_n}.
    Everything that does not depend on the recurrence is computed for all steps at once."""
    gates, cells, tanh_c = cache
    steps, batch, hidden = cells.shape
    dtype = cells.dtype
    one = dtype.type(1)
    i, f, g, o = (gates[:, :, k * hidden:(k + 1) * hidden] for k in range(4))
    c_prev = _scratch("c_prev", cells.shape, dtype)
    if reverse:
        c_prev[:-1], c_prev[-1] = cells[1:], c0
    else:
        c_prev[1:], c_prev[0] = cells[:-1], c0
    coef = _scratch("coef", (steps, batch, 3, hidden), dtype)   # d gate pre-activations per unit of dc
    tmp = _scratch("tmp", cells.shape, dtype)
    np.subtract(one, i, out=tmp)
    tmp *= i
    np.multiply(tmp, g, out=coef[:, :, 0])
    np.subtract(one, f, out=tmp)
    tmp *= f
    np.multiply(tmp, c_prev, out=coef[:, :, 1])
    np.multiply(g, g, out=tmp)
    np.subtract(one, tmp, out=tmp)
    np.multiply(tmp, i, out=coef[:, :, 2])
    d_o = _scratch("d_o", cells.shape, dtype)               # per unit of dh
    np.subtract(one, o, out=d_o)
    d_o *= o
    d_o *= tanh_c
    d_c = _scratch("d_c", cells.shape, dtype)               # dc from dh
    np.multiply(tanh_c, tanh_c, out=d_c)
    np.subtract(one, d_c, out=d_c)
    d_c *= o
    d_out = grads.get(0)
    dh = grads.get(1)
    dc = grads.get(2)
    dh = np.zeros((batch, hidden), dtype) if dh is None else np.array(dh, dtype)
    dc = np.zeros((batch, hidden), dtype) if dc is None else np.array(dc, dtype)
    dz = _scratch("dz", (steps, batch, 4, hidden), dtype)
    for t in (range(steps) if reverse else range(steps - 1, -1, -1)):
        if d_out is not None:
            dh += d_out[t]
        dc += dh * d_c[t]
        d = dz[t]
        np.multiply(coef[t], dc[:, None, :], out=d[:, :3])
        np.multiply(d_o[t], dh, out=d[:, 3])
        dc *= f[t]
        dh = d.reshape(batch, 4 * hidden) @ w_hh
    flat = dz.reshape(steps * batch, 4 * hidden)
    hs = _scratch("hs", cells.shape, dtype)                 # h_{t-1} for each step
    if reverse:
        np.multiply(o[1:], tanh_c[1:], out=hs[:-1])
        hs[-1] = h0
    else:
        np.multiply(o[:-1], tanh_c[:-1], out=hs[1:])
        hs[0] = h0
    dx = (flat @ w_ih).reshape(x.shape) if needs[0] else None
    dw_ih = flat.T @ x.reshape(steps * batch, x.shape[-1]) if needs[1] else None
    dw_hh = flat.T @ hs.reshape(steps * batch, hidden) if needs[2] else None
    db = np.add.reduce(flat, axis=0) if needs[3] or needs[4] else None
    return [dx, dw_ih, dw_hh, db if needs[3] else None, db if needs[4] else None,
            dh if needs[5] else None, dc if needs[6] else None]


def _composite(xp, x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse):
    """The same layer from recorded Tensor ops (for create_graph=True: a gradient that can be differentiated)."""
    steps = x.shape[0]
    hidden = w_hh.shape[1]
    gi = x @ w_ih.t()
    if b_ih is not None:
        gi = gi + b_ih
    if b_hh is not None:
        gi = gi + b_hh
    h, c, outs = h0, c0, [None] * steps
    for t in (range(steps - 1, -1, -1) if reverse else range(steps)):
        z = gi[t] + h @ w_hh.t()
        i, f = xp.take(z, (slice(None), slice(None, hidden))).sigmoid(), \
            xp.take(z, (slice(None), slice(hidden, 2 * hidden))).sigmoid()
        g, o = xp.take(z, (slice(None), slice(2 * hidden, 3 * hidden))).tanh(), \
            xp.take(z, (slice(None), slice(3 * hidden, None))).sigmoid()
        c = f * c + i * g
        h = outs[t] = o * c.tanh()
    return xp.stack(outs), h, c


def lstm_layer_vjp(xp, grads, saved, consts, needs):
    reverse, = consts
    x, w_ih, w_hh, b_ih, b_hh, h0, c0, cache = saved[:8]   # (saved[8]: the output, kept for its version only)
    if xp.is_numpy:
        return lstm_layer_backward(grads, x, w_ih, w_hh, h0, c0, cache, reverse, [bool(e) for e in needs])
    # the inputs themselves: the result stays a function of them
    return xp.differentiate(lambda *args: _composite(xp, *args), (x, w_ih, w_hh, b_ih, b_hh, h0, c0), consts, grads,
                            needs)


defop("mkldnn_rnn_layer", "MkldnnRnnLayerBackward0", lstm_layer_forward, saves=(0,), several_outputs=True)(lstm_layer_vjp)


@defop("transpose_", "TransposeBackward1", lambda a, d0, d1: np.swapaxes(a, d0, d1))
def transpose__vjp(xp, grad, saved, consts, needs):
    """ATen's RNN and GRU end with output.transpose_(0, 1) for batch_first (the in-place form's node)."""
    return (xp.swap(grad, consts[0], consts[1]),)
