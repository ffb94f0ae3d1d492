# Growing neural cellular automata: Sobel perception with grouped conv, stochastic updates, alive masks
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
CH = 8

# %%
sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]) / 8
sobel_y = sobel_x.T
identity = torch.tensor([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
kernels = torch.stack([identity, sobel_x, sobel_y])
print(kernels.shape)
kernel = kernels.repeat(CH, 1, 1)[:, None]
kernel.shape

# %%
def perceive(x):
    return F.conv2d(x, kernel, padding=1, groups=CH)

state = torch.zeros(1, CH, 9, 9)
state[:, 3:, 4, 4] = 1.0
p = perceive(state)
print(p.shape)
print(p[0, 1 * 3 + 1 + 9, 3:6, 3:6] if p.shape[1] > 13 else p[0, 10, 3:6, 3:6])
p[0, 11]

# %%
# the mistake: groups that do not divide the channels
F.conv2d(state, kernel, padding=1, groups=3)

# %%
# the kernel with the wrong second dimension for groups
F.conv2d(state, kernels[:, None].repeat(1, CH, 1, 1), padding=1, groups=CH)

# %%
class CA(nn.Module):
    def __init__(self, ch=CH, hidden=32):
        super().__init__()
        self.w1 = nn.Conv2d(ch * 3, hidden, 1)
        self.w2 = nn.Conv2d(hidden, ch, 1, bias=False)
        with torch.no_grad():
            self.w2.weight.zero_()
    def forward(self, x, fire_rate=0.5):
        pre_alive = alive_mask(x)
        dx = self.w2(F.relu(self.w1(perceive(x))))
        update = (torch.rand(x.shape[0], 1, x.shape[2], x.shape[3]) <= fire_rate).float()
        x = x + dx * update
        post_alive = alive_mask(x)
        return x * (pre_alive & post_alive).float()

def alive_mask(x):
    return F.max_pool2d(x[:, 3:4], kernel_size=3, stride=1, padding=1) > 0.1

ca = CA()
print(sum(p.numel() for p in ca.parameters()))
print(alive_mask(state).sum(), alive_mask(state).dtype)
ca.w2.weight.abs().sum()

# %%
x = state.clone()
for step in range(4):
    x = ca(x)
print(x.shape, x.grad_fn)
print(x[0, 3].nonzero().tolist())

# %%
target = torch.zeros(1, 4, 9, 9)
target[:, :, 3:6, 3:6] = 1.0
opt = torch.optim.Adam(ca.parameters(), lr=2e-3)
for it in range(3):
    x = state.clone()
    for step in range(5):
        x = ca(x)
    loss = F.mse_loss(x[:, :4], target)
    opt.zero_grad()
    loss.backward()
    for p in ca.parameters():
        p.grad.div_(p.grad.norm() + 1e-8)
    opt.step()
    print(it, round(loss.item(), 5))

# %%
# the stochastic mask itself has no gradient
m = (torch.rand(1, 1, 3, 3) <= 0.5).float()
print(m.requires_grad, m.dtype)
(torch.rand(2, 2) <= 0.5).requires_grad_()

# %%
# a bool mask multiplied directly
mask = alive_mask(x)
print((x * mask).dtype, (mask * 2).dtype, (mask + mask).dtype)
mask.float().mean()

# %%
# max_pool2d on a bool tensor
F.max_pool2d(mask.float(), 3, 1, 1).sum(), F.max_pool2d(mask, 3, 1, 1)

# %%
# the pool of a sample pool, replacing the worst sample
pool = state.repeat(4, 1, 1, 1)
losses = torch.tensor([0.3, 0.9, 0.1, 0.5])
worst = losses.argmax()
pool[worst] = state[0]
idx = torch.randperm(4)[:2]
print(worst, idx, pool[idx].shape)

# %%
# in-place on the state of a graph under autograd
x = state.clone().requires_grad_()
y = ca(x)
y[:, :3] = 0.0
y.sum().backward()
x.grad.abs().sum()

# %%
leaf = torch.zeros(1, CH, 3, 3, requires_grad=True)
leaf[:, 3] = 1.0
