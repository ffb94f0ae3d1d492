# Imitates the "inspect your model and optimizer" cells of a training tutorial: nn.Parameter and nested nn.Module
# reprs with extra_repr, containers, many layer and loss reprs, optimizer reprs and state_dicts, lr_scheduler
# state_dicts, torch.return_types (topk, max with dim, sort ...) and printing lists/dicts of tensors.
import torch
import torch.nn as nn
torch.manual_seed(0)
p = nn.Parameter(torch.randn(3))
print(p, repr(p), str(p), p * 2, p.data, p.grad)
q = nn.Parameter(torch.zeros(2, dtype=torch.float64), requires_grad=False)
print(q, nn.Parameter(torch.tensor(1.)), nn.Parameter(torch.empty(0)), nn.Parameter(torch.arange(3.).half()))
print(nn.Parameter(torch.randn(2000))[:2].shape, nn.Parameter(torch.randn(2000)))
nn.init.constant_(p, 1.5); print(p)
print(nn.Parameter())
b = nn.Buffer(torch.ones(2)) if hasattr(nn, 'Buffer') else None
print(b, type(b).__name__)
# %%
class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.fc = nn.Linear(n, n, bias=False)
        self.act = nn.GELU(approximate='tanh')
        self.drop = nn.Dropout(0.1)
        self.scale = nn.Parameter(torch.ones(n))
    def extra_repr(self):
        return f"n={self.fc.in_features}\nsecond line"
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([Block(4) for _ in range(3)])
        self.head = nn.Sequential(nn.Linear(4, 2), nn.Softmax(dim=-1))
        self.dict = nn.ModuleDict({'a': nn.ReLU(), 'b': nn.LayerNorm(4)})
        self.plist = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(3, dtype=torch.float64))])
        self.pdict = nn.ParameterDict({'w': nn.Parameter(torch.ones(2, 2))})
        self.empty = nn.Sequential()
        self.conv = nn.Conv2d(3, 8, 3, stride=2, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(8, momentum=None)
        self.emb = nn.Embedding(10, 3, padding_idx=0)
        self.lstm = nn.LSTM(4, 8, num_layers=2, batch_first=True, dropout=0.2)
        self.id = nn.Identity()
        self.flat = nn.Flatten()
        self.pool = nn.MaxPool2d(2)
        self.ln = nn.LayerNorm([4, 4], elementwise_affine=False)
net = Net()
print(net)
print(repr(net.blocks), net.head[0], net.dict, net.plist, net.pdict)
print(sum(p.numel() for p in net.parameters()))
for name, prm in list(net.named_parameters())[:4]:
    print(name, prm.shape)
# %%
seq = nn.Sequential(*[nn.Linear(2, 2) for _ in range(5)], nn.ReLU(), nn.ReLU())
print(seq)
ml = nn.ModuleList([nn.ReLU() for _ in range(4)] + [nn.Tanh()])
print(ml)
from collections import OrderedDict
print(nn.Sequential(OrderedDict([('fc1', nn.Linear(3, 4)), ('act', nn.ReLU())])))
class E(nn.Module):
    def extra_repr(self): return ''
print(E(), nn.Module(), nn.ReLU(inplace=True), nn.LeakyReLU(0.2), nn.Softmax(), nn.CrossEntropyLoss(), nn.MSELoss(reduction='sum'))
print(nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16))
# %%
# %%
import torch
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x = torch.tensor([[3., 1., 2.], [0., 5., 4.]], requires_grad=True)
r = torch.sort(x, stable=True)
print(isinstance(r, tuple), r.n_fields, r.n_sequence_fields, r.n_unnamed_fields, type(r), type(r).__module__)
attempt(lambda: r._fields)
attempt(lambda: r._asdict())
attempt(lambda: torch.return_types.max((torch.tensor(1.), torch.tensor(0))))
attempt(lambda: torch.return_types.topk([1, 2]))
attempt(lambda: torch.return_types.topk([1]))
import pickle
r2 = pickle.loads(pickle.dumps(torch.max(x.detach(), 1)))
print(r2, type(r2))
a, b = r; print(a.grad_fn, b.dtype)
print(r[-1], r[:1], r + (1,), r == r, list(r))
attempt(lambda: r.__setattr__('values', 1))
print(torch.nanmedian(torch.tensor([[1., float('nan'), 3.]]), 1), torch.cummin(x, 0), torch.linalg.inv_ex(torch.eye(2)), torch.linalg.cholesky_ex(torch.eye(2)))
print(torch.linalg.lu_factor(torch.eye(2)), torch.linalg.eig(torch.eye(2)), torch.geqrf(torch.eye(2)), torch.triangular_solve(torch.eye(2), torch.eye(2)))
print(torch.linalg.lstsq(torch.eye(2), torch.ones(2, 1)), torch.linalg.matrix_exp(torch.eye(2)), torch.lu_unpack(*torch.linalg.lu_factor(torch.eye(2))))
print(torch.linalg.lu(torch.eye(2)), torch.linalg.solve_ex(torch.eye(2), torch.ones(2)))
print(torch.max(torch.tensor([[1, 2]]), 1, True), torch.sort(torch.tensor([], dtype=torch.int64)), torch.topk(torch.zeros(0), 0))
# %%
import torch.nn as nn
m = nn.Linear(2, 2)
S = torch.optim.lr_scheduler
def mk(): return torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9)
o = mk(); print(S.LinearLR(o, start_factor=0.5, total_iters=4).state_dict())
o = mk(); print(S.ConstantLR(o).state_dict())
o = mk(); print(S.PolynomialLR(o, total_iters=5, power=2.).state_dict())
o = mk(); print(S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2).state_dict())
o = mk(); c = S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=2); sd = c.state_dict(); print(sorted(sd), {k: v for k, v in sd.items() if k != '_scale_fn_ref'})
o = mk(); s = S.SequentialLR(o, [S.ConstantLR(o, factor=0.5, total_iters=2), S.ExponentialLR(o, gamma=0.9)], milestones=[2]); print(s.state_dict())
o = mk(); s = S.ChainedScheduler([S.ConstantLR(o, factor=0.5, total_iters=2), S.ExponentialLR(o, gamma=0.9)]); print(s.state_dict())
o = mk(); s = S.MultiplicativeLR(o, lambda e: 0.95); print(s.state_dict())
o = mk(); s = S.ReduceLROnPlateau(o, mode='max', factor=0.5); s.step(1.0); s.step(0.5); print(s.state_dict())
o = mk(); s = S.StepLR(o, 1)
for _ in range(3):
    o.step(); s.step()
