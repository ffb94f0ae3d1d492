# A 1-D filtering lesson: F.conv1d as a moving average and as a learned FIR filter fitted by gradient descent to
# a target filter's output, F.pad(mode='reflect'/'replicate'/'circular') at the signal's edges, and the errors.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(3)
n = 200
t = torch.linspace(0, 1, n)
clean = torch.sin(2 * math.pi * 3 * t)
noisy = clean + 0.3 * torch.randn(n)
k = 9
box = torch.ones(1, 1, k) / k
smooth = F.conv1d(noisy.view(1, 1, -1), box)
print(smooth.shape, smooth[0, 0, :4])
same = F.conv1d(F.pad(noisy.view(1, 1, -1), (k // 2, k // 2), mode="reflect"), box)
print(same.shape, same[0, 0, :3], same[0, 0, -3:])
print(F.conv1d(noisy[None, None], box, padding="same").shape, F.conv1d(noisy[None, None], box, padding=4)[0, 0, :2])

# %%
sig = torch.arange(6.0).view(1, 1, 6)
for mode in ["reflect", "replicate", "circular", "constant"]:
    print(mode, F.pad(sig, (2, 3), mode=mode))
print(F.pad(torch.arange(5.0).view(1, 5), (2, 2), mode="reflect"))
print(F.pad(sig, (-1, 2), mode="constant", value=-1.0))

# %%
for make in [lambda: F.pad(sig, (6, 0), mode="reflect"),
             lambda: F.pad(torch.arange(6.0), (2, 2), mode="reflect"),
             lambda: F.pad(sig, (2,), mode="reflect"),
             lambda: F.pad(sig, (1, 1, 1, 1), mode="reflect"),
             lambda: F.pad(sig, (7, 0), mode="circular"),
             lambda: F.pad(sig.long(), (2, 2), mode="reflect"),
             lambda: F.pad(sig, (2, 2), mode="symmetric"),
             lambda: F.pad(sig, (2, 2), mode="reflect", value=1.0)]:
    try:
        out = make()
        print("ok", out.shape, out.flatten()[:4])
    except Exception as e:
        print(type(e).__name__, e)

# %%
for make in [lambda: F.conv1d(noisy, box),
             lambda: F.conv1d(noisy.view(1, -1), box),
             lambda: F.conv1d(noisy.view(1, 1, -1), torch.ones(1, k) / k),
             lambda: F.conv1d(noisy.view(1, 1, -1), torch.ones(1, 2, k)),
             lambda: F.conv1d(noisy.view(1, 1, 5), box),
             lambda: F.conv1d(noisy.view(1, 1, -1).double(), box),
             lambda: F.conv1d(noisy.view(1, 1, -1), box, padding="same", stride=2),
             lambda: F.conv1d(noisy.view(1, 1, -1), box, padding="valid", dilation=3)]:
    try:
        out = make()
        print("ok", out.shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
true_taps = torch.tensor([0.1, 0.2, 0.4, 0.2, 0.1]).view(1, 1, 5)
x = torch.randn(4, 1, 128)
y = F.conv1d(F.pad(x, (2, 2), mode="reflect"), true_taps)
fir = nn.Conv1d(1, 1, 5, bias=False, padding=2, padding_mode="reflect")
print(fir, fir.weight.shape)
opt = torch.optim.SGD(fir.parameters(), lr=0.5)
for step in range(40):
    opt.zero_grad()
    loss = F.mse_loss(fir(x), y)
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 6), fir.weight.grad.flatten())
print(fir.weight.data.flatten())

# %%
taps = torch.zeros(1, 1, 7, requires_grad=True)
xs = torch.randn(1, 1, 64)
out = F.conv1d(F.pad(xs, (3, 3), mode="reflect"), taps)
target = torch.fft.rfft(xs.squeeze()).abs()
spec = torch.fft.rfft(out.squeeze() + xs.squeeze()).abs()
loss = F.l1_loss(torch.log(spec + 1e-6), torch.log(target + 1e-6)) + (taps ** 2).sum()
loss.backward()
print(out.grad_fn.name(), out.grad_fn.next_functions[0][0].name(), taps.grad)

# %%
xg = torch.randn(1, 1, 10, requires_grad=True)
p = F.pad(xg, (3, 2), mode="reflect")
print(p.grad_fn.name())
(p * torch.arange(15.0)).sum().backward()
print(xg.grad)
xg.grad = None
p = F.pad(xg, (3, 2), mode="replicate")
(p * torch.arange(15.0)).sum().backward()
print(p.grad_fn.name(), xg.grad)
xg.grad = None
p = F.pad(xg, (3, 2), mode="circular")
(p * torch.arange(15.0)).sum().backward()
print(p.grad_fn.name(), xg.grad)

# %%
stereo = torch.randn(2, 2, 50)
dw = nn.Conv1d(2, 2, 5, groups=2, padding="same", bias=False)
torch.nn.init.constant_(dw.weight, 0.2)
print(dw(stereo).shape, dw(stereo)[0, :, :3])
causal = F.conv1d(F.pad(stereo, (4, 0)), torch.ones(2, 1, 5) / 5, groups=2)
print(causal.shape, causal[1, 1, :5])
