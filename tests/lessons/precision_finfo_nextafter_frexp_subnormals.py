# Imitates a numerical-precision lesson: torch.finfo / iinfo fields, nextafter and ulp, frexp / ldexp, subnormals and set_flush_denormal, with the errors learners hit.
import torch

# %%
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    fi = torch.finfo(dt)
    print(dt, fi.bits, fi.eps, fi.tiny, fi.smallest_normal, fi.max, fi.min, fi.resolution)
print(torch.finfo(torch.float32))
print(torch.finfo())
print(torch.finfo(torch.float32).dtype, torch.finfo(torch.half).dtype)

# %%
for dt in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]:
    ii = torch.iinfo(dt)
    print(dt, ii.bits, ii.min, ii.max, ii.dtype)
print(torch.iinfo(torch.int32))

# %%
try:
    torch.finfo(torch.int32)
except TypeError as e:
    print(type(e).__name__, e)
try:
    torch.iinfo(torch.float32)
except TypeError as e:
    print(type(e).__name__, e)

# %%
one = torch.tensor(1.0)
up = torch.nextafter(one, torch.tensor(2.0))
down = torch.nextafter(one, torch.tensor(0.0))
print(up.item(), down.item(), float.hex(up.item()), float.hex(down.item()))
print((up - one).item(), (one - down).item(), torch.finfo(torch.float32).eps)
x = torch.tensor([1.0, 1000.0, 1e-3, 1e20], dtype=torch.float64)
ulp = torch.nextafter(x, torch.full_like(x, float("inf"))) - x
print(ulp)
print([float.hex(v) for v in ulp.tolist()])
x32 = x.float()
print((torch.nextafter(x32, torch.full_like(x32, float("inf"))) - x32).tolist())
print(torch.nextafter(torch.tensor(0.0), torch.tensor(1.0)).item(), torch.nextafter(torch.tensor([0.0], dtype=torch.float64), torch.tensor([-1.0], dtype=torch.float64)))

# %%
try:
    torch.nextafter(torch.tensor([1.0]), torch.tensor([2.0], dtype=torch.float64))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.nextafter(torch.tensor([1, 2]), torch.tensor([3, 4]))
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
m, e = torch.frexp(torch.tensor([8.0, 0.3, -5.0, 0.0, 1e-40, float("inf")]))
print(m, e, m.dtype, e.dtype)
print(torch.ldexp(m, e))
print(torch.ldexp(torch.tensor([1.0]), torch.tensor([128])), torch.ldexp(torch.tensor([1.0], dtype=torch.float64), torch.tensor([-1074])))
m64, e64 = torch.tensor([3.5, 1e300], dtype=torch.float64).frexp()
print(m64, e64)
print(torch.ldexp(torch.tensor([3.0]), torch.tensor([2])).dtype, torch.ldexp(torch.tensor([1, 2]), torch.tensor([3, 4])))

# %%
tiny = torch.finfo(torch.float32).tiny
sub = torch.tensor([tiny, tiny / 2, tiny / 2 ** 23, tiny / 2 ** 24])
print(sub)
print([float.hex(v) for v in sub.tolist()])
print(torch.tensor(tiny) / 2 > 0, (torch.tensor(1e-45) * 0.5).item(), torch.tensor(1e-46).item())
h = torch.tensor([6.0e-5, 6.0e-8, 3.0e-8, 1e-8], dtype=torch.float16)
print(h, h.tolist())

# %%
print(torch.set_flush_denormal(True))
print(torch.tensor([1e-39], dtype=torch.float32), torch.tensor([1e-323], dtype=torch.float64))
print(torch.set_flush_denormal(False))
print(torch.tensor([1e-39], dtype=torch.float32), torch.tensor([1e-323], dtype=torch.float64))

# %%
v = torch.tensor([1.0, 2.0], requires_grad=True)
n = torch.nextafter(v, torch.tensor([3.0, 0.0]))
print(n.requires_grad, n.grad_fn)
mant, ex = torch.frexp(v)
print(mant.requires_grad, ex.requires_grad)
l = torch.ldexp(v, torch.tensor([1, 2]))
l.sum().backward()
print(l, l.grad_fn.name(), v.grad)
