# Imitates the Fourier Neural Operator tutorials and the reference fourier_1d.py of the neuraloperator repository (Li et
# al.): SpectralConv1d with complex weights scale * torch.rand(in, out, modes, dtype=torch.cfloat), torch.fft.rfft,
# compl_mul1d as torch.einsum("bix,iox->box"), out_ft from torch.zeros(..., dtype=torch.cfloat), irfft(n=x.size(-1)),
# the grid channel from torch.linspace + repeat, permute between channels-last and channels-first, GELU, count_params
# counting complex parameters twice, the relative LpLoss class, Adam with a StepLR schedule on complex weights, and
# what learners print along the way (dtypes, shapes, complex grads, the modes that get no gradient).
import operator
from functools import reduce
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class SpectralConv1d(nn.Module):
    def __init__(self, in_channels, out_channels, modes1):
        super(SpectralConv1d, self).__init__()
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.modes1 = modes1
        self.scale = (1 / (in_channels * out_channels))
        self.weights1 = nn.Parameter(self.scale * torch.rand(in_channels, out_channels, self.modes1, dtype=torch.cfloat))

    def compl_mul1d(self, input, weights):
        return torch.einsum("bix,iox->box", input, weights)

    def forward(self, x):
        batchsize = x.shape[0]
        x_ft = torch.fft.rfft(x)
        out_ft = torch.zeros(batchsize, self.out_channels, x.size(-1) // 2 + 1, device=x.device, dtype=torch.cfloat)
        out_ft[:, :, :self.modes1] = self.compl_mul1d(x_ft[:, :, :self.modes1], self.weights1)
        x = torch.fft.irfft(out_ft, n=x.size(-1))
        return x

torch.manual_seed(0)
conv = SpectralConv1d(2, 3, 4)
print(conv.weights1.dtype, conv.weights1.shape, conv.weights1.is_complex())
print(conv.weights1[0, 0])
x = torch.randn(2, 2, 16)
y = conv(x)
print(y.shape, y.dtype, y.grad_fn)
print(y[0, 0, :6])

# %%
x_ft = torch.fft.rfft(x)
print(x_ft.shape, x_ft.dtype, x_ft[0, 0, :3])
print(x_ft.real.dtype, x_ft.abs()[0, 0, :3], x_ft.angle()[0, 0, :2])
back = torch.fft.irfft(x_ft, n=16)
print(torch.allclose(back, x, atol=1e-6), (back - x).abs().max() < 1e-5)
print(torch.fft.rfftfreq(16, d=1 / 16)[:5], torch.fft.fftfreq(8))

# %%
y.pow(2).sum().backward()
g = conv.weights1.grad
print(g.dtype, g.shape)
print(g[0, 0])
print(torch.view_as_real(g).shape, g.conj()[0, 1, :2])

# %%
class FNO1d(nn.Module):
    def __init__(self, modes, width):
        super(FNO1d, self).__init__()
        self.modes1 = modes
        self.width = width
        self.fc0 = nn.Linear(2, self.width)
        self.conv0 = SpectralConv1d(self.width, self.width, self.modes1)
        self.conv1 = SpectralConv1d(self.width, self.width, self.modes1)
        self.w0 = nn.Conv1d(self.width, self.width, 1)
        self.w1 = nn.Conv1d(self.width, self.width, 1)
        self.fc1 = nn.Linear(self.width, 16)
        self.fc2 = nn.Linear(16, 1)

    def forward(self, x):
        grid = self.get_grid(x.shape, x.device)
        x = torch.cat((x, grid), dim=-1)
        x = self.fc0(x)
        x = x.permute(0, 2, 1)
        x1 = self.conv0(x)
        x2 = self.w0(x)
        x = F.gelu(x1 + x2)
        x1 = self.conv1(x)
        x2 = self.w1(x)
        x = x1 + x2
        x = x.permute(0, 2, 1)
        x = self.fc1(x)
        x = F.gelu(x)
        x = self.fc2(x)
        return x

    def get_grid(self, shape, device):
        batchsize, size_x = shape[0], shape[1]
        gridx = torch.tensor(torch.linspace(0, 1, size_x), dtype=torch.float)
        gridx = gridx.reshape(1, size_x, 1).repeat([batchsize, 1, 1])
        return gridx.to(device)

def count_params(model):
    c = 0
    for p in list(model.parameters()):
        c += reduce(operator.mul, list(p.size() + (2,) if p.is_complex() else p.size()))
    return c

torch.manual_seed(0)
model = FNO1d(modes=4, width=8)
print(count_params(model), sum(p.numel() for p in model.parameters()))
print([(n, p.dtype) for n, p in model.named_parameters() if p.is_complex()])

# %%
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    out = model(torch.randn(3, 32, 1))
print(out.shape, [str(m.message)[:60] for m in w])

# %%
class LpLoss(object):
    def __init__(self, d=2, p=2, size_average=True, reduction=True):
        super(LpLoss, self).__init__()
        assert d > 0 and p > 0
        self.d = d
        self.p = p
        self.reduction = reduction
        self.size_average = size_average

    def rel(self, x, y):
        num_examples = x.size()[0]
        diff_norms = torch.norm(x.reshape(num_examples, -1) - y.reshape(num_examples, -1), self.p, 1)
        y_norms = torch.norm(y.reshape(num_examples, -1), self.p, 1)
        if self.reduction:
            if self.size_average:
                return torch.mean(diff_norms / y_norms)
            else:
                return torch.sum(diff_norms / y_norms)
        return diff_norms / y_norms

    def __call__(self, x, y):
        return self.rel(x, y)

# the operator to learn: antiderivative-like smoothing a(x) -> u(x) by a fixed spectral filter
torch.manual_seed(1)
s = 32
a = torch.randn(16, s).cumsum(-1) / 4
k = torch.fft.rfftfreq(s, d=1 / s)
u = torch.fft.irfft(torch.fft.rfft(a) / (1 + k ** 2), n=s)
train_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(a[:12, :, None], u[:12]),
                                           batch_size=4, shuffle=True)
myloss = LpLoss(size_average=False)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)
for ep in range(20):
    model.train()
    train_l2 = 0
    for xb, yb in train_loader:
        optimizer.zero_grad()
        out = model(xb)
        l2 = myloss(out.view(xb.shape[0], -1), yb.view(xb.shape[0], -1))
        l2.backward()
        optimizer.step()
        train_l2 += l2.item()
    scheduler.step()
    if ep % 5 == 0:
        print(ep, f"{train_l2 / 12:.4f}", scheduler.get_last_lr())

# %%
model.eval()
with torch.no_grad():
    pred = model(a[12:, :, None]).squeeze(-1)
print(pred.shape, f"{myloss(pred, u[12:]).item():.4f}")
print(LpLoss(reduction=False)(pred, u[12:]).shape)
st = optimizer.state[model.conv0.weights1]
print(st["exp_avg"].dtype, st["exp_avg_sq"].dtype, st["exp_avg_sq"].is_complex(), st["step"])

# %%
for bad in [lambda: torch.einsum("bix,iox->box", x_ft[:, :, :4], torch.rand(3, 3, 4, dtype=torch.cfloat)),
            lambda: torch.einsum("bix,iox->box", x[:, :, :4], conv.weights1),
            lambda: torch.fft.irfft(out_ft, n=16) if False else torch.zeros(2, dtype=torch.cfloat).clamp(0, 1),
            lambda: torch.zeros(2, dtype=torch.cfloat) > 0]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
