# Imitates a course notebook's "know your tensors" homework: torch.Size arithmetic for building shapes, dtype
# conversions between real and complex, torch.finfo / iinfo limits, and the check cells that compare them.
import torch

# %%
# Exercise 1: build shapes from other shapes
x = torch.zeros(4, 3)
batch = (8,) + x.shape
print(batch, type(batch).__name__)
print(x.shape * 2, 2 * x.shape, x.shape * 0, x.shape + (1,), x.shape + x.shape)
print(torch.zeros(batch).shape, torch.ones(x.shape * 2).shape)
print(x.view((1,) + x.shape).shape, x.reshape(x.shape[:1] + (3, 1)).shape)

# %%
# Exercise 2: Size from computed values
n = torch.tensor(5)
print(torch.Size([n, 2]), torch.Size([torch.tensor([3]), True]), torch.Size(range(3)))
print(torch.Size([2, 3]) == (2, 3), torch.Size([2, 3]) == [2, 3], torch.Size([2, 3]).numel())

# %%
torch.Size([2.5, 3])

# %%
torch.Size([4, torch.tensor(2.0)])

# %%
torch.Size([None])

# %%
x.shape + [1]

# %%
x.shape * 1.5

# %%
x.shape()

# %%
# Exercise 3: real and complex dtypes
for dt in (torch.float32, torch.float64, torch.bfloat16, torch.complex64, torch.complex128):
    print(dt, "->", dt.to_complex(), dt.to_real())
signal = torch.tensor([1.0, -1.0, 0.5])
spec = signal.to(signal.dtype.to_complex())
print(spec, spec.dtype.to_real(), spec.abs().dtype == spec.dtype.to_real())

# %%
torch.int64.to_complex()

# %%
torch.bool.to_complex()

# %%
# Exercise 4: limits of the number formats
f32, f16 = torch.finfo(torch.float32), torch.finfo(torch.float16)
print(f32)
print(f16.eps, f16.max, torch.finfo(torch.bfloat16).eps, torch.finfo(torch.float64).tiny)
print(torch.iinfo(torch.int8), torch.iinfo(torch.uint8).max, torch.iinfo(torch.int32).min)
print(f32 == torch.finfo(torch.float), f32 == torch.finfo(torch.float64), f32 != f16)
print(torch.finfo(torch.complex64) == f32, torch.iinfo(torch.int16) == torch.iinfo(torch.int16), f32 == 1)

# %%
{torch.finfo(torch.float32): "single"}

# %%
torch.iinfo(torch.int8).eps

# %%
torch.finfo(torch.float32).epsilon

# %%
# Exercise 5: a parameter table for the report
model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
for name, p in model.named_parameters():
    print(f"{name:<10}{p.shape:>20}{p.dtype:>16}")

# %%
for name, p in model.named_parameters():
    print(f"{name:<10}{str(p.shape):>20}{str(p.dtype):>16}{p.device}")
print(f"{torch.finfo(torch.float16)}", f"{x.shape}", format(torch.float64), f"{x.device:}")

# %%
f"{torch.iinfo(torch.int32):>10}"

# %%
# Exercise 6: check cells
assert x.shape * 2 == torch.Size([4, 3, 4, 3])
assert isinstance((1,) + x.shape, torch.Size)
assert torch.float32.to_complex() is torch.complex64
assert torch.finfo(torch.float32) == torch.finfo()
print("all checks passed")
