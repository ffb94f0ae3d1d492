# Imitates an explainer post "what's inside grad_fn": saved tensors and attributes of many node types.
import torch

# %%
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
c = a * b
print(c.grad_fn, c.grad_fn.name())
print(c.grad_fn._saved_self, c.grad_fn._saved_other)
print(c.grad_fn._saved_self is a, c.grad_fn._saved_other is b)
print([n for n in dir(c.grad_fn) if n.startswith("_saved")])

# %%
d = a ** 3
print(d.grad_fn._saved_self, d.grad_fn._saved_exponent)
e = a.exp()
print(e.grad_fn._saved_result, e.grad_fn._saved_result is e, torch.equal(e.grad_fn._saved_result, e))
f = a.sum(dim=0, keepdim=True)
print(f.grad_fn._saved_dim, f.grad_fn._saved_keepdim, f.grad_fn._saved_self_sym_sizes)

# %%
m = torch.arange(6.0).reshape(2, 3).requires_grad_()
for t in [m.t(), m.transpose(0, 1), m.view(3, 2), m.reshape(6), m.unsqueeze(1), m.permute(1, 0), m[:, 1],
          m.squeeze(), m.expand(2, 2, 3), m.mean(1), m.max(dim=1).values, m.pow(2), torch.tanh(m), m.sigmoid(),
          m.relu(), m.clamp(min=1.0), m.div(2.0), m / m.detach().add(1), m.log1p(), m.sin(), m.sqrt()]:
    fn = t.grad_fn
    names = sorted(n for n in dir(fn) if n.startswith("_saved"))
    print(fn.name(), names)

# %%
w = torch.ones(3, 2, requires_grad=True)
mm = m @ w
print(mm.grad_fn._saved_self.shape, mm.grad_fn._saved_mat2.shape, mm.grad_fn._saved_self_sym_sizes)
mx = m.max(dim=1)
print(mx.values.grad_fn._saved_dim, mx.values.grad_fn._saved_keepdim, mx.values.grad_fn._saved_indices)
p = m.permute(1, 0)
print(p.grad_fn._saved_dims)
tr = m.transpose(0, 1)
print(tr.grad_fn._saved_dim0, tr.grad_fn._saved_dim1)
v = m.view(3, 2)
print(v.grad_fn._saved_self_sym_sizes)
cl = m.clamp(min=1.0)
print(cl.grad_fn._saved_min, cl.grad_fn._saved_max)

# %%
sm = torch.softmax(m, dim=1)
print(sm.grad_fn._saved_dim, sm.grad_fn._saved_result.shape)
ls = torch.log_softmax(m, dim=1)
print(ls.grad_fn._saved_dim, ls.grad_fn.name())
cat = torch.cat([m, m], dim=0)
print(cat.grad_fn._saved_dim, cat.grad_fn.next_functions)
idx = m[torch.tensor([0, 1]), 1]
print(idx.grad_fn.name(), idx.grad_fn._saved_indices)

# %%
out = (m * 2).sum()
print(out.grad_fn._saved_self_sym_sizes)
out.backward()
c.sum().backward()
print(c.grad_fn._saved_self)

# %%
try:
    print(c.grad_fn._saved_other)
except RuntimeError as err:
    print(err)

# %%
print(e.grad_fn._saved_result)

# %%
ctr = (a * 2).sum()
print(ctr.grad_fn.metadata)
ctr.grad_fn.metadata["note"] = "sum of doubled"
print(ctr.grad_fn.metadata, ctr.grad_fn.metadata is ctr.grad_fn.metadata)
print(isinstance(ctr.grad_fn, torch.autograd.graph.Node))
print(isinstance(a.grad_fn, torch.autograd.graph.Node), isinstance(a, torch.autograd.graph.Node))
acc = (a * 2).grad_fn.next_functions[0][0]
print(type(acc).__name__, isinstance(acc, torch.autograd.graph.Node), acc.variable is a, acc.name())
print(acc.next_functions, acc.metadata)
