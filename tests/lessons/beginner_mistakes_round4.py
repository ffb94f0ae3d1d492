# Collects the errors that forum threads ("RuntimeError: ... what does this mean?") are full of, beyond the usual
# ones: wrong channel counts, targets out of range, dtype mixes in losses and indexing, in-place ops that break
# backward, optimizers without params, device and shape mistakes, printed as a notebook shows them.
import torch
import torch.nn as nn
import torch.nn.functional as F

def show(fn):
    try:
        r = fn()
        print("ok:", r if not isinstance(r, torch.Tensor) else (r.shape, r.dtype))
    except Exception as e:
        print(type(e).__name__ + ":", e)

# %%
torch.manual_seed(0)
show(lambda: F.cross_entropy(torch.randn(3, 5), torch.tensor([1, 7, 2])))
show(lambda: F.cross_entropy(torch.randn(3, 5), torch.tensor([1, -2, 2])))
show(lambda: F.nll_loss(torch.randn(3, 5), torch.tensor([1, 5, 2])))
show(lambda: F.cross_entropy(torch.randn(3, 5), torch.tensor([1, 2])))
show(lambda: F.cross_entropy(torch.randn(3, 5, 2), torch.tensor([[1, 2], [0, 0], [4, 4]])))
show(lambda: F.cross_entropy(torch.randn(3, 5), torch.rand(3, 5)))
show(lambda: F.cross_entropy(torch.randn(3, 5), torch.rand(3, 4)))
show(lambda: F.cross_entropy(torch.randn(5), torch.tensor(2)))

# %%
show(lambda: nn.Conv1d(4, 8, 3)(torch.randn(2, 10, 4)))
show(lambda: nn.Conv2d(1, 4, 3)(torch.randn(2, 28, 28, 1)))
show(lambda: nn.Conv2d(3, 4, 3, stride=0)(torch.randn(1, 3, 8, 8)))
show(lambda: nn.Conv2d(3, 4, 3, groups=2))
show(lambda: nn.Conv2d(4, 4, 3, padding='same', stride=2))
show(lambda: nn.BatchNorm2d(3)(torch.randn(2, 4, 5, 5)))
show(lambda: nn.BatchNorm1d(3)(torch.randn(2, 4)))
show(lambda: nn.Linear(10, 2)(torch.randn(4, 2, 5)))

# %%
show(lambda: torch.randn(2, 3) + torch.randn(3, 2))
show(lambda: torch.randn(4, 3) * torch.randn(4))
show(lambda: torch.randn(2, 3).view(3, 3))
show(lambda: torch.randn(2, 3).reshape(4, -1))
show(lambda: torch.randn(2, 3).permute(0, 2))
show(lambda: torch.randn(2, 3).permute(1, 1))
show(lambda: torch.randn(2, 3).transpose(0, 2))
show(lambda: torch.randn(2, 3).squeeze(2))
show(lambda: torch.randn(2, 3).unsqueeze(3))
show(lambda: torch.randn(2, 3).sum(dim=2))
show(lambda: torch.randn(2, 3)[2])
show(lambda: torch.randn(2, 3)[:, 3])
show(lambda: torch.randn(2, 3)[0, 0, 0])

# %%
show(lambda: torch.randn(3).long() + 0.5)
show(lambda: torch.arange(5)[torch.tensor([0.0, 1.0]).long()])
show(lambda: torch.randn(3)[torch.tensor([True, False])])
show(lambda: torch.randn(3, 2)[torch.tensor([True, False, True, False])])
show(lambda: torch.zeros(3, dtype=torch.long).add_(0.5))
show(lambda: torch.zeros(3, dtype=torch.int).mul_(torch.tensor(1.5)))
show(lambda: torch.zeros(3).masked_fill(torch.tensor([1, 0, 1]), 1.0))
show(lambda: torch.where(torch.tensor([1, 0, 1]), 1.0, 0.0))
show(lambda: torch.zeros(3).masked_fill_(torch.tensor([True, False]), 1.0))

# %%
x = torch.randn(3, requires_grad=True)
y = x.sigmoid()
y.mul_(2)
show(lambda: y.sum().backward())
x = torch.randn(3, requires_grad=True)
y = x.exp()
y += 1
show(lambda: y.sum().backward())
x = torch.randn(3, requires_grad=True)
y = x ** 2
y[0] = 0
show(lambda: y.sum().backward())
print(x.grad)
x = torch.randn(3, requires_grad=True)
y = torch.relu(x)
y.add_(1)
show(lambda: y.sum().backward())

# %%
show(lambda: torch.optim.Adam([], lr=0.1))
show(lambda: torch.optim.SGD(nn.ReLU().parameters(), lr=0.1))
show(lambda: torch.optim.SGD([nn.Parameter(torch.ones(1))]))
show(lambda: torch.optim.Adam([nn.Parameter(torch.ones(1))], lr=-1))
show(lambda: torch.optim.Adam([nn.Parameter(torch.ones(1))], betas=(1.0, 0.9)))
show(lambda: torch.optim.SGD([nn.Parameter(torch.ones(1))], lr=0.1, momentum=-0.5))
show(lambda: torch.optim.SGD([nn.Parameter(torch.ones(1))], lr=0.1, nesterov=True))
p = nn.Parameter(torch.ones(1))
show(lambda: torch.optim.SGD([p, p], lr=0.1))
show(lambda: torch.optim.SGD([{'params': [p]}, {'params': [p]}], lr=0.1))

# %%
show(lambda: torch.randn(2, 3).to('cuda'))
show(lambda: torch.randn(2, 3, device='cuda:0'))
show(lambda: torch.randn(2, 3).to('gpu'))
show(lambda: torch.device('cpu:x'))
show(lambda: torch.randn(2).to(torch.device('mps')))
print(torch.cuda.is_available(), torch.cuda.device_count(), torch.backends.mps.is_available())

# %%
show(lambda: nn.Linear(3, 2)(torch.tensor([1, 2, 3])))
show(lambda: nn.Embedding(10, 3)(torch.tensor([1.0, 2.0])))
show(lambda: nn.Embedding(10, 3)(torch.tensor([-1])))
show(lambda: nn.LSTM(3, 4)(torch.randn(5, 2, 3).double()))
show(lambda: nn.MSELoss()(torch.randn(3, 1), torch.randn(3)))
show(lambda: nn.MSELoss()(torch.randn(3), torch.randint(0, 2, (3,))))
show(lambda: nn.L1Loss()(torch.randn(3), torch.randint(0, 2, (3,))))
show(lambda: nn.BCEWithLogitsLoss()(torch.randn(3), torch.randint(0, 2, (3,))))

# %%
m = nn.Linear(2, 2)
show(lambda: setattr(m, 'weight', torch.randn(2, 2)))
show(lambda: m.register_parameter('bad.name', nn.Parameter(torch.ones(1))))
show(lambda: m.register_buffer('weight', torch.ones(1)))
show(lambda: m.add_module('weight', nn.ReLU()))
show(lambda: nn.Module.__call__(m, torch.ones(2), torch.ones(2)))
class NoForward(nn.Module):
    pass
show(lambda: NoForward()(torch.ones(1)))
class NoSuper(nn.Module):
    def __init__(self):
        self.lin = nn.Linear(1, 1)
show(lambda: NoSuper())
