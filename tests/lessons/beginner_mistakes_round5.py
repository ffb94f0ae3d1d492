# Collects a fifth set of forum-thread errors and silent surprises: numpy float64 data into conv / linear layers,
# integer labels as float for CrossEntropyLoss, BCELoss on logits outside [0, 1], MSELoss broadcasting warnings,
# view on a transposed tensor, in-place ReLU after an op that saved its output, optimizer.step() without backward,
# calling .backward() on a non-scalar, .item() on a multi-element tensor, mixing devices strings, and
# nn.Module attribute mistakes (forgetting super().__init__, layers in a Python list).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def show(fn):
    try:
        r = fn()
        print("ok:", r if not isinstance(r, torch.Tensor) else (tuple(r.shape), r.dtype))
    except Exception as e:
        print(type(e).__name__ + ":", e)

# %%
torch.manual_seed(0)
data = np.random.default_rng(0).normal(size=(4, 3, 8, 8))
show(lambda: nn.Conv2d(3, 4, 3)(torch.from_numpy(data)))
show(lambda: nn.Conv2d(3, 4, 3, bias=False)(torch.from_numpy(data)))
show(lambda: nn.Conv1d(3, 4, 3)(torch.from_numpy(data[:, :, 0])))
show(lambda: nn.Conv2d(3, 4, 3)(torch.from_numpy(data).long()))
show(lambda: nn.ConvTranspose2d(3, 4, 3)(torch.from_numpy(data)))
show(lambda: nn.Linear(8, 2)(torch.from_numpy(data)))
show(lambda: nn.LSTM(8, 4)(torch.from_numpy(data[0])))
show(lambda: nn.BatchNorm2d(3)(torch.from_numpy(data)))
show(lambda: nn.Embedding(10, 3)(torch.tensor([1.0, 2.0])))

# %%
logits = torch.randn(4, 3)
show(lambda: F.cross_entropy(logits, torch.tensor([0., 1., 2., 1.])))
show(lambda: F.cross_entropy(logits, torch.tensor([0, 1, 2, 1], dtype=torch.int32)))
show(lambda: F.nll_loss(logits, torch.tensor([0, 1, 2, 1], dtype=torch.int32)))
show(lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.tensor([0., 1.])))
show(lambda: F.binary_cross_entropy(torch.tensor([0.5, 0.2]), torch.tensor([0, 1])))
show(lambda: F.binary_cross_entropy_with_logits(torch.randn(4, 1), torch.tensor([0., 1., 1., 0.])))
show(lambda: F.binary_cross_entropy_with_logits(torch.randn(4), torch.tensor([0, 1, 1, 0])))
show(lambda: nn.BCELoss()(torch.sigmoid(torch.randn(3, 1)), torch.ones(3)))

# %%
show(lambda: F.mse_loss(torch.randn(4, 1), torch.randn(4)))
show(lambda: F.l1_loss(torch.randn(4, 1), torch.randn(4)))
show(lambda: F.smooth_l1_loss(torch.randn(3), torch.randn(3, 1)))
show(lambda: F.huber_loss(torch.randn(2, 3), torch.randn(3)))
show(lambda: F.mse_loss(torch.randn(4, 2), torch.randn(4, 3)))
show(lambda: F.kl_div(torch.randn(3, 4).log_softmax(1), torch.randn(3, 4).softmax(1)))
show(lambda: F.kl_div(torch.randn(3, 4).log_softmax(1), torch.randn(3, 4).softmax(1), reduction='batchmean'))

# %%
t = torch.randn(3, 4).t()
show(lambda: t.view(-1))
show(lambda: t.view(12, 1))
show(lambda: t.contiguous().view(-1))
show(lambda: torch.randn(3, 4)[:, :2].view(6))
show(lambda: torch.randn(2, 3, 4).permute(2, 0, 1).view(4, 6))
show(lambda: torch.randn(2, 3).expand(4, 2, 3).view(24))
show(lambda: torch.randn(4).item())
show(lambda: torch.randn(1, 1).item())
show(lambda: torch.randn(3, requires_grad=True).mul(2).backward())

# %%
def bad_inplace():
    x = torch.randn(5, requires_grad=True)
    y = torch.sigmoid(x)
    F.relu(y, inplace=True)
    y.sum().backward()
show(bad_inplace)
def bad_inplace2():
    x = torch.randn(5, requires_grad=True)
    y = x.exp()
    y += 1
    y.sum().backward()
show(bad_inplace2)
def bad_inplace3():
    x = torch.randn(5, requires_grad=True)
    y = torch.tanh(x)
    y.mul_(2)
    y.sum().backward()
show(bad_inplace3)
def ok_inplace():
    x = torch.randn(5, requires_grad=True)
    y = x * 2
    y.relu_()
    y.sum().backward()
    return x.grad
show(ok_inplace)

# %%
class Forgot(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(2, 2)
show(Forgot)
class ListLayers(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(2, 2), nn.Linear(2, 2)]
    def forward(self, x):
        for l in self.layers:
            x = l(x)
        return x
m = ListLayers()
show(lambda: len(list(m.parameters())))
show(lambda: torch.optim.SGD(m.parameters(), lr=0.1))
show(lambda: m(torch.randn(1, 2)))
class NoForward(nn.Module):
    pass
show(lambda: NoForward()(torch.randn(1)))
show(lambda: nn.Sequential(nn.Linear(2, 2), nn.ReLU)(torch.randn(1, 2)))
show(lambda: nn.Sequential([nn.Linear(2, 2)]))
show(lambda: nn.ModuleList([nn.Linear(2, 2)])(torch.randn(1, 2)))

# %%
p = nn.Parameter(torch.ones(2))
opt = torch.optim.SGD([p], lr=0.1)
opt.step()
print(p, p.grad)
show(lambda: torch.optim.Adam([p], lr=-0.1))
show(lambda: torch.optim.SGD([p], lr=0.1, momentum=-1))
show(lambda: torch.optim.Adam([p], betas=(1.0, 0.999)))
show(lambda: torch.optim.SGD([p], lr=0.1, nesterov=True))
show(lambda: torch.optim.SGD(p, lr=0.1))
show(lambda: torch.optim.SGD([{"params": [p]}, {"params": [p]}], lr=0.1))
show(lambda: torch.optim.Adam([torch.ones(2)]))
show(lambda: torch.randn(2).to("gpu"))
show(lambda: torch.randn(2).to("cuda:0"))
show(lambda: torch.device("cpu:0"))
show(lambda: torch.tensor([1, 2], device="cuda"))
