# Imitates an LLM decoding notebook: a tiny attention "model" with a KV cache grown by torch.cat, greedy decoding,
# top-k / top-p (nucleus) filtering with sort + cumsum + scatter back, seeded torch.Generator sampling, a repetition
# penalty with gather/scatter_, and beam search over flattened scores.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
V, D, H = 12, 8, 2
emb = torch.nn.Embedding(V, D)
qkv = torch.nn.Linear(D, 3 * D)
head = torch.nn.Linear(D, V)

def step(x_new, cache=None):
    B, T, _ = x_new.shape
    q, k, v = qkv(x_new).split(D, dim=-1)
    k = k.view(B, T, H, D // H).transpose(1, 2)
    v = v.view(B, T, H, D // H).transpose(1, 2)
    q = q.view(B, T, H, D // H).transpose(1, 2)
    if cache is not None:
        k = torch.cat([cache[0], k], dim=2)
        v = torch.cat([cache[1], v], dim=2)
    att = (q @ k.transpose(-2, -1)) / (D // H) ** 0.5
    Tk = k.size(2)
    mask = torch.ones(T, Tk, dtype=torch.bool).tril(diagonal=Tk - T)
    att = att.masked_fill(~mask, float("-inf")).softmax(-1)
    y = (att @ v).transpose(1, 2).reshape(B, T, D)
    return head(y), (k, v)

with torch.no_grad():
    prompt = torch.tensor([[1, 5, 7]])
    logits, cache = step(emb(prompt))
    print(logits.shape, cache[0].shape, cache[1].stride(), cache[0].is_contiguous())
    full, _ = step(emb(torch.tensor([[1, 5, 7, 3]])))
    inc, cache2 = step(emb(torch.tensor([[3]])), cache)
    print(inc.shape, cache2[0].shape, torch.allclose(full[:, -1], inc[:, -1], atol=1e-6))
    print((full[:, -1] - inc[:, -1]).abs().max() < 1e-5, cache2[0].narrow(2, 1, 2).shape)
    print(cache2[0].narrow(2, -2, 2).shape, cache2[1][:, :, -1:].shape)

# %%
with torch.no_grad():
    ids = torch.tensor([[1, 5]])
    logits, cache = step(emb(ids))
    for t in range(5):
        nxt = logits[:, -1].argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, nxt], dim=1)
        logits, cache = step(emb(nxt), cache)
        print(t, nxt.tolist(), ids.shape, cache[0].shape, logits.shape)
    print(ids, ids.dtype)

# %%
g = torch.Generator().manual_seed(42)
logits = torch.randn(3, V, generator=g)
print(logits)
def top_k(logits, k):
    v, _ = torch.topk(logits, k)
    return logits.masked_fill(logits < v[:, [-1]], float("-inf"))
def top_p(logits, p):
    s, idx = logits.sort(dim=-1, descending=True)
    cum = s.softmax(-1).cumsum(-1)
    remove = cum - s.softmax(-1) > p
    s = s.masked_fill(remove, float("-inf"))
    return torch.empty_like(logits).scatter(-1, idx, s)
tk = top_k(logits, 4)
tp = top_p(logits, 0.8)
print(tk)
print(tp)
pr = F.softmax(tp / 0.7, dim=-1)
print(pr, pr.sum(-1), (pr > 0).sum(-1))
g2 = torch.Generator().manual_seed(123)
print(torch.multinomial(pr, 1, generator=g2), torch.multinomial(pr, 4, replacement=True, generator=g2))
g2.manual_seed(123)
print(torch.multinomial(pr, 1, generator=g2).squeeze(-1), g2.initial_seed())
print(torch.multinomial(F.softmax(tk, -1), 2, generator=g2))
state = g2.get_state()
a = torch.multinomial(pr[0], 3, generator=g2)
g2.set_state(state)
print(a, torch.multinomial(pr[0], 3, generator=g2), torch.equal(a, a))

# %%
def repetition_penalty(logits, prev, penalty=1.3):
    score = torch.gather(logits, 1, prev)
    score = torch.where(score < 0, score * penalty, score / penalty)
    out = logits.clone()
    out.scatter_(1, prev, score)
    return out
prev = torch.tensor([[0, 3, 3], [5, 1, 2], [7, 7, 7]])
rp = repetition_penalty(logits, prev)
print(rp)
print((rp - logits).nonzero().tolist())
lg = logits.clone().requires_grad_()
r = repetition_penalty(lg, prev)
print(r.grad_fn.name(), r.grad_fn.next_functions[0][0].name())
r.logsumexp(-1).sum().backward()
print(lg.grad)

# %%
def beam_search(logp_fn, beams=3, steps=4, start=1):
    seqs = torch.full((1, 1), start)
    scores = torch.zeros(1)
    for t in range(steps):
        lp = logp_fn(seqs)
        cand = scores[:, None] + lp
        flat = cand.view(-1)
        top, idx = flat.topk(beams)
        beam_id = idx.div(V, rounding_mode="floor")
        tok = idx % V
        seqs = torch.cat([seqs[beam_id], tok[:, None]], dim=1)
        scores = top
        print(t, beam_id.tolist(), tok.tolist(), scores, beam_id.dtype, idx // V)
    return seqs, scores
torch.manual_seed(1)
table = torch.randn(V, V).log_softmax(-1)
seqs, scores = beam_search(lambda s: table[s[:, -1]])
print(seqs, scores / seqs.size(1))
print(torch.div(torch.tensor([-7, 7]), 3, rounding_mode="floor"), torch.tensor([-7, 7]) % 3,
      torch.div(torch.tensor([-7, 7]), 3, rounding_mode="trunc"), torch.remainder(torch.tensor([-7.5, 7.5]), 3))
