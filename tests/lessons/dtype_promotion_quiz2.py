# Imitates a dtype-promotion quiz: result_type, promote_types, can_cast, unsigned overflow, division modes,
# floor division and remainder with negatives, integer powers, bit shifts and iinfo/finfo.
import torch

print(torch.result_type(torch.tensor([1, 2]), 1.0), torch.result_type(torch.tensor([1.0]), torch.tensor(2, dtype=torch.float64)))
print(torch.promote_types(torch.uint8, torch.int8), torch.promote_types(torch.int32, torch.float16), torch.promote_types(torch.bool, torch.int16))
print(torch.can_cast(torch.float64, torch.int32), torch.can_cast(torch.int32, torch.float32))
u = torch.tensor([250, 5], dtype=torch.uint8)
print(u + 10, u - 10, (u + torch.tensor([1, 1], dtype=torch.int8)).dtype)

# %%
a = torch.tensor([-7, 7, -8])
b = torch.tensor([2, -2, 3])
print(a / b, a // b, torch.div(a, b, rounding_mode="trunc"), torch.div(a, b, rounding_mode="floor"))
print(a % b, torch.remainder(a, b), torch.fmod(a, b))
print(torch.tensor([-7.5, 7.5]) % 2, torch.fmod(torch.tensor([-7.5, 7.5]), 2))

# %%
print(torch.tensor([2, 3]) ** 2, torch.tensor([2, 3]) ** 0.5, 2 ** torch.tensor([1, 2]))
try:
    torch.tensor([2, 3]) ** -1
except RuntimeError as e:
    print(e)
print(torch.tensor([2, 3]) ** torch.tensor([-1.0, 2.0]))
print(torch.tensor([1, 2, 4]) << 1, torch.tensor([8, 16]) >> 2, torch.tensor([5]) & 3, torch.tensor([5]) | 2, torch.tensor([5]) ^ 1, ~torch.tensor([0, 5]))

# %%
print(torch.iinfo(torch.int8), torch.iinfo(torch.uint8).max, torch.iinfo(torch.int64).min)
print(torch.finfo(torch.float16))
print(torch.finfo(torch.float32).eps, torch.finfo(torch.bfloat16).max, torch.finfo().tiny)
print(torch.tensor([127], dtype=torch.int8) + 1, torch.tensor([300]).to(torch.uint8), torch.tensor([-1]).to(torch.uint8))

# %%
t = torch.tensor([True, False, True])
print(t + t, t * 3, t.sum(), t.float().mean(), (t & ~t), t.dtype)
print(torch.tensor([1.7, -1.7]).int(), torch.tensor([1.7, -1.7]).long(), torch.tensor([0.0, 0.3]).bool())
i = torch.tensor([3, 4])
try:
    i += 0.5
except RuntimeError as e:
    print(e)
f = torch.tensor([1.0, 2.0]); f += torch.tensor([1, 2]); print(f)
print(torch.tensor(3) * torch.tensor([1.5]), (torch.tensor(3.0, dtype=torch.float64) * torch.tensor([1.5])).dtype)
print((torch.tensor([1], dtype=torch.int32) * 2.5).dtype, (torch.tensor([1], dtype=torch.int16) + torch.tensor(100000)).dtype)
