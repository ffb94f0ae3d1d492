# Imitates the integer-arithmetic "Example::" blocks of PyTorch's reference (torch.bitwise_left_shift /
# bitwise_right_shift and the << >> operators, torch.floor_divide, torch.true_divide, torch.div with rounding_mode,
# torch.fmod vs torch.remainder, torch.trunc / fix / round(decimals=), torch.gcd / lcm, torch.frexp / ldexp) with
# negative operands and small integer dtypes, as in a "C vs Python integer division" blog post.
import torch

# %%
a = torch.tensor([-1, -2, 3], dtype=torch.int8)
s = torch.tensor([1, 0, 3], dtype=torch.int8)
print(torch.bitwise_left_shift(a, s), torch.bitwise_right_shift(a, s))
print(a << 2, a >> 1, a << torch.tensor([7, 8, 9], dtype=torch.int8))
print(torch.tensor([1, 2]) << 63, torch.tensor([-1, 2]) >> 64, 2 << torch.tensor([1, 2]))
print(torch.tensor([200], dtype=torch.uint8) >> 2, torch.tensor([1, 2], dtype=torch.uint8) << 7)
b = torch.tensor([1, 2])
b <<= 2
b >>= 1
print(b)
try:
    torch.tensor([1., 2.]) << 1
except Exception as e:
    print(type(e).__name__, e)

# %%
n = torch.tensor([-7, -6, 6, 7])
for mode in (None, "trunc", "floor"):
    print(mode, torch.div(n, 2, rounding_mode=mode), torch.div(n.float(), -2, rounding_mode=mode))
print(torch.floor_divide(n, 2), torch.floor_divide(n, -2.5), torch.true_divide(n, 2))
print(torch.fmod(n, 3), torch.remainder(n, 3), torch.fmod(n, -3), torch.remainder(n, -3))
print(torch.fmod(n.float(), 2.5), torch.remainder(n.float(), -2.5), torch.remainder(-1.5, torch.tensor([1, 2])))
try:
    torch.div(n, 0, rounding_mode="floor")
except Exception as e:
    print(type(e).__name__, e)
x = torch.tensor([-2.5, -0.5, 0.5, 2.5], requires_grad=True)
y = torch.div(x, 0.75, rounding_mode="trunc")
print(y, y.grad_fn)
y.sum().backward()
print(x.grad)

# %%
v = torch.tensor([2.5, 3.5, -2.5, -0.5, 0.125, 0.375, 1.005])
print(torch.round(v), torch.round(v, decimals=2), torch.round(v.double(), decimals=2))
print(torch.trunc(v), torch.fix(v), v.fix().dtype)
print(torch.round(torch.tensor([1234.5678]), decimals=-2), torch.round(torch.tensor([12345, -150, 250]), decimals=-2))
print(torch.round(torch.tensor([1234.5678], dtype=torch.half), decimals=1))

# %%
print(torch.gcd(torch.tensor([-4, 6, 0, -9]), torch.tensor([6, -4, -5, 0])))
print(torch.lcm(torch.tensor([-4, 6, 0, -9]), torch.tensor([6, -4, -5, 0])))
print(torch.lcm(torch.tensor([100], dtype=torch.int8), torch.tensor([3], dtype=torch.int8)))
m, e = torch.frexp(torch.tensor([3.0, -0.75, 0.0, 1e-40, float('inf')]))
print(m, e, torch.ldexp(m, e))
print(torch.frexp(torch.tensor([3.0, 0.1], dtype=torch.half)))
print(torch.ldexp(torch.tensor([1.0]), torch.tensor([1, 2, 3, 4])), torch.ldexp(torch.tensor([1, 2]), torch.tensor([3, 4])))
