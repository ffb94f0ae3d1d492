# Imitates Aurélien Géron's "Hands-On Machine Learning with Scikit-Learn and PyTorch" (2025, github.com/ageron/
# handson-mlp), chapter 13 "Processing Sequences Using RNNs and CNNs" (a synthetic daily series instead of the Chicago
# ridership data: windows with unfold, naive and linear baselines, a SimpleRnnModel, a deep GRU / LSTM forecaster
# with batch_first=True, sequence-to-sequence targets, a Conv1d front end) and chapter 14's attention
# (nn.MultiheadAttention with batch_first=True, key_padding_mask, attn_mask, need_weights and
# average_attn_weights, and its shape errors).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

# %%
t = np.arange(120, dtype=np.float32)
rng = np.random.default_rng(42)
series = (np.sin(2 * np.pi * t / 7) + 0.01 * t + 0.1 * rng.normal(size=t.shape)).astype(np.float32)
series = torch.tensor(series)
print(series.shape, series[:5])
diff_7 = series[7:] - series[:-7]
print(diff_7.abs().mean(), diff_7[:3])
window_length = 14
windows = series.unfold(0, window_length + 1, 1)
print(windows.shape, windows.stride(), windows.is_contiguous())
X_all, y_all = windows[:, :-1].unsqueeze(-1), windows[:, -1:]
print(X_all.shape, y_all.shape)
X_train, y_train = X_all[:80], y_all[:80]
X_valid, y_valid = X_all[80:], y_all[80:]
torch.manual_seed(42)
train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=16, shuffle=True)
valid_loader = DataLoader(TensorDataset(X_valid, y_valid), batch_size=16)
X_batch, y_batch = next(iter(train_loader))
print(X_batch.shape, y_batch.shape, len(train_loader), len(valid_loader))
naive = X_valid[:, -7, 0:1]
print(F.l1_loss(naive, y_valid))

