# Imitates the integer-dtype pitfalls learners meet while solving Sasha Rush's "Tensor Puzzles" (srush/Tensor-Puzzles)
# and the forum questions about them: arange is int64, comparisons give bool, bool * int, bool.sum(), where with
# mixed int/float scalars and tensors, type promotion with python numbers and 0-d tensors (which do not widen an
# int8 / uint8 / int32 tensor), true and floor division of ints, % of negative ints, integer powers, bit tricks
# (&, |, ^, <<, >>) and in-place updates of small integer dtypes.
import torch

a = torch.arange(5)
m = a > 2
print(a.dtype, m.dtype, m, (m * a).dtype, (m * 2.5).dtype, m.sum(), m.sum().dtype, m.float().mean())
print(torch.where(m, a, 0.5), torch.where(m, 1, 0).dtype, torch.where(m, a, torch.tensor(2.5)).dtype)
print(torch.where(m, torch.tensor(1, dtype=torch.int32), 2).dtype, torch.where(m, True, False))
try:
    m.mean()
except Exception as e:
    print(type(e).__name__, e)

# %%
b = torch.tensor([-7, -3, 0, 3, 7])
print(b / 2, b // 2, b % 3, b % -3, torch.fmod(b, 3), torch.div(b, 2, rounding_mode="trunc"))
print(-7 // torch.tensor(2), 7 % torch.tensor(-3), b // 2.5, (b // 2.5).dtype, 5 // torch.tensor([2., -2.]))
for make in [lambda: b // 0, lambda: b % 0, lambda: b / 0, lambda: b.float() // 0]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# integer powers: a negative exponent is refused for a tensor base, but 2 ** int_tensor gives 0 for it
print(2 ** torch.arange(-2, 4), (2 ** torch.arange(-2, 4)).dtype, 1 ** b, (-1) ** b, 0 ** torch.arange(-1, 2))
print((-2) ** b, 2 ** b.to(torch.int16), 2.5 ** torch.arange(-1, 2), torch.pow(2, torch.tensor([-1, 0, 1])))
print(torch.tensor(2) ** torch.arange(-2, 3), torch.tensor([2, -1, 1]) ** torch.tensor([-1, -3, -2]))
for make in [lambda: b ** -1, lambda: b ** 2, lambda: b ** 0.5]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# bools are not numbers for every kernel
t = torch.tensor([True, False, True])
for make in [lambda: t + t, lambda: t * t, lambda: t - t, lambda: t // t, lambda: t // True, lambda: t % True,
             lambda: t // 2, lambda: t % 2, lambda: t ** True, lambda: t ** False, lambda: t ** 2, lambda: t ** t,
             lambda: True ** t, lambda: 2 ** t, lambda: t / t, lambda: torch.fmod(t, t),
             lambda: torch.div(t, t, rounding_mode="floor"), lambda: torch.div(t, t, rounding_mode="trunc"),
             lambda: torch.tensor([4, 6]) // torch.tensor([True, True])]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# bit tricks: a 0-d tensor or a python int keeps an int8 / uint8 / int32 tensor's dtype
u = torch.tensor([200, 3, 1], dtype=torch.uint8)
i8 = torch.tensor([-3, 5, 1], dtype=torch.int8)
i32 = torch.tensor([-7, 4, 1], dtype=torch.int32)
print(u & torch.tensor(3), i8 | torch.tensor(2), i32 ^ torch.tensor(1), torch.tensor(1) & i8)
print(u & 3, (u & torch.tensor([3])).dtype, (i8 & i32).dtype, (u | i8).dtype, (t & i8).dtype, t ^ True)
print(u << 1, u >> torch.tensor(1), i8 << 8, i32 >> 1, 1 << torch.arange(5), 256 >> torch.arange(4), (1 << u).dtype)
print(torch.tensor(5) << i32.abs(), torch.bitwise_left_shift(i32, 2), torch.bitwise_right_shift(u, torch.tensor(1)))
print(i32.bitwise_and(torch.tensor(6)), torch.bitwise_xor(i8, torch.tensor(1)), torch.bitwise_or(u, 1))
for make in [lambda: u & 1.5, lambda: i8.float() & i8, lambda: i8.half() | i8.float(), lambda: torch.tensor(1.5) ^ i8,
             lambda: i32 << 1.0, lambda: t << 1, lambda: t >> t, lambda: 2.0 >> i8, lambda: i8.double() << i8]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# in place: the result is cast back into the tensor's dtype when PyTorch allows that cast (int64 into uint8 yes,
# float into int no)
x = u.clone(); x |= torch.tensor([256 + 4, 0, 0]); print(x)
x = u.clone(); x += torch.tensor([100, 1, 1]); print(x)
x = i32.clone(); x &= torch.arange(3); print(x, x.dtype)
x = i8.clone(); x <<= torch.tensor([1, 2, 3]); print(x)
x = t.clone(); x |= torch.tensor([False, True, False]); print(x)
for make in [lambda: i32.clone().__iand__(1.5), lambda: i32.clone().__ior__(torch.tensor([1.0])),
             lambda: t.clone().__ior__(torch.tensor([1, 0, 0])), lambda: t.clone().__ilshift__(1)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.can_cast(torch.int64, torch.uint8), torch.can_cast(torch.bfloat16, torch.int8),
      torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.bool, torch.complex64))
