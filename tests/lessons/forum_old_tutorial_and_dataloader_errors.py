# Imitates learners running old tutorials and DataLoader code on a current PyTorch (forum threads): loss.data[0],
# Variable(volatile=True), implicit softmax dim, F.upsample, a Module that forgets super().__init__(), .cuda() on a
# CPU build, default_collate of ragged samples, x.grad.zero_() before any backward; each error, then the fix.
import warnings
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
from torch.utils.data import DataLoader, TensorDataset, Dataset

def attempt(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            out = f()
        for x in w:
            print("warning:", x.category.__name__, str(x.message)[:400])
        print("ok", out if not isinstance(out, torch.Tensor) else (out.shape, out.dtype, out.grad_fn))
    except Exception as e:
        print(type(e).__name__, e)

torch.manual_seed(0)
loss = nn.MSELoss()(torch.randn(3, requires_grad=True), torch.zeros(3))
attempt(lambda: loss.data[0])
attempt(lambda: loss[0])
attempt(lambda: loss.item())
attempt(lambda: loss.data.item())
attempt(lambda: Variable(torch.ones(2), volatile=True).requires_grad)
attempt(lambda: Variable(torch.ones(2), requires_grad=True).grad_fn)
attempt(lambda: Variable([1, 2]))
attempt(lambda: F.softmax(torch.randn(2, 3)).sum(1))
attempt(lambda: F.log_softmax(torch.randn(3)).shape)
attempt(lambda: nn.Softmax()(torch.randn(2, 3)).shape)
attempt(lambda: F.softmin(torch.randn(2, 3)).shape)
attempt(lambda: F.upsample(torch.randn(1, 1, 2, 2), scale_factor=2).shape)
attempt(lambda: F.upsample_bilinear(torch.randn(1, 1, 2, 2), scale_factor=2).shape)
attempt(lambda: F.interpolate(torch.randn(1, 1, 2, 2), scale_factor=2, mode='bilinear').shape)
attempt(lambda: nn.Upsample(scale_factor=2, mode='bilinear')(torch.randn(1, 1, 2, 2)).shape)
attempt(lambda: F.sigmoid(torch.randn(2)).grad_fn)
attempt(lambda: F.tanh(torch.randn(2)).shape)
attempt(lambda: torch.nn.utils.clip_grad_norm(nn.Linear(2, 2).parameters(), 1.0))
attempt(lambda: nn.init.xavier_uniform(torch.empty(2, 3)).shape)
attempt(lambda: nn.init.kaiming_normal_(torch.empty(3)))
attempt(lambda: nn.init.xavier_normal_(torch.empty(3)))
attempt(lambda: torch.randn(2).cuda())
attempt(lambda: torch.randn(2).to('cuda'))
attempt(lambda: torch.randn(2, device='cuda'))
attempt(lambda: torch.device('gpu'))
attempt(lambda: torch.cuda.is_available())
attempt(lambda: torch.randn(2).to('cpu').device)
# %%
torch.manual_seed(1)
class Bad(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(2, 2)
attempt(Bad)
class Bad2(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(2))
attempt(Bad2)
class Bad3(nn.Module):
    def __init__(self):
        self.k = 3
attempt(lambda: Bad3().k)
class NoFwd(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
attempt(lambda: NoFwd()(torch.randn(2)))
class Typo(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
    def foward(self, x): return self.fc(x)
attempt(lambda: Typo()(torch.randn(2)))
attempt(lambda: NoFwd().fc2)
attempt(lambda: nn.Linear(2, 2).weights)
m = nn.Linear(2, 2)
def setw(): m.weight = torch.ones(2, 2)
attempt(setw)
def setw2(): m.weight = nn.Parameter(torch.ones(2, 2))
attempt(setw2)
print(m.weight)
attempt(lambda: nn.Sequential(nn.Linear(2, 2), nn.ReLU)(torch.randn(2)))
attempt(lambda: nn.Sequential([nn.Linear(2, 2), nn.ReLU()]))
attempt(lambda: nn.Sequential(*[nn.Linear(2, 2), nn.ReLU()])(torch.ones(2)).grad_fn)
attempt(lambda: nn.Sequential(nn.Linear(2, 2))[1])
attempt(lambda: nn.ModuleList([nn.Linear(2, 2)])(torch.randn(2)))
attempt(lambda: nn.ModuleList([nn.ReLU, nn.Linear(2, 2)]))
attempt(lambda: nn.ModuleDict({'a.b': nn.ReLU()}))
attempt(lambda: nn.Linear(2.5, 2))
attempt(lambda: nn.Linear(2, 2, bias=None).bias)
attempt(lambda: nn.Dropout(1.5))
attempt(lambda: nn.ReLU(inplace=True)(torch.randn(2, requires_grad=True)))
attempt(lambda: nn.ReLU(inplace=True)(torch.randn(2, requires_grad=True) * 1).grad_fn)
# %%
torch.manual_seed(2)
class Ragged(Dataset):
    def __init__(self): self.data = [torch.randn(3), torch.randn(4), torch.randn(3)]
    def __len__(self): return len(self.data)
    def __getitem__(self, i): return self.data[i], i
attempt(lambda: next(iter(DataLoader(Ragged(), batch_size=2))))
attempt(lambda: next(iter(DataLoader(Ragged(), batch_size=1)))[0].shape)
def pad(batch):
    xs, ys = zip(*batch)
    return nn.utils.rnn.pad_sequence(xs, batch_first=True), torch.tensor(ys)
print(next(iter(DataLoader(Ragged(), batch_size=3, collate_fn=pad))))
class NoLen(Dataset):
    def __getitem__(self, i): return torch.tensor(i)
attempt(lambda: len(DataLoader(NoLen(), batch_size=2)))
class NpData(Dataset):
    def __len__(self): return 4
    def __getitem__(self, i): return np.full(2, i, dtype=np.float64), np.int64(i)
xb, yb = next(iter(DataLoader(NpData(), batch_size=3)))
print(xb, xb.dtype, yb, yb.dtype)
class Strs(Dataset):
    def __len__(self): return 2
    def __getitem__(self, i): return {'x': torch.tensor([i, i]), 'name': 'n%d' % i, 'v': 0.5 * i}
print(next(iter(DataLoader(Strs(), batch_size=2))))
class NoneItem(Dataset):
    def __len__(self): return 2
    def __getitem__(self, i): return torch.tensor(i), None
attempt(lambda: next(iter(DataLoader(NoneItem(), batch_size=2))))
attempt(lambda: TensorDataset(torch.randn(3, 2), torch.randn(4)))
attempt(lambda: TensorDataset([1, 2], [3, 4]))
ds = TensorDataset(torch.randn(5, 2), torch.arange(5))
attempt(lambda: ds[5])
attempt(lambda: len(DataLoader(ds, batch_size=2, drop_last=True)))
attempt(lambda: DataLoader(ds, batch_size=0))
attempt(lambda: DataLoader(ds, batch_size=2, shuffle=True, sampler=range(5)))
attempt(lambda: DataLoader(ds, batch_size=2.0))
attempt(lambda: DataLoader(ds, batch_size=-1))
attempt(lambda: [b[1].tolist() for b in DataLoader(ds, batch_size=None)][:2])
attempt(lambda: next(DataLoader(ds, batch_size=2)))
# %%
torch.manual_seed(3)
w = torch.randn(2, requires_grad=True)
attempt(lambda: w.grad.zero_())
attempt(lambda: w.grad.data)
(w * w).sum().backward()
w.grad.zero_(); print(w.grad)
attempt(lambda: w.grad.requires_grad)
opt = torch.optim.SGD([w], lr=0.1)
opt.zero_grad(); print(w.grad)
opt.zero_grad(set_to_none=False); print(w.grad)
attempt(lambda: opt.step())
attempt(lambda: opt.step(lambda: 1))
attempt(lambda: opt.zero_grad(True))
attempt(lambda: opt.param_groups[0]['lr'])
attempt(lambda: torch.optim.lr_scheduler.StepLR(opt))
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
attempt(lambda: sched.step())
attempt(lambda: sched.get_lr())
attempt(lambda: sched.get_last_lr())
