# Imitates the "Type Info" page of PyTorch's docs (torch.finfo / torch.iinfo): the learner prints the repr and every
# field (bits, eps, max, min, tiny, smallest_normal, resolution, dtype) for each floating, complex and integer dtype,
# then the errors for asking the wrong one.
import torch

for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    fi = torch.finfo(dt)
    print(fi)
    print(dt, fi.bits, fi.eps, fi.max, fi.min, fi.tiny, fi.smallest_normal, fi.resolution, fi.dtype)

# %%
print(torch.finfo())
print(torch.finfo(torch.complex64), torch.finfo(torch.complex128).bits, torch.finfo(torch.complex64).dtype)
print(torch.finfo(torch.float32).eps == torch.finfo().eps, type(torch.finfo(torch.float16).max))
print(torch.finfo(torch.float32) == torch.finfo(torch.float32), repr(torch.finfo(torch.float64).dtype))

# %%
for dt in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bool]:
    try:
        ii = torch.iinfo(dt)
        print(ii)
        print(dt, ii.bits, ii.max, ii.min, ii.dtype, type(ii.max))
    except Exception as e:
        print(dt, type(e).__name__, e)

# %%
for make in [lambda: torch.finfo(torch.int32), lambda: torch.iinfo(torch.float32), lambda: torch.finfo(torch.bool),
             lambda: torch.iinfo(torch.complex64), lambda: torch.finfo('float32'), lambda: torch.iinfo(int),
             lambda: torch.finfo(torch.float32).foo, lambda: torch.finfo(float), lambda: torch.finfo(complex),
             lambda: torch.iinfo(bool), lambda: torch.iinfo(torch.bfloat16), lambda: torch.finfo(None),
             lambda: torch.iinfo(), lambda: torch.finfo(torch.float32, 1)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# typical uses: clamping before log, the largest safe value
p = torch.tensor([0.0, 0.5, 1.0])
eps = torch.finfo(p.dtype).eps
print(torch.log(p.clamp(min=eps)))
print(torch.full((2,), torch.finfo(torch.float16).max, dtype=torch.float16) * 2)
print(torch.tensor(torch.iinfo(torch.int32).max, dtype=torch.int32) + 1)
