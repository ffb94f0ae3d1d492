# A tiny keyword spotter on synthetic "words" (tone patterns plus noise): log-spectrogram features with stft,
# a 1-D CNN over time, and a WaveNet-style stack of dilated causal convolutions on the raw waveform.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
sr, dur = 2000, 0.5
t = torch.arange(int(sr * dur)) / sr
freqs = {0: (200., 400.), 1: (300., 600.), 2: (500., 250.)}   # each "word" sweeps between two tones

def make_word(label, n):
    f0, f1 = freqs[label]
    f = f0 + (f1 - f0) * t
    phase = 2 * math.pi * torch.cumsum(f, 0) / sr
    x = torch.sin(phase) * torch.hann_window(t.shape[0], periodic=False)
    return x + 0.2 * torch.randn(n, t.shape[0])

X = torch.cat([make_word(c, 8) for c in range(3)])
y = torch.arange(3).repeat_interleave(8)
print(X.shape, y.shape, y[:10])

# %%
def features(wave):
    spec = torch.stft(wave, n_fft=128, hop_length=32, window=torch.hann_window(128), return_complex=True)
    return torch.log1p(spec.abs())

feats = features(X)
print(feats.shape, feats.dtype)
print(feats[0, :3, :4])

# %%
# normalise per frequency bin over the training set
mean = feats.mean(dim=(0, 2), keepdim=True)
std = feats.std(dim=(0, 2), keepdim=True)
feats = (feats - mean) / (std + 1e-5)
print(feats.mean().abs() < 1e-5, feats.shape)

# %%
class KWS(nn.Module):
    def __init__(self, n_freq, n_classes):
        super().__init__()
        self.conv1 = nn.Conv1d(n_freq, 32, kernel_size=3, padding=1)
        self.bn1 = nn.BatchNorm1d(32)
        self.conv2 = nn.Conv1d(32, 32, kernel_size=3, padding=1)
        self.fc = nn.Linear(32, n_classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.conv2(x))
        x = F.adaptive_avg_pool1d(x, 1).squeeze(-1)
        return self.fc(x)

torch.manual_seed(0)
model = KWS(feats.shape[1], 3)
print(model)
print(sum(p.numel() for p in model.parameters()))

# %%
# the classic mistake: time and frequency swapped
model(feats.transpose(1, 2))

# %%
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(12):
    opt.zero_grad()
    logits = model(feats)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    opt.step()
    if epoch % 4 == 0:
        print(epoch, round(loss.item(), 4))
print((logits.argmax(1) == y).float().mean())

# %%
model.eval()
with torch.no_grad():
    test = (features(make_word(2, 3)) - mean) / (std + 1e-5)
    print(model(test).argmax(1))

# %%
# WaveNet-style: dilated causal convolutions on the waveform itself
class CausalConv1d(nn.Conv1d):
    def __init__(self, cin, cout, kernel_size, dilation):
        super().__init__(cin, cout, kernel_size, dilation=dilation)
        self.left = (kernel_size - 1) * dilation

    def forward(self, x):
        return super().forward(F.pad(x, (self.left, 0)))

class TinyWaveNet(nn.Module):
    def __init__(self, channels=8, layers=4, n_classes=3):
        super().__init__()
        self.inp = nn.Conv1d(1, channels, 1)
        self.filters = nn.ModuleList(CausalConv1d(channels, channels, 2, 2 ** i) for i in range(layers))
        self.gates = nn.ModuleList(CausalConv1d(channels, channels, 2, 2 ** i) for i in range(layers))
        self.out = nn.Linear(channels, n_classes)

    def forward(self, x):
        h = self.inp(x.unsqueeze(1))
        for f, g in zip(self.filters, self.gates):
            h = h + torch.tanh(f(h)) * torch.sigmoid(g(h))
        return self.out(h.mean(-1))

torch.manual_seed(0)
net = TinyWaveNet()
out = net(X[:, :256])
print(out.shape, out.grad_fn)
print("receptive field", 1 + sum(c.left for c in net.filters))

# %%
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for step in range(3):
    opt.zero_grad()
    loss = F.cross_entropy(net(X[:, :256]), y)
    loss.backward()
    opt.step()
print(round(loss.item(), 4))
print(net.filters[0].weight.grad.shape)

# %%
# a causal layer must not see the future: the gradient of output t w.r.t. input t+1 is zero
x = X[:1, :256].clone().requires_grad_()
h = net.filters[0](net.inp(x.unsqueeze(1)))
h[0, 0, 100].backward()
print(x.grad[0, 98:103])

# %%
# a learner passes (batch, time) straight into Conv1d
net.inp(X)
