# FIR filtering and framing in plain PyTorch, as julius (lowpass_filter: a windowed sinc applied with conv1d after
# F.pad(mode="replicate"/"reflect")) and DSP course notebooks write it: windowed-sinc low-pass, reflect padding,
# depthwise conv1d on stereo, framing with Tensor.unfold, overlap-add back with F.fold, and learnable taps.
import math
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
sr = 1000
t = torch.arange(400) / sr
x = torch.sin(2 * math.pi * 20 * t) + 0.5 * torch.sin(2 * math.pi * 300 * t)
cutoff, half = 60 / sr, 16
n = torch.arange(-half, half + 1).float()
taps = 2 * cutoff * torch.sinc(2 * cutoff * n) * torch.hann_window(2 * half + 1, periodic=False)
taps = taps / taps.sum()
print(taps.shape, taps[:3], taps[half], taps.sum())

# %%
padded = F.pad(x.view(1, 1, -1), (half, half), mode="reflect")
y = F.conv1d(padded, taps.view(1, 1, -1))
print(padded.shape, y.shape, padded[0, 0, :3], x[1:4].flip(0))
Y = torch.fft.rfft(y[0, 0])
f = torch.fft.rfftfreq(y.shape[-1], 1 / sr)
print(Y.abs()[(f - 20).abs().argmin()], Y.abs()[(f - 300).abs().argmin()])

# %%
# padding modes side by side, and the limits of reflect
sig = torch.arange(6.).view(1, 1, 6)
for mode in ["constant", "reflect", "replicate", "circular"]:
    print(mode, F.pad(sig, (3, 2), mode=mode))
for make in [lambda: F.pad(sig, (6, 0), mode="reflect"), lambda: F.pad(sig.view(6), (2, 2), mode="reflect"),
             lambda: F.pad(sig, (2, 2), mode="symmetric"), lambda: F.pad(sig.long(), (2, 2), mode="reflect"),
             lambda: F.pad(sig, (2,), mode="reflect")]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# stereo: one filter per channel with groups=2, padding="same"
stereo = torch.stack([x, x.flip(0)]).unsqueeze(0)
bank = taps.view(1, 1, -1).repeat(2, 1, 1)
out = F.conv1d(stereo, bank, padding="same", groups=2)
print(stereo.shape, bank.shape, out.shape, (out[0, 0] - F.conv1d(x.view(1, 1, -1), taps.view(1, 1, -1), padding="same")[0, 0]).abs().max())
try:
    F.conv1d(stereo, bank, padding="same", stride=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv1d(stereo, taps.view(1, 1, -1))
except Exception as e:
    print(type(e).__name__, e)

# %%
# framing with unfold: 50% overlapping Hann frames, and the overlap-add that undoes it
frame, hop = 32, 16
frames = x.unfold(0, frame, hop)
print(frames.shape, frames.stride(), frames.is_contiguous(), frames.grad_fn)
w = torch.hann_window(frame)
windowed = frames * w
ola = F.fold(windowed.T.unsqueeze(0), output_size=(1, hop * (frames.shape[0] - 1) + frame),
             kernel_size=(1, frame), stride=(1, hop))
env = F.fold(w.pow(1).repeat(frames.shape[0], 1).T.unsqueeze(0), output_size=(1, ola.shape[-1]),
             kernel_size=(1, frame), stride=(1, hop))
print(ola.shape, env[0, 0, 0, 14:20])
inner = slice(frame, ola.shape[-1] - frame)
print((ola[0, 0, 0, inner] / env[0, 0, 0, inner] - x[inner]).abs().max() < 1e-5)

# %%
try:
    x[:20].unfold(0, frame, hop)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.unfold(0, frame, 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.unfold(1, frame, hop)
except Exception as e:
    print(type(e).__name__, e)

# %%
# learnable taps: fit a 9-tap filter that turns x into the low-passed y (gradients through reflect pad + conv1d)
torch.manual_seed(0)
learned = torch.zeros(1, 1, 9, requires_grad=True)
target = y.detach()
opt = torch.optim.SGD([learned], lr=0.05)
for step in range(40):
    pred = F.conv1d(F.pad(x.view(1, 1, -1), (4, 4), mode="reflect"), learned)
    loss = F.mse_loss(pred[..., 8:-8], target[..., 8:-8])
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 5))
print(learned.detach().view(-1), learned.grad.shape, pred.grad_fn)
