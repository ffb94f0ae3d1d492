# Imitates a forecasting course's "decomposition, metrics and backtesting" notebook in plain PyTorch: a centred
# moving average with F.conv1d and F.avg_pool1d after F.pad(mode='reflect'), seasonal indices, MAPE (with zeros),
# sMAPE and MASE, a rolling-origin evaluation with slicing; and the mistakes learners make (conv1d with a 1-d input,
# a reflect pad wider than the series, dividing by zero actuals).
import math
import torch
import torch.nn.functional as F

torch.manual_seed(2)
n, m = 60, 12
t = torch.arange(n, dtype=torch.float32)
y = 5 + 0.1 * t + torch.sin(2 * math.pi * t / m) * 2 + 0.3 * torch.randn(n)
y[[7, 30]] = 0.0
print(y[:8])

# %%
kernel = torch.ones(1, 1, m + 1) / m
kernel[..., 0] = kernel[..., -1] = 0.5 / m
padded = F.pad(y.view(1, 1, -1), (m // 2, m // 2), mode="reflect")
trend = F.conv1d(padded, kernel).view(-1)
print(padded.shape, trend.shape, trend[:4])
print(F.pad(torch.arange(5.).view(1, 1, 5), (2, 3), mode="reflect"))
print(F.pad(torch.arange(5.).view(1, 5), (2, 1), mode="replicate"), F.pad(torch.arange(5.).view(1, 1, 5), (1, 2), mode="circular"))

# %%
ma = F.avg_pool1d(F.pad(y.view(1, 1, -1), (1, 1), mode="replicate"), kernel_size=3, stride=1).squeeze()
print(ma.shape, ma[:4])
print(F.avg_pool1d(y.view(1, 1, -1)[..., :10], 3, stride=2, padding=1))
print(F.avg_pool1d(y.view(1, -1)[..., :10], 4, ceil_mode=True, count_include_pad=False))
print(F.avg_pool1d(y.view(1, 1, -1)[..., :10], 3, stride=3, padding=1, ceil_mode=True, count_include_pad=False))

# %%
detrended = y - trend
seasonal = detrended.view(-1, m).mean(0)
seasonal = seasonal - seasonal.mean()
resid = detrended - seasonal.repeat(n // m)
print(seasonal, resid.std(), resid.abs().max())

# %%
# Mistake: conv1d wants (batch, channels, length)
F.conv1d(y, kernel)

# %%
F.conv1d(y.view(1, -1), kernel).shape

# %%
F.conv1d(y.view(1, 1, -1), kernel.view(-1))

# %%
F.pad(y[:5].view(1, 1, -1), (6, 6), mode="reflect")

# %%
F.pad(y[:5], (2, 2), mode="reflect")

# %%
F.avg_pool1d(y.view(1, 1, -1), 3, padding=2)

# %%
def mape(a, f):
    return ((a - f).abs() / a.abs()).mean() * 100
def smape(a, f):
    return (200 * (a - f).abs() / (a.abs() + f.abs())).mean()
def mase(a, f, train, m=1):
    scale = (train[m:] - train[:-m]).abs().mean()
    return (a - f).abs().mean() / scale

fc = trend + seasonal.repeat(n // m)
print(mape(y, fc), smape(y, fc), mase(y[-12:], fc[-12:], y[:-12], m))
nz = y != 0
print(mape(y[nz], fc[nz]), torch.nanmean((y - fc).abs() / y.abs()), torch.nan_to_num((y - fc).abs() / y.abs(), posinf=0.0).mean())
print(smape(torch.zeros(3), torch.zeros(3)), torch.where(y.abs() > 0, (y - fc).abs() / y.abs(), torch.zeros(())).mean())

# %%
# Rolling-origin evaluation: refit a seasonal naive / drift forecast at each origin
errors = []
for origin in range(36, n - 6 + 1, 6):
    train, test = y[:origin], y[origin:origin + 6]
    naive = train[-m:][:6]
    drift = train[-1] + (train[-1] - train[0]) / (len(train) - 1) * torch.arange(1, 7)
    errors.append(torch.stack([(test - naive).abs().mean(), (test - drift).abs().mean()]))
errors = torch.stack(errors)
print(errors.shape, errors.mean(0), errors.argmin(1), errors.min(dim=1))

# %%
folds = y.unfold(0, 24, 6)
print(folds.shape, folds[:, -6:].mean(1), torch.cummax(errors[:, 0], 0))
print(y.split([36, 12, 12]), [c.shape for c in y.tensor_split(5)])

# %%
# A learnable smoothing kernel fitted by gradient descent (a trainable moving average)
w = torch.full((1, 1, 5), 0.2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.01, momentum=0.9)
target = F.pad(trend.view(1, 1, -1), (0, 0))
for step in range(40):
    opt.zero_grad()
    out = F.conv1d(F.pad(y.view(1, 1, -1), (2, 2), mode="reflect"), w)
    loss = F.smooth_l1_loss(out, target, beta=0.5)
    loss.backward()
    opt.step()
print(round(loss.item(), 4), w.detach().view(-1), w.grad.shape)
print(F.softmax(w.detach(), -1).sum(), out.grad_fn, out.grad_fn.next_functions[0][0])

# %%
# Mistake: de-meaning overlapping windows in place writes each shared element several times
series = y[:10].clone()
windows = series.unfold(0, 4, 2)
windows -= windows.mean(dim=1, keepdim=True)
print(series)
safe = y[:10].unfold(0, 4, 2)
print(safe - safe.mean(dim=1, keepdim=True))

# %%
# Mistake: a float64 target with a float32 forecast: HuberLoss computes, its backward refuses
target64 = y.double()
pred = torch.zeros(n, requires_grad=True)
loss = torch.nn.HuberLoss(delta=1.0)(pred, target64)
print(loss.dtype, loss)
loss.backward()

# %%
torch.hstack([fc[i:i + 0] for i in range(0)])

# %%
F.avg_pool1d(y.view(1, 1, -1), kernel_size=2.5)
