"""One step of each recurrent cell, as ATen's cell functions compute it (recorded ops, so grad_fn shows
PyTorch's nodes): shared by the padded layers (rnn.py) and the packed ones (rnn_packed.py)."""
import numpy as np

from ...engine.optable import OPS
from ...engine.shaping import _view_out
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply
from . import functional as F


def _zeros(shape, like):
    return Tensor._wrap(np.zeros(shape, like._data.dtype))


def _unsafe_chunk(t, chunks):
    """t split into equal pieces along dim 1, each its own UnsafeSplitBackward0 node (PyTorch: one node)."""
    n = t._data.shape[1] // chunks
    return [_view_out(t, apply(OPS["unsafe_split"], (t,), (slice(None), slice(k * n, (k + 1) * n)), t._data.shape))
            for k in range(chunks)]


# ---------------------------------------------------------------- one step of each cell (ATen's cell functions)

def _rnn_step(igates, h, w_hh, b_hh, relu):
    pre = F.linear(h, w_hh, b_hh) + igates
    return F.relu(pre) if relu else pre.tanh()


def _lstm_step(igates, h, c, w_hh, b_hh):
    gates = F.linear(h, w_hh, b_hh) + igates
    i, f, g, o = _unsafe_chunk(gates, 4)
    c = f.sigmoid() * c + i.sigmoid() * g.tanh()
    return o.sigmoid() * c.tanh(), c


def _gru_step(igates, h, w_hh, b_hh):
    ir, iz, in_ = _unsafe_chunk(igates, 3)
    hr, hz, hn = _unsafe_chunk(F.linear(h, w_hh, b_hh), 3)
    reset = (hr + ir).sigmoid()
    update = (hz + iz).sigmoid()
    new = (in_ + hn * reset).tanh()
    return (h - new) * update + new
