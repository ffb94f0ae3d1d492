# Imitates fleuret.org/dlc handout 1-4 ("Tensor internals": storage, storage_offset, strides, views sharing memory)
# and practical 1's "flops of matrix products" and in-place BLAS calls (addmm_, addmv_, addr_ into an accumulator),
# with the mistakes a learner makes writing a product into a tensor of another shape.
import torch
import time

# %%
x = torch.zeros(2, 4)
st = x.storage()
print(type(st).__name__, st.size(), st.dtype, len(st))
x[1, 2] = 7
print(st[6], st.tolist())
y = torch.tensor([[1., 2.], [3., 4.]])
print(y.untyped_storage().nbytes(), y.element_size(), y.nelement())
z = y.t()
print(z.is_contiguous(), z.stride(), z.data_ptr() == y.data_ptr())

# %%
q = x.storage()
q[4] = 1.0
print(x, q[-1], q.type(), q.device, q.is_shared())
try:
    q[1:3]
except Exception as e:
    print(type(e).__name__, e)
try:
    q[8]
except Exception as e:
    print(type(e).__name__, e)
b = torch.tensor([1, 256], dtype=torch.int32).untyped_storage()
print(b.tolist(), b[4:6], b[5])
try:
    b[::2]
except Exception as e:
    print(type(e).__name__, e)

# %%
u = torch.arange(10.)
v = u[2:8].view(2, 3)
w = u.as_strided((3, 2), (1, 3), 1)
print(v.storage_offset(), v.stride(), w)
v.zero_()
print(u, w)
print(v.data_ptr() == u.data_ptr() + 2 * u.element_size(), v._base is u)

# %%
torch.manual_seed(0)
dim = 40
a = torch.empty(dim, dim).normal_()
b = torch.empty(dim, dim).normal_()
t0 = time.perf_counter()
c = torch.mm(a, b)
t1 = time.perf_counter()
flops = dim ** 3 * 2
print(c.shape, flops, (t1 - t0) >= 0)

# %%
acc = torch.zeros(3, 2)
m1 = torch.ones(3, 4)
m2 = torch.full((4, 2), 0.5)
acc.addmm_(m1, m2)
acc.addmm_(m1, m2, beta=0.5, alpha=2)
print(acc)
row = torch.zeros(1, 2)
try:
    row.addmm_(m1, m2)
except Exception as e:
    print(type(e).__name__, e)
print(row.addmm(m1, m2))
try:
    torch.zeros(2).addmm_(m1, m2)
except Exception as e:
    print(type(e).__name__, e)

# %%
vec = torch.zeros(3)
vec.addmv_(m1, torch.arange(4.))
print(vec)
try:
    torch.zeros(1).addmv_(m1, torch.arange(4.))
except Exception as e:
    print(type(e).__name__, e)
print(torch.zeros(1).addmv(m1, torch.arange(4.)))
try:
    m1.mv(torch.ones(4, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.mv(torch.ones(4), torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)

# %%
outer = torch.zeros(3, 2)
outer.addr_(torch.arange(3.), torch.tensor([1., -1.]))
print(outer)
print(torch.addr(torch.zeros(2), torch.arange(3.), torch.tensor([1., -1.])))
try:
    torch.addr(torch.zeros(3, 3), torch.arange(3.), torch.tensor([1., -1.]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(1, 2).addr_(torch.arange(3.), torch.tensor([1., -1.]))
except Exception as e:
    print(type(e).__name__, e)
print(torch.addr(torch.zeros(3, 2, dtype=torch.long), torch.arange(3.), torch.tensor([1., -1.])).dtype)
