# Old tutorials and code ported from TorchScript call the functional ops from the top-level torch namespace (the
# ATen forms: torch.batch_norm, torch.kl_div, torch.max_pool1d ...), whose positional order is not F.*'s. A learner
# compares them with torch.nn.functional, checks gradients and grad_fn names, and trips over the argument order.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(4, 3, 5, requires_grad=True)
w = torch.randn(3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
rm, rv = torch.zeros(3), torch.ones(3)
y = torch.batch_norm(x, w, b, rm, rv, True, 0.1, 1e-5, False)
print(y.grad_fn)
print(torch.allclose(y, F.batch_norm(x, torch.zeros(3), torch.ones(3), w, b, training=True)))
print(rm, rv)
(y * torch.arange(5.)).sum().backward()
print(x.grad[0, 0], w.grad, b.grad)

# %%
# eval mode uses the running statistics; None weight and bias
out = torch.batch_norm(x, None, None, rm, rv, False, 0.1, 1e-5, True)
print(out.grad_fn, out[0, :, :2])

# %%
# the F.* argument order by mistake
torch.batch_norm(x, rm, rv, w, b, True)

# %%
g = torch.group_norm(x, 3, w, b, 1e-5)
print(g.grad_fn, g[1, :, 0])
print(torch.group_norm(x, 1).grad_fn)
i = torch.instance_norm(x, None, None, None, None, True, 0.1, 1e-5, False)
print(i.grad_fn, i[0, 0])

# %%
torch.group_norm(x, 2, w, b)

# %%
ln, mean, rstd = torch.native_layer_norm(x, [5], None, None, 1e-5)
print(ln.grad_fn, mean.shape, rstd.shape)
print(mean[0], rstd[0])
bn, sm, sinv = torch.native_batch_norm(x, w, b, None, None, True, 0.1, 1e-5)
print(bn.grad_fn, sm, sinv)

# %%
logp = torch.log_softmax(torch.randn(2, 4, requires_grad=True), 1)
q = torch.softmax(torch.randn(2, 4), 1)
print(torch.kl_div(logp, q))
print(torch.kl_div(logp, q, 0))
print(torch.kl_div(logp, q.log(), 2, log_target=True).grad_fn, torch.kl_div(logp, q.log(), 0, log_target=True)[0])
print(torch.kl_div(logp, q, reduction=1).grad_fn, torch.kl_div(logp, q, 1))

# %%
# log_target given by position, as F.kl_div's signature would allow
torch.kl_div(logp, q.log(), 2, True)

# %%
logits = torch.randn(3, 2, requires_grad=True)
t = torch.tensor([[1., 0.], [0., 1.], [1., 1.]])
l = torch.binary_cross_entropy_with_logits(logits, t)
print(l, l.grad_fn)
print(torch.binary_cross_entropy_with_logits(logits, t, None, torch.tensor([2., 1.]), 0))
print(torch.binary_cross_entropy_with_logits(logits, t, reduction=2))

# %%
a, c = torch.randn(3, 4, requires_grad=True), torch.randn(3, 4)
lbl = torch.tensor([1., -1., 1.])
print(torch.cosine_embedding_loss(a, c, lbl))
print(torch.cosine_embedding_loss(a, c, lbl, 0.2, 0))
print(torch.margin_ranking_loss(a[:, 0], c[:, 0], lbl, 0.5, 1))
print(torch.hinge_embedding_loss(a, torch.ones(3, 4), 1.0, 2))
print(torch.poisson_nll_loss(a, c.abs(), True, False, 1e-8, 1))
print(torch.triplet_margin_loss(a, c, c.flip(0)))
print(torch.triplet_margin_loss(a, c, c.flip(0), 1.0, 2, 1e-6, True, 0))

# %%
torch.poisson_nll_loss(a, c.abs())

# %%
torch.kl_div(logp, q, "batchmean")

# %%
seq = torch.arange(12.).reshape(1, 2, 6).requires_grad_()
p = torch.max_pool1d(seq, 2)
print(p, p.grad_fn)
v, idx = torch.max_pool1d_with_indices(seq, 3, 2, 1)
print(v, idx, v.grad_fn)
am, ai = torch.adaptive_max_pool1d(seq, 4)
print(am, ai, am.grad_fn)
print(torch.max_pool1d(seq, kernel_size=2, stride=1, ceil_mode=True).shape)

# %%
torch.adaptive_max_pool1d(seq)

# %%
emb_w = torch.randn(10, 3, requires_grad=True)
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offs = torch.tensor([0, 4])
res = torch.embedding_bag(emb_w, inp, offs)
print(type(res).__name__, len(res))
print(res[0], res[0].grad_fn)
print(torch.embedding_bag(emb_w, inp, offs, False, 1)[0])
print(torch.embedding_bag(emb_w, inp, offs, False, 2)[0], torch.embedding_bag(emb_w, inp, offs, False, 2)[3])

# %%
torch.embedding_bag(emb_w, inp, offs, mode="sum")

# %%
torch.manual_seed(3)
d = torch.ones(2, 3, 4)
print(torch.alpha_dropout(d, 0.5, False).equal(d), torch.feature_dropout(d, 0.5, False).equal(d))
print(torch.feature_dropout(d, 0.5, True)[:, :, 0])
print(torch.alpha_dropout(torch.ones(6), 0.5, True))
print(torch.feature_alpha_dropout(d, 0.5, True)[:, :, 0])
o, mask = torch.native_dropout(torch.ones(6), 0.5, True)
print(o, mask)
print(torch.native_dropout(torch.ones(3), 0.5, False))
z = torch.ones(2, 3, 4)
print(torch.feature_dropout_(z, 0.5, True) is z, z[:, :, 0])
print(torch.alpha_dropout_(torch.ones(4), 0.0, True), torch.feature_alpha_dropout_(torch.ones(2, 2, 1), 0.0, True))

# %%
m = torch.randn(3, 4, requires_grad=True)
print(torch.frobenius_norm(m, [0, 1]), torch.frobenius_norm(m, (1,), True))
print(torch.frobenius_norm(m, [0, 1]).grad_fn)
print(torch.nuclear_norm(m), torch.nuclear_norm(m, True).shape)
print(torch.nuclear_norm(m).grad_fn)

# %%
torch.frobenius_norm(m)

# %%
torch.manual_seed(1)
xt = torch.randn(2, 3)
h = torch.randn(2, 4)
w_ih, w_hh = torch.randn(4, 3, requires_grad=True), torch.randn(4, 4, requires_grad=True)
b_ih, b_hh = torch.randn(4), torch.randn(4)
h1 = torch.rnn_tanh_cell(xt, h, w_ih, w_hh, b_ih, b_hh)
print(h1, h1.grad_fn)
print(torch.rnn_relu_cell(xt, h, w_ih, w_hh))
cell = torch.nn.RNNCell(3, 4)
print(torch.allclose(cell(xt, h), torch.rnn_tanh_cell(xt, h, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)))

# %%
lc = torch.nn.LSTMCell(3, 4)
hc = (torch.zeros(2, 4), torch.zeros(2, 4))
hy, cy = torch.lstm_cell(xt, hc, lc.weight_ih, lc.weight_hh, lc.bias_ih, lc.bias_hh)
print(hy.grad_fn, cy.grad_fn)
print(torch.allclose(hy, lc(xt, hc)[0]), torch.allclose(cy, lc(xt, hc)[1]))
gc = torch.nn.GRUCell(3, 4)
hg = torch.gru_cell(xt, h, gc.weight_ih, gc.weight_hh, gc.bias_ih, gc.bias_hh)
print(hg.grad_fn, torch.allclose(hg, gc(xt, h)))

# %%
torch.lstm_cell(xt, torch.zeros(2, 4), lc.weight_ih, lc.weight_hh)

# %%
# the copies of views that functionalized (exported) graphs are made of, next to the views themselves
w2 = torch.randn(3, 4, requires_grad=True)
print(torch.t_copy(w2).grad_fn, torch.t_copy(w2).is_contiguous(), w2.t().is_contiguous())
print(torch.view_copy(w2, (2, 6)).grad_fn, torch.view_copy(w2.t(), [-1]).shape)
parts = torch.split_copy(w2, 2, 1)
print([p.grad_fn for p in parts], [p._is_view() for p in parts])
sel = torch.select_copy(w2, 0, 1)
sel[0] = 100.0
print(w2[1, 0] != 100.0, sel.grad_fn)
(torch.slice_copy(w2, 1, 1, 3) * 2).sum().backward()
print(w2.grad)

# %%
torch.view_copy(w2, -1)

# %%
g1, g2 = torch.unsafe_chunk(torch.randn(2, 6, requires_grad=True), 2, 1)
print(g1.grad_fn, g1._is_view())
print(torch.unsafe_split_with_sizes(torch.arange(5.), [2, 3]))
d = torch.detach_copy(w2)
print(d.requires_grad, d.grad_fn)

# %%
d.sum().backward()
