# Imitates the inference part of "let's build GPT"-style notebooks: a tiny trained character model, then sampling
# strategies side by side (greedy, temperature, top-k with logits[logits < v[:, [-1]]] = -inf, nucleus / top-p with
# sort + cumsum on a vocabulary above 16 symbols where the masked logits tie), counting samples, the q @ k.T mistake
# on 3-d tensors, casting the model to half precision (softmax of float16 logits, the -1e9 mask that does not fit
# float16, and torch.finfo(dtype).min instead), and the causal mask kept as an integer buffer.
import torch
import torch.nn as nn
from torch.nn import functional as F

torch.manual_seed(1337)
text = "the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs! " * 3
chars = sorted(set(text))
vocab_size = len(chars)
stoi = {ch: i for i, ch in enumerate(chars)}
itos = {i: ch for i, ch in enumerate(chars)}
encode = lambda s: [stoi[c] for c in s]
decode = lambda l: ''.join(itos[i] for i in l)
data = torch.tensor(encode(text), dtype=torch.long)
print(vocab_size, data.shape)

class Head(nn.Module):
    def __init__(self, n_embd, head_size, block_size):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)
        self.register_buffer('tril', torch.tril(torch.ones(block_size, block_size, dtype=torch.long)))

    def forward(self, x):
        B, T, C = x.shape
        k, q = self.key(x), self.query(x)
        wei = q @ k.transpose(-2, -1) * k.shape[-1] ** -0.5
        wei = wei.masked_fill(self.tril[:T, :T] == 0, torch.finfo(wei.dtype).min)
        wei = F.softmax(wei, dim=-1)
        return wei @ self.value(x)

class TinyGPT(nn.Module):
    def __init__(self, vocab_size, n_embd=16, block_size=8):
        super().__init__()
        self.block_size = block_size
        self.token_embedding_table = nn.Embedding(vocab_size, n_embd)
        self.position_embedding_table = nn.Embedding(block_size, n_embd)
        self.sa_head = Head(n_embd, n_embd, block_size)
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab_size)

    def forward(self, idx, targets=None):
        B, T = idx.shape
        x = self.token_embedding_table(idx) + self.position_embedding_table(torch.arange(T))
        x = x + self.sa_head(x)
        logits = self.lm_head(self.ln_f(x))
        if targets is None:
            return logits, None
        B, T, C = logits.shape
        return logits, F.cross_entropy(logits.view(B * T, C), targets.view(B * T))

model = TinyGPT(vocab_size)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
for step in range(40):
    ix = torch.randint(len(data) - model.block_size, (8,))
    xb = torch.stack([data[i:i + model.block_size] for i in ix])
    yb = torch.stack([data[i + 1:i + model.block_size + 1] for i in ix])
    logits, loss = model(xb, yb)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
print(f"loss after 40 steps: {loss.item():.4f}")

# %%
model.eval()
idx = torch.tensor([encode("the qu")])
with torch.no_grad():
    logits, _ = model(idx)
logits = logits[:, -1, :]
print("greedy:", itos[logits.argmax(-1).item()])
for temperature in (0.5, 1.0, 2.0):
    probs = F.softmax(logits / temperature, dim=-1)
    print(temperature, probs.max().item() > 0.1, probs.topk(3).indices.tolist())
v, _ = torch.topk(logits, 5)
masked = logits.clone()
masked[masked < v[:, [-1]]] = -float('Inf')
print(masked.isinf().sum().item(), torch.topk(masked, 8))
sorted_logits, sorted_indices = torch.sort(masked, descending=True)
print(sorted_indices)
cumulative_probs = torch.cumsum(F.softmax(sorted_logits, dim=-1), dim=-1)
sorted_indices_to_remove = cumulative_probs > 0.9
sorted_indices_to_remove[..., 1:] = sorted_indices_to_remove[..., :-1].clone()
sorted_indices_to_remove[..., 0] = False
indices_to_remove = sorted_indices_to_remove.scatter(1, sorted_indices, sorted_indices_to_remove)
print(indices_to_remove.sum().item(), torch.argsort(masked, dim=-1, descending=True)[0, :10])

# %%
@torch.no_grad()
def generate(model, idx, max_new_tokens, temperature=1.0, top_k=None):
    for _ in range(max_new_tokens):
        idx_cond = idx[:, -model.block_size:]
        logits, _ = model(idx_cond)
        logits = logits[:, -1, :] / temperature
        if top_k is not None:
            v, _ = torch.topk(logits, min(top_k, logits.size(-1)))
            logits[logits < v[:, [-1]]] = -float('Inf')
        probs = F.softmax(logits, dim=-1)
        idx = torch.cat((idx, torch.multinomial(probs, num_samples=1)), dim=1)
    return idx

torch.manual_seed(42)
print(decode(generate(model, idx, 20, temperature=0.8, top_k=4)[0].tolist()))
torch.manual_seed(42)
samples = torch.cat([generate(model, idx, 1, top_k=3)[:, -1] for _ in range(200)])
counts = torch.bincount(samples, minlength=vocab_size)
print(counts.nonzero().squeeze(-1).tolist(), counts.topk(3))
print(counts.sort(descending=True).indices[:6], counts.argsort()[:6])

# %%
q = torch.randn(2, 4, 8)
k = torch.randn(2, 4, 8)
try:
    wei = q @ k.T
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    wei = q @ k
except RuntimeError as e:
    print("RuntimeError:", e)
print((q @ k.transpose(-2, -1)).shape, (q @ k.mT).shape)

# %%
half = TinyGPT(vocab_size).half()
half.load_state_dict(model.state_dict())
print(half.lm_head.weight.dtype, half.sa_head.tril.dtype, half.lm_head.weight[0, :4])
logits16 = (torch.randn(1, vocab_size) * 4).half()
print(F.softmax(logits16, dim=-1)[0, :6], F.log_softmax(logits16, dim=-1)[0, :3], F.softmax(logits16.float(), -1)[0, :3])
scores = torch.randn(1, 4, 4).half()
try:
    scores.masked_fill(torch.ones(4, 4).triu(1).bool(), -1e9)
except RuntimeError as e:
    print("RuntimeError:", e)
print(scores.masked_fill(torch.ones(4, 4).triu(1).bool(), torch.finfo(torch.float16).min).softmax(-1))
mask = torch.ones(4, 4, dtype=torch.long).tril()
try:
    mask.masked_fill(mask == 0, float('-inf'))
except RuntimeError as e:
    print("RuntimeError:", e)
print(mask.float().masked_fill(mask == 0, float('-inf')))
