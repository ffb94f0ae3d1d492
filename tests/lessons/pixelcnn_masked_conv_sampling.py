# Imitates a PixelCNN notebook: type A / B masked nn.Conv2d subclasses (mask applied with self.weight.data *= mask
# and in forward), gated activations with torch.chunk and tanh * sigmoid, a 256-way cross_entropy over
# (N, 256, C, H, W) logits, and sampling pixel by pixel with multinomial / Categorical under no_grad.
import torch
import torch.nn as nn
import torch.nn.functional as F

class MaskedConv2d(nn.Conv2d):
    def __init__(self, mask_type, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assert mask_type in ('A', 'B')
        self.register_buffer('mask', self.weight.data.clone())
        _, _, kH, kW = self.weight.size()
        self.mask.fill_(1)
        self.mask[:, :, kH // 2, kW // 2 + (mask_type == 'B'):] = 0
        self.mask[:, :, kH // 2 + 1:] = 0

    def forward(self, x):
        self.weight.data *= self.mask
        return super().forward(x)

torch.manual_seed(0)
ca = MaskedConv2d('A', 1, 4, 5, padding=2)
cb = MaskedConv2d('B', 4, 4, 3, padding=1)
print(ca)
print(ca.mask[0, 0])
print(cb.mask[0, 0])
print(list(ca.state_dict().keys()))

# %%
x = torch.rand(2, 1, 6, 6)
y = ca(x)
print(y.shape, y.grad_fn)
print(ca.weight[0, 0])
x2 = x.clone()
x2[:, :, 3, 3] = 5.0
d = (ca(x2) - ca(x)).abs().sum(1)[0]
print(d.ne(0).int())

# %%
class MaskedConv2dF(nn.Conv2d):
    def __init__(self, mask_type, *args, **kwargs):
        super().__init__(*args, **kwargs)
        k = self.kernel_size[0]
        mask = torch.ones_like(self.weight)
        mask[:, :, k // 2, k // 2 + (mask_type == 'B'):] = 0
        mask[:, :, k // 2 + 1:, :] = 0
        self.register_buffer('mask', mask)

    def forward(self, x):
        return F.conv2d(x, self.weight * self.mask, self.bias, self.stride, self.padding, self.dilation, self.groups)

torch.manual_seed(1)
cf = MaskedConv2dF('B', 2, 8, 3, padding=1)
h = cf(torch.randn(1, 2, 4, 4))
print(h.grad_fn, h.grad_fn.next_functions)
a, b = torch.chunk(h, 2, dim=1)
gated = torch.tanh(a) * torch.sigmoid(b)
print(a.shape, a.grad_fn, gated.grad_fn)
print(gated[0, 0])
gated.sum().backward()
print(cf.weight.grad[0, 0])
print(cf.mask.grad, cf.weight.grad.mul(1 - cf.mask).abs().max())

# %%
a2, b2 = h.chunk(2, 1)
print(a2.is_contiguous(), a2.stride(), a2._base is h)
print(h.chunk(3, dim=1)[2].shape, [t.shape[1] for t in h.chunk(3, dim=1)])
print(torch.chunk(torch.arange(5), 3), torch.chunk(torch.arange(5), 6))
try:
    h.chunk(0, 1)
except RuntimeError as e:
    print(e)

# %%
class PixelCNN(nn.Module):
    def __init__(self, C=1, hid=8):
        super().__init__()
        self.C = C
        self.inp = MaskedConv2dF('A', C, 2 * hid, 5, padding=2)
        self.mid = MaskedConv2dF('B', hid, 2 * hid, 3, padding=1)
        self.out = nn.Conv2d(hid, 256 * C, 1)

    def forward(self, x):
        h = self.inp(x)
        a, b = h.chunk(2, dim=1)
        h = torch.tanh(a) * torch.sigmoid(b)
        a, b = self.mid(h).chunk(2, dim=1)
        h = h + torch.tanh(a) * torch.sigmoid(b)
        N, _, H, W = x.shape
        return self.out(h).view(N, 256, self.C, H, W)

torch.manual_seed(2)
net = PixelCNN(C=1)
imgs = torch.randint(0, 256, (2, 1, 4, 4))
logits = net(imgs.float() / 255.0)
print(logits.shape)
loss = F.cross_entropy(logits, imgs)
print(loss)
loss.backward()
print(net.out.bias.grad[:4], net.inp.weight.grad.abs().sum())

# %%
print(F.cross_entropy(logits, imgs, reduction='none').shape)
nll = F.cross_entropy(logits, imgs, reduction='sum') / (imgs.numel() * torch.log(torch.tensor(2.0)))
print(nll)
print(F.nll_loss(F.log_softmax(logits, 1), imgs))
print(F.cross_entropy(logits.permute(0, 2, 3, 4, 1).reshape(-1, 256), imgs.reshape(-1)))
print(F.cross_entropy(logits, imgs, ignore_index=imgs[0, 0, 0, 0].item()))
print(F.cross_entropy(logits, imgs, label_smoothing=0.1))

# %%
try:
    F.cross_entropy(logits, imgs.float())
except RuntimeError as e:
    print(e)
try:
    F.cross_entropy(logits, imgs.squeeze(1))
except RuntimeError as e:
    print(e)
try:
    F.cross_entropy(logits, imgs.int())
except RuntimeError as e:
    print(e)
try:
    F.cross_entropy(logits.view(2, 256, 4, 4), imgs)
except RuntimeError as e:
    print(e)

# %%
try:
    F.cross_entropy(logits, imgs + 1)
except IndexError as e:
    print(type(e).__name__, e)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(logits, imgs.to(torch.uint8))
except RuntimeError as e:
    print(e)

# %%
torch.manual_seed(3)
sample = torch.zeros(2, 1, 4, 4)
with torch.no_grad():
    for i in range(4):
        for j in range(4):
            out = net(sample)
            probs = F.softmax(out[:, :, 0, i, j], dim=1)
            pix = torch.multinomial(probs, 1)
            sample[:, 0, i, j] = pix.squeeze(1).float() / 255.0
print(sample.mul(255).round().long())
print(pix.shape, pix.dtype, sample.requires_grad)

# %%
torch.manual_seed(4)
sample = torch.zeros(1, 1, 3, 3)
with torch.no_grad():
    for i in range(3):
        for j in range(3):
            dist = torch.distributions.Categorical(logits=net(sample)[:, :, 0, i, j])
            v = dist.sample()
            sample[:, 0, i, j] = v.float() / 255.0
print(sample.mul(255).round().long(), v, dist.probs.shape, dist.logits.sum())
print(dist.log_prob(v), dist.entropy())

# %%
torch.manual_seed(5)
p = torch.softmax(torch.randn(3, 5), -1)
print(torch.multinomial(p, 2), torch.multinomial(p, 4, replacement=True))
print(torch.multinomial(p[0], 3))
print(torch.distributions.Categorical(probs=p).sample((2,)))
print(torch.argmax(p, 1), p.max(1))
