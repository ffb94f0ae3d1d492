# Imitates GPTQ / AWQ style blog code: packing two 4-bit values into a uint8 with bitwise ops and shifts, unpacking,
# and reinterpreting bits with view(dtype) (float32 <-> int32, bfloat16 <-> int16, float16 <-> int16).
import torch
torch.manual_seed(0)

# %%
w = torch.randint(0, 16, (4, 8), dtype=torch.uint8)
print(w)
lo, hi = w[:, 0::2], w[:, 1::2]
packed = lo | (hi << 4)
print(packed, packed.dtype, packed.shape)

# %%
un_lo = packed & 0x0F
un_hi = (packed >> 4) & 0x0F
unpacked = torch.stack([un_lo, un_hi], dim=-1).reshape(4, 8)
print(unpacked.dtype, torch.equal(unpacked, w))

# %%
# signed int4 in [-8, 7] stored with an offset of 8
q = torch.randint(-8, 8, (2, 6), dtype=torch.int8)
u = (q + 8).to(torch.uint8)
p = u[:, ::2] | (u[:, 1::2] << 4)
print(q)
print(p)
back = torch.stack(((p & 15).to(torch.int8) - 8, (p >> 4).to(torch.int8) - 8), dim=-1).flatten(1)
print(back, torch.equal(back, q))

# %%
# packing eight 4-bit values into one int32
vals = torch.arange(8, dtype=torch.int32) * 2 % 16
shifts = torch.arange(0, 32, 4, dtype=torch.int32)
word = (vals << shifts).sum()
print(word, word.dtype, hex(word.item()))
print((word >> shifts) & 0xF)
print(torch.bitwise_left_shift(torch.tensor([1, 2, 3], dtype=torch.uint8), 7))
print(torch.tensor([255], dtype=torch.uint8) << 1, torch.tensor([-128], dtype=torch.int8) >> 1)

# %%
print(~torch.tensor([0, 1, 255], dtype=torch.uint8), torch.bitwise_not(torch.tensor([0, -1, 5], dtype=torch.int8)))
print(torch.tensor([0b1010], dtype=torch.uint8) ^ 0b0110, torch.bitwise_xor(torch.tensor([7]), torch.tensor([2])))
print(torch.tensor([5, 6]) & torch.tensor([True, False]))

# %%
torch.tensor([1.0, 2.0]) & 1

# %%
torch.tensor([1.5]) << 1

# %%
# float32 bits
x = torch.tensor([1.0, -2.0, 0.1, float('inf'), 0.0, -0.0])
bits = x.view(torch.int32)
print(bits)
sign = (bits >> 31) & 1
exponent = (bits >> 23) & 0xFF
mantissa = bits & 0x7FFFFF
print(sign, exponent, mantissa)
print(bits.view(torch.float32))

# %%
# bfloat16 is the top half of a float32
y = torch.tensor([3.140625, -1.5, 65504.0, 1e-3], dtype=torch.bfloat16)
print(y, y.view(torch.int16), y.view(torch.uint16) if hasattr(torch, 'uint16') else None)
f = y.float().view(torch.int32)
print((f >> 16).to(torch.int16), torch.equal((f >> 16).to(torch.int16), y.view(torch.int16)))
h = torch.tensor([1.0, 65504.0, -2.0], dtype=torch.float16)
print(h.view(torch.int16), h.view(torch.int16).view(torch.float16))

# %%
# view to a smaller / larger dtype changes the last dimension
z = torch.arange(4, dtype=torch.float32)
print(z.view(torch.uint8).shape, z.view(torch.int16).shape, z.view(torch.float64).shape)
print(z.view(torch.uint8))
print(torch.ones(2, 3).view(torch.float64) if False else torch.ones(2, 4).view(torch.float64).shape)

# %%
torch.ones(2, 3).view(torch.float64)

# %%
torch.ones(3, 2).t().view(torch.int16)

# %%
torch.ones(3, 2).t().view(torch.int32)

# %%
torch.ones(3, requires_grad=True).view(torch.int32)

# %%
a = torch.ones(3, requires_grad=True)
b = a.view(torch.float32)
print(b.grad_fn, b.requires_grad)
(b * 2).sum().backward()
a.grad

# %%
torch.tensor(1.0).view(torch.uint8)

# %%
torch.tensor([1.0, 2.0]).view(torch.bool)

# %%
# reinterpreting a slice: the start and the row stride must line up with the wider element
buf = torch.arange(24, dtype=torch.uint8).view(4, 6)
for name, sl in (("cols 0:4", buf[:, :4]), ("rows 1:", buf[1:]), ("flat 4:12", buf.flatten()[4:12]),
                 ("flat 2:10", buf.flatten()[2:10]), ("cols 2:4", buf[:, 2:4])):
    for dt in (torch.int16, torch.int32):
        try:
            print(name, dt, sl.view(dt))
        except RuntimeError as e:
            print(name, dt, e)

# %%
fb = torch.randn(4, 6)
fb[:, 2:4].view(torch.float64).shape, fb[1:, 1:3].view(torch.int32).shape

# %%
fb[:, 1:3].view(torch.float64)
