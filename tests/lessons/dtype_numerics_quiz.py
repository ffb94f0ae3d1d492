# Imitates a "dtypes and numerics" quiz notebook: type promotion (result_type, promote_types, can_cast), integer
# division and rounding modes, remainder vs fmod with negatives, finfo/iinfo, float16 rounding and overflow,
# int overflow wrapping, float32 vs float64 precision, comparisons with tolerances, rounding functions.
import torch
print(torch.tensor([1, 2]) / 2, torch.tensor([1, 2]) // 2, torch.tensor([-7]) // 2)
print(torch.div(torch.tensor([-7, 7]), 2, rounding_mode='floor'), torch.div(torch.tensor([-7, 7]), 2, rounding_mode='trunc'))
print(torch.div(torch.tensor([-7., 7.]), 2, rounding_mode='floor'))
print(torch.floor_divide(torch.tensor([-7, 7]), 2))
print(torch.remainder(torch.tensor([-3, 3]), 2), torch.fmod(torch.tensor([-3, 3]), 2), torch.tensor([-3., 3.]) % 2)
print(torch.tensor([5]) % torch.tensor([-3]), torch.fmod(torch.tensor([5.5]), -3))

# %%
print(torch.result_type(torch.tensor([1]), 1.0), torch.result_type(torch.tensor([1.]), torch.tensor([1], dtype=torch.float64)))
print(torch.promote_types(torch.int32, torch.float16), torch.promote_types(torch.uint8, torch.int8))
print(torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.int32, torch.float32))
print((torch.tensor([1], dtype=torch.int32) + 1.5).dtype, (torch.tensor([1], dtype=torch.int32) * torch.tensor(2.)).dtype)
print((torch.tensor([1.], dtype=torch.float16) + torch.tensor(1.)).dtype, (torch.tensor([True]) + 1).dtype)
print((torch.tensor([1], dtype=torch.uint8) + torch.tensor([1], dtype=torch.int8)).dtype)
print(torch.tensor(3) / torch.tensor(2), (torch.tensor([3]) ** 2).dtype, (torch.tensor([3]) ** 0.5).dtype, (2 ** torch.tensor([3])).dtype)

# %%
print(torch.finfo(torch.float32))
print(torch.finfo(torch.float16).max, torch.finfo(torch.float64).eps, torch.finfo(torch.float32).tiny)
print(torch.iinfo(torch.int8), torch.iinfo(torch.int64).max, torch.iinfo(torch.uint8).min)
print(torch.finfo().dtype, torch.finfo(torch.float32).resolution, torch.finfo(torch.float32).bits)

# %%
h = torch.tensor([1000., 70000., 0.1, 2049.], dtype=torch.float16)
print(h, h.float())
print(torch.tensor([60000.], dtype=torch.float16) * 2)
print(torch.tensor([0.1], dtype=torch.float16).item(), torch.tensor([0.1]).item(), torch.tensor([0.1], dtype=torch.float64).item())
print(torch.tensor([1.0, 2.0], dtype=torch.half).sum(), torch.tensor([1.0, 2.0]).half().mean())
print(torch.tensor([127], dtype=torch.int8) + 1, torch.tensor([2**31 - 1], dtype=torch.int32) + 1)
print(torch.tensor([1e20]).int() if False else torch.tensor([3.7, -3.7]).int(), torch.tensor([3.7, -3.7]).long())
print(torch.tensor([0.1 + 0.2]) == torch.tensor([0.3]), torch.tensor([0.1 + 0.2], dtype=torch.float64) == 0.3)
print(torch.isclose(torch.tensor([1.0, 1e-9]), torch.tensor([1.0 + 1e-7, 0.0])), torch.allclose(torch.tensor([1e-9]), torch.tensor([0.0])))

# %%
r = torch.tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.567])
print(torch.round(r), torch.round(r, decimals=1), r.floor(), r.ceil(), r.trunc(), r.frac())
print(torch.sign(r), torch.sgn(torch.tensor([-0.0, 0.0])), torch.signbit(torch.tensor([-0.0, 0.0])))
print(torch.clamp(torch.tensor([1, 5, 9]), min=3, max=6), torch.clamp(torch.tensor([1, 5, 9]), max=4.5))
print(torch.nan_to_num(torch.tensor([float('nan'), float('inf'), -float('inf'), 1.0])))
print(torch.nan_to_num(torch.tensor([float('nan'), float('inf')]), nan=0.0, posinf=1e3))
print(torch.tensor([float('nan'), 1.0]).max(), torch.tensor([float('nan'), 1.0]).nanmean(), torch.nansum(torch.tensor([float('nan'), 2.0])))
print(torch.tensor([1, 2, 3]).float().mean(), torch.tensor([1, 2, 3]).sum(dtype=torch.float64))

# %%
torch.tensor([1, 2, 3]).mean()

# %%
torch.tensor([1, 2]).std()

# %%
torch.tensor([1.5], dtype=torch.float32).to(torch.int64) + torch.tensor([1.2], dtype=torch.float64)

# %%
x = torch.tensor([1, 2, 3])
x += 0.5

# %%
x = torch.tensor([1., 2.])
x.add_(torch.tensor([1.], dtype=torch.float64))
print(x, x.dtype)
y = torch.tensor([1, 2])
y.mul_(torch.tensor(2.5))
