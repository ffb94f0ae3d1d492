# Imitates a tokenizer notebook (minbpe / "Let's build the GPT tokenizer" style) done on tensors: text to utf-8
# bytes as tensors, uint8 arithmetic and wraparound, byte histograms, BPE pair statistics and merges by hand.
import torch

text = "héllo wörld! hello world 👋 hello"
raw = text.encode("utf-8")
ids = torch.tensor(list(raw))
print(len(text), len(raw), ids.dtype, ids.shape, ids[:12])
b = torch.frombuffer(bytearray(raw), dtype=torch.uint8)
print(b.dtype, b.shape, b[:8], b.is_contiguous(), b.stride())
print(bytes(b.tolist()).decode("utf-8") == text, bytes(ids[:5].tolist()))
print(b.max(), b.min(), b.sum(), b.sum().dtype, b.float().mean())

# %%
u = torch.tensor([250, 3, 128, 0, 255], dtype=torch.uint8)
print(u + 10, u * 2, u - 5, u // 3, u % 7)
print(u + 10.0, (u + 10).dtype, (u + torch.tensor(10)).dtype, (u + 300).dtype)
print(u.to(torch.int8), u.to(torch.int64) - 5, -u, ~u, u >> 4, u & 0x0F)
print(u.max(), u.argmax(), u.sort(), u.cumsum(0), u.cumsum(0).dtype, u.prod().dtype)
x = u.clone(); x += 10; print(x, x.dtype)
print(torch.tensor([300, -1, 256]).to(torch.uint8), torch.tensor([1.7, 255.9, 3.2]).to(torch.uint8))
print(u.view(torch.int8), torch.frombuffer(bytearray(b"\x01\x00\x02\x00"), dtype=torch.int16))

# %%
hist = torch.bincount(ids, minlength=256)
print(hist.shape, hist.dtype, hist.sum(), hist.nonzero().flatten()[:10], hist[ord("l")])
top = hist.topk(5)
print(top, [chr(i) for i in top.indices.tolist()])
print(torch.bincount(b, minlength=256).shape, torch.bincount(b.long(), minlength=256)[101:109])
p = hist.float() / hist.sum()
ent = -(p[p > 0] * p[p > 0].log2()).sum()
print(ent.item(), ent)
w = torch.bincount(ids, weights=torch.ones(len(ids), dtype=torch.float64) * 0.5, minlength=256)
print(w.dtype, w[104:112])

# %%
def get_stats(ids):
    pairs = torch.stack([ids[:-1], ids[1:]], 1)
    uniq, counts = torch.unique(pairs, dim=0, return_counts=True)
    return uniq, counts

uniq, counts = get_stats(ids)
print(uniq.shape, counts.shape, counts.dtype, uniq[:4], counts[:4])
best = counts.argmax()
print(best, uniq[best], counts[best], counts.max())
order = counts.argsort(descending=True, stable=True)
print(uniq[order[:5]].tolist(), counts[order[:5]].tolist())

def merge(ids, pair, idx):
    out = []
    i = 0
    lst = ids.tolist()
    while i < len(lst):
        if i < len(lst) - 1 and lst[i] == pair[0] and lst[i + 1] == pair[1]:
            out.append(idx); i += 2
        else:
            out.append(lst[i]); i += 1
    return torch.tensor(out, dtype=ids.dtype)

merges = {}
cur = ids.clone()
for k in range(5):
    uniq, counts = get_stats(cur)
    j = counts.argmax()
    pair = tuple(uniq[j].tolist())
    cur = merge(cur, pair, 256 + k)
    merges[pair] = 256 + k
    print(k, pair, counts[j].item(), cur.numel(), cur.max().item())
print(merges, len(ids) / len(cur))

# %%
# merging with masks instead of a python loop (no overlapping pairs)
ids2 = torch.tensor([1, 2, 3, 1, 2, 1, 2, 2, 4])
pair = torch.tensor([1, 2])
hit = (ids2[:-1] == pair[0]) & (ids2[1:] == pair[1])
print(hit, hit.nonzero().squeeze(1), hit.sum())
pos = torch.where(hit)[0]
keep = torch.ones_like(ids2, dtype=torch.bool)
keep[pos + 1] = False
merged = torch.where(torch.cat([hit, torch.tensor([False])]), torch.tensor(99), ids2)[keep]
print(merged, merged.dtype, keep)
vocab = {i: bytes([i]) for i in range(256)}
for (p0, p1), idx in merges.items():
    vocab[idx] = vocab[p0] + vocab[p1]
print(b"".join(vocab[i] for i in cur.tolist()).decode("utf-8", errors="replace") == text)

# %%
for bad in (lambda: torch.frombuffer(bytearray(b""), dtype=torch.uint8),
            lambda: torch.frombuffer(b"abc", dtype=torch.int16),
            lambda: torch.frombuffer(bytearray(b"abcd"), dtype=torch.int16, count=3),
            lambda: torch.unique(torch.tensor([3, 1, 3]), dim=1),
            lambda: torch.cat([torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([[3]])]),
            lambda: torch.bincount(torch.tensor([1, -1])),
            lambda: torch.bincount(torch.tensor([[1, 2]])),
            lambda: torch.bincount(torch.tensor([1.0, 2.0]))):
    try:
        r = bad()
        print("ok", r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)
print(torch.cat([torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([3])]).dtype,
      torch.unique(torch.tensor([3, 1, 3]), dim=0, return_counts=True, return_inverse=True))

# %%
# a merge written into a uint8 tensor: the new id 256 does not fit a byte
u8 = torch.tensor(list(b"abab"), dtype=torch.uint8)
first = torch.tensor(ord("a"))
print(u8 == first, u8 == torch.tensor(ord("a") + 256), (u8 < torch.tensor(300)).all())
for new_id in (torch.tensor(256), torch.tensor([256]), torch.tensor(200), 256):
    x = u8.clone()
    try:
        x[x == first] = new_id
        print(x)
    except Exception as e:
        print(type(e).__name__, e)
wide = u8.long()
wide[wide == first] = torch.tensor(256)
print(wide, torch.cat([u8, torch.tensor([256])]), torch.cat([u8, torch.tensor([1], dtype=torch.int8)]).dtype)
low = torch.empty(4, dtype=torch.uint8)
print(torch.bitwise_and(wide, 0xFF, out=low), low, torch.bitwise_right_shift(wide, 8, out=torch.empty(4, dtype=torch.uint8)))
print(torch.cat([u8, torch.tensor([1], dtype=torch.int8)], out=torch.empty(5, dtype=torch.uint8)))
