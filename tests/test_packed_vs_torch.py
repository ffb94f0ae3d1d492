"""Packed sequences (torch.nn.utils.rnn, torch/nn/rnn_packed.py) and nn.init.orthogonal_ / sparse_ against real
PyTorch: printed text (PackedSequence reprs, grad_fn names, initial draws, errors) identical, values and
gradients within float32 rounding."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = ("import torch\nimport torch.nn as nn\nU = torch.nn.utils.rnn\n"
         "pack_padded_sequence, pad_packed_sequence = U.pack_padded_sequence, U.pad_packed_sequence\n"
         "pack_sequence, unpack_sequence, PackedSequence = U.pack_sequence, U.unpack_sequence, U.PackedSequence\n")
WALK = ("def walk(t):\n    seen, stack, names = set(), [t.grad_fn], set()\n    while stack:\n        n = stack.pop()\n"
        "        if n is None or id(n) in seen:\n            continue\n        seen.add(id(n))\n"
        "        names.add(type(n).__name__)\n        stack.extend(f for f, _ in n.next_functions)\n"
        "    return sorted(names)\n")

CELLS = {
    "packing": [
        SETUP + "torch.manual_seed(0)\nx = torch.randn(4, 3, 2, requires_grad=True)\n"
        "p = pack_padded_sequence(x, [4, 2, 3], enforce_sorted=False)\np",
        "p.data.grad_fn, p.data.grad_fn.next_functions, type(p), isinstance(p, tuple), p.batch_sizes.dtype",
        "pad_packed_sequence(p), pad_packed_sequence(p, batch_first=True, padding_value=-1.0, total_length=6)[0].shape",
        "q = pack_padded_sequence(x.transpose(0, 1), torch.tensor([4, 3, 1]), batch_first=True)\n"
        "q.data, q.batch_sizes, "
        "q.sorted_indices",
        "out, lengths = pad_packed_sequence(q, batch_first=True)\n(out * torch.arange(24.).view(3, 4, 2)).sum()"
        ".backward()\nx.grad.transpose(0, 1), out.grad_fn, lengths",
        "s = pack_sequence([torch.ones(3, 2), torch.zeros(1, 2), torch.full((2, 2), 2.)], enforce_sorted=False)\n"
        "s, unpack_sequence(s)",
        "U.unpad_sequence(*pad_packed_sequence(s))",
        "data, sizes, si, ui = s\nsizes, si, ui, s.to(torch.float64).data.dtype",
    ],
    "rnn": [
        SETUP + WALK + "torch.manual_seed(1)\nx = torch.randn(3, 5, 2, requires_grad=True)\n"
        "lengths = torch.tensor([2, 5, 3])\npacked = pack_padded_sequence(x, lengths, batch_first=True, "
        "enforce_sorted=False)\nrnn = nn.RNN(2, 4, batch_first=True)\nout, h = rnn(packed)\n"
        "type(out), out.data.grad_fn, h.grad_fn, h",
        "o, l = pad_packed_sequence(out, batch_first=True)\no[0], walk(o)",
        "(o.sum() + h.pow(2).sum()).backward()\nx.grad[1], rnn.weight_hh_l0.grad",
        "lstm = nn.LSTM(2, 3, num_layers=2, bidirectional=True)\npl = pack_padded_sequence(x.transpose(0, 1).double(), "
        "lengths, enforce_sorted=False)\nlstm = lstm.double()\nout, (h, c) = lstm(pl)\nout.data[:3], h[:, 0], c[-1], "
        "walk(h)",
        "torch.manual_seed(2)\ngru = nn.GRU(2, 3, num_layers=2, dropout=0.5)\nh0 = torch.randn(2, 3, 3, "
        "requires_grad=True)\nout, h = gru(pack_sequence([x[1], x[2, :3], x[0, :2]]), h0)\nout.data[-2:], h, "
        "torch.rand(1)",
        "h.sum().backward()\nh0.grad",
        "lstm32 = nn.LSTM(2, 3)\no32, (h32, c32) = lstm32(pack_padded_sequence(x.transpose(0, 1), lengths, "
        "enforce_sorted=False))\no32.data.grad_fn, h32.grad_fn, pad_packed_sequence(o32)[0][:, 1]",
        "rnn(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False), torch.zeros(2, 3, 4))",
        "rnn(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False), torch.zeros(3, 4))",
        "rnn(pack_padded_sequence(x[..., :1], lengths, batch_first=True, enforce_sorted=False))",
    ],
    "init": [
        SETUP + "torch.manual_seed(0)\nw = torch.empty(3, 5)\nnn.init.orthogonal_(w, gain=2), torch.rand(1)",
        "w = torch.empty(5, 3)\nnn.init.orthogonal_(w)\n(w.t() @ w - torch.eye(3)).abs().max() < 1e-6, w[0]",
        "nn.init.orthogonal_(torch.empty(4, 2, 3))[1], nn.init.orthogonal_(torch.empty(3, 4, dtype=torch.float64))",
        "nn.init.sparse_(torch.empty(5, 4), 0.4, std=1.0), torch.rand(1)",
        "nn.init.orthogonal_(torch.empty(3))",
        "nn.init.sparse_(torch.empty(2, 3, 4), 0.5)",
    ],
    "errors": [
        SETUP + "x = torch.randn(3, 2, 1)\npack_padded_sequence(x, [2, 3])",
        "pack_padded_sequence(x, [2, 0])",
        "pad_packed_sequence(pack_padded_sequence(x, [3, 2]), total_length=2)",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="packed", name=name, warns="per_cell")
