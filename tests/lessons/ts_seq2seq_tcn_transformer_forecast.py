# Imitates a course notebook's "deep forecasting models" chapter: an encoder-decoder GRU trained with teacher forcing,
# a TCN of causal dilated Conv1d layers padded on the left with F.pad, a small Transformer encoder with sinusoidal
# positional encodings and a causal mask, a quantile (pinball) loss, and the MAPE / sMAPE / RMSE metrics.
import math
import random
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
random.seed(3)
t = torch.arange(64, dtype=torch.float32)
series = 1.5 + torch.sin(t / 3) + 0.1 * torch.randn(64)
win = series.unfold(0, 16, 2)
src, tgt = win[:, :12].unsqueeze(-1), win[:, 12:].unsqueeze(-1)
print(src.shape, tgt.shape)

# %%
class Seq2Seq(nn.Module):
    def __init__(self, hidden=12):
        super().__init__()
        self.encoder = nn.GRU(1, hidden, batch_first=True)
        self.decoder = nn.GRU(1, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)
    def forward(self, src, tgt=None, steps=4, teacher_forcing_ratio=0.5):
        _, h = self.encoder(src)
        x = src[:, -1:, :]
        preds = []
        for i in range(steps):
            o, h = self.decoder(x, h)
            y = self.out(o)
            preds.append(y)
            if tgt is not None and random.random() < teacher_forcing_ratio:
                x = tgt[:, i:i + 1, :]
            else:
                x = y
        return torch.cat(preds, dim=1)

s2s = Seq2Seq()
opt = torch.optim.Adam(s2s.parameters(), lr=0.02)
for epoch in range(5):
    opt.zero_grad()
    pred = s2s(src, tgt, teacher_forcing_ratio=0.5)
    loss = F.mse_loss(pred, tgt)
    loss.backward()
    opt.step()
    print(epoch, pred.shape, round(loss.item(), 4))
print(pred.grad_fn)
with torch.no_grad():
    print(s2s(src[:2], teacher_forcing_ratio=0.0).squeeze(-1))

# %%
class CausalConv1d(nn.Module):
    def __init__(self, cin, cout, k, dilation):
        super().__init__()
        self.left = (k - 1) * dilation
        self.conv = nn.Conv1d(cin, cout, k, dilation=dilation)
    def forward(self, x):
        return self.conv(F.pad(x, (self.left, 0)))

class TCN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([CausalConv1d(1 if i == 0 else 8, 8, 2, 2 ** i) for i in range(3)])
        self.head = nn.Conv1d(8, 1, 1)
    def forward(self, x):
        for layer in self.layers:
            x = F.relu(layer(x))
        return self.head(x)

tcn = TCN()
x = src.transpose(1, 2)
y = tcn(x)
print(x.shape, y.shape, y.grad_fn)
print("receptive field", 1 + sum(l.left for l in tcn.layers))
probe = torch.zeros(1, 1, 12, requires_grad=True)
tcn(probe)[0, 0, 5].backward()
print((probe.grad[0, 0] != 0).nonzero().flatten())
print(F.pad(torch.arange(4.).view(1, 1, 4), (2, 0)), F.pad(torch.arange(4.).view(1, 1, 4), (1, 1), mode="replicate"))

# %%
tcn(src)

# %%
nn.Conv1d(1, 8, 3, padding="same", dilation=2)(x).shape

# %%
nn.Conv1d(1, 8, 3, padding="same", stride=2)

# %%
class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=100):
        super().__init__()
        pos = torch.arange(max_len).unsqueeze(1)
        div = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, d_model)
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        self.register_buffer("pe", pe.unsqueeze(0))
    def forward(self, x):
        return x + self.pe[:, :x.size(1)]

pe = PositionalEncoding(8)
print(pe.pe.shape, pe.pe[0, :2, :4], list(dict(pe.named_buffers())))

# %%
class TSTransformer(nn.Module):
    def __init__(self, d_model=8):
        super().__init__()
        self.inp = nn.Linear(1, d_model)
        self.pos = PositionalEncoding(d_model)
        layer = nn.TransformerEncoderLayer(d_model, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.out = nn.Linear(d_model, 4)
    def forward(self, x, causal=True):
        mask = nn.Transformer.generate_square_subsequent_mask(x.size(1)) if causal else None
        h = self.enc(self.pos(self.inp(x)), mask=mask, is_causal=causal)
        return self.out(h[:, -1])

mask = nn.Transformer.generate_square_subsequent_mask(4)
print(mask)
print(nn.Transformer.generate_square_subsequent_mask(3, dtype=torch.float64).dtype)
tr = TSTransformer()
out = tr(src)
print(out.shape, out.grad_fn)
loss = F.l1_loss(out, tgt.squeeze(-1))
loss.backward()
print(tr.inp.weight.grad.shape, round(loss.item(), 4))

# %%
tr.enc(tr.inp(src), is_causal=True)

# %%
tr.enc(tr.inp(src), mask=torch.ones(12, 12, dtype=torch.bool).triu(1), is_causal=True).shape

# %%
tr.enc(tr.inp(src), mask=torch.zeros(4, 4)).shape

# %%
def pinball(pred, target, quantiles):
    diff = target.unsqueeze(-1) - pred
    return torch.maximum(quantiles * diff, (quantiles - 1) * diff).mean()

qs = torch.tensor([0.1, 0.5, 0.9])
q_pred = torch.zeros(2, 4, 3, requires_grad=True)
q_loss = pinball(q_pred, tgt[:2].squeeze(-1), qs)
q_loss.backward()
print(q_loss, q_pred.grad[0, 0])
print(pinball(q_pred, tgt[:2].squeeze(-1), torch.tensor([0.5])) * 2, F.l1_loss(q_pred[..., 1], tgt[:2].squeeze(-1)))

# %%
def mape(p, y):
    return ((y - p).abs() / y.abs()).mean() * 100
def smape(p, y):
    return (2 * (y - p).abs() / (y.abs() + p.abs())).mean() * 100
def rmse(p, y):
    return torch.sqrt(F.mse_loss(p, y))

with torch.no_grad():
    p = s2s(src, teacher_forcing_ratio=0.0)
print(f"MAPE {mape(p, tgt):.2f}%  sMAPE {smape(p, tgt):.2f}%  RMSE {rmse(p, tgt):.4f}")
y0 = torch.tensor([0.0, 1.0, 2.0])
print(mape(torch.tensor([0.1, 1.1, 2.2]), y0), smape(torch.zeros(3), torch.zeros(3)))
print(torch.sqrt(torch.tensor(0.0, requires_grad=True)).grad_fn)

# %%
rmse(p, tgt.squeeze(-1))

# %%
F.mse_loss(p.squeeze(-1), tgt.squeeze(-1).long())
