# Imitates dataflowr (Marc Lelarge) module 9 (autoencoders / dropout: model.train() vs model.eval() with nn.Dropout
# and F.dropout(training=...)), module 12 (a tiny self-attention with torch.bmm and a causal mask via masked_fill with
# float('-inf')), and the "hooks" / "inside a CNN" notebooks (register_forward_hook collecting activation mean/std,
# register_full_backward_hook printing grad_output shapes).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
drop = nn.Dropout(p=0.5)
print(drop, drop.training)
x = torch.ones(2, 6)
print(drop(x))
drop.eval()
print(drop(x), drop.training)
print(F.dropout(x, 0.5, training=False))
torch.manual_seed(1)
print(F.dropout(x, 0.5, training=True))
print(F.dropout(x, p=1.0), F.dropout(x, p=0.0))
for p in [-0.1, 1.5]:
    try:
        nn.Dropout(p)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        F.dropout(x, p)
    except Exception as e:
        print(type(e).__name__, e)

# %%
class AE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(6, 3), nn.ReLU(), nn.Dropout(0.3))
        self.dec = nn.Sequential(nn.Linear(3, 6), nn.Sigmoid())
    def forward(self, x):
        return self.dec(self.enc(x))

torch.manual_seed(0)
ae = AE()
data = torch.rand(8, 6)
opt = torch.optim.SGD(ae.parameters(), lr=0.5)
for epoch in range(20):
    ae.train()
    opt.zero_grad()
    loss = F.binary_cross_entropy(ae(data), data)
    loss.backward()
    opt.step()
    if epoch % 5 == 0:
        ae.eval()
        with torch.no_grad():
            print(epoch, loss.item(), F.mse_loss(ae(data), data).item())
print(ae.training, ae.enc[2].training, ae.train().enc[2].training)
print(ae.eval())

# %%
torch.manual_seed(0)
B, T, D = 2, 4, 3
x = torch.randn(B, T, D, requires_grad=True)
Wq, Wk, Wv = (nn.Linear(D, D, bias=False) for _ in range(3))
q, k, v = Wq(x), Wk(x), Wv(x)
scores = torch.bmm(q, k.transpose(1, 2)) / math.sqrt(D)
mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
print(mask)
scores = scores.masked_fill(mask, float('-inf'))
print(scores[0])
attn = F.softmax(scores, dim=-1)
print(attn[0])
out = torch.bmm(attn, v)
print(out.shape, out.grad_fn)
out.sum().backward()
print(x.grad[0])
print(scores.grad_fn, attn.grad_fn)

# %%
s2 = torch.zeros(2, 3).masked_fill(torch.tensor([[True, True, True], [False, True, False]]), float('-inf'))
print(s2, F.softmax(s2, dim=-1))
for bad in [lambda: scores.masked_fill(mask.float(), 0.0),
            lambda: scores.masked_fill(torch.ones(3, 3, dtype=torch.bool), 0.0),
            lambda: torch.bmm(q, k),
            lambda: torch.bmm(q[0], k[0].t()),
            lambda: scores.detach().masked_fill_(mask, torch.tensor([1.0, 2.0]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.zeros(2, 2).masked_fill(torch.tensor([True, False]), torch.tensor(5.0)))
print(torch.zeros(2, 2, dtype=torch.long).masked_fill(torch.eye(2, dtype=torch.bool), 2.7))

# %%
torch.manual_seed(0)
cnn = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Flatten(), nn.Linear(2 * 2 * 2, 3))
stats = {}
def save_stats(name):
    def hook(module, inp, out):
        stats[name] = (round(out.mean().item(), 4), round(out.std().item(), 4), tuple(out.shape))
    return hook
handles = [m.register_forward_hook(save_stats(f"{i}:{type(m).__name__}")) for i, m in enumerate(cnn)]
img = torch.randn(2, 1, 4, 4)
y = cnn(img)
for k_, v_ in stats.items():
    print(k_, v_)
print(handles[0])
for h in handles:
    h.remove()
stats.clear()
cnn(img)
print(stats)

# %%
def bhook(module, grad_input, grad_output):
    print(type(module).__name__, [None if g is None else tuple(g.shape) for g in grad_input],
          [tuple(g.shape) for g in grad_output])
hs = [m.register_full_backward_hook(bhook) for m in cnn]
img.requires_grad_(True)
cnn(img).sum().backward()
for h in hs:
    h.remove()
img.grad = None
def bhook2(module, grad_input, grad_output):
    return (grad_input[0] * 0,)
h = cnn[4].register_full_backward_hook(bhook2)
cnn(img).sum().backward()
print(img.grad.abs().sum())
h.remove()
def pre(module, grad_output):
    print("pre", tuple(grad_output[0].shape))
h = cnn[4].register_full_backward_pre_hook(pre)
cnn(img).sum().backward()
h.remove()
