# Imitates a Carlini-Wagner L2 attack walkthrough (tanh box change of variables, Adam on w, the f6 margin loss with
# a one-hot mask) and the TRADES training loss (KL between clean and adversarial predictions with
# F.kl_div(log_softmax, softmax, reduction='batchmean')) as written in course notebooks.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 10), nn.Tanh(), nn.Linear(10, 3))
model.eval()
for p in model.parameters():
    p.requires_grad_(False)
x = torch.rand(4, 6)
y = torch.tensor([0, 1, 2, 1])
print(model(x).argmax(1))

# %%
def to_tanh_space(x):
    return torch.atanh((x * 2 - 1) * 0.999999)

def from_tanh_space(w):
    return (torch.tanh(w) + 1) / 2

w = to_tanh_space(x).detach().requires_grad_(True)
print(w.grad_fn, w.is_leaf, from_tanh_space(w).sub(x).abs().max() < 1e-5)
opt = optim.Adam([w], lr=0.05)
c = 1.0
one_hot = torch.eye(3)[y]
print(one_hot, one_hot.dtype)
for step in range(6):
    x_adv = from_tanh_space(w)
    logits = model(x_adv)
    real = (one_hot * logits).sum(1)
    other = ((1 - one_hot) * logits - one_hot * 10000).max(1)[0]
    f = torch.clamp(real - other, min=0)
    l2 = (x_adv - x).pow(2).flatten(1).sum(1)
    loss = l2.sum() + c * f.sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, loss.item(), f.detach(), w.grad.norm().item())
print(x_adv.grad_fn.name(), logits.grad_fn.name(), f.grad_fn.name(), other.grad_fn.name())
print(opt.state[w]['step'], opt.state[w]['exp_avg'].shape, sorted(opt.state_dict()['param_groups'][0]))

# %%
# the masked max in the CW loss with torch.where and the F.one_hot float conversion
oh = F.one_hot(y, num_classes=3)
print(oh.dtype, oh)
logits = model(from_tanh_space(w))
other2 = torch.where(oh.bool(), torch.full_like(logits, -float('inf')), logits).amax(dim=1)
print(other2, other2.grad_fn.name())
kappa = 0.5
f2 = torch.clamp(logits.gather(1, y[:, None]).squeeze(1) - other2, min=-kappa)
print(f2, f2.grad_fn.name())
try:
    F.one_hot(y.float(), 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(torch.tensor([0, 3]), 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
# atanh at the box edges, and the gradient of tanh through the change of variables
e = torch.tensor([0.0, 1.0, -1.0, 0.5], requires_grad=True)
a = torch.atanh(e)
print(a, a.grad_fn.name())
a.sum().backward()
print(e.grad)
print(torch.arctanh(torch.tensor([0.999999], dtype=torch.float64)))

# %%
# TRADES: KL(clean || adversarial), batchmean, and the step on x_adv
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
criterion_kl = nn.KLDivLoss(reduction='sum')
net.eval()
x_adv = x.detach() + 0.001 * torch.randn(x.shape)
for _ in range(3):
    x_adv.requires_grad_()
    with torch.enable_grad():
        loss_kl = criterion_kl(F.log_softmax(net(x_adv), dim=1), F.softmax(net(x), dim=1))
    grad = torch.autograd.grad(loss_kl, [x_adv])[0]
    x_adv = x_adv.detach() + 0.01 * torch.sign(grad.detach())
    x_adv = torch.min(torch.max(x_adv, x - 0.03), x + 0.03)
    x_adv = torch.clamp(x_adv, 0.0, 1.0)
    print(loss_kl.item(), loss_kl.grad_fn.name())
net.train()
x_adv = x_adv.detach().requires_grad_(False)
logits = net(x)
loss_natural = F.cross_entropy(logits, y)
loss_robust = (1.0 / x.size(0)) * criterion_kl(F.log_softmax(net(x_adv), dim=1), F.softmax(logits, dim=1))
loss = loss_natural + 6.0 * loss_robust
print(loss, loss_robust.grad_fn.name())
loss.backward()
print(net[0].weight.grad.abs().sum(), net[2].bias.grad)

# %%
p = F.log_softmax(torch.randn(3, 4, requires_grad=True), dim=1)
q = F.softmax(torch.randn(3, 4), dim=1)
for red in ('batchmean', 'sum', 'mean', 'none'):
    out = F.kl_div(p, q, reduction=red)
    print(red, out.shape, out.sum().item(), out.grad_fn.name())
print(F.kl_div(p, q.log(), reduction='batchmean', log_target=True))
lt = torch.tensor([[0.0, 1.0], [0.5, 0.5]])
print(F.kl_div(torch.tensor([[-1.0, -0.5], [-0.7, -0.7]]), lt, reduction='none'))
q2 = torch.rand(3, 4, requires_grad=True)
k = F.kl_div(p.detach(), q2, reduction='batchmean')
k.backward()
print(q2.grad)
