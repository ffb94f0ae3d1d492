# Imitates the Examples of PyTorch's docs for Tensor.to / Tensor.double() / half() / bfloat16() / bool() / char() /
# byte() / short() / int() / long() / cfloat() / cdouble(), as a learner types them in to see what happens to
# negative, fractional, nan, inf and large values (truncation toward zero, wrap-around, saturation).
import torch

torch.manual_seed(0)
x = torch.randn(5) * 3
print(x)
print(x.double(), x.half(), x.bfloat16())
print(x.bool(), x.char(), x.byte(), x.short(), x.int(), x.long())
print(x.cfloat(), x.cdouble())

# %%
v = torch.tensor([-2.7, -0.5, 0.0, 0.5, 2.7, 255.9, 256.0, 300.0, -129.0])
print(v.int(), v.long(), v.short(), v.char())
print(v.byte())
print(v.bool(), torch.tensor([0.0, -0.0, 1e-30]).bool())

# %%
big = torch.tensor([2 ** 31 - 1, 2 ** 31, -2 ** 31 - 1, 2 ** 40], dtype=torch.int64)
print(big.int(), big.short(), big.char(), big.byte())
print(big.float(), big.half(), big.bfloat16(), big.double())
print(torch.tensor([70000.0, -70000.0, 1e-8, 65519.0, 65520.0]).half())
print(torch.tensor([3.4e38, 1e39]).bfloat16(), torch.tensor([1e300]).float())

# %%
n = torch.tensor([float('nan'), float('inf'), -float('inf'), 1.0])
print(n.bool(), n.half(), n.bfloat16(), n.cfloat())
print(n.double(), n.to(torch.complex128))

# %%
z = torch.tensor([1 + 2j, -3.5 - 0.5j])
print(z.cdouble(), z.dtype, z.real, z.imag)
for make in [lambda: z.float(), lambda: z.long(), lambda: z.bool(), lambda: z.half(), lambda: z.to(torch.int32)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = z.float()
    print(r, [str(i.message)[:80] for i in w])

# %%
b = torch.tensor([True, False, True])
print(b.int(), b.float(), b.half(), b.cfloat(), b.byte(), b.char(), b.sum(), b.to(torch.int16))
u = torch.tensor([200, 255, 0], dtype=torch.uint8)
print(u.char(), u.int(), u.float(), u.bool(), u.long().neg().byte())
print(torch.tensor([-1, -128, 127, 128]).to(torch.int8), torch.tensor([-1, 256, 511]).to(torch.uint8))
