# Imitates text-generation sampling code (HF-style top-k / top-p filtering, temperature, greedy and
# repetition penalty) on a tiny random "language model".
import torch
import torch.nn.functional as F

torch.manual_seed(0)
vocab = 10
logits = torch.randn(2, vocab)

def top_k_top_p_filtering(logits, top_k=0, top_p=1.0, filter_value=-float("Inf")):
    if top_k > 0:
        indices_to_remove = logits < torch.topk(logits, top_k)[0][..., -1, None]
        logits = logits.masked_fill(indices_to_remove, filter_value)
    if top_p < 1.0:
        sorted_logits, sorted_indices = torch.sort(logits, descending=True)
        cumulative_probs = torch.cumsum(F.softmax(sorted_logits, dim=-1), dim=-1)
        sorted_indices_to_remove = cumulative_probs > top_p
        sorted_indices_to_remove[..., 1:] = sorted_indices_to_remove[..., :-1].clone()
        sorted_indices_to_remove[..., 0] = 0
        indices_to_remove = sorted_indices_to_remove.scatter(1, sorted_indices, sorted_indices_to_remove)
        logits = logits.masked_fill(indices_to_remove, filter_value)
    return logits

print(top_k_top_p_filtering(logits, top_k=3))
print(top_k_top_p_filtering(logits, top_p=0.7))
f = top_k_top_p_filtering(logits / 0.8, top_k=5, top_p=0.9)
probs = F.softmax(f, dim=-1)
print(probs)
print(torch.multinomial(probs, num_samples=1), torch.multinomial(probs, 3, replacement=True))

# %%
emb = torch.nn.Embedding(vocab, 8)
head = torch.nn.Linear(8, vocab)
def generate(idx, steps, temperature=1.0, top_k=None, greedy=False):
    for _ in range(steps):
        h = emb(idx).mean(1)
        logits = head(h) / temperature
        if top_k is not None:
            v, _ = torch.topk(logits, min(top_k, logits.size(-1)))
            logits[logits < v[:, [-1]]] = -float("Inf")
        probs = F.softmax(logits, dim=-1)
        nxt = torch.argmax(probs, -1, keepdim=True) if greedy else torch.multinomial(probs, num_samples=1)
        idx = torch.cat((idx, nxt), dim=1)
    return idx
with torch.no_grad():
    print(generate(torch.zeros((1, 1), dtype=torch.long), 8, top_k=4))
    print(generate(torch.tensor([[1, 2]]), 5, greedy=True))
    print(generate(torch.zeros((3, 1), dtype=torch.long), 4, temperature=0.5))

# %%
def apply_repetition_penalty(logits, input_ids, penalty=1.2):
    score = torch.gather(logits, 1, input_ids)
    score = torch.where(score < 0, score * penalty, score / penalty)
    return logits.scatter(1, input_ids, score)
ids = torch.tensor([[1, 3, 3], [0, 9, 2]])
print(apply_repetition_penalty(logits, ids))
print(torch.multinomial(torch.tensor([0.0, 0.0, 1.0]), 2))

# %%
g = torch.Generator().manual_seed(42)
p = torch.tensor([0.1, 0.2, 0.3, 0.4])
print(torch.multinomial(p, 6, replacement=True, generator=g))
print(torch.multinomial(p.repeat(2, 1), 2, generator=g))
print(torch.distributions.Categorical(logits=logits).sample((3,)))
gumbel = -torch.log(-torch.log(torch.rand(2, vocab)))
print((logits + gumbel).argmax(-1))
print(torch.multinomial(torch.tensor([0.5, -0.1]), 1))
