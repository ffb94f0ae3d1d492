# Imitates a MADE (masked autoencoder for distribution estimation) notebook: autoregressive degrees built with
# torch.randperm / torch.arange, masks as comparisons, register_buffer, a masked nn.Linear subclass using
# F.linear(x, self.mask * self.weight, self.bias), the autoregressive property checked through the Jacobian,
# state_dict keys of buffers (persistent=False), and the mistakes learners make with masks.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
D, H = 4, 6
m_in = torch.arange(1, D + 1)
m_hid = torch.randint(1, D, (H,))
print(m_in, m_hid)
perm = torch.randperm(D)
print(perm, perm.dtype, perm.argsort())

# %%
mask1 = (m_hid[:, None] >= m_in[None, :])
mask2 = (m_in[:, None] > m_hid[None, :])
print(mask1.dtype, mask1.shape, mask2.shape)
print(mask1.int())
print(mask2.float())
print((mask2.float() @ mask1.float()))

# %%
class MaskedLinear(nn.Linear):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__(in_features, out_features, bias)
        self.register_buffer('mask', torch.ones(out_features, in_features))

    def set_mask(self, mask):
        self.mask.data.copy_(mask.to(self.mask.dtype))

    def forward(self, x):
        return F.linear(x, self.mask * self.weight, self.bias)

l1 = MaskedLinear(D, H)
l1.set_mask(mask1)
print(l1)
print(list(l1.state_dict().keys()))
print([n for n, _ in l1.named_buffers()], [n for n, _ in l1.named_parameters()])
print(l1.mask.requires_grad, l1.mask.dtype)

# %%
class MADE(nn.Module):
    def __init__(self, D, H):
        super().__init__()
        self.net = nn.Sequential(MaskedLinear(D, H), nn.ReLU(), MaskedLinear(H, D))
        self.net[0].set_mask(mask1)
        self.net[2].set_mask(mask2)

    def forward(self, x):
        return self.net(x)

torch.manual_seed(1)
model = MADE(D, H)
print(model)
print(list(model.state_dict().keys()))
x = torch.rand(3, D).round()
logits = model(x)
print(logits.shape, logits.grad_fn)

# %%
x1 = torch.rand(1, D, requires_grad=True)
J = torch.zeros(D, D)
for i in range(D):
    out = model(x1)
    g, = torch.autograd.grad(out[0, i], x1)
    J[i] = g[0]
print((J != 0).int())
print(torch.triu((J != 0).int()).sum())
print(torch.autograd.functional.jacobian(lambda v: model(v), x1[0]).ne(0).long())

# %%
loss = F.binary_cross_entropy_with_logits(logits, x, reduction='none').sum(1).mean()
print(loss)
loss.backward()
print(model.net[0].weight.grad)
print(model.net[0].weight.grad.masked_select(~mask1).abs().sum())
print(model.net[0].mask.grad)

# %%
class MaskedLinear2(nn.Linear):
    def __init__(self, i, o):
        super().__init__(i, o)
        self.register_buffer('mask', torch.ones(o, i), persistent=False)
    def forward(self, x):
        return F.linear(x, self.mask * self.weight, self.bias)

l2 = MaskedLinear2(3, 2)
print(list(l2.state_dict().keys()), [n for n, _ in l2.named_buffers()])
print(l2._non_persistent_buffers_set)
sd = l1.state_dict()
print(sd['mask'].shape, sd['mask'].sum())
res = l1.load_state_dict({'weight': sd['weight'], 'bias': sd['bias']}, strict=False)
print(res)
print(res.missing_keys, res.unexpected_keys)

# %%
try:
    l1.load_state_dict({'weight': sd['weight'], 'bias': sd['bias']})
except RuntimeError as e:
    print(e)

# %%
bad = MaskedLinear(D, H)
bad.mask = mask1
print(type(bad.mask), bad.mask.dtype, 'mask' in bad.state_dict())
print(bad(torch.ones(1, D)).shape)
print((mask1 * bad.weight).dtype, (mask1 * bad.weight).grad_fn)

# %%
nm = nn.Linear(3, 2)
nm.mask = torch.ones(2, 3)
print('mask' in dict(nm.named_buffers()), list(nm.state_dict().keys()))
try:
    nm.register_buffer('mask', torch.ones(2, 3))
except KeyError as e:
    print(repr(e))

# %%
try:
    nm.register_buffer('weight', torch.ones(2, 3))
except KeyError as e:
    print(repr(e))
try:
    nm.register_buffer('a.b', torch.ones(1))
except KeyError as e:
    print(repr(e))
try:
    nm.register_buffer('c', [1, 2])
except TypeError as e:
    print(e)
nm.register_buffer('c', None)
print(nm.c, list(nm.state_dict().keys()))

# %%
lw = MaskedLinear(D, H)
lw.set_mask(mask1)
try:
    lw.weight *= lw.mask
except RuntimeError as e:
    print(e)
lw.weight.data *= lw.mask
print((lw.weight == 0).sum(), lw.weight.requires_grad, lw.weight.grad_fn)
with torch.no_grad():
    lw.weight.mul_(lw.mask)
print(lw.weight._version)

# %%
ml = MaskedLinear(D, H)
try:
    ml.set_mask(mask1.T)
except RuntimeError as e:
    print(e)
try:
    F.linear(torch.ones(2, D), ml.mask[:, :3] * ml.weight[:, :3])
except RuntimeError as e:
    print(e)
bm = mask1.long()
print((bm * ml.weight).dtype)
print(ml.weight.masked_fill(~mask1, 0).grad_fn)
try:
    ml.weight.masked_fill(bm, 0)
except RuntimeError as e:
    print(e)

# %%
deg = torch.empty(D, dtype=torch.long)
torch.arange(1, D + 1, out=deg)
print(deg)
try:
    torch.randperm(D, dtype=torch.int32, out=deg)
except RuntimeError as e:
    print(e)
torch.randperm(D, out=deg)
print(deg, torch.randperm(D, dtype=torch.float32))
