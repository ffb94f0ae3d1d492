"""What the forty-fifth probe (the top-level torch.* names lessons could not use) found, each checked against
PyTorch: the *_copy forms of the views (grad_fn ViewBackward0_copy ..., contiguous copies, detach_copy's
NotImplemented node) and unsafe_chunk / unsafe_split / unsafe_split_with_sizes (engine/copy_views.py); the ATen
forms of functional ops at top level with their own argument order, int reductions (none when left out) and
tuples of outputs: batch_norm, instance_norm, group_norm, native_layer_norm / native_batch_norm / native_dropout,
kl_div and the other losses, max_pool1d(_with_indices), adaptive_max_pool1d, embedding_bag, the dropouts, the
deprecated frobenius_norm / nuclear_norm, the RNN cells and torch.lstm / gru / rnn_tanh / rnn_relu
(torch/aten_nn.py); the legacy typed storages (engine/storage.py); geqrf / orgqr / ormqr (engine/householder.py);
lu_solve, the in-place top-level forms (conj_physical_ now conjugates), sym_*, the autocast state functions
(torch/amp.py), OutOfMemoryError, dlpack and empty_permuted (torch/legacy_api.py)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + "torch.manual_seed(0)\n"

CELLS = {
    "copies_of_views": [
        TRY + '''x = torch.randn(2, 3, 4, requires_grad=True)
m = torch.randn(3, 4, requires_grad=True)
for make in (lambda: torch.view_copy(x, (6, 4)), lambda: torch.t_copy(m), lambda: torch.transpose_copy(x, 0, 1),
             lambda: torch.permute_copy(x, (2, 0, 1)), lambda: torch.expand_copy(m, (2, 3, 4)),
             lambda: torch.squeeze_copy(x, 1), lambda: torch.unsqueeze_copy(x, 1), lambda: torch.select_copy(x, 1, 0),
             lambda: torch.slice_copy(x, 1, 0, 2), lambda: torch.diagonal_copy(m), lambda: torch.alias_copy(x),
             lambda: torch.unfold_copy(x, 2, 2, 1), lambda: torch.as_strided_copy(x, (2, 2), (1, 2)),
             lambda: torch.view_as_real_copy(torch.view_as_complex(torch.randn(3, 2, requires_grad=True))),
             lambda: torch.detach_copy(x)):
    y = make()
    print(y.grad_fn, y.shape, y.stride(), y._is_view(), y.requires_grad)''',
        '''print([p.grad_fn for p in torch.unbind_copy(x, 1)], [p.grad_fn for p in torch.split_copy(x, 2, 2)])
print([p.grad_fn for p in torch.split_with_sizes_copy(x, [1, 3], 2)])
print(torch.view_copy(x.transpose(1, 2), [-1]).shape, torch.view_copy(x, torch.int32).dtype)
print(torch.view_as_complex_copy(torch.ones(2, 2)), torch.slice_copy(torch.arange(10), 0, 2, None, 3))
(torch.t_copy(m) * torch.arange(3.)).sum().backward()
print(m.grad)
o = torch.empty(0)
torch.t_copy(m.detach(), out=o)
print(o.shape)''',
        '''for make in (lambda: torch.view_copy(x, -1), lambda: torch.view_copy(x, (5, 5)), lambda: torch.t_copy(x),
             lambda: torch.select_copy(x, 0, 5), lambda: torch.expand_copy(m, (3, 3)),
             lambda: torch.view_as_complex_copy(torch.randn(3, 2, requires_grad=True)),
             lambda: torch.detach_copy(x).sum().backward(), lambda: torch.permute_copy(x, 2, 0, 1)):
    attempt(make)''',
    ],
    "unsafe_splits": [
        TRY + '''x = torch.randn(2, 6, requires_grad=True)
for parts in (torch.unsafe_chunk(x, 2, 1), x.unsafe_chunk(4, 1), torch.unsafe_split(x, 4, 1),
              x.unsafe_split_with_sizes([1, 5], 1), torch.unsafe_chunk(torch.empty(0, 2), 3)):
    print([(p.grad_fn, tuple(p.shape), p._is_view()) for p in parts])
sum(p.sum() * (i + 1) for i, p in enumerate(torch.unsafe_split_with_sizes(x, [2, 4], 1))).backward()
print(x.grad)''',
        '''for make in (lambda: torch.unsafe_chunk(x, 0), lambda: torch.unsafe_split(x, 0, 1),
             lambda: torch.unsafe_split_with_sizes(x, [1, 1], 1), lambda: torch.unsafe_chunk(x, 2, 5)):
    attempt(make)''',
    ],
    "normalization_forms": [
        TRY + '''x = torch.randn(4, 3, 5, requires_grad=True)
w, b = torch.randn(3, requires_grad=True), torch.randn(3, requires_grad=True)
rm, rv = torch.zeros(3), torch.ones(3)
y = torch.batch_norm(x, w, b, rm, rv, True, 0.1, 1e-5, False)
print(y.grad_fn, y[0, :, :2], rm, rv)
(y * torch.arange(5.)).sum().backward()
print(x.grad[0], w.grad, b.grad)
print(torch.batch_norm(x, None, None, rm, rv, False, 0.1, 1e-5, True)[1, :, 0])''',
        '''print(torch.group_norm(x, 3, w, b, 1e-5).grad_fn, torch.group_norm(x, 1)[0, 0])
print(torch.instance_norm(x, None, None, None, None, True, 0.1, 1e-5, False).grad_fn)
out, mean, rstd = torch.native_layer_norm(x, [5], None, None, 1e-5)
print(out.grad_fn, mean[0], rstd[0], mean.requires_grad)
out, sm, sinv = torch.native_batch_norm(x, w, b, None, None, True, 0.1, 1e-5)
print(out.grad_fn, sm, sinv, torch.native_batch_norm(x, None, None, rm, rv, False, 0.1, 1e-5)[1:])''',
        '''for make in (lambda: torch.batch_norm(x, rm, rv, w, b, True), lambda: torch.group_norm(x, 2, w, b),
             lambda: torch.native_layer_norm(x, [5], None, None), lambda: torch.instance_norm(x)):
    attempt(make)''',
    ],
    "loss_forms": [
        TRY + '''logp = torch.log_softmax(torch.randn(2, 4, requires_grad=True), 1)
q = torch.softmax(torch.randn(2, 4), 1)
print(torch.kl_div(logp, q), torch.kl_div(logp, q, 1), torch.kl_div(logp, q, 2).grad_fn)
print(torch.kl_div(logp, q.log(), 0, log_target=True)[0])
logits = torch.randn(3, 2, requires_grad=True)
t = torch.tensor([[1., 0.], [0., 1.], [1., 1.]])
print(torch.binary_cross_entropy_with_logits(logits, t), torch.binary_cross_entropy_with_logits(logits, t, None,
      torch.tensor([2., 1.]), 1))
a, c = torch.randn(3, 4, requires_grad=True), torch.randn(3, 4)
lbl = torch.tensor([1., -1., 1.])
print(torch.cosine_embedding_loss(a, c, lbl), torch.cosine_embedding_loss(a, c, lbl, 0.2, 2))
print(torch.margin_ranking_loss(a[:, 0], c[:, 0], lbl, 0.5, 1), torch.hinge_embedding_loss(a, torch.ones(3, 4)))
print(torch.poisson_nll_loss(a, c.abs(), True, False, 1e-8, 1), torch.triplet_margin_loss(a, c, c.flip(0)))
print(torch.triplet_margin_loss(a, c, c.flip(0), 1.0, 2, 1e-6, True, 2))''',
        '''for make in (lambda: torch.kl_div(logp, q, "batchmean"), lambda: torch.kl_div(logp, q, 2, True),
             lambda: torch.poisson_nll_loss(a, c.abs()), lambda: torch.cosine_embedding_loss(a, c)):
    attempt(make)''',
    ],
    "pooling_and_bags": [
        TRY + '''seq = torch.arange(12.).reshape(1, 2, 6).requires_grad_()
print(torch.max_pool1d(seq, 2), torch.max_pool1d_with_indices(seq, 3, 2, 1))
print(torch.adaptive_max_pool1d(seq, 4), torch.max_pool1d(seq, kernel_size=2, stride=1, ceil_mode=True).shape)
w = torch.randn(10, 3, requires_grad=True)
idx, offs = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9]), torch.tensor([0, 4])
for mode in (0, 1, 2):
    r = torch.embedding_bag(w, idx, offs, False, mode)
    print(r[0].grad_fn, r[0][0], r[1:])
print(torch.embedding_bag(w, idx, torch.tensor([0, 4, 4]), False, 1)[1:])
print(torch.embedding_bag(w, idx, offs, False, 0, False, torch.ones(8))[1:])''',
        '''for make in (lambda: torch.adaptive_max_pool1d(seq), lambda: torch.embedding_bag(w, idx, offs, mode="sum"),
             lambda: torch.embedding_bag(w, idx, None), lambda: torch.max_pool1d(seq)):
    attempt(make)''',
    ],
    "dropout_forms": [
        TRY + '''d = torch.ones(2, 3, 4)
print(torch.alpha_dropout(d, 0.5, False).equal(d), torch.feature_dropout(d, 0.5, True)[:, :, 0])
print(torch.alpha_dropout(torch.ones(6), 0.5, True), torch.feature_alpha_dropout(d, 0.5, True)[:, :, 0])
x = torch.ones(6, requires_grad=True)
o, mask = torch.native_dropout(x, 0.5, True)
print(o, mask, torch.native_dropout(torch.ones(3), 0.5, False))
o.sum().backward()
print(x.grad)
z = torch.ones(2, 3, 4)
print(torch.feature_dropout_(z, 0.5, True) is z, z[:, :, 0], torch.alpha_dropout_(torch.ones(4), 0.0, True))''',
        '''for make in (lambda: torch.feature_dropout(torch.ones(4), 0.5, True), lambda: torch.alpha_dropout(d, 1.5, True),
             lambda: torch.native_dropout(d, 0.5)):
    attempt(make)''',
    ],
    "recurrent_forms": [
        TRY + '''xt, h = torch.randn(2, 3), torch.randn(2, 4)
w_ih, w_hh = torch.randn(4, 3, requires_grad=True), torch.randn(4, 4, requires_grad=True)
h1 = torch.rnn_tanh_cell(xt, h, w_ih, w_hh, torch.randn(4), torch.randn(4))
print(h1, torch.rnn_relu_cell(xt, h, w_ih, w_hh))
lc, gc = torch.nn.LSTMCell(3, 4), torch.nn.GRUCell(3, 4)
hy, cy = torch.lstm_cell(xt, (h, h), lc.weight_ih, lc.weight_hh, lc.bias_ih, lc.bias_hh)
print(hy, cy, torch.gru_cell(xt, h, gc.weight_ih, gc.weight_hh, gc.bias_ih, gc.bias_hh))
lstm = torch.nn.LSTM(3, 4, num_layers=2, bidirectional=True)
x = torch.randn(5, 2, 3)
out, hn, cn = torch.lstm(x, (torch.zeros(4, 2, 4), torch.zeros(4, 2, 4)), lstm._flat_weights, True, 2, 0.0, False,
                         True, False)
print(out.grad_fn, torch.allclose(out, lstm(x)[0]), hn[0])
gru = torch.nn.GRU(3, 4, batch_first=True)
o, hg = torch.gru(x.transpose(0, 1), torch.zeros(1, 5, 4), gru._flat_weights, True, 1, 0.0, False, False, True)
print(o.grad_fn, torch.allclose(o, gru(x.transpose(0, 1))[0]))''',
        '''for make in (lambda: torch.lstm_cell(xt, h, lc.weight_ih, lc.weight_hh),
             lambda: torch.gru_cell(xt, torch.zeros(3, 4), gc.weight_ih, gc.weight_hh),
             lambda: torch.rnn_tanh_cell(xt, h, w_hh, w_ih),
             lambda: torch.lstm(x, torch.zeros(4, 2, 4), lstm._flat_weights, True, 2, 0.0, False, True, False),
             lambda: torch.gru(x, torch.zeros(1, 2, 4), gru._flat_weights, True, 1)):
    attempt(make)''',
    ],
    "typed_storages": [
        TRY + '''s = torch.FloatStorage([1, 2, 3])
print(s, s[1], s.tolist(), s.size(), len(torch.FloatStorage(4)), type(s).__name__)
print(isinstance(s, torch.FloatStorage), isinstance(s, torch.DoubleStorage), isinstance(s, torch.TypedStorage))
t = torch.FloatTensor(s)
t[0] = 10.0
s[2] = -1.5
print(t, s[0], torch.is_storage(s), torch.is_storage(t), torch.Storage.__name__)
x = torch.arange(6.).view(2, 3)
print(isinstance(x.storage(), torch.FloatStorage), x.storage_type().__name__, torch.LongStorage([4, 5]))
print(torch.TypedStorage([1, 2], dtype=torch.int64), torch.BoolStorage([True, False]).tolist(), len(torch.UntypedStorage(3)))
print(torch.FloatStorage(3).fill_(2.0).tolist(), torch.tensor(torch.DoubleStorage([1.5, 2.5])))''',
        '''for make in (lambda: torch.FloatStorage("abc"), lambda: torch.DoubleTensor(torch.FloatStorage([1.0]))):
    attempt(make)''',
    ],
    "householder_qr": [
        TRY + '''A = torch.randn(4, 3, dtype=torch.float64)
a, tau = torch.geqrf(A)
print(a, tau, torch.geqrf(torch.randn(2, 3, 2)).tau.shape, A.geqrf().tau)
Q = torch.orgqr(a, tau)
print(torch.allclose(Q @ a[:3].triu(), A), torch.allclose(Q, torch.linalg.householder_product(a, tau)))
C = torch.randn(4, 2, dtype=torch.float64)
print(torch.ormqr(a, tau, C), torch.ormqr(a, tau, C.t(), left=False, transpose=True))''',
        '''a2, t2, c2 = a.clone().requires_grad_(), tau.clone().requires_grad_(), C.clone().requires_grad_()
q2 = torch.orgqr(a2, t2)
(q2 * torch.arange(12., dtype=torch.float64).view(4, 3)).sum().backward()
print(q2.grad_fn, a2.grad, t2.grad)
a2.grad = t2.grad = None
o = torch.ormqr(a2, t2, c2, True, True)
(o * o).sum().backward()
print(o.grad_fn, a2.grad, t2.grad, c2.grad)''',
        '''ag, tg = torch.geqrf(A.clone().requires_grad_())
print(ag.grad_fn, tg.grad_fn)
for make in (lambda: ag.sum().backward(), lambda: torch.geqrf(torch.ones(3)),
             lambda: torch.geqrf(torch.ones(2, 2, dtype=torch.long))):
    attempt(make)''',
    ],
    "inplace_forms_and_helpers": [
        TRY + '''v = torch.ones(3)
print(torch.addmv_(v, torch.eye(3), torch.tensor([1., 2., 3.]), beta=2, alpha=0.5), v)
print(torch.i0_(torch.tensor([0., 1.])), torch.ldexp_(torch.ones(2), torch.tensor([3, 4])))
z = torch.tensor([1 + 2j, 3 - 1j])
print(torch.conj_physical_(z), z, z._version, torch.tensor([1 + 1j]).conj_physical_(), torch.conj_physical_(torch.ones(2)))
print(torch.resize_as_(torch.zeros(2), torch.ones(2, 2)).shape, torch.as_strided_(torch.arange(6.), (2, 2), (1, 2)))
print(torch.embedding_renorm_(torch.tensor([[3., 4.], [1., 0.], [6., 8.]]), torch.tensor([0, 2]), 1.0, 2.0))''',
        '''print(torch.sym_int(3.7), torch.sym_int(-3.7), torch.sym_int("3"), torch.sym_float(2), torch.sym_max(2, 3.5))
print(torch.sym_min(4, 3), torch.sym_min(2, 3.5), torch.sym_not(0), torch.sym_sqrt(16), torch.sym_sum([1.5, 2]))
print(torch.sym_ite(2 > 1, "yes", "no"))
for make in (lambda: torch.sym_max(torch.tensor(1.0), 2), lambda: torch.sym_ite(1, 1, 2)):
    attempt(make)''',
        '''try:
    raise torch.OutOfMemoryError("CUDA out of memory")
except torch.OutOfMemoryError as e:
    print("caught", type(e).__name__, isinstance(e, RuntimeError), issubclass(torch.AcceleratorError, RuntimeError))
print(torch.compiled_with_cxx11_abi(), torch.init_num_threads(), torch.get_device_module().__name__.split(".")[-1])
print(torch.get_device_module("cuda").__name__.split(".")[-1], torch.is_vulkan_available())
e = torch.empty_permuted((2, 3, 4), (0, 2, 1))
print(e.shape, e.stride(), e.is_contiguous())
import numpy as np
arr = np.arange(4.0)
tt = torch.from_dlpack(arr)
arr[0] = 7
cap = torch.to_dlpack(torch.arange(3))
print(tt, type(cap).__name__, torch.from_dlpack(cap))
for make in (lambda: torch.empty_permuted((2, 3, 4), (0, 1)), lambda: np.from_dlpack(torch.to_dlpack(torch.ones(2)))):
    attempt(make)''',
    ],
    "autocast_state": [
        TRY + '''print(torch.is_autocast_cpu_enabled(), torch.get_autocast_cpu_dtype(), torch.is_autocast_cache_enabled())
torch.set_autocast_enabled("cpu", True)
print(torch.is_autocast_enabled("cpu"), torch.is_autocast_enabled(), torch.is_autocast_cpu_enabled())
lin = torch.nn.Linear(3, 2)
print(lin(torch.randn(2, 3)).dtype)
torch.set_autocast_cpu_enabled(False)
print(lin(torch.randn(2, 3)).dtype, torch.get_autocast_gpu_dtype(), torch.get_autocast_dtype("cuda"))
torch.set_autocast_cache_enabled(False)
print(torch.is_autocast_cache_enabled())
torch.set_autocast_cache_enabled(True)
torch.clear_autocast_cache()
print(torch.autocast_increment_nesting(), torch.autocast_decrement_nesting())
with torch.autocast("cpu"):
    print(torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))
print(torch.is_autocast_xla_enabled(), torch.get_autocast_ipu_dtype())''',
        '''for make in (lambda: torch.set_autocast_enabled("cpu"), lambda: torch.set_autocast_enabled(1),
             lambda: torch.set_autocast_dtype("cpu", 1), lambda: torch.is_autocast_enabled(3),
             lambda: torch.set_autocast_enabled("cpu", True, 3)):
    attempt(make)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe45_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name, warns="per_cell")


# PyTorch warns these once per process (TORCH_WARN_ONCE): their texts are checked in fresh processes
ONCE = {
    "lu_solve": '''import warnings
warnings.simplefilter("always")
torch.manual_seed(0)
A, b = torch.randn(3, 3, dtype=torch.float64), torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
LU, piv = torch.linalg.lu_factor(A)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    x = torch.lu_solve(b, LU, piv)
    torch.lu_solve(b, LU, piv)
print([str(m.message) for m in w], x.grad_fn.name(), torch.allclose(A @ x, b))''',
    "frobenius_nuclear": '''import warnings
torch.manual_seed(0)
m = torch.randn(3, 4, requires_grad=True)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f = torch.frobenius_norm(m, [0, 1])
    k = torch.frobenius_norm(m, (1,), True)
    n = torch.nuclear_norm(m)
    torch.nuclear_norm(m, (0, 1), True)
print([str(x.message) for x in w])
print(f, k, n, f.grad_fn.name(), n.grad_fn.name())
for make in (lambda: torch.frobenius_norm(m), lambda: torch.frobenius_norm(m, (0, 1, 2)),
             lambda: torch.nuclear_norm(torch.ones(2, 2, 2))):
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)''',
    "storage_warning": '''import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    s = torch.FloatStorage(2)
    torch.DoubleStorage([1.0])
print([str(x.message) for x in w], len(s))''',
}


@pytest.mark.parametrize("name", sorted(ONCE))
def test_once_per_process_warnings_match_pytorch(name):
    from helpers import in_fresh_processes
    ours, theirs = in_fresh_processes(ONCE[name])
    assert ours == theirs


def test_cell_checks_in_atens_order():
    assert_same_as_pytorch([TRY + '''x, h = torch.randn(2, 3), torch.randn(2, 4)
for make in (lambda: torch.gru_cell(x, h, torch.randn(12, 4), torch.randn(12, 3)),
             lambda: torch.lstm_cell(x, (h, h), torch.randn(15, 3), torch.randn(16, 4)),
             lambda: torch.lstm_cell(x, (h, h), torch.randn(16, 3), torch.randn(15, 4)),
             lambda: torch.lstm_cell(x, (h, h), torch.randn(16, 4), torch.randn(16, 3)),
             lambda: torch.rnn_relu_cell(x, h, torch.randn(4, 4), torch.randn(4, 3)),
             lambda: torch.rnn_tanh_cell(x, torch.randn(3, 4), torch.randn(4, 3), torch.randn(4, 4)),
             lambda: torch.gru_cell(x, torch.randn(3, 4), torch.randn(12, 3), torch.randn(12, 4))):
    attempt(make)'''], corpus="learner_errors", name="cell_checks")