# %%
def fit(model, loader, n_epochs, lr=0.02):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(n_epochs):
        model.train()
        total = 0.
        for X_batch, y_batch in loader:
            loss = F.huber_loss(model(X_batch), y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(X_batch)
        print(f"epoch {epoch + 1}: {total / len(loader.dataset):.4f}")
def evaluate_mae(model, loader):
    model.eval()
    with torch.no_grad():
        errors = [F.l1_loss(model(X), y, reduction="sum") for X, y in loader]
    return torch.stack(errors).sum() / len(loader.dataset)

torch.manual_seed(42)
linear = nn.Sequential(nn.Flatten(), nn.Linear(window_length, 1))
fit(linear, train_loader, 2)
print(evaluate_mae(linear, valid_loader))

class SimpleRnnModel(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.rnn = nn.RNN(input_size, hidden_size, batch_first=True)
        self.output = nn.Linear(hidden_size, output_size)
    def forward(self, X):
        outputs, last_state = self.rnn(X)
        return self.output(outputs[:, -1])
torch.manual_seed(42)
rnn_model = SimpleRnnModel(1, 8, 1)
print(rnn_model)
outputs, last_state = rnn_model.rnn(X_batch)
print(outputs.shape, last_state.shape, torch.allclose(outputs[:, -1], last_state[0]))
print([(n, p.shape) for n, p in rnn_model.rnn.named_parameters()])
fit(rnn_model, train_loader, 2)
print(evaluate_mae(rnn_model, valid_loader))

# %%
class DeepRnnModel(nn.Module):
    def __init__(self, cell, input_size, hidden_size, output_size, num_layers=2, dropout=0.0):
        super().__init__()
        self.rnn = cell(input_size, hidden_size, num_layers=num_layers, batch_first=True, dropout=dropout)
        self.output = nn.Linear(hidden_size, output_size)
    def forward(self, X):
        outputs, state = self.rnn(X)
        return self.output(outputs[:, -1])
torch.manual_seed(42)
gru_model = DeepRnnModel(nn.GRU, 1, 8, 1)
lstm_model = DeepRnnModel(nn.LSTM, 1, 8, 1, dropout=0.1)
print(gru_model.rnn, lstm_model.rnn)
outputs, (h_n, c_n) = lstm_model.rnn(X_batch)
print(outputs.shape, h_n.shape, c_n.shape)
outputs, h_n = gru_model.rnn(X_batch)
print(outputs.shape, h_n.shape, torch.allclose(outputs[:, -1], h_n[-1]))
print(lstm_model.rnn.weight_ih_l0.shape, lstm_model.rnn.weight_hh_l1.shape, gru_model.rnn.bias_hh_l0.shape)
fit(gru_model, train_loader, 2)
fit(lstm_model, train_loader, 1)
print(evaluate_mae(gru_model, valid_loader), evaluate_mae(lstm_model, valid_loader))
h0 = torch.zeros(2, 16, 8)
print(gru_model.rnn(X_batch, h0)[1].shape)
try:
    gru_model.rnn(X_batch, torch.zeros(1, 16, 8))
except Exception as e:
    print(type(e).__name__, e)
try:
    lstm_model.rnn(X_batch, torch.zeros(2, 16, 8))
except Exception as e:
    print(type(e).__name__, e)
try:
    gru_model.rnn(X_batch.squeeze(-1))
except Exception as e:
    print(type(e).__name__, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    nn.GRU(1, 4, num_layers=1, dropout=0.2)
print([(x.category.__name__, str(x.message)) for x in w])

# %%
class Seq2SeqRnn(nn.Module):
    def __init__(self, hidden_size, ahead):
        super().__init__()
        self.conv = nn.Conv1d(1, 8, kernel_size=4, stride=2)
        self.gru = nn.GRU(8, hidden_size, batch_first=True)
        self.output = nn.Linear(hidden_size, ahead)
    def forward(self, X):
        Z = X.permute(0, 2, 1)
        Z = F.relu(self.conv(Z))
        Z = Z.permute(0, 2, 1)
        Z, _ = self.gru(Z)
        return self.output(Z)
torch.manual_seed(42)
model = Seq2SeqRnn(8, ahead=3)
Y_pred = model(X_batch)
print(Y_pred.shape, Y_pred.grad_fn)
Y_true = torch.randn(Y_pred.shape)
loss = F.mse_loss(Y_pred, Y_true)
loss.backward()
print(model.conv.weight.grad.shape, model.gru.weight_hh_l0.grad.abs().sum() > 0)
try:
    F.mse_loss(Y_pred, Y_true[:, :, :2])
except Exception as e:
    print(type(e).__name__, e)
try:
    model.conv(X_batch)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
print(mha)
print([(n, p.shape) for n, p in mha.named_parameters()])
query = torch.randn(2, 3, 8)
key = value = torch.randn(2, 5, 8)
attn_output, attn_weights = mha(query, key, value)
print(attn_output.shape, attn_weights.shape, attn_weights.sum(dim=-1))
out, w = mha(query, key, value, need_weights=False)
print(out.shape, w)
out, w = mha(query, key, value, average_attn_weights=False)
print(w.shape)
key_padding_mask = torch.tensor([[False, False, False, True, True], [False] * 5])
out, w = mha(query, key, value, key_padding_mask=key_padding_mask)
print(w[0].round(decimals=3))
print(w[0, :, 3:].sum())
causal = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
out, w = mha(query, query, query, attn_mask=causal)
print(w[1].round(decimals=3))
print(nn.Transformer.generate_square_subsequent_mask(3))
out, w = mha(query, query, query, attn_mask=nn.Transformer.generate_square_subsequent_mask(3), is_causal=True)
print(w.shape)
out.sum().backward()
print(mha.in_proj_weight.grad.shape, mha.out_proj.bias.grad)

# %%
try:
    nn.MultiheadAttention(embed_dim=8, num_heads=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(query, key, value[:, :4])
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(query, key, value, key_padding_mask=torch.zeros(2, 4, dtype=torch.bool))
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(query, key, value, attn_mask=torch.zeros(4, 5, dtype=torch.bool))
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(query[..., :4], key, value)
except Exception as e:
    print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    out, aw = mha(query, key, value, key_padding_mask=key_padding_mask.float(), attn_mask=torch.zeros(3, 5, dtype=torch.bool))
print(out.shape, [(x.category.__name__, str(x.message)) for x in w])
full = torch.ones(2, 5, dtype=torch.bool)
out, aw = mha(query, key, value, key_padding_mask=full)
print(out.isnan().all(), aw.isnan().any())
mha.eval()
with torch.no_grad():
    out, aw = mha(query, query, query, need_weights=False)
print(out.shape, aw)
