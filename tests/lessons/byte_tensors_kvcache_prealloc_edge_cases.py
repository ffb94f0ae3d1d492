# Imitates the less-travelled corners of a tokenizer + decoding notebook: byte tensors through numpy and storages,
# uint8/int8 promotion, unsigned dtypes, a preallocated KV cache written in place (index_copy_, narrow().copy_(),
# slice assignment, a rolling window), scaled_dot_product_attention on the cache, and beam reordering with gather.
import array
import numpy as np
import torch
import torch.nn.functional as F

s = "Tokenizer ✓ テスト"
t = torch.tensor(list(s.encode("utf-8")), dtype=torch.uint8)
print(t, t.numpy().tobytes().decode("utf-8"), bytes(t.numpy()) == s.encode())
print(torch.from_numpy(np.frombuffer(s.encode(), dtype=np.uint8).copy()).dtype, torch.ByteTensor([1, 2, 255]))
print(torch.as_tensor(bytearray(b"abc")), torch.tensor(bytearray(b"xyz")).dtype)
print(torch.frombuffer(array.array("f", [1.5, 2.5, -3.0]), dtype=torch.float32),
      torch.frombuffer(bytearray(b"\x00\x00\x80\x3f" * 2), dtype=torch.float32, count=1, offset=4))
fb = torch.frombuffer(bytearray(8), dtype=torch.float32, requires_grad=True)
print(fb, fb.requires_grad, fb.is_leaf)
buf = bytearray(b"abcd")
v = torch.frombuffer(buf, dtype=torch.uint8)
v[0] = ord("z"); v += 1
print(buf, v)
m = torch.frombuffer(memoryview(bytearray(b"\x01\x02\x03\x04")), dtype=torch.int32)
print(m, hex(m.item()))

# %%
u = torch.tensor([200, 100, 0], dtype=torch.uint8)
i8 = torch.tensor([-100, 27, 127], dtype=torch.int8)
print(u + i8, (u + i8).dtype, u / 2, (u / 2).dtype, u > -1, u == 200, u * 1.0)
print(u.sum(dtype=torch.uint8), u.sum(), u.to(torch.int16).sum(), u.double().std(), u.float().var())
print(torch.tensor([0, 1, 2], dtype=torch.uint8) - 1, torch.tensor([10], dtype=torch.uint8) ** 3)
print(u.bitwise_xor(torch.tensor(255, dtype=torch.uint8)), u.bitwise_not(), u << 1, u.abs())
print(i8.abs(), torch.tensor([-128], dtype=torch.int8).abs(), -torch.tensor([-128], dtype=torch.int8))
print(u.clamp(50, 150), u.clamp(max=300) if False else u.clamp(max=150), u.float().round().to(torch.uint8))
print(torch.tensor([1, 2], dtype=torch.uint16), torch.tensor([70000], dtype=torch.uint32).dtype)
for bad in (lambda: torch.tensor([1, 2], dtype=torch.uint16) + 1,
            lambda: torch.tensor([1, 2], dtype=torch.uint32).sum(),
            lambda: u.clamp(max=300),
            lambda: u.mean(),
            lambda: u.softmax(0),
            lambda: torch.histc(u, bins=4),
            lambda: torch.bincount(u.float()),
            lambda: torch.bincount(u, minlength=-1),
            lambda: torch.bincount(torch.tensor([], dtype=torch.long)),
            lambda: torch.bincount(torch.tensor([], dtype=torch.long), minlength=3),
            lambda: torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([1.0])),
            lambda: torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([1, 2]))):
    try:
        r = bad()
        print("ok", r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(3)
B, Hh, Tmax, Dh = 2, 2, 6, 4
k_cache = torch.zeros(B, Hh, Tmax, Dh)
v_cache = torch.zeros(B, Hh, Tmax, Dh)
pos = 0
for T in (3, 1, 1):
    k_new, v_new = torch.randn(B, Hh, T, Dh), torch.randn(B, Hh, T, Dh)
    k_cache[:, :, pos:pos + T] = k_new
    v_cache.narrow(2, pos, T).copy_(v_new)
    pos += T
    q = torch.randn(B, Hh, T, Dh)
    k, v = k_cache[:, :, :pos], v_cache[:, :, :pos]
    mask = torch.ones(T, pos, dtype=torch.bool).tril(pos - T)
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    ref = ((q @ k.transpose(-1, -2)) / Dh ** 0.5).masked_fill(~mask, float("-inf")).softmax(-1) @ v
    print(T, pos, out.shape, k.shape, k.is_contiguous(), (out - ref).abs().max() < 1e-6, k_cache._version)
idx = torch.tensor([4, 5])
k_cache.index_copy_(2, idx, torch.ones(B, Hh, 2, Dh))
print(k_cache[0, 0, :, 0], k_cache._version, k_cache[0, 0].count_nonzero())
win = torch.roll(v_cache, shifts=-1, dims=2)
win[:, :, -1] = 0
print(win[0, 0, :, 0], v_cache[0, 0, :, 0])

# %%
beams, V = 3, 5
torch.manual_seed(4)
scores = torch.randn(2, beams * V).log_softmax(-1)
top, idx = scores.topk(beams, dim=1)
beam_idx = torch.div(idx, V, rounding_mode="floor")
tok = idx.remainder(V)
print(top, idx, beam_idx, tok, idx.fmod(V))
hist = torch.arange(2 * beams * 2).view(2, beams, 2)
re = hist.gather(1, beam_idx[..., None].expand(-1, -1, hist.size(-1)))
print(re, re.shape, hist.index_select(1, beam_idx[0]).shape)
lp = top / (torch.tensor(3.0) ** 0.6)
print(lp, lp.argmax(-1), torch.topk(scores, 2, largest=False, sorted=True).values)
fin = torch.tensor([[True, False, False], [False, False, True]])
print(top.masked_fill(fin, -1e9), torch.where(fin, float("-inf"), top))
print(torch.div(idx.float(), V, rounding_mode="floor"), (idx // V).dtype, torch.floor_divide(idx, V))

# %%
# the cache kept in half precision: values written past its range, masks compared with 0-d tensors
kv16 = torch.zeros(2, 4, dtype=torch.float16)
kv16[0, 0] = 70000.0
kv16[1] = -1e6
kv16[kv16 == 0] = 0.5
print(kv16, torch.isinf(kv16).sum())
try:
    kv16[kv16 == 0.5] = torch.tensor(1e6)
except Exception as e:
    print(type(e).__name__, e)
lens = torch.tensor([3, 5])
print(lens > torch.tensor(4.5, dtype=torch.float64), torch.tensor([0.1, 0.3]) == torch.tensor(0.1, dtype=torch.float64))
try:
    torch.cat([torch.zeros(2, 3), torch.zeros(2, 4), torch.zeros(4)])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat([torch.empty(0, 4), k_cache], dim=2)
except Exception as e:
    print(type(e).__name__, e)
