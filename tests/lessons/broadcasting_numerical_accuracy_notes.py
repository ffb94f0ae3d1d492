# Imitates PyTorch's notes "Broadcasting semantics" and "Numerical accuracy": broadcastable shapes, in-place
# broadcasting errors, backward through broadcast, float precision when printing, extremal values, TF32 flags on CPU.
import torch

# %%
x = torch.empty(5, 7, 3)
y = torch.empty(5, 7, 3)
print((x + y).size())
x = torch.empty((0,))
y = torch.empty(2, 2)
try:
    x + y
except RuntimeError as e:
    print(type(e).__name__, e)
x = torch.empty(5, 3, 4, 1)
y = torch.empty(3, 1, 1)
print((x + y).size())
x = torch.empty(5, 2, 4, 1)
y = torch.empty(3, 1, 1)
try:
    (x + y).size()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
x = torch.empty(1, 3, 1)
y = torch.empty(3, 1, 7)
try:
    x.add_(y)
except RuntimeError as e:
    print(type(e).__name__, e)
x = torch.empty(5, 3, 4, 1)
y = torch.empty(3, 1, 1)
print(x.add_(y).size())
x = torch.empty(5, 2, 4, 1)
try:
    x.add_(y)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
print(torch.add(torch.ones(4, 1), torch.randn(4)).shape)
print(torch.broadcast_shapes((2,), (3, 1), (1, 1, 1)))
try:
    torch.broadcast_shapes((2, 3), (3, 2))
except RuntimeError as e:
    print(type(e).__name__, e)
a, b = torch.broadcast_tensors(torch.arange(3), torch.arange(2).view(2, 1))
print(a, b, a.stride(), b.is_contiguous())

# %%
torch.manual_seed(0)
w = torch.randn(3, 1, requires_grad=True)
b = torch.randn(4, requires_grad=True)
out = w * b
out.pow(2).sum().backward()
print(out.shape, out.grad_fn)
print(w.grad, b.grad)
s = torch.ones(1, requires_grad=True)
(s.expand(3, 2) * torch.arange(6.).view(3, 2)).sum().backward()
print(s.grad)

# %%
torch.manual_seed(0)
a = torch.rand(10000, 10000 // 1000)
print(a.sum() - a.sum(0).sum())
print(torch.tensor(1e20) + 1 - 1e20, torch.tensor(1e20, dtype=torch.float64) + 1 - 1e20)
x = torch.tensor([1e-8, 1.0, 1e8])
print(x, x.double())
torch.set_printoptions(precision=8)
print(torch.tensor([1/3, 2/3]), torch.tensor(0.1, dtype=torch.float64))
torch.set_printoptions(profile="default")
print(torch.tensor([1/3, 2/3]))

# %%
print(torch.finfo(torch.float32).max, torch.finfo(torch.float32).eps, torch.finfo(torch.float16).tiny)
print(torch.finfo(torch.bfloat16), torch.iinfo(torch.int8))
f = torch.finfo(torch.float32)
x = torch.tensor([f.max, -f.max, f.tiny, f.smallest_normal])
print(x * 2, x / 2, torch.exp(torch.tensor([88.0, 89.0, -104.0])))
print(torch.tensor([3e38]) * 10, torch.tensor(65504.0, dtype=torch.float16) + 32)
print(torch.tensor([1., -1., 0.]) / 0, torch.tensor(0.) / torch.tensor(0.))
print(torch.nan_to_num(torch.tensor([float("nan"), float("inf"), -float("inf")])))

# %%
x = torch.tensor([1e-45, 1e-39, 1e-38], dtype=torch.float32)
print(x, x.double(), torch.tensor([5e-324], dtype=torch.float64))
print(torch.tensor([1e300]).double() * 1e10, torch.tensor(1e300))
print(torch.logsumexp(torch.tensor([1000., 1000.]), 0), torch.log(torch.exp(torch.tensor([1000., 1000.])).sum()))
print(torch.tensor([1, 2**24 + 1], dtype=torch.int64).float(), torch.tensor(16777217.0).item())

# %%
print(torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32)
print(torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision("high")
print(torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision("medium")
print(torch.get_float32_matmul_precision())
try:
    torch.set_float32_matmul_precision("low")
except Exception as e:
    print(type(e).__name__, e)
torch.set_float32_matmul_precision("highest")
torch.backends.cuda.matmul.allow_tf32 = True
print(torch.get_float32_matmul_precision(), torch.backends.cuda.matmul.allow_tf32)
torch.backends.cuda.matmul.allow_tf32 = False
print(torch.get_float32_matmul_precision())
print(torch.backends.cuda.matmul.allow_fp16_reduced_precision_reduction, torch.backends.cuda.matmul.allow_bf16_reduced_precision_reduction)

# %%
torch.manual_seed(0)
a = torch.randn(64, 64)
b = torch.randn(64, 64)
print(((a @ b) - (a.double() @ b.double()).float()).abs().max() < 1e-4)
print(torch.allclose(a @ b, (a.double() @ b.double()).float(), atol=1e-4))
print(torch.tensor(0.1) + torch.tensor(0.2) == torch.tensor(0.3), torch.isclose(torch.tensor(0.1) + 0.2, torch.tensor(0.3)))
