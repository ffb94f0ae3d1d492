# Imitates the evaluation / sampling part of an LLM course notebook: per-token losses with
# F.cross_entropy(reduction='none', ignore_index=pad), masked means, perplexity, probabilities printed to full
# precision, and the errors learners hit with multinomial, unique, cat and byte tensors.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
PAD, V = 0, 7
logits = torch.randn(2, 5, V, requires_grad=True)
targets = torch.tensor([[3, 1, 4, 0, 0], [2, 6, 5, 1, 0]])
loss_tok = F.cross_entropy(logits.view(-1, V), targets.view(-1), reduction="none", ignore_index=PAD)
print(loss_tok, loss_tok.grad_fn.name(), loss_tok.dtype)
mask = targets.view(-1) != PAD
mean = loss_tok.sum() / mask.sum()
print(mean, mean.item(), math.exp(mean.item()), torch.exp(mean))
ref = F.cross_entropy(logits.view(-1, V), targets.view(-1), ignore_index=PAD)
print(ref, ref.grad_fn.name(), torch.isclose(ref, mean))
mean.backward()
print(logits.grad[0, 3], logits.grad[0, 0], logits.grad.sum())
per_seq = loss_tok.view(2, 5).sum(1) / mask.view(2, 5).sum(1)
print(per_seq, per_seq.exp(), mask.view(2, 5).sum(1).dtype)
ls = F.cross_entropy(logits.view(-1, V), targets.view(-1), reduction="none", ignore_index=PAD, label_smoothing=0.1)
print(ls)
print(F.cross_entropy(logits.transpose(1, 2), targets, reduction="none", ignore_index=PAD).shape)

# %%
torch.set_printoptions(precision=10)
p = torch.softmax(torch.tensor([2.0, 1.0, 0.1, -1.0]), 0)
print(p, p.sum(), p.double(), p.tolist())
print(torch.tensor([1 / 3], dtype=torch.float64), torch.log_softmax(torch.tensor([2.0, 1.0, 0.1]), 0))
torch.set_printoptions(precision=4)
lp = torch.log_softmax(torch.tensor([[2.0, 1.0, 0.1, -1.0]], dtype=torch.float64), -1)
print(lp, lp.exp().sum().item(), f"{p[0].item():.12f}", repr(p[1].item()))
torch.set_printoptions(profile="default")

# %%
g = torch.Generator().manual_seed(7)
probs = torch.tensor([[0.1, 0.2, 0.7], [0.5, 0.5, 0.0]])
print(torch.multinomial(probs, 2, generator=g), torch.multinomial(probs[0], 5, True, generator=g))
print(torch.multinomial(torch.tensor([0.0, 3.0, 1.0]), 2, generator=g), torch.multinomial(probs, 1).dtype)
for bad in (lambda: torch.multinomial(torch.tensor([0.2, -0.1, 0.9]), 1),
            lambda: torch.multinomial(torch.tensor([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), 1),
            lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1),
            lambda: torch.multinomial(torch.tensor([0.5, float("nan")]), 1),
            lambda: torch.multinomial(torch.tensor([0.5, float("inf")]), 1),
            lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3),
            lambda: torch.multinomial(torch.tensor([0.5, 0.5, 0.0]), 3),
            lambda: torch.multinomial(torch.tensor(1.0), 1),
            lambda: torch.multinomial(torch.ones(2, 2, 2), 1),
            lambda: torch.multinomial(torch.tensor([1, 2, 3]), 1),
            lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 0),
            lambda: torch.multinomial(torch.tensor([0.5, 0.5]), -1)):
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
for bad in (lambda: torch.unique(torch.tensor([3, 1, 3]), dim=1),
            lambda: torch.unique(torch.tensor([3, 1, 3]), dim=-2),
            lambda: torch.unique(torch.tensor(5), dim=0),
            lambda: torch.tensor([[1, 2], [1, 2]]).unique(dim=2, return_counts=True),
            lambda: torch.unique(torch.empty(0, 2), dim=1),
            lambda: torch.cat([torch.tensor([1.0]), torch.tensor([1], dtype=torch.uint8)]),
            lambda: torch.cat([torch.tensor([1.0], dtype=torch.float16), torch.tensor([2.0], dtype=torch.float64)]),
            lambda: torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)]),
            lambda: torch.cat([torch.zeros(2, 3), torch.zeros(2)], dim=1),
            lambda: torch.cat([torch.tensor([True]), torch.tensor([2])]),
            lambda: torch.cat((torch.zeros(1, 2, dtype=torch.long), torch.zeros(1, 2)), dim=1),
            lambda: torch.stack([torch.tensor([1, 2]), torch.tensor([1, 2, 3])], 1),
            lambda: torch.tensor(b"abc"),
            lambda: torch.tensor([256, 1], dtype=torch.uint8),
            lambda: torch.tensor([-1], dtype=torch.uint8),
            lambda: torch.tensor([1], dtype=torch.uint8).requires_grad_(),
            lambda: bytes(torch.tensor([104, 105])),
            lambda: bytes(torch.tensor([104, 105], dtype=torch.uint8).tolist()),
            lambda: torch.frombuffer(bytearray(b"hi"), dtype=torch.uint8, offset=2)):
    try:
        r = bad()
        print("ok", r, getattr(r, "dtype", None))
    except Exception as e:
        print(type(e).__name__, e)

# %%
ids = torch.tensor([5, 5, 2, 2, 2, 9, 5])
print(torch.unique(ids), torch.unique(ids, sorted=False), torch.unique(ids, return_inverse=True))
print(torch.unique_consecutive(ids, return_counts=True), ids.unique(return_counts=True, return_inverse=True))
pairs = torch.stack([ids[:-1], ids[1:]], 1)
u, inv, c = torch.unique(pairs, dim=0, return_inverse=True, return_counts=True)
print(u, inv, c, u.dtype, inv.dtype, c.dtype)
print(torch.unique(pairs.to(torch.uint8), dim=0), torch.unique(pairs, dim=1).shape)
print(torch.unique(torch.tensor([[1.5, float("nan")], [1.5, float("nan")]]), dim=0))
print(torch.unique(torch.tensor([2.0, float("nan"), float("nan"), 1.0])))
