# Imitates Stanford CS336 (Spring 2025) assignment 1 "basics": get_batch sampling (x, y) windows from a 1-D numpy
# array of token ids (np.memmap / np.load(mmap_mode="r") in the handout) with torch.from_numpy, moved with .to(device);
# save_checkpoint / load_checkpoint of model, optimizer and iteration through torch.save / torch.load into a file
# object and a path; a tiny training loop that resumes from the checkpoint; and decode() with temperature scaling and
# top-p (nucleus) sampling until an end-of-text token or max_new_tokens.
import io
import os
import tempfile
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def get_batch(dataset, batch_size, context_length, device):
    starts = np.random.randint(0, len(dataset) - context_length, size=batch_size)
    x = np.stack([dataset[s:s + context_length] for s in starts])
    y = np.stack([dataset[s + 1:s + 1 + context_length] for s in starts])
    return torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)

np.random.seed(0)
dataset = np.arange(100, dtype=np.int64)
x, y = get_batch(dataset, batch_size=3, context_length=5, device="cpu")
print(x, y, sep="\n")
print(x.dtype, x.device, torch.equal(x + 1, y))
tokens16 = np.array([5, 6, 7, 8, 9, 10, 11], dtype=np.uint16)
xb, yb = get_batch(tokens16, 2, 3, "cpu")
print(xb.dtype, xb)
print(xb.long().dtype, torch.from_numpy(tokens16.astype(np.int64))[:3])
arr = np.zeros(4, dtype=np.int32)
t = torch.from_numpy(arr)
arr[0] = 7
print(t, t.dtype)
try:
    torch.from_numpy(dataset[::2].tolist())
except Exception as e:
    print(type(e).__name__, e)
ro = np.arange(6, dtype=np.int64)
ro.setflags(write=False)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    tr = torch.from_numpy(ro)
print(tr, [str(x.message)[:60] for x in w])
print(torch.as_tensor(dataset[:4]), torch.tensor(dataset[:4].astype(np.uint16)).dtype)

# %%
def save_checkpoint(model, optimizer, iteration, out):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "iteration": iteration}, out)

def load_checkpoint(src, model, optimizer):
    ckpt = torch.load(src)
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(ckpt["optimizer"])
    return ckpt["iteration"]

torch.manual_seed(0)
vocab, ctx = 12, 6
class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(vocab, 8)
        self.head = nn.Linear(8, vocab)
    def forward(self, idx):
        return self.head(torch.tanh(self.emb(idx)))

data = np.random.randint(0, vocab, size=200).astype(np.int64)
model = TinyLM()
opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.01)
for it in range(1, 6):
    xb, yb = get_batch(data, 4, ctx, "cpu")
    logits = model(xb)
    loss = F.cross_entropy(logits.view(-1, vocab), yb.view(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
print(f"it {it} loss {loss.item():.4f}")
buf = io.BytesIO()
save_checkpoint(model, opt, it, buf)
buf.seek(0)
model2 = TinyLM()
opt2 = torch.optim.AdamW(model2.parameters(), lr=1e-2, weight_decay=0.01)
start = load_checkpoint(buf, model2, opt2)
print(start, torch.equal(model2.head.weight, model.head.weight))
print(opt2.state_dict()["state"][0]["step"], opt2.param_groups[0]["lr"])
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "ckpt.pt")
    save_checkpoint(model, opt, it, path)
    print(os.path.exists(path), load_checkpoint(path, model2, opt2))
    ck = torch.load(path, map_location="cpu")
    print(sorted(ck.keys()), list(ck["model"].keys()), type(ck["iteration"]).__name__)
try:
    load_checkpoint(io.BytesIO(b"not a checkpoint"), model2, opt2)
except Exception as e:
    print(type(e).__name__, str(e)[:80])

# %%
state = np.random.get_state()
for it in range(start + 1, start + 3):
    xb, yb = get_batch(data, 4, ctx, "cpu")
    for m_, o_ in ((model, opt), (model2, opt2)):
        loss = F.cross_entropy(m_(xb).view(-1, vocab), yb.view(-1))
        o_.zero_grad()
        loss.backward()
        o_.step()
    print(it, f"{loss.item():.4f}", torch.allclose(model.emb.weight, model2.emb.weight))

# %%
def top_p_filter(probs, p):
    sorted_probs, sorted_idx = torch.sort(probs, descending=True, dim=-1)
    cumulative = torch.cumsum(sorted_probs, dim=-1)
    remove = cumulative - sorted_probs > p
    sorted_probs = sorted_probs.masked_fill(remove, 0.0)
    filtered = torch.zeros_like(probs).scatter(-1, sorted_idx, sorted_probs)
    return filtered / filtered.sum(dim=-1, keepdim=True)

@torch.no_grad()
def decode(model, prompt, max_new_tokens, temperature=1.0, top_p=1.0, eos_id=None):
    idx = prompt.clone()
    for _ in range(max_new_tokens):
        logits = model(idx[:, -ctx:])[:, -1, :]
        if temperature == 0:
            nxt = logits.argmax(dim=-1, keepdim=True)
        else:
            probs = F.softmax(logits / temperature, dim=-1)
            if top_p < 1.0:
                probs = top_p_filter(probs, top_p)
            nxt = torch.multinomial(probs, num_samples=1)
        idx = torch.cat([idx, nxt], dim=1)
        if eos_id is not None and nxt.item() == eos_id:
            break
    return idx

torch.manual_seed(42)
probs = F.softmax(torch.tensor([[2.0, 1.0, 0.5, 0.1, -1.0]]), dim=-1)
print(probs)
print(top_p_filter(probs, 0.5), top_p_filter(probs, 0.9))
print(F.softmax(torch.tensor([2.0, 1.0, 0.5]) / 0.5, dim=-1), F.softmax(torch.tensor([2.0, 1.0, 0.5]) / 10.0, dim=-1))
prompt = torch.tensor([[1, 2, 3]])
print(decode(model, prompt, 8, temperature=0))
print(decode(model, prompt, 8, temperature=0.7, top_p=0.9))
print(decode(model, prompt, 20, temperature=1.5, top_p=0.95, eos_id=0))
try:
    torch.multinomial(torch.tensor([[0.0, 0.0]]), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.multinomial(torch.tensor([[0.5, -0.1]]), 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    decode(model, torch.tensor([[1, 2]]), 2, temperature=1e-9)
except Exception as e:
    print(type(e).__name__, e)
