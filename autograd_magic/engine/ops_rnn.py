"""The LSTM layer as one op with three outputs (output, h_n, c_n), as PyTorch's CPU kernel records it for float32
(``MkldnnRnnLayerBackward0``): the forward runs the whole sequence in numpy, backward is backpropagation through
time in numpy (one matrix product per step each way, the weight gradients as one product over all steps).

Inputs: x (T, B, I), w_ih (4H, I), w_hh (4H, H), b_ih (4H,) or None, b_hh (4H,) or None, h0 (B, H), c0 (B, H);
const: reverse (the backward direction of a bidirectional layer). Gate order i, f, g, o, as PyTorch's weights.
"""
import numpy as np

from .autograd import GRAD_MODE, Saved, multi_node_type, record_multi
from .optable import OPS, defop
from .ops import _sigmoid
from .xp import rounded_f32

_tanh = rounded_f32(np.tanh)


def lstm_layer_forward(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse):
    """(output, h_n, c_n, cache): cache holds the gate activations and cell states backward needs."""
    steps, batch, _ = x.shape
    hidden = w_hh.shape[1]
    gi = np.matmul(x.reshape(steps * batch, -1), w_ih.T).reshape(steps, batch, 4 * hidden)
    if b_ih is not None:
        gi += b_ih
    if b_hh is not None:
        gi += b_hh
    out = np.empty((steps, batch, hidden), x.dtype)
    gates = np.empty((steps, batch, 4 * hidden), x.dtype)   # i, f, g, o after their nonlinearity
    cells = np.empty((steps, batch, hidden), x.dtype)       # c_t
    tanh_c = np.empty((steps, batch, hidden), x.dtype)
    h, c = h0, c0
    w_hh_t = w_hh.T
    order = range(steps - 1, -1, -1) if reverse else range(steps)
    for t in order:
        z = gi[t] + h @ w_hh_t
        a = gates[t]
        a[:, :2 * hidden] = _sigmoid(z[:, :2 * hidden])
        a[:, 2 * hidden:3 * hidden] = _tanh(z[:, 2 * hidden:3 * hidden])
        a[:, 3 * hidden:] = _sigmoid(z[:, 3 * hidden:])
        i, f, g, o = a[:, :hidden], a[:, hidden:2 * hidden], a[:, 2 * hidden:3 * hidden], a[:, 3 * hidden:]
        c = f * c + i * g
        cells[t] = c
        tanh_c[t] = _tanh(c)
        h = out[t] = o * tanh_c[t]
    return out, np.array(h), np.array(c), (gates, cells, tanh_c)


def lstm_layer_backward(grads, x, w_ih, w_hh, h0, c0, cache, reverse, needs):
    """Gradients for (x, w_ih, w_hh, b_ih, b_hh, h0, c0) from grads {0: d output, 1: d h_n, 2: d c_n}."""
    gates, cells, tanh_c = cache
    steps, batch, hidden = cells.shape
    dtype = cells.dtype
    d_out = grads.get(0)
    dh = grads.get(1)
    dc = grads.get(2)
    dh = np.zeros((batch, hidden), dtype) if dh is None else np.array(dh, dtype)
    dc = np.zeros((batch, hidden), dtype) if dc is None else np.array(dc, dtype)
    dz = np.empty_like(gates)
    order = range(steps) if reverse else range(steps - 1, -1, -1)
    first = steps - 1 if reverse else 0
    step_back = 1 if reverse else -1
    for t in order:
        if d_out is not None:
            dh = dh + d_out[t]
        a = gates[t]
        i, f, g, o = a[:, :hidden], a[:, hidden:2 * hidden], a[:, 2 * hidden:3 * hidden], a[:, 3 * hidden:]
        tc = tanh_c[t]
        dc = dc + dh * o * (1 - tc * tc)
        c_prev = c0 if t == first else cells[t + step_back]
        d = dz[t]
        d[:, :hidden] = dc * g * i * (1 - i)
        d[:, hidden:2 * hidden] = dc * c_prev * f * (1 - f)
        d[:, 2 * hidden:3 * hidden] = dc * i * (1 - g * g)
        d[:, 3 * hidden:] = dh * tc * o * (1 - o)
        dc = dc * f
        dh = d @ w_hh
    flat = dz.reshape(steps * batch, 4 * hidden)
    # h_{t-1} for every step, in the order the steps ran
    hs = np.empty((steps, batch, hidden), dtype)
    outs = gates[:, :, 3 * hidden:] * tanh_c
    if reverse:
        hs[:-1] = outs[1:]
        hs[-1] = h0
    else:
        hs[1:] = outs[:-1]
        hs[0] = h0
    dx = (flat @ w_ih).reshape(x.shape) if needs[0] else None
    dw_ih = flat.T @ x.reshape(steps * batch, -1) if needs[1] else None
    dw_hh = flat.T @ hs.reshape(steps * batch, hidden) if needs[2] else None
    db = np.add.reduce(flat, axis=0) if needs[3] or needs[4] else None
    return [dx, dw_ih, dw_hh, db if needs[3] else None, db if needs[4] else None,
            dh if needs[5] else None, dc if needs[6] else None]


