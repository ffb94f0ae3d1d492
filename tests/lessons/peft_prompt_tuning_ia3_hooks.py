# Imitates prompt-tuning / (IA)^3 lessons written by hand: a soft prompt (nn.Parameter of virtual-token embeddings)
# concatenated in front of a frozen embedding's output with the attention mask extended, (IA)^3 learned scaling
# vectors applied through forward hooks on frozen layers, model.apply to freeze, per-group learning rates, and a
# forward hook adapter that returns a new output; eval() turns dropout off.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
vocab, d, n_virtual = 12, 8, 3
emb = nn.Embedding(vocab, d)
layer = nn.TransformerEncoderLayer(d, nhead=2, dim_feedforward=16, dropout=0.1, batch_first=True)
head = nn.Linear(d, 2)
frozen = nn.ModuleList([emb, layer, head])

def freeze(m):
    for p in m.parameters(recurse=False):
        p.requires_grad_(False)
frozen.apply(freeze)
print(sum(p.requires_grad for p in frozen.parameters()), len(list(frozen.parameters())))

# %%
soft_prompt = nn.Parameter(emb.weight[:n_virtual].clone().detach())
print(soft_prompt.requires_grad, soft_prompt.is_leaf, soft_prompt.shape)
ids = torch.tensor([[1, 4, 5, 0, 0], [2, 3, 7, 9, 0]])
mask = ids != 0
def forward(ids, mask):
    x = emb(ids)
    prompt = soft_prompt.unsqueeze(0).expand(ids.size(0), -1, -1)
    x = torch.cat([prompt, x], dim=1)
    full_mask = torch.cat([torch.ones(ids.size(0), n_virtual, dtype=torch.bool), mask], dim=1)
    h = layer(x, src_key_padding_mask=~full_mask)
    pooled = (h * full_mask.unsqueeze(-1)).sum(1) / full_mask.sum(1, keepdim=True)
    return head(pooled)

layer.eval()
logits = forward(ids, mask)
print(logits)
loss = F.cross_entropy(logits, torch.tensor([0, 1]))
loss.backward()
print(loss, soft_prompt.grad.shape)
print(soft_prompt.grad[0])
print(emb.weight.grad, layer.linear1.weight.grad)

# %%
# (IA)^3: scaling vectors on the keys/values and the feed-forward activations through forward hooks
torch.manual_seed(1)
mlp = nn.Sequential(nn.Linear(d, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, d))
mlp.requires_grad_(False)
l_ff = nn.Parameter(torch.ones(16))
def ia3_hook(module, inputs, output):
    return output * l_ff
handle = mlp[1].register_forward_hook(ia3_hook)
xx = torch.randn(4, d)
mlp.eval()
out = mlp(xx)
print(out.grad_fn, out.requires_grad)
out.pow(2).mean().backward()
print(l_ff.grad)
handle.remove()
print(mlp(xx).requires_grad)
with torch.no_grad():
    l_ff.mul_(2.0)
handle = mlp[1].register_forward_hook(ia3_hook)
print(torch.allclose(mlp(xx), out, atol=1e-6))
handle.remove()

# %%
mlp.train()
torch.manual_seed(2)
a = mlp(xx)
torch.manual_seed(2)
b = mlp(xx)
print(torch.equal(a, b), mlp.training, mlp[2].training)
mlp.eval()
print(mlp[2], mlp.training, [m.training for m in mlp])
mlp.train(False)
print(mlp.training)
try:
    mlp.train("no")
except ValueError as e:
    print(type(e).__name__, e)

# %%
# per-group learning rates: the soft prompt faster than the head's bias
head.bias.requires_grad_(True)
opt = torch.optim.AdamW([
    {"params": [soft_prompt], "lr": 0.3},
    {"params": [p for p in head.parameters() if p.requires_grad], "lr": 1e-3, "weight_decay": 0.0},
], weight_decay=0.01)
print([(g["lr"], g["weight_decay"], len(g["params"])) for g in opt.param_groups])
for step in range(3):
    opt.zero_grad()
    loss = F.cross_entropy(forward(ids, mask), torch.tensor([0, 1]))
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.6f}", soft_prompt._version, head.bias._version)
try:
    opt.add_param_group({"params": [soft_prompt]})
except ValueError as e:
    print(type(e).__name__, e)
try:
    torch.optim.AdamW([{"params": soft_prompt}, {"lr": 0.1}])
except (ValueError, TypeError, KeyError) as e:
    print(type(e).__name__, e)

# %%
# a frozen module in a forward hook adapter returning a tuple
def adapter_hook(module, args, kwargs, output):
    return output + 0.5
h2 = head.register_forward_hook(adapter_hook, with_kwargs=True)
print(head(torch.ones(1, d)))
h2.remove()
print(head(torch.ones(1, d)))
def pre(module, args):
    return (args[0] * 0,)
h3 = head.register_forward_pre_hook(pre)
print(head(torch.ones(1, d)), head.bias)
h3.remove()
