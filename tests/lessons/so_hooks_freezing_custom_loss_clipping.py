# Imitates the PyTorch-forums / Stack Overflow threads "How can I extract intermediate layer output from a model?"
# (register_forward_hook, handle.remove()), "How to freeze layers and train only the last one" (requires_grad_(False),
# filter(lambda p: p.requires_grad, ...), param_groups with different lr), "Custom loss function in PyTorch"
# (as nn.Module and as a function) and "How to do gradient clipping in PyTorch?" (clip_grad_norm_ returning the total
# norm, clip_grad_value_, error_if_nonfinite).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
activation = {}


def get_activation(name):
    def hook(model, input, output):
        activation[name] = output.detach()
    return hook


h = model[1].register_forward_hook(get_activation("relu"))
print(type(h).__name__, h.id >= 0)
x = torch.randn(2, 4)
out = model(x)
print(activation["relu"], activation["relu"].requires_grad)
h.remove()
activation.clear()
model(x)
print(activation, len(model[1]._forward_hooks))
h.remove()

# %%
features = []
def grab(m, inp, out):
    print(type(inp).__name__, len(inp), inp[0].shape, out.shape)
    features.append(out)

hs = [m.register_forward_hook(grab) for m in model if isinstance(m, nn.Linear)]
model(x)
for hh in hs:
    hh.remove()
print(len(features), features[1].grad_fn)

def double(m, inp, out):
    return out * 2

with model[2].register_forward_hook(double):
    print(model(x))
print(model(x))

def pre(m, args):
    print("pre", args[0].shape)
    return (args[0] * 0,)

hp = model[0].register_forward_pre_hook(pre)
print(model(x))
hp.remove()
h_kw = model[0].register_forward_hook(lambda m, a, k, o: print("kw", sorted(k)), with_kwargs=True)
model(x)
h_kw.remove()

# %%
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))
for p in net[0].parameters():
    p.requires_grad = False
print([p.requires_grad for p in net.parameters()])
opt = torch.optim.SGD(filter(lambda p: p.requires_grad, net.parameters()), lr=0.1)
print(len(opt.param_groups[0]["params"]))
w0 = net[0].weight.clone()
loss = net(torch.randn(3, 4)).pow(2).mean()
loss.backward()
print(net[0].weight.grad, net[2].weight.grad is not None)
opt.step()
print(torch.equal(w0, net[0].weight))
try:
    net[0].weight.requires_grad = 1
except Exception as e:
    print(type(e).__name__, e)
try:
    opt2 = torch.optim.SGD(filter(lambda p: p.requires_grad, net[0].parameters()), lr=0.1)
except Exception as e:
    print(type(e).__name__, e)

# %%
net[0].requires_grad_(True)
opt = torch.optim.Adam([
    {"params": net[0].parameters(), "lr": 1e-4},
    {"params": net[2].parameters()},
], lr=1e-2)
for g in opt.param_groups:
    print(g["lr"], len(g["params"]), g["betas"], g["weight_decay"])
for g in opt.param_groups:
    g["lr"] = g["lr"] * 0.5
print([g["lr"] for g in opt.param_groups])
try:
    torch.optim.SGD([{"params": net[0].parameters()}, {"params": net[0].parameters()}], lr=0.1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD([{"params": net[0].parameters()}])
except Exception as e:
    print(type(e).__name__, e)
opt.add_param_group({"params": [torch.zeros(2, requires_grad=True)], "lr": 0.3})
print(len(opt.param_groups), opt.param_groups[2]["lr"], opt.param_groups[2]["amsgrad"])
try:
    opt.add_param_group({"params": net[2].bias})
except Exception as e:
    print(type(e).__name__, e)

# %%
class RMSELoss(nn.Module):
    def __init__(self, eps=1e-6):
        super().__init__()
        self.mse = nn.MSELoss()
        self.eps = eps

    def forward(self, yhat, y):
        return torch.sqrt(self.mse(yhat, y) + self.eps)


def weighted_mse(pred, target, weight):
    return (weight * (pred - target) ** 2).mean()


def my_loss(output, target):
    loss = torch.mean((output - target) ** 2)
    return loss


crit = RMSELoss()
print(crit)
yhat = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.tensor([1.5, 2.0, 2.0])
l1 = crit(yhat, y)
l2 = weighted_mse(yhat, y, torch.tensor([1.0, 0.5, 2.0]))
l3 = my_loss(yhat, y)
print(l1, l2, l3)
(l1 + l2 + l3).backward()
print(yhat.grad)
print(list(crit.parameters()), list(crit.children()))
try:
    my_loss(yhat, y).item().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MSELoss()(yhat, y.unsqueeze(1))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(2)
m = nn.Linear(3, 2)
(m(torch.randn(4, 3)) * 10).sum().backward()
g_before = [p.grad.clone() for p in m.parameters()]
total = torch.nn.utils.clip_grad_norm_(m.parameters(), max_norm=1.0)
print(total, total.dtype, total.requires_grad)
print(torch.sqrt(sum(g.pow(2).sum() for g in g_before)))
print(torch.norm(torch.stack([p.grad.norm() for p in m.parameters()])))
print(nn.utils.clip_grad_norm_(m.parameters(), 1.0, norm_type=math.inf))
print(nn.utils.clip_grad_norm_(m.parameters(), 0.5, norm_type=1))
print(nn.utils.clip_grad_norm_(m.weight, 100.0))
print(nn.utils.clip_grad_value_(m.parameters(), clip_value=0.05))
print(m.weight.grad, m.bias.grad)
print(nn.utils.clip_grad_norm_([], 1.0))
print(nn.utils.clip_grad_norm_([torch.zeros(2, requires_grad=True)], 1.0))

# %%
m.weight.grad[0, 0] = float("nan")
try:
    nn.utils.clip_grad_norm_(m.parameters(), 1.0, error_if_nonfinite=True)
except Exception as e:
    print(type(e).__name__, e)
print(nn.utils.clip_grad_norm_(m.parameters(), 1.0))
print(m.bias.grad)
m.weight.grad.fill_(float("inf"))
try:
    nn.utils.clip_grad_norm_(m.parameters(), 1.0, norm_type="inf", error_if_nonfinite=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.utils.clip_grad_value_(m.parameters(), clip_value=-1)
    print(m.bias.grad)
except Exception as e:
    print(type(e).__name__, e)
print(nn.utils.get_total_norm([torch.ones(2), torch.ones(3)]))
