# Imitates the "tensor creation" sections that go past zeros/ones (PyTorch's "Tensors" tutorial details, the
# creation-ops docs examples, forum questions about sharing memory): as_tensor vs tensor vs from_numpy sharing,
# torch.frombuffer, full with bool and int fill values, empty_like / zeros_like with dtype, new_tensor / new_full,
# arange with float steps and dtype inference, linspace/logspace with steps=1, tensors from mixed nested lists,
# the copy warnings of torch.tensor(tensor), range deprecations, and tensors of numpy scalars.
import warnings
import numpy as np
import torch

# %%
a = np.array([1, 2, 3])
t1 = torch.tensor(a)
t2 = torch.as_tensor(a)
t3 = torch.from_numpy(a)
a[0] = 100
print(t1, t2, t3)
print(torch.as_tensor(a, dtype=torch.float32), torch.as_tensor([1, 2.5]), torch.as_tensor(t1) is t1)
b = bytearray(b"\x01\x00\x00\x00\x02\x00\x00\x00")
print(torch.frombuffer(b, dtype=torch.int32))
torch.asarray([[1, 2], [3, 4]], dtype=torch.float64), torch.asarray(3.5)

# %%
print(torch.full((2, 2), True), torch.full((2,), 7), torch.full((2,), 7.0), torch.full((1,), 2, dtype=torch.float16))
print(torch.empty_like(torch.ones(2, 3)).shape, torch.zeros_like(torch.ones(2), dtype=torch.long))
base = torch.ones(2, dtype=torch.float64)
print(base.new_tensor([1, 2]), base.new_full((2,), 3), base.new_zeros(3), base.new_ones((1, 2), dtype=torch.int32))
print(torch.ones_like(base, requires_grad=True), torch.rand_like(base).dtype, torch.full_like(base, 5).dtype)
torch.eye(2, 3), torch.eye(3, dtype=torch.bool)

# %%
print(torch.arange(0, 1, 0.25), torch.arange(5, dtype=torch.float32), torch.arange(1, 4).dtype, torch.arange(0.5, 3).dtype)
print(torch.arange(10, 0, -3), torch.arange(0, 1, 0.1).shape, torch.arange(-1.0, 1.0, 0.5))
print(torch.linspace(0, 1, steps=1), torch.linspace(-1, 1, 5, dtype=torch.float64), torch.logspace(0, 2, 3))
print(torch.logspace(0, 3, 4, base=2), torch.linspace(0, 10, 5, dtype=torch.int64))
try:
    torch.arange(0, 1, 0)
except RuntimeError as e:
    print(e)
try:
    torch.arange(1, 0, 1)
except RuntimeError as e:
    print(e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = torch.range(0, 3)
print(r, r.dtype, [str(m.message)[:90] for m in w])

# %%
print(torch.tensor([[1, 2.5], [True, 0]]), torch.tensor([1, True]), torch.tensor([True, False]).dtype)
print(torch.tensor([np.float32(1.5), np.float32(2)]).dtype, torch.tensor(np.float64(2.0)).dtype, torch.tensor(np.int32(3)).dtype)
print(torch.tensor([np.int64(1), 2]).dtype, torch.tensor(np.array(1.5, dtype=np.float32)).dtype)
print(torch.tensor([[]]).shape, torch.tensor([]).dtype, torch.tensor(()).shape)
try:
    torch.tensor([[1, 2], [3]])
except ValueError as e:
    print("ValueError", e)
try:
    torch.tensor([1, "a"])
except Exception as e:
    print(type(e).__name__, e)
torch.tensor([[1, 2], [3, 4]], dtype=torch.uint8).sum().dtype, torch.tensor(2 ** 40).dtype

# %%
src = torch.ones(2, requires_grad=True)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = torch.tensor(src)
    d = torch.as_tensor(src)
print(c.requires_grad, d is src, [str(m.message)[:120] for m in w])
print(src.clone().detach().requires_grad, torch.tensor(src.tolist()), src.detach().numpy())
x = torch.zeros(3)
y = torch.Tensor(x)
y[0] = 5
print(x, torch.Tensor(2, 2).shape, torch.Tensor([2, 2]), torch.IntTensor([1.7, -1.7]))
torch.get_default_dtype(), torch.tensor(1.0).dtype, torch.tensor(1).dtype, torch.tensor(1 + 0j).dtype if False else None
