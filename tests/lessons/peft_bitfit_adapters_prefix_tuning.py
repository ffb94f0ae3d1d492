# Imitates hand-written parameter-efficient fine-tuning lessons beyond LoRA: BitFit (train only the biases),
# bottleneck adapters with a residual inserted after a frozen block (Houlsby-style), prefix tuning with learned
# key/value tensors concatenated in front of the keys and values of a small attention, counting trainable
# parameters, optimizer param groups with only trainable params, and checking frozen weights keep None grads.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.q = nn.Linear(d, d)
        self.k = nn.Linear(d, d)
        self.v = nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.norm = nn.LayerNorm(d)

    def forward(self, x, prefix_k=None, prefix_v=None):
        q, k, v = self.q(x), self.k(x), self.v(x)
        if prefix_k is not None:
            k = torch.cat([prefix_k.expand(x.size(0), -1, -1), k], dim=1)
            v = torch.cat([prefix_v.expand(x.size(0), -1, -1), v], dim=1)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(q.size(-1))
        att = att.softmax(dim=-1)
        h = self.norm(x + att @ v)
        return h + self.ff(h)

base = Block(8)
x = torch.randn(2, 5, 8)
print(base(x).shape)

# %%
# BitFit: only biases train
for name, p in base.named_parameters():
    p.requires_grad_("bias" in name)
trainable = [n for n, p in base.named_parameters() if p.requires_grad]
print(trainable)
n_train = sum(p.numel() for p in base.parameters() if p.requires_grad)
n_all = sum(p.numel() for p in base.parameters())
print(f"trainable: {n_train} / {n_all} = {100 * n_train / n_all:.2f}%")
out = base(x).pow(2).mean()
out.backward()
for n, p in base.named_parameters():
    print(n, None if p.grad is None else tuple(p.grad.shape), p.requires_grad)
print(base.q.bias.grad)
print(base.norm.bias.grad)

# %%
opt = torch.optim.AdamW(filter(lambda p: p.requires_grad, base.parameters()), lr=1e-2, weight_decay=0.0)
print(len(opt.param_groups), len(opt.param_groups[0]["params"]), opt.param_groups[0]["weight_decay"])
print(sorted(k for k in opt.param_groups[0].keys()))
w_before = base.q.weight.clone()
b_before = base.q.bias.clone()
opt.step()
print(torch.equal(w_before, base.q.weight), torch.allclose(b_before, base.q.bias))
print((base.q.bias - b_before).abs().max())
opt.zero_grad()
print(base.q.bias.grad, base.q.weight.grad)

# %%
class Adapter(nn.Module):
    def __init__(self, d, bottleneck=2):
        super().__init__()
        self.down = nn.Linear(d, bottleneck)
        self.up = nn.Linear(bottleneck, d)
        nn.init.zeros_(self.up.weight)
        nn.init.zeros_(self.up.bias)

    def forward(self, h):
        return h + self.up(F.relu(self.down(h)))

class BlockWithAdapter(nn.Module):
    def __init__(self, block, d):
        super().__init__()
        self.block = block
        self.adapter = Adapter(d)

    def forward(self, x):
        return self.adapter(self.block(x))

torch.manual_seed(1)
model = BlockWithAdapter(Block(8), 8)
model.block.requires_grad_(False)
print(model)
print({n: p.requires_grad for n, p in model.named_parameters() if n.startswith("adapter")})
y0 = model.block(x)
y1 = model(x)
print(torch.equal(y0, y1))
loss = y1.sum()
loss.backward()
print([n for n, p in model.named_parameters() if p.grad is not None])
print(model.adapter.up.weight.grad)
print(model.adapter.down.weight.grad)
print(y1.grad_fn, y1.grad_fn.next_functions[0][0])

# %%
# prefix tuning: learn key/value prefixes, the block frozen
torch.manual_seed(2)
block = Block(8)
for p in block.parameters():
    p.requires_grad = False
prefix_k = nn.Parameter(torch.randn(1, 3, 8) * 0.02)
prefix_v = nn.Parameter(torch.randn(1, 3, 8) * 0.02)
out = block(x, prefix_k, prefix_v)
print(out.shape, out.requires_grad, out.grad_fn)
loss = out.pow(2).mean()
loss.backward()
print(prefix_k.grad.shape, prefix_v.grad.norm())
print(prefix_k.grad[0, :, :3])
print(block.k.weight.grad)
opt = torch.optim.SGD([prefix_k, prefix_v], lr=0.1, momentum=0.9)
for step in range(3):
    opt.zero_grad()
    loss = block(x, prefix_k, prefix_v).pow(2).mean()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 6))
print(opt.state_dict()["state"][0]["momentum_buffer"].shape)

# %%
# the expand without batch dims and a wrong prefix shape
try:
    block(x, torch.randn(3, 8), torch.randn(3, 8))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    block(x, torch.randn(1, 3, 7), torch.randn(1, 3, 7))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.cat([torch.randn(2, 3, 8), torch.randn(2, 5, 8, dtype=torch.float64)], dim=1).dtype
    print(torch.cat([torch.randn(2, 3, 8), torch.randn(2, 5, 8, dtype=torch.float64)], dim=1).dtype)
    torch.cat([torch.randn(1, 3, 8), torch.randn(2, 5, 8)], dim=1)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# frozen params: backward with nothing trainable
frozen = nn.Linear(4, 2).requires_grad_(False)
out = frozen(torch.randn(3, 4))
print(out.requires_grad, out.grad_fn)
try:
    out.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.optim.Adam([p for p in frozen.parameters() if p.requires_grad])
except ValueError as e:
    print(type(e).__name__, e)
opt = torch.optim.Adam(frozen.parameters())
print(opt.step())
