# Imitates the dtype tour of PyTorch's "Tensor Attributes" page (torch.dtype table, torch.iinfo, type promotion
# with result_type / promote_types / can_cast) as a learner notebook walks it in PyTorch 2.3+, where the table
# gained the "limited support" unsigned types torch.uint16, torch.uint32 and torch.uint64.
import torch

for dt in [torch.uint8, torch.uint16, torch.uint32, torch.uint64, torch.int16, torch.int64]:
    info = torch.iinfo(dt)
    print(dt, dt.itemsize, dt.is_signed, dt.is_floating_point, info.min, info.max, info.bits)

# %%
a = torch.tensor([0, 1000, 65535], dtype=torch.uint16)
b = torch.full((2, 2), 7, dtype=torch.uint32)
c = torch.zeros(3, dtype=torch.uint64)
print(a, a.dtype, a.type(), a.element_size())
print(b, b.shape, c, c.numel())
print(torch.tensor([-1], dtype=torch.uint16), torch.tensor([-1], dtype=torch.uint32))
for make in [lambda: torch.tensor([70000], dtype=torch.uint16), lambda: torch.tensor([-1], dtype=torch.uint64),
             lambda: torch.full((2,), 2 ** 32, dtype=torch.uint32)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# what works: copies, views, ==, *, bitwise ops, sums into int64, sorting
print(a.clone(), a.view(3, 1).shape, a.reshape(1, 3), torch.cat([a, a]))
print(a == 1000, a * 2, a & 0xFF, a | 1)
print(a.sum(), a.sum().dtype, a.cumsum(0), a.prod())
print(torch.tensor([5, 3, 9], dtype=torch.uint16).sort())
print(a.tolist(), a[1].item(), a.float(), a.long(), a.to(torch.uint32))

# %%
# what does not: most arithmetic kernels are missing
for name, op in [("add", lambda: a + 1), ("sub", lambda: a - a), ("lt", lambda: a < 100), ("max", lambda: a.max()),
                 ("argmax", lambda: a.argmax()), ("abs", lambda: a.abs()), ("neg", lambda: -a),
                 ("floordiv", lambda: a // 2), ("shift", lambda: a << 1), ("arange", lambda: torch.arange(3, dtype=torch.uint16)),
                 ("mean", lambda: a.mean()), ("matmul", lambda: b @ b)]:
    try:
        print(name, op())
    except Exception as e:
        print(name, type(e).__name__, e)

# %%
# promotion: only with floating types and Python numbers
print(torch.result_type(a, 1), torch.result_type(a, 1.0), torch.promote_types(torch.uint16, torch.float16))
print((a * 2.5).dtype, (a / 2).dtype, (a * torch.tensor(2)).dtype)
for make in [lambda: torch.promote_types(torch.uint16, torch.int64), lambda: a + torch.tensor([1, 2, 3]),
             lambda: a * torch.tensor([1, 1, 1], dtype=torch.uint8), lambda: torch.promote_types(torch.uint32, torch.uint64)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.can_cast(torch.uint16, torch.int64), torch.can_cast(torch.float32, torch.uint16))

# %%
# the usual fix: convert first
x = a.to(torch.int32)
print(x + 1, x.max(), (a.long() - 1000).abs(), a.float().mean())
