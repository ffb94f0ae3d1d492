# Imitates a WaveNet blog post: mu-law companding and quantization of a waveform into 256 classes, dilated causal
# nn.Conv1d with left padding through F.pad, gated residual blocks with skip connections, a 256-way
# cross_entropy over (N, 256, T), receptive field arithmetic, and sample-by-sample generation.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

def mu_law_encode(x, mu=255):
    mu = torch.tensor(mu, dtype=x.dtype)
    y = torch.sign(x) * torch.log1p(mu * x.abs()) / torch.log1p(mu)
    return ((y + 1) / 2 * mu + 0.5).long()

def mu_law_decode(q, mu=255):
    y = 2 * q.float() / mu - 1
    return torch.sign(y) * ((1 + mu) ** y.abs() - 1) / mu

t = torch.linspace(0, 1, 16)
wave = torch.sin(2 * math.pi * 3 * t) * 0.8
q = mu_law_encode(wave)
print(q, q.dtype, q.min(), q.max())
print(mu_law_decode(q))
print((mu_law_decode(q) - wave).abs().max())

# %%
print(torch.clamp(wave * 1.5, -1, 1).sub(wave).abs().max())
bins = torch.linspace(-1, 1, 257)
print(torch.bucketize(wave, bins)[:8], torch.searchsorted(bins, wave)[:8])
oh = F.one_hot(q, 256)
print(oh.shape, oh.dtype, oh.argmax(-1).equal(q))
oh_in = oh.float().T.unsqueeze(0)
print(oh_in.shape, oh_in.is_contiguous())

# %%
class CausalConv1d(nn.Conv1d):
    def __init__(self, cin, cout, k, dilation=1):
        super().__init__(cin, cout, k, dilation=dilation)
        self.left = (k - 1) * dilation

    def forward(self, x):
        return super().forward(F.pad(x, (self.left, 0)))

torch.manual_seed(0)
cc = CausalConv1d(1, 1, 2, dilation=4)
print(cc, cc.left)
imp = torch.zeros(1, 1, 12)
imp[..., 3] = 1.0
with torch.no_grad():
    r = cc(imp)
print(r.ne(r[..., 0]).int())
print(F.pad(torch.arange(4.).view(1, 1, 4), (2, 0)))
print(F.pad(torch.arange(4.).view(1, 1, 4), (2, 0), value=-1.0))
print(F.pad(torch.arange(4.).view(1, 1, 4), (2, 1), mode='replicate'))
print(F.pad(torch.arange(4.).view(1, 1, 4), (2, 1), mode='reflect'))

# %%
x = torch.arange(6.).view(1, 1, 6)
for args in [(1,), (1, 0, 0), (1, 0, 0, 0, 0, 0, 0, 0)]:
    try:
        print(F.pad(x, args).shape)
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)

# %%
for args in [((1, 0), 'reflect'), ((6, 0), 'reflect'), ((1, 0, 1, 0), 'reflect'), ((2, 0), 'circular'), ((7, 0), 'circular')]:
    try:
        print(F.pad(x, args[0], mode=args[1]).shape)
    except (RuntimeError, ValueError, NotImplementedError) as e:
        print(type(e).__name__, e)
print(F.pad(x, (-2, 1)))
print(F.pad(x, [1, 1], 'constant', 0.5))

# %%
class ResidualBlock(nn.Module):
    def __init__(self, res, skip, dilation):
        super().__init__()
        self.dil = CausalConv1d(res, 2 * res, 2, dilation)
        self.res = nn.Conv1d(res, res, 1)
        self.skip = nn.Conv1d(res, skip, 1)

    def forward(self, x):
        f, g = self.dil(x).chunk(2, 1)
        z = torch.tanh(f) * torch.sigmoid(g)
        return x + self.res(z), self.skip(z)

class WaveNet(nn.Module):
    def __init__(self, res=8, skip=8, layers=4, classes=256):
        super().__init__()
        self.inp = CausalConv1d(classes, res, 2)
        self.blocks = nn.ModuleList([ResidualBlock(res, skip, 2 ** i) for i in range(layers)])
        self.out = nn.Sequential(nn.ReLU(), nn.Conv1d(skip, skip, 1), nn.ReLU(), nn.Conv1d(skip, classes, 1))

    def forward(self, x):
        h = self.inp(x)
        skips = 0
        for b in self.blocks:
            h, s = b(h)
            skips = skips + s
        return self.out(skips)

torch.manual_seed(1)
net = WaveNet()
print(sum(p.numel() for p in net.parameters()))
rf = 1 + sum(b.dil.left for b in net.blocks) + net.inp.left
print('receptive field', rf)
print(net.blocks[2])

# %%
inp = F.one_hot(q[:-1], 256).float().T.unsqueeze(0)
target = q[1:].unsqueeze(0)
logits = net(inp)
print(logits.shape, target.shape)
loss = F.cross_entropy(logits, target)
print(loss, loss.grad_fn)
loss.backward()
print(net.blocks[0].dil.weight.grad.shape, net.blocks[3].skip.bias.grad)
print(net.inp.weight.grad.abs().sum(dim=(0, 2)).nonzero().flatten())

# %%
try:
    F.cross_entropy(logits, q[1:])
except (RuntimeError, ValueError) as e:
    print(e)
try:
    F.cross_entropy(logits.transpose(1, 2), target)
except (RuntimeError, ValueError) as e:
    print(e)
print(F.cross_entropy(logits.transpose(1, 2).reshape(-1, 256), target.reshape(-1)))
try:
    F.cross_entropy(logits, target.float())
except RuntimeError as e:
    print(e)

# %%
try:
    net(q[:-1].float().view(1, 1, -1))
except RuntimeError as e:
    print(e)
try:
    net(F.one_hot(q, 256).unsqueeze(0).float())
except RuntimeError as e:
    print(e)
try:
    net(F.one_hot(q, 256).T.unsqueeze(0))
except RuntimeError as e:
    print(e)

# %%
torch.manual_seed(2)
gen = q[:4].tolist()
with torch.no_grad():
    for step in range(6):
        x_in = F.one_hot(torch.tensor(gen[-rf:]), 256).float().T.unsqueeze(0)
        probs = F.softmax(net(x_in)[0, :, -1], dim=0)
        gen.append(torch.multinomial(probs, 1).item())
print(gen)
print(mu_law_decode(torch.tensor(gen)))

# %%
for bad in [lambda: F.pad(x, 2), lambda: F.pad(x, (2, 0), 'constant', 1 + 0j), lambda: F.pad(x, (2, 0), None),
            lambda: F.pad(x.bool(), (2, 0), mode='replicate'), lambda: F.pad(x.bool(), (2, 0), mode='reflect'),
            lambda: F.pad(torch.zeros(1, 1, 0), (2, 0), mode='replicate'), lambda: F.pad(q[:4].tolist(), (2, 0))]:
    try:
        print(bad())
    except (RuntimeError, TypeError, NotImplementedError) as e:
        print(type(e).__name__, e)
print(F.pad(x.bool(), (2, 0), mode='circular'), F.pad(torch.zeros(0, 1, 3), (2, 0), mode='replicate').shape)
