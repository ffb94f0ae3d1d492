# A "what nn.LSTM does under the hood" tutorial: the module's flat weights handed to torch.lstm / torch.gru /
# torch.rnn_tanh (the functions nn.RNNBase calls), one step with torch.lstm_cell and friends, the gates split with
# unsafe_chunk as ATen's cells do, and the argument-order mistakes learners make.
import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(3, 4, num_layers=2, bidirectional=True)
x = torch.randn(5, 2, 3)
h0 = torch.zeros(4, 2, 4)
c0 = torch.zeros(4, 2, 4)
out, h, c = torch.lstm(x, (h0, c0), lstm._flat_weights, True, 2, 0.0, False, True, False)
ref, (rh, rc) = lstm(x, (h0, c0))
print(out.shape, h.shape, c.shape, out.grad_fn)
print(torch.allclose(out, ref), torch.allclose(h, rh), torch.allclose(c, rc))

# %%
gru = nn.GRU(3, 4, batch_first=True)
xb = torch.randn(2, 5, 3)
o, hn = torch.gru(xb, torch.zeros(1, 2, 4), gru._flat_weights, True, 1, 0.0, False, False, True)
r, rn = gru(xb)
print(o.shape, o.grad_fn, torch.allclose(o, r), torch.allclose(hn, rn))
rnn = nn.RNN(3, 4, nonlinearity="relu", bias=False)
o2, h2 = torch.rnn_relu(x, torch.zeros(1, 2, 4), rnn._flat_weights, False, 1, 0.0, False, False, False)
print(torch.allclose(o2, rnn(x)[0]), h2.grad_fn)
o3, _ = torch.rnn_tanh(x, torch.zeros(1, 2, 4), nn.RNN(3, 4)._flat_weights, True, 1, 0.0, False, False, False)
print(o3[-1])

# %%
# the hidden state of an LSTM is a pair
torch.lstm(x, h0, lstm._flat_weights, True, 2, 0.0, False, True, False)

# %%
torch.gru(xb, torch.zeros(1, 2, 4), gru._flat_weights, True, 1)

# %%
cell = nn.LSTMCell(3, 4)
hx, cx = torch.zeros(2, 4), torch.zeros(2, 4)
seq = torch.randn(6, 2, 3)
for t in range(seq.size(0)):
    hx, cx = torch.lstm_cell(seq[t], (hx, cx), cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
print(hx, hx.grad_fn)
gates = torch.nn.functional.linear(seq[0], cell.weight_ih, cell.bias_ih)
i, f, g, o = gates.unsafe_chunk(4, 1)
print(i.shape, i.grad_fn, torch.unsafe_split(gates, 8, 1)[1].grad_fn)
loss = hx.pow(2).sum()
loss.backward()
print(cell.weight_hh.grad.norm() > 0, cell.bias_ih.grad[:4])

# %%
torch.lstm_cell(seq[0], (hx, cx), cell.weight_hh, cell.weight_ih)

# %%
torch.gru_cell(seq[0], torch.zeros(3, 4), torch.randn(12, 3), torch.randn(12, 4))
