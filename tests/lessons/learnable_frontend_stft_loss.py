# A small learnable audio front end trained on synthetic sine mixtures, in the spirit of SincNet / LEAF and of the
# "spectral loss" posts (DDSP, auraloss' STFTLoss): a conv1d filterbank learns to separate a low tone from a high one
# with a loss on STFT magnitudes; then the complex side: polar, angle, view_as_real, istft round trips and their errors.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
sr, n = 2000, 512
t = torch.arange(n) / sr

def mixtures(batch):
    lo = torch.randint(40, 200, (batch, 1)).float()
    hi = torch.randint(500, 900, (batch, 1)).float()
    low = torch.sin(2 * math.pi * lo * t)
    return low + 0.7 * torch.sin(2 * math.pi * hi * t), low

mix, low = mixtures(4)
print(mix.shape, low.shape, mix[0, :4])

# %%
class FilterbankSeparator(nn.Module):
    def __init__(self, n_filters=6, k=31):
        super().__init__()
        self.bank = nn.Conv1d(1, n_filters, k, padding=k // 2, padding_mode="reflect", bias=False)
        self.mix = nn.Conv1d(n_filters, 1, 1)
    def forward(self, x):
        return self.mix(torch.tanh(self.bank(x.unsqueeze(1)))).squeeze(1)

def stft_mag(x, n_fft=128, hop=32):
    S = torch.stft(x, n_fft, hop, window=torch.hann_window(n_fft), return_complex=True)
    return S.abs().clamp(min=1e-7)

def stft_loss(pred, target):
    P, T = stft_mag(pred), stft_mag(target)
    sc = torch.linalg.norm(T - P, "fro", dim=(-2, -1)) / torch.linalg.norm(T, "fro", dim=(-2, -1))
    mag = F.l1_loss(P.log(), T.log())
    return sc.mean() + mag

model = FilterbankSeparator()
print(model, sum(p.numel() for p in model.parameters()))
print(stft_mag(mix).shape, stft_loss(mix, low))

# %%
opt = torch.optim.Adam(model.parameters(), lr=5e-3)
for step in range(12):
    x, y = mixtures(8)
    loss = stft_loss(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step == 0:
        print(step, round(loss.item(), 3), model.bank.weight.grad.norm().item() > 0)
print(loss.item() < 4.107, loss.grad_fn, model.bank.weight.grad.shape)

# %%
# the learned filters' frequency responses, from a zero-padded rfft of the taps
H = torch.fft.rfft(model.bank.weight.detach().squeeze(1), n=256).abs()
f = torch.fft.rfftfreq(256, 1 / sr)
print(H.shape, f[H.argmax(dim=1)].shape, H.max(dim=1).values.shape)

# %%
# polar form: magnitude and phase back to a complex spectrogram
S = torch.stft(mix[0], 128, 32, window=torch.hann_window(128), return_complex=True)
mag, phase = S.abs(), S.angle()
S2 = torch.polar(mag, phase)
print(S.shape, S.dtype, mag.dtype, (S2 - S).abs().max() < 1e-4)
print(S[3, :2], torch.view_as_real(S)[3, :2], torch.view_as_real(S).shape)
print(torch.view_as_complex(torch.view_as_real(S).contiguous()).equal(S))
z = torch.polar(torch.tensor([1.0, 2.0]), torch.tensor([0.0, math.pi / 2]))
print(z, z.real, z.imag, z.conj(), z.abs(), z.angle())

# %%
# istft brings it back; gradients reach the magnitude through polar
mag_p = mag.clone().requires_grad_()
y = torch.istft(torch.polar(mag_p, phase), 128, 32, window=torch.hann_window(128), length=n)
print(y.shape, y.grad_fn, (y - mix[0]).abs().max() < 1e-4)
y.pow(2).sum().backward()
print(mag_p.grad.shape, mag_p.grad[3, :3])

# %%
def attempt(make):
    try:
        print("ok", make())
    except Exception as e:
        print(type(e).__name__, e)

w = torch.hann_window(128)
attempt(lambda: torch.istft(S, 128, 32, window=w, normalized=1).shape)
attempt(lambda: S.istft(128, 32, window=w, length=n).shape)
attempt(lambda: S.istft(128, 32, window=w, length=float(n)))
attempt(lambda: torch.istft(S, 128, 32, window=w, length=n + 100).shape)
attempt(lambda: torch.istft(S, 128, 32, window=torch.hann_window(64)))
attempt(lambda: torch.istft(torch.view_as_real(S), 128, 32, window=w))
attempt(lambda: torch.istft(S, 128, 32, window=w, return_complex=True))
attempt(lambda: torch.stft(mix[0], 128, 32, window=w, return_complex=1))
attempt(lambda: torch.stft(mix[0], 128, 32, window=w, return_complex=True, onesided=0))
attempt(lambda: torch.view_as_complex(torch.view_as_real(S)[..., :1]))
attempt(lambda: torch.view_as_real(mag))
attempt(lambda: torch.polar(mag.double(), phase))
