"""Finite-difference rows for the ops of engine/ops_rnn.py and the RNN cells' gate split (collected by
test_gradcheck.ROWS)."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.rnn import lstm_layer
from autograd_magic.engine.optable import OPS
from autograd_magic.engine.shaping import _view_out
from autograd_magic.engine.tensor_base import apply

_RNG = np.random.default_rng(5)
rnn = __import__("autograd_magic.torch.nn.rnn", fromlist=["_transpose_"])


def _small(shape, scale=0.6):
    return _RNG.uniform(-scale, scale, shape)


def _lstm(reverse, which):
    """A loss over all three outputs of one LSTM layer (T=3, B=2, I=2, H=2), or only some of them."""
    def fn(x, w_ih, w_hh, b_ih, b_hh, h0, c0):
        out, h, c = lstm_layer(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse)
        parts = {"out": out.sin().sum(0), "h": h * 1.5, "c": c.tanh()}
        total = None
        for k in which:
            total = parts[k] if total is None else total + parts[k]
        return total
    shapes = [(3, 2, 2), (8, 2), (8, 2), (8,), (8,), (2, 2), (2, 2)]
    return fn, [_small(s) for s in shapes]


def _split(t):
    pieces = [_view_out(t, apply(OPS["unsafe_split"], (t,), (slice(None), slice(k * 2, k * 2 + 2)), t._data.shape))
              for k in range(3)]
    return pieces[0] * pieces[2] + pieces[1].sin()


ROWS_EXTRA = {
    "mkldnn_rnn_layer": [_lstm(False, ("out", "h", "c")), _lstm(True, ("out", "h", "c")), _lstm(False, ("h",)),
                         _lstm(True, ("c", "out"))],
    "unsafe_split": [(_split, [_small((3, 6))]), (_split, [_small((1, 6))])],
    "transpose_": [(lambda a: rnn._transpose_(a * 1.0) * 2, [_small((2, 3, 2))]),
                   (lambda a: rnn._transpose_(a).sin(), [_small((3, 2))])],
}
