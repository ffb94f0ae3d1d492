# An old (PyTorch 0.4 / 1.x era) tutorial run on a current PyTorch: typed storages (torch.FloatStorage), tensors
# made on a storage's memory, torch.lu_solve and the QR building blocks geqrf / orgqr / ormqr, the in-place top-level
# functions, torch.sym_* helpers seen in exported code, the autocast state functions of old mixed-precision
# templates, and an `except torch.OutOfMemoryError:` guard around a training step.
import torch

s = torch.FloatStorage(5)
print(len(s), s.size(), s.dtype)
s = torch.FloatStorage([1, 2, 3])
print(s)
print(s[1], s.tolist(), type(s).__name__, isinstance(s, torch.FloatStorage), isinstance(s, torch.DoubleStorage))

# %%
t = torch.FloatTensor(s)
t[0] = 10.0
print(t, s[0])
s[2] = -1.5
print(t)
print(torch.is_storage(s), torch.is_storage(t), torch.is_storage(t.untyped_storage()))

# %%
x = torch.arange(6.).view(2, 3)
st = x.storage()
print(type(st).__name__, len(st), st.tolist(), isinstance(st, torch.FloatStorage), isinstance(st, torch.TypedStorage))
print(x.t().storage().tolist() == st.tolist(), x.storage_type().__name__)
print(torch.LongStorage([4, 5]), torch.BoolStorage([True, False]).tolist())

# %%
torch.FloatStorage("abc")

# %%
torch.DoubleTensor(torch.FloatStorage([1.0]))

# %%
torch.manual_seed(0)
A = torch.randn(3, 3, dtype=torch.float64)
b = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
LU, piv = torch.linalg.lu_factor(A)
xs = torch.lu_solve(b, LU, piv)
print(xs, xs.grad_fn)
print(torch.allclose(A @ xs, b))
xs.sum().backward()
print(b.grad)

# %%
a, tau = torch.geqrf(A)
print(a, tau)
Q = torch.orgqr(a, tau)
R = a.triu()
print(torch.allclose(Q @ R, A), torch.allclose(Q, torch.linalg.householder_product(a, tau)))
C = torch.eye(3, dtype=torch.float64)[:, :2]
print(torch.ormqr(a, tau, C))
print(torch.ormqr(a, tau, C.t(), left=False, transpose=True))

# %%
a2 = a.clone().requires_grad_()
t2 = tau.clone().requires_grad_()
q2 = torch.orgqr(a2, t2)
print(q2.grad_fn)
(q2 * torch.arange(9., dtype=torch.float64).view(3, 3)).sum().backward()
print(a2.grad, t2.grad)
o = torch.ormqr(a2, t2, C, True, True)
print(o.grad_fn)

# %%
ag, tg = torch.geqrf(A.clone().requires_grad_())
print(ag.grad_fn)
ag.sum().backward()

# %%
torch.geqrf(torch.ones(3))

# %%
v = torch.ones(3)
print(torch.addmv_(v, torch.eye(3), torch.tensor([1., 2., 3.]), beta=2, alpha=0.5), v)
print(torch.i0_(torch.tensor([0., 1.])), torch.ldexp_(torch.ones(2), torch.tensor([3, 4])))
z = torch.tensor([1 + 2j, 3 - 1j])
print(torch.conj_physical_(z), z)
r = torch.zeros(2)
print(torch.resize_as_(r, torch.ones(2, 2)).shape)
w = torch.arange(6.)
print(torch.as_strided_(w, (2, 2), (1, 2)), w.shape)
emb = torch.tensor([[3., 4.], [1., 0.], [6., 8.]])
print(torch.embedding_renorm_(emb, torch.tensor([0, 2]), 1.0, 2.0))

# %%
print(torch.sym_int(3.7), torch.sym_int(-3.7), torch.sym_float(2), torch.sym_max(2, 3.5), torch.sym_min(4, 3))
print(torch.sym_not(False), torch.sym_sqrt(16), torch.sym_sum([1, 2, 3]), torch.sym_ite(2 > 1, "yes", "no"))

# %%
torch.sym_max(torch.tensor(1.0), 2)

# %%
print(torch.is_autocast_cpu_enabled(), torch.get_autocast_cpu_dtype(), torch.is_autocast_cache_enabled())
torch.set_autocast_enabled("cpu", True)
print(torch.is_autocast_enabled("cpu"), torch.is_autocast_enabled())
torch.set_autocast_enabled("cpu", False)
torch.set_autocast_cache_enabled(False)
print(torch.is_autocast_cache_enabled())
torch.set_autocast_cache_enabled(True)
torch.clear_autocast_cache()
with torch.autocast("cpu"):
    print(torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))
print(torch.get_autocast_gpu_dtype())

# %%
torch.set_autocast_enabled("cpu")

# %%
model = torch.nn.Linear(4, 2)
try:
    out = model(torch.randn(8, 4)).sum()
    out.backward()
    print("step ok", model.weight.grad.shape)
except torch.OutOfMemoryError:
    print("out of memory: halve the batch")
print(issubclass(torch.OutOfMemoryError, RuntimeError), issubclass(torch.AcceleratorError, RuntimeError))
print(torch.compiled_with_cxx11_abi(), torch.init_num_threads(), torch.get_device_module().__name__.split(".")[-1])
e = torch.empty_permuted((2, 3, 4), (0, 2, 1))
print(e.shape, e.stride(), e.is_contiguous())

# %%
import numpy as np
arr = np.arange(4.0)
tt = torch.from_dlpack(arr)
arr[0] = 7
print(tt, torch.from_dlpack(torch.ones(2)))
cap = torch.to_dlpack(torch.arange(3))
print(type(cap).__name__, torch.from_dlpack(cap))

# %%
np.from_dlpack(torch.to_dlpack(torch.arange(3)))
