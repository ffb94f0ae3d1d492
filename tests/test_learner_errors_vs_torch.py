"""Mistakes a learner makes while typing a lesson, each run on PyTorch and on the engine: the error type and message
must be PyTorch's (helpers.assert_same_as_pytorch). Found by a grid of wrong arguments to the functions lessons use
(negative sizes, numpy-style dtype strings, non-bool flags, repeated dims, out-of-range selects ...), in the
thirteenth session."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''def attempt(make):
    try:
        out = make()
        print("ok", out.dtype, tuple(out.shape), out.requires_grad)
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "negative_sizes": [TRY + '''n = 3
for make in [lambda: torch.zeros(2, n - 5), lambda: torch.ones(n - 4), lambda: torch.empty(3, -1),
             lambda: torch.full((-1,), 2.0), lambda: torch.rand(-1), lambda: torch.randn(-1), lambda: torch.randn(2, -1),
             lambda: torch.randint(0, 5, (-1,)), lambda: torch.randint(5, (2, -1)), lambda: torch.Tensor(-1),
             lambda: torch.FloatTensor(2, -1), lambda: torch.eye(-1), lambda: torch.eye(2, -1),
             lambda: torch.nn.Linear(-1, 2), lambda: torch.nn.Embedding(-1, 2), lambda: torch.ones(2, 3).new_zeros(-1),
             lambda: torch.ones(2).new_ones((2, -1)), lambda: torch.ones(2).new_empty(-1),
             lambda: torch.ones(2).new_full((-1,), 1.0), lambda: torch.Tensor(2, 3.0)]:
    attempt(make)'''],
    "dtype_as_a_string": [TRY + '''x = torch.ones(2, 3)
for make in [lambda: torch.zeros(2, dtype='float32'), lambda: torch.ones(2, dtype='float'),
             lambda: torch.tensor([1], dtype='float32'), lambda: torch.zeros_like(x, dtype='x'),
             lambda: x.new_zeros(2, dtype='x'), lambda: torch.full((2,), 1, dtype='x'), lambda: torch.empty(2, dtype=1),
             lambda: torch.as_tensor([1], dtype='x'), lambda: torch.tensor([1.0], dtype=float),
             lambda: torch.zeros(2, dtype=bool), lambda: torch.arange(3, dtype=int)]:
    attempt(make)'''],
    "dtype_as_a_numpy_type": [TRY + '''import numpy as np
attempt(lambda: torch.zeros(2, dtype=np.float32))
attempt(lambda: torch.tensor([1, 2], dtype=np.int64))'''],
    "dtype_of_overloaded_factories": [TRY + '''x = torch.ones(2, 3)
for make in [lambda: torch.arange(3, dtype='float'), lambda: torch.arange(0, 3, 1, dtype='x'),
             lambda: torch.rand(2, dtype='x'), lambda: torch.randn(2, 3, dtype='x'), lambda: torch.rand((2, 3), dtype='x'),
             lambda: torch.rand(size=(2,), dtype='x', requires_grad=1), lambda: torch.eye(2, dtype='x'),
             lambda: torch.linspace(0, 1, 3, dtype='x'), lambda: torch.logspace(0, 1, 3, dtype='x'),
             lambda: torch.randint(3, (2,), dtype='x'), lambda: torch.randint(0, 3, (2,), dtype='x'),
             lambda: torch.randperm(3, dtype='x'), lambda: torch.rand_like(x, dtype='x'),
             lambda: torch.randn_like(x, requires_grad=1), lambda: torch.randint_like(x, 3, dtype='x'),
             lambda: torch.eye(2, 2, requires_grad=1)]:
    attempt(make)'''],
    "requires_grad_not_a_bool": [TRY + '''x = torch.ones(2, 3)
for make in [lambda: torch.tensor([1.0], requires_grad='yes'), lambda: torch.tensor([1.0], requires_grad=1),
             lambda: torch.tensor([1.0], requires_grad=None), lambda: torch.ones(2, requires_grad=1),
             lambda: torch.zeros(2, requires_grad=None), lambda: torch.randn(2, requires_grad=1),
             lambda: x.clone().requires_grad_(1), lambda: x.clone().requires_grad_(None)]:
    attempt(make)
y = torch.ones(2)
try:
    y.requires_grad = 1
except RuntimeError as e:
    print(e)
y.requires_grad = True
print(y)'''],
    "repeated_dims": [TRY + '''x = torch.arange(6.0).view(2, 3)
for make in [lambda: x.sum(dim=(0, 0)), lambda: x.mean(dim=(1, -1)), lambda: x.std(dim=(0, 0)),
             lambda: x.amax(dim=(0, 0)), lambda: x.logsumexp(dim=(0, 0)), lambda: x.norm(dim=(0, 0)),
             lambda: x.squeeze((0, 0)), lambda: x.var((1, 1)), lambda: x.any((0, 0)), lambda: x.nansum((0, 0)),
             lambda: torch.count_nonzero(x, (0, 0)), lambda: x.flip(0, 0), lambda: x.flip((1, -1)),
             lambda: x.amin((0, 0)), lambda: x.sum(dim=(0, 1))]:
    attempt(make)'''],
    "select_and_unflatten": [TRY + '''x = torch.arange(6.0).view(2, 3)
for make in [lambda: x.select(0, 3), lambda: x.select(1, -4), lambda: x.select(0, -2), lambda: x.select(-1, 2),
             lambda: x.unflatten(1, (2, 2)), lambda: x.unflatten(-1, (2, 2)), lambda: x.unflatten(1, (4, -1)),
             lambda: x.unflatten(1, (0, -1)), lambda: x.unflatten(1, (3, -1)), lambda: x.unflatten(0, (-1, 2, 1))]:
    attempt(make)'''],
    "embedding_weight_and_devices": [TRY + '''import torch.nn.functional as F
x = torch.ones(2, 3)
for make in [lambda: F.embedding(torch.tensor([1]), torch.ones(2)),
             lambda: F.embedding(torch.tensor([1]), torch.ones(2, 2, 2)),
             lambda: F.embedding(torch.tensor([1.0]), torch.ones(2)),
             lambda: F.embedding(torch.tensor([1.0]), torch.ones(2, 2)),
             lambda: x.to(0), lambda: x.to(5), lambda: x.to(-1), lambda: x.to('cpu', torch.float64),
             lambda: x.to(torch.float64, False)]:
    attempt(make)'''],
    "mean_of_integers_and_masks": [TRY + '''x = torch.ones(2, 3)
for make in [lambda: x.mean(dtype=torch.int64), lambda: x.mean(0, dtype=torch.int32), lambda: x.long().mean(),
             lambda: x.masked_fill(torch.tensor([True, False]), 0),
             lambda: x.masked_fill(torch.ones(3, 3, dtype=torch.bool), 0),
             lambda: x.clone().masked_fill_(torch.tensor([True, False]), 0),
             lambda: x.clone().masked_fill_(torch.ones(2, 2, 3, dtype=torch.bool), 0),
             lambda: x.masked_fill(torch.ones(2, 1, 3, dtype=torch.bool), 0)]:
    attempt(make)'''],
    "float64_data_meets_float32_weights": [TRY + '''import numpy as np
torch.manual_seed(0)
d = torch.from_numpy(np.ones((4, 3)))
f = torch.ones(4, 3)
lin = torch.nn.Linear(3, 2)
for make in [lambda: lin(d), lambda: lin(torch.arange(12).view(4, 3)), lambda: d @ f.T,
             lambda: f.index_add(0, torch.tensor([0]), d[:1]), lambda: f.index_copy(0, torch.tensor([0]), d[:1]),
             lambda: f.scatter_add(0, torch.tensor([[0, 1, 0]]), d[:1]),
             lambda: f.scatter(0, torch.tensor([[0, 1, 0]]), d[:1]),
             lambda: torch.nn.functional.mse_loss(f, d),
             lambda: torch.nn.functional.cross_entropy(d, torch.tensor([0, 1, 2, 0])),
             lambda: torch.nn.LSTM(3, 2)(d.unsqueeze(1))[0], lambda: f.clone().copy_(d), lambda: torch.cat([f, d])]:
    attempt(make)'''],
    "byte_masks_of_old_tutorials": [TRY + '''x = torch.arange(6.).view(2, 3)
m = torch.tensor([[1, 0, 1], [0, 1, 0]], dtype=torch.uint8)
print(x[m], x[torch.tensor([1, 0], dtype=torch.uint8)], x[:, torch.tensor([1, 0, 1], dtype=torch.uint8)])
print(x[(x > 2).byte()], x.masked_select(m.bool()))
y = x.clone()
y[m] = torch.tensor([7., 8., 9.])
print(y)
for value in [-1, torch.tensor(-1.)]:
    try:
        y[m] = value
    except RuntimeError as e:
        print(e)
try:
    y[torch.tensor([1, 0], dtype=torch.uint8), 0] = 5
except RuntimeError as e:
    print(e)'''],
    "deprecated_spellings_warn": [TRY + '''import torch.nn as nn
import torch.nn.functional as F
x = torch.ones(2, 3)
print(nn.MSELoss(size_average=False), nn.CrossEntropyLoss(reduce=False).reduction, nn.L1Loss(reduce=True).reduction)
print(F.mse_loss(x, x * 2, size_average=True), F.l1_loss(x, x * 3, reduce=False))
print(F.nll_loss(F.log_softmax(x, 1), torch.tensor([0, 1]), reduce=False))
w = torch.empty(2, 2)
for init in [nn.init.uniform, nn.init.normal, nn.init.xavier_uniform, nn.init.kaiming_normal]:
    print(init.__name__, init(w).shape)
print(nn.init.constant(w, 0.5))'''],
    "old_code_number_first_overloads": ['''import warnings
x = torch.ones(3, 2, requires_grad=True)
y = x.add(2, x)
print(y, y.grad_fn, torch.sub(x, 0.5, x).grad_fn, x.addcmul(0.5, x, x).grad_fn, torch.addcdiv(x, 2, x, x + 1))
print(x.add(2, 3), x.sub(1, x).grad_fn, torch.add(x, x, alpha=2).grad_fn)
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
m, v = torch.zeros(3), torch.zeros(3)
for step in range(3):   # an optimizer as PyTorch 0.3 tutorials wrote it
    loss = ((w * torch.arange(3.)) ** 2).sum()
    loss.backward()
    g = w.grad.data
    m.mul_(0.9).add_(1 - 0.9, g)
    v.mul_(0.999).addcmul_(1 - 0.999, g, g)
    w.data.addcdiv_(-0.01, m, v.sqrt().add_(1e-8))
    w.data.sub_(0.001, g)
    w.grad.data.zero_()
    print(step, loss.item(), w.data)''', 'print(torch.set_grad_enabled(False), torch.is_grad_enabled())\ntorch.set_grad_enabled(True)',
        'torch.set_grad_enabled(True)'],
    "layers_given_inputs_of_the_wrong_rank": [TRY + '''import torch.nn.functional as F
torch.manual_seed(0)
for make in [lambda: torch.nn.Linear(3, 2)(torch.tensor(1.)), lambda: torch.nn.Flatten()(torch.tensor(1.)),
             lambda: torch.tensor(2.).flatten(), lambda: torch.nn.AvgPool2d(2)(torch.ones(2, 2, 2, 2, 2)),
             lambda: F.avg_pool2d(torch.ones(2, 2), 2), lambda: F.max_pool2d(torch.ones(2, 2, 2, 2, 2), 2),
             lambda: F.max_pool2d(torch.ones(2, 0, 4, 4), 2), lambda: F.max_pool1d(torch.ones(2), 2),
             lambda: F.avg_pool1d(torch.ones(2, 2, 2, 2), 2), lambda: F.adaptive_avg_pool1d(torch.ones(2, 2, 2, 2), 2),
             lambda: F.adaptive_max_pool1d(torch.ones(2), 2), lambda: F.max_pool3d(torch.ones(2, 2, 2), 2),
             lambda: F.conv2d(torch.ones(1, 4, 5, 5), torch.ones(4, 2, 3, 3), groups=3),
             lambda: F.conv1d(torch.ones(1, 4, 5), torch.ones(2, 2, 3), groups=3),
             lambda: F.conv2d(torch.ones(1, 4, 5, 5), torch.ones(2, 2, 3, 3), groups=3),
             lambda: torch.nn.BatchNorm2d(3)(torch.ones(3, 4, 4)), lambda: torch.nn.LSTM(3, 4)(torch.ones(5, 2, 4))]:
    attempt(make)'''],
    "autograd_misuse": [TRY + '''x = torch.ones(3, requires_grad=True)
y = x * 2
y.backward(torch.ones(3, dtype=torch.float64))
print(x.grad, x.grad.dtype)
for value in [torch.ones(2), torch.ones(3, dtype=torch.float64), torch.zeros(3)]:
    try:
        x.grad = value
        print(x.grad)
    except RuntimeError as e:
        print(e)
h = torch.ones(3, requires_grad=True)
h.register_hook(lambda g: torch.ones(2))
try:
    h.sum().backward()
except RuntimeError as e:
    print(e)
def double(g):
    return g * 2
k = torch.ones(2, requires_grad=True)
m = k * 1
m.register_hook(lambda g: g[:1])
try:
    m.sum().backward()
except RuntimeError as e:
    print(e)
for make in ['torch.ones(2, requires_grad=True)', 'torch.ones(2, requires_grad=True) * 1', 'torch.ones(2)']:
    base = eval(make)
    with torch.no_grad():
        views = base.view(2), base[0], base.unsqueeze(0)
    for v in views:
        try:
            v.add_(1)
            print('ok', v.requires_grad)
        except RuntimeError as e:
            print(e)'''],
    "numpy_data_where_a_tensor_goes": [TRY + '''import numpy as np
x = torch.ones(2, 3)
a = np.ones((2, 3), dtype=np.float32)
for make in [lambda: x.add(a), lambda: torch.mul(x, a), lambda: torch.maximum(x, a), lambda: torch.matmul(x, a.T),
             lambda: x.clone().copy_(a), lambda: x.expand_as(a), lambda: x.view_as(a), lambda: x.type_as(a),
             lambda: torch.allclose(x, a), lambda: torch.equal(x, a), lambda: torch.add(x, other=a),
             lambda: x.add(torch.from_numpy(a)), lambda: x + a, lambda: torch.nn.functional.mse_loss(x, a)]:
    attempt(make)'''],
    "float_dims_and_keepdim_none": [TRY + '''import numpy as np
x = torch.arange(6.).view(2, 3)
d = x.shape[1] / 3   # a dim computed with / is a float
for make in [lambda: x.softmax(1.0), lambda: x.sum(1.0), lambda: x.sum(0, keepdim=None), lambda: torch.mean(x, dim=1.5),
             lambda: x.mean(d), lambda: torch.sum(x, d), lambda: torch.nn.functional.softmax(x, dim=d),
             lambda: x.log_softmax(dim=1.0), lambda: torch.softmax(x, 1.0), lambda: x.max(1.0), lambda: x.argmax(1.0),
             lambda: x.std(1.0), lambda: x.var(1.0), lambda: x.prod(1.0), lambda: x.cumsum(1.0), lambda: x.unsqueeze(1.0),
             lambda: x.squeeze(1.0), lambda: x.sum(0, keepdim=1), lambda: x.mean(0, keepdim=None), lambda: x.sum((0, 1.0)),
             lambda: x.sum((1.0, 0)), lambda: torch.max(x, dim=1.0), lambda: x.sum(0, dim=1), lambda: x.softmax(),
             lambda: x.unsqueeze(), lambda: x.softmax(1, 2, 3), lambda: x.mean(1, keepdims=None), lambda: x.sum(foo=1),
             lambda: x.sum(np.int64(1)), lambda: x.softmax(torch.tensor(1)), lambda: x.sum([0, 1]),
             lambda: x.mean(axis=0, keepdims=True), lambda: torch.sum(x, axis=0), lambda: x.max(other=x)]:
    attempt(make)'''],
    "numpy_arrays_as_operands": [TRY + '''import numpy as np
x = torch.arange(6.).view(2, 3)
a = np.ones((2, 3), dtype=np.float32)
for make in [lambda: torch.where(x > 1, a, x), lambda: torch.where(x > 1, x, a), lambda: torch.where(a > 1, x, x),
             lambda: torch.max(x, a), lambda: torch.min(x, a), lambda: x.masked_fill(a > 0, 0),
             lambda: x.clone().masked_fill_(a > 0, 0), lambda: x.eq(a), lambda: x.ne(a), lambda: x.gt(a),
             lambda: torch.eq(x, a), lambda: x.clamp(min=a), lambda: torch.clamp(x, max=a), lambda: torch.lt(x, a),
             lambda: x.div(a), lambda: torch.div(x, a), lambda: x.pow(a), lambda: torch.pow(x, a),
             lambda: torch.dot(x[0], a[0]), lambda: torch.mm(x, a.T), lambda: torch.where(x > 1, x),
             lambda: torch.where(x > 1, 1.0, 0.0), lambda: x.masked_fill(x > 1, np.float32(2)), lambda: x.eq(np.float64(1))]:
    attempt(make)'''],
    "numpy_reductions_of_a_tensor": [TRY + '''import numpy as np
x = torch.arange(6.).view(2, 3)
w = torch.ones(3, requires_grad=True)
for make in [lambda: np.max(x), lambda: np.min(x), lambda: np.std(x), lambda: np.var(x), lambda: np.prod(x),
             lambda: np.amax(x), lambda: np.max(x, axis=0), lambda: np.any(x), lambda: np.all(x), lambda: np.max(w),
             lambda: np.sum(x), lambda: np.mean(x), lambda: np.argmax(x)]:
    attempt(make)'''],
    "unbind_outputs_modified_in_place": ['''base = torch.ones(2, 3, requires_grad=True)
for make in [lambda: base, lambda: base * 1, lambda: base[:], lambda: torch.ones(2, 3)]:
    for split in [lambda t: t.unbind(), lambda t: t.split(1), lambda t: t.chunk(2), lambda t: torch.split(t, [1, 2], 1),
                  lambda t: t.tensor_split(2), lambda t: torch.unbind(t, 1)]:
        for write in [lambda p: p.add_(1), lambda p: p[0].mul_(2), lambda p: p.__setitem__(0, 5.0),
                      lambda p: p.view(-1).zero_(), lambda p: torch.relu_(p)]:
            try:
                parts = split(make())
                write(parts[-1])
                print("ok", type(parts[-1].grad_fn).__name__)
            except RuntimeError as e:
                print(e)
a, b = torch.ones(2, 3).unbind()
try:
    a.add_(torch.ones(3, requires_grad=True))
except RuntimeError as e:
    print(e)'''],
    "grad_fn_saved_arguments": ['''x = torch.arange(6., requires_grad=True).view(2, 3) * 1
y = torch.ones(2, 3, requires_grad=True)
v = torch.ones(3, requires_grad=True)
for out, names in [(x.sum(1), "dim keepdim self_sym_sizes"), (x.sum(), "self_sym_sizes"),
                   (x.mean(0, True), "dim keepdim self_sym_numel self_sym_sizes"), (x.mean(), "self_sym_numel"),
                   (x + y, "alpha"), (torch.add(x, y, alpha=2), "alpha"), (x - y, "alpha"), (2 - x, "alpha"),
                   (x.view(3, 2), "self_sym_sizes"), (x.reshape(6), "self_sym_sizes"), (x.pow(2), "exponent"),
                   (x ** 0.5, "exponent"), (x.transpose(0, 1), "dim0 dim1"), (x.permute(1, 0), "dims"),
                   (v.expand(2, 3), "self_sym_sizes"), (x[0], "dim index self_sym_sizes"),
                   (x[:, 1:], "dim start end step self_sym_sizes"), (x.narrow(1, 0, 2), "dim start end step"),
                   (x.select(1, 2), "dim index"), (torch.cat([x, y]), "dim"), (torch.stack([x, y], 1), "dim"),
                   (x.softmax(1), "dim"), (x.max(1)[0], "dim keepdim self_sym_sizes"), (x.clamp(0, 1), "min max"),
                   (x.clamp(min=0), "min max"), (x.unbind(1)[0], "dim"), (x.split(1)[0], "dim self_sym_sizes"),
                   (x.view(1, 2, 3).squeeze(), "self_sym_sizes"), (x.cumsum(1), "dim"), (x.prod(1), "dim keepdim"),
                   (x.flip(0), "dims"), (x.roll(1, 1), "shifts dims"), (x.amax(1), "dim keepdim"),
                   (x.logsumexp(1), "dim keepdim"), (torch.nn.functional.leaky_relu(x, 0.2), "negative_slope"),
                   (torch.nn.functional.mse_loss(x, y), "reduction")]:
    print(type(out.grad_fn).__name__, [(n, getattr(out.grad_fn, "_saved_" + n)) for n in names.split()])'''],
    "loss_history_of_numpy_values": [TRY + '''import numpy as np
losses = [torch.tensor(0.5).detach().numpy(), torch.tensor(0.25).detach().numpy()]   # ZTM's loss curve lists
for make in [lambda: torch.tensor(losses), lambda: torch.as_tensor(losses), lambda: torch.Tensor(losses),
             lambda: torch.FloatTensor(losses), lambda: torch.tensor([losses]), lambda: torch.tensor((losses[0],)),
             lambda: torch.tensor([1.0, losses[0]]), lambda: torch.tensor([float(v) for v in losses]),
             lambda: torch.tensor(np.array(losses)), lambda: torch.tensor([np.float32(0.5), np.float32(2)])]:
    attempt(make)'''],
    "rnn_output_changed_in_place": ['''torch.manual_seed(0)
for rnn in [torch.nn.LSTM(3, 4), torch.nn.LSTM(3, 4, num_layers=2, batch_first=True), torch.nn.GRU(3, 4),
            torch.nn.RNN(3, 4), torch.nn.LSTM(3, 4, bidirectional=True)]:
    x = torch.randn(5, 2, 3, requires_grad=True)
    for change in ["out", "h"]:
        out, h = rnn(x)
        try:
            (out if change == "out" else (h[0] if isinstance(h, tuple) else h)).mul_(2)
            out.sum().backward()
            print(type(rnn).__name__, change, "backward ran", tuple(x.grad.shape))   # (no float digits)
        except RuntimeError as e:
            print(type(rnn).__name__, change, e)
        x.grad = None'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_learner_errors_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