def _composite(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse):
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
        i, f = z[:, :hidden].sigmoid(), z[:, hidden:2 * hidden].sigmoid()
        g, o = z[:, 2 * hidden:3 * hidden].tanh(), z[:, 3 * hidden:].sigmoid()
        c = f * c + i * g
        h = outs[t] = o * c.tanh()
    from .shaping import stack
    return stack(outs), h, c


def _vjp(xp, grads, saved, consts, needs):
    reverse, = consts
    x, w_ih, w_hh, b_ih, b_hh, h0, c0, cache = saved
    if xp.is_numpy:
        return lstm_layer_backward(grads, x, w_ih, w_hh, h0, c0, cache, reverse, [bool(e) for e in needs])
    from .grad import grad
    with_grad = GRAD_MODE.enabled
    GRAD_MODE.enabled = True
    try:
        leaves = (x, w_ih, w_hh, b_ih, b_hh, h0, c0)   # the inputs themselves: the result stays a function of them
        outs = _composite(*leaves, reverse)
        pairs = [(o, grads[k]) for k, o in enumerate(outs) if k in grads]
        wanted = [(k, t) for k, t in enumerate(leaves) if t is not None and needs[k]]
        got = grad([o for o, _ in pairs], [t for _, t in wanted], [g for _, g in pairs], create_graph=True,
                   allow_unused=True)
    finally:
        GRAD_MODE.enabled = with_grad
    result = [None] * 7
    for (k, _), g in zip(wanted, got):
        result[k] = g
    return result


defop("mkldnn_rnn_layer", "MkldnnRnnLayerBackward0", lstm_layer_forward, saves=(0,))(_vjp)
OPS["mkldnn_rnn_layer"].node_cls = multi_node_type("MkldnnRnnLayerBackward0")


def lstm_layer(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse=False):
    """One LSTM layer over a (T, B, I) sequence: (output (T, B, H), h_n (B, H), c_n (B, H)) as Tensors."""
    from .tensor import Tensor
    arrays = [None if t is None else t._data for t in (x, w_ih, w_hh, b_ih, b_hh, h0, c0)]
    out, hy, cy, cache = lstm_layer_forward(*arrays, reverse)
    outs = [Tensor._wrap(out), Tensor._wrap(hy), Tensor._wrap(cy)]
    inputs = (x, w_ih, w_hh, b_ih, b_hh, h0, c0)
    if GRAD_MODE.enabled and any(t is not None and t._rg for t in inputs):
        saved = [None if t is None else Saved(t) for t in inputs] + [cache]
        record_multi(OPS["mkldnn_rnn_layer"], inputs, outs, saved, (reverse,))
    return outs


@defop("transpose_", "TransposeBackward1", lambda a, d0, d1: np.swapaxes(a, d0, d1))
def _(x, g, s, k, n):
    """ATen's RNN and GRU end with output.transpose_(0, 1) for batch_first (the in-place form's node)."""
    return (x.swap(g, k[0], k[1]),)
