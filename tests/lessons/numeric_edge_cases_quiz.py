# Imitates a "numerics gotchas" quiz: integer division and modulo by zero, float-to-int casts of NaN/inf and
# overflow, rounding modes, clamp with min > max, pow of negative bases, and sum/mean dtypes of integers and bools.
import torch

print(torch.tensor([1.0, -1.0, 0.0]) / 0)
try:
    print(torch.tensor([5, -5]) // 0)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    print(torch.tensor([5, -5]) % 0)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    print(torch.div(torch.tensor([5]), 0, rounding_mode="trunc"))
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.tensor([5, -5]) / 0, torch.fmod(torch.tensor([5.0, -5.0]), 0.0))

# %%
print(torch.tensor([2.5, 3.5, -2.5, 0.5]).round(), torch.round(torch.tensor([1.2345, 9.8765]), decimals=2))
print(torch.tensor([-1.5, 1.5]).trunc(), torch.tensor([-1.5, 1.5]).floor(), torch.tensor([-1.5, 1.5]).ceil())
print(torch.tensor([1, 5, 9]).clamp(min=6, max=3), torch.tensor([1.0, 5.0]).clamp(4.0, 2.0))
print(torch.tensor([-8.0, -2.0]) ** (1 / 3), torch.tensor([-8.0]).pow(2), torch.tensor([0.0]) ** 0, torch.tensor([0.0]) ** -1)

# %%
print(torch.tensor([1, 2, 3]).sum().dtype, torch.tensor([True, True]).sum(), torch.tensor([1, 2], dtype=torch.uint8).sum().dtype)
print(torch.tensor([1, 2], dtype=torch.int8).cumsum(0).dtype, torch.tensor([1, 2], dtype=torch.int32).prod().dtype)
print(torch.tensor([1.0, 2.0]).mean(), torch.tensor([1, 2]).float().mean(), torch.tensor([1, 2]).sum() / 2)
try:
    torch.tensor([1, 2]).mean()
except RuntimeError as e:
    print(e)
print(torch.tensor([1, 2]).mean(dtype=torch.float64), torch.tensor([[1, 2]]).sum(dtype=torch.float32))

# %%
big = torch.tensor([3e9])
print(big.int(), big.long(), torch.tensor([1e20]).long(), torch.tensor([-3.7]).to(torch.uint8))
print(torch.tensor([float('inf'), -float('inf'), float('nan')]).long())
print(torch.tensor([70000.0]).half(), torch.tensor([1e-8]).half(), torch.tensor([65504.0], dtype=torch.float16) * 2)
print(torch.tensor([0.1 + 0.2]) == 0.3, torch.tensor([0.1], dtype=torch.float64) + 0.2 == 0.3)

# %%
e = torch.tensor([])
print(e.sum(), e.prod(), e.mean(), e.numel(), e.shape)
try:
    e.max()
except (RuntimeError, IndexError) as err:
    print(type(err).__name__, err)
print(torch.zeros(0, 3).sum(0), torch.zeros(0, 3).amax(1), torch.ones(2, 0).softmax(-1))
print(torch.tensor([1e38, 1e38]).sum(), torch.tensor([3.0, 4.0]).norm(), torch.tensor([1e30, 1e30]).norm())