print(s.state_dict(), s.get_last_lr(), s.last_epoch, o.state_dict()['param_groups'])
# %%
torch.manual_seed(0); m = torch.nn.Linear(2, 1)
print(m.weight.grad_fn, m.weight.is_leaf, (m.weight * 1).is_leaf)
y = m(torch.ones(3, 2))
print(y.grad_fn.name(), y.grad_fn.next_functions, type(y.grad_fn).__name__, y.grad_fn.__class__.__module__ if False else '')
print(repr(y), y.shape, y.requires_grad)
torch.set_printoptions(linewidth=20)
print(y)
print(torch.ones(2, 2, dtype=torch.float64, requires_grad=True) * 2)
print(torch.ones(3, dtype=torch.int32))
print(nn.Parameter(torch.ones(3, dtype=torch.float64)))
torch.set_printoptions(profile='default')
print(nn.Parameter(torch.ones(2, dtype=torch.float64)), nn.Parameter(torch.ones(2, dtype=torch.float16)).half())
print(y.detach().requires_grad_(), torch.ones(1).requires_grad_().grad)
z = torch.ones(2, requires_grad=True).clone(); z.retain_grad(); z.sum().backward(); print(z.grad, z._version)
print(torch.tensor([1., 2.]).add_(1), torch.ones(2, requires_grad=True).mul(2).add_(1))
