# Imitates a testing/numerics lesson: allclose / isclose with rtol, atol and nan, torch.testing.assert_close failure messages, softmax overflow vs logsumexp, log1p / expm1 near zero.
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# %%
a = torch.tensor([1.0, 2.0, float("nan"), 1e-9])
b = torch.tensor([1.0 + 1e-6, 2.001, float("nan"), 0.0])
print(torch.isclose(a, b), torch.isclose(a, b, equal_nan=True))
print(torch.isclose(a, b, rtol=1e-3, atol=0.0), torch.isclose(a, b, rtol=0.0, atol=1e-8))
print(torch.allclose(a, b), torch.allclose(a, b, rtol=1e-3, equal_nan=True), torch.allclose(a[:2], b[:2], atol=1e-2))
print(torch.isclose(torch.tensor([float("inf"), -float("inf")]), torch.tensor([float("inf"), float("inf")])))
print(torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3])), torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3]), rtol=0.5, atol=0.6))

# %%
try:
    torch.allclose(torch.tensor([1.0]), torch.tensor([1.0], dtype=torch.float64))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.isclose(torch.tensor([1.0]), torch.tensor([1.0]), rtol=-1.0)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
x = torch.randn(3, 4)
y = x.clone()
y[0, 1] += 1e-3
y[2, 3] -= 0.5
try:
    torch.testing.assert_close(x, y)
except AssertionError as e:
    print(type(e).__name__, e)
torch.testing.assert_close(x, y + 0, rtol=1.0, atol=1.0)
print("ok")

# %%
for actual, expected, kw in [
    (torch.tensor([1.0, float("nan")]), torch.tensor([1.0, float("nan")]), {}),
    (torch.tensor([1.0, float("nan")]), torch.tensor([1.0, float("nan")]), {"equal_nan": True}),
    (torch.tensor([1, 2, 3]), torch.tensor([1, 2, 4]), {}),
    (torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0], dtype=torch.float64), {}),
    (torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0, 3.0]), {}),
    (torch.tensor(1.0), torch.tensor(1.1), {"rtol": 0.0, "atol": 0.01}),
    (torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0], dtype=torch.float64), {"check_dtype": False}),
    (torch.tensor([1e-6, 2.0], dtype=torch.float64), torch.tensor([0.0, 2.0000001], dtype=torch.float64), {}),
]:
    try:
        torch.testing.assert_close(actual, expected, **kw)
        print("close")
    except AssertionError as e:
        print(type(e).__name__, e)
        print("---")

# %%
try:
    torch.testing.assert_close(torch.tensor([1.0]), torch.tensor([2.0]), rtol=1e-3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    torch.testing.assert_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 3.0]), msg="my message")
except AssertionError as e:
    print(type(e).__name__, e)

# %%
z = torch.tensor([1000.0, 1001.0, 1002.0], requires_grad=True)
naive = z.exp() / z.exp().sum()
print(naive, naive.grad_fn.name())
stable = (z - z.max()).exp() / (z - z.max()).exp().sum()
print(stable, F.softmax(z, 0))
lse = torch.logsumexp(z, 0)
print(lse.item(), lse.grad_fn.name(), torch.log(z.exp().sum()).item())
lse.backward()
print(z.grad)
print(torch.logsumexp(torch.tensor([-1000.0, -1001.0]), 0).item(), torch.logsumexp(torch.tensor([[float("-inf"), float("-inf")]]), 1))
print(torch.logsumexp(torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float16), dim=1, keepdim=True))

# %%
small = torch.tensor([1e-10, 1e-7, 1e-4, 0.5], dtype=torch.float32)
print(torch.log1p(small).tolist(), torch.log(1 + small).tolist())
print(torch.expm1(small).tolist(), (torch.exp(small) - 1).tolist())
print(torch.log1p(small.double()).tolist(), torch.expm1(small.double()).tolist())
s = small.clone().requires_grad_()
torch.log1p(s).sum().backward()
print(s.grad.tolist())
s.grad = None
torch.expm1(s).sum().backward()
print(s.grad.tolist(), torch.expm1(s).grad_fn.name(), torch.log1p(s).grad_fn.name())
