# Imitates a "decoding strategies for music transformers" notebook: quantizing onset times to a grid with
# bucketize, pitch transposition with roll, top-k / top-p filters written several ways (in-place index
# assignment, scatter_, masked_fill_), repetition / frequency penalties, Categorical sampling, seeded
# generators, and the mistakes learners hit along the way.
import torch
import torch.nn.functional as F

torch.manual_seed(3)
onsets = torch.rand(10) * 4.0
grid = torch.arange(0, 4.25, 0.25)
q = torch.bucketize(onsets, grid)
print(onsets, q, grid[q.clamp(max=len(grid) - 1)])
print(torch.searchsorted(grid, onsets, right=True))
pitches = torch.randint(48, 72, (10,))
print(pitches, (pitches + 2).clamp(0, 127), torch.roll(F.one_hot(pitches - 48, 24), 3, dims=1).argmax(1))
roll = F.one_hot(pitches - 48, 24).to(torch.uint8)
print(F.pad(roll, (0, 0, 1, 1)).shape, F.pad(roll.float(), (2, 2), value=-1.0)[0])
print(roll.cumsum(0).dtype, roll.bool().cumsum(0)[-1], roll.sum(0, dtype=torch.int32).dtype)

# %%
logits = torch.randn(2, 12)
k = 4
a = logits.clone()
a[a < torch.topk(a, k).values[..., -1:]] = float("-inf")
b = torch.full_like(logits, float("-inf"))
v, i = torch.topk(logits, k, dim=-1)
b.scatter_(-1, i, v)
print(torch.equal(a, b), a)
vals, idx = torch.topk(logits, k, largest=False, sorted=True)
print(vals, idx)
try:
    torch.topk(logits, 13)
except Exception as e:
    print(type(e).__name__, e)
ties = torch.tensor([1.0, 3.0, 3.0, 2.0, 3.0])
print(torch.topk(ties, 2), torch.sort(ties, descending=True, stable=True))
print(torch.sort(torch.tensor([2.0, float("nan"), 1.0, float("-inf")]), descending=True))
print(torch.argsort(ties, descending=True, stable=True))

# %%
def top_p(logits, p):
    s, si = torch.sort(logits, descending=True)
    probs = s.softmax(-1)
    cum = probs.cumsum(-1)
    mask = cum > p
    mask[..., 1:] = mask[..., :-1].clone()
    mask[..., 0] = False
    out = logits.clone()
    out.scatter_(-1, si, s.masked_fill(mask, float("-inf")))
    return out

for p in (0.0, 0.5, 0.95, 1.0):
    f = top_p(logits, p)
    print(p, torch.isinf(f).sum(-1), f.softmax(-1)[0])
try:
    logits.masked_fill(logits > 0, float("-inf")).masked_fill_(torch.tensor([1, 0]), 0.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.arange(5).masked_fill(torch.tensor([True, False, True, False, True]), float("-inf"))
except Exception as e:
    print(type(e).__name__, e)
print(torch.arange(5).masked_fill(torch.tensor([True, False, True, False, True]), 2.7))

# %%
gen = torch.Generator().manual_seed(7)
history = torch.tensor([[3, 3, 5, 7], [1, 2, 2, 2]])
lg = torch.randn(2, 12, requires_grad=True)
sc = lg.gather(1, history)
pen = torch.where(sc > 0, sc / 1.2, sc * 1.2)
pl = lg.scatter(1, history, pen)
counts = torch.zeros(2, 12).scatter_add_(1, history, torch.ones_like(history, dtype=torch.float))
print(counts)
freq = pl - 0.5 * counts - 0.3 * (counts > 0).float()
print(freq.grad_fn, pl.grad_fn, pen.grad_fn, sc.grad_fn)
freq.logsumexp(-1).sum().backward()
print(lg.grad)
d = torch.distributions.Categorical(logits=freq.detach() / 0.7)
print(d.probs.sum(-1), d.entropy(), d.sample(), d.log_prob(torch.tensor([3, 2])))
probs = F.softmax(freq.detach() / 0.7, -1)
print(torch.multinomial(probs, 3, replacement=False, generator=gen))
print(torch.multinomial(probs, 6, replacement=True, generator=gen))
print(torch.randint(0, 12, (4,), generator=gen), torch.randperm(6, generator=gen))
print(torch.multinomial(torch.tensor([[0.0, 0.0], [0.5, 0.5]]), 1, generator=gen) if False else "skip")
try:
    torch.multinomial(torch.tensor([[0.0, 0.0], [0.5, 0.5]]), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(probs, 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(probs[0, 0], 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.ones(2, 3, 4), 1)
except Exception as e:
    print(type(e).__name__, e)
