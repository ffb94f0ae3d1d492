# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 8 (sequences): the squares dataset, an RNN cell computed by hand from nn.RNNCell's weights, GRU and LSTM
# cells the same way, nn.RNN with batch_first, stacked and bidirectional shapes, variable-length sequences padded with
# pad_sequence, packed with pack_sequence / pack_padded_sequence and unpacked with pad_packed_sequence, and a Conv1d
# over a sequence (permuting to N, C, L).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import rnn as rnn_utils

# %%
def generate_sequences(n=6, variable_len=False, seed=13):
    basic_corners = np.array([[-1, -1], [-1, 1], [1, 1], [1, -1]])
    np.random.seed(seed)
    bases = np.random.randint(4, size=n)
    if variable_len:
        lengths = np.random.randint(3, size=n) + 2
    else:
        lengths = [4] * n
    directions = np.random.randint(2, size=n)
    points = [basic_corners[[(b + i) % 4 for i in range(4)]][slice(None, None, d * 2 - 1)][:l]
              + np.random.randn(l, 2) * 0.1 for b, d, l in zip(bases, directions, lengths)]
    return points, directions

points, directions = generate_sequences(n=6)
print(len(points), points[0].shape, directions)

# %%
n_features, hidden_dim = 2, 2
torch.manual_seed(19)
rnn_cell = nn.RNNCell(input_size=n_features, hidden_size=hidden_dim)
rnn_state = rnn_cell.state_dict()
print(rnn_state)
linear_input = nn.Linear(n_features, hidden_dim)
linear_hidden = nn.Linear(hidden_dim, hidden_dim)
with torch.no_grad():
    linear_input.weight = nn.Parameter(rnn_state['weight_ih'])
    linear_input.bias = nn.Parameter(rnn_state['bias_ih'])
    linear_hidden.weight = nn.Parameter(rnn_state['weight_hh'])
    linear_hidden.bias = nn.Parameter(rnn_state['bias_hh'])
initial_hidden = torch.zeros(1, hidden_dim)
X = torch.as_tensor(points[0]).float()
th = linear_hidden(initial_hidden)
tx = linear_input(X[0:1])
adding = th + tx
print(th, tx, torch.tanh(adding))
print(rnn_cell(X[0:1]))
hidden = torch.zeros(1, hidden_dim)
for i in range(X.shape[0]):
    out = rnn_cell(X[i:i + 1], hidden)
    print(out)
    hidden = out
try:
    rnn_cell(X)
except Exception as e:
    print(type(e).__name__, e)
print(rnn_cell(X).shape, rnn_cell(X[0]).shape)

# %%
torch.manual_seed(17)
gru_cell = nn.GRUCell(input_size=n_features, hidden_size=hidden_dim)
gru_state = gru_cell.state_dict()
print({k: v.shape for k, v in gru_state.items()})
Wx, bx = gru_state['weight_ih'], gru_state['bias_ih']
Wh, bh = gru_state['weight_hh'], gru_state['bias_hh']
Wxr, Wxz, Wxn = Wx.split(hidden_dim, dim=0)
bxr, bxz, bxn = bx.split(hidden_dim, dim=0)
Whr, Whz, Whn = Wh.split(hidden_dim, dim=0)
bhr, bhz, bhn = bh.split(hidden_dim, dim=0)
print(Wxr, bxn)

def linear_layers(Wx, bx, Wh, bh):
    hidden_dim, n_features = Wx.size()
    lin_input = nn.Linear(n_features, hidden_dim)
    lin_input.load_state_dict({'weight': Wx, 'bias': bx})
    lin_hidden = nn.Linear(hidden_dim, hidden_dim)
    lin_hidden.load_state_dict({'weight': Wh, 'bias': bh})
    return lin_hidden, lin_input

r_hidden, r_input = linear_layers(Wxr, bxr, Whr, bhr)
z_hidden, z_input = linear_layers(Wxz, bxz, Whz, bhz)
n_hidden, n_input = linear_layers(Wxn, bxn, Whn, bhn)

def reset_gate(h, x):
    return torch.sigmoid(r_hidden(h) + r_input(x))

def update_gate(h, x):
    return torch.sigmoid(z_hidden(h) + z_input(x))

def candidate_n(h, x, r):
    return torch.tanh(n_input(x) + r * n_hidden(h))

initial_hidden = torch.zeros(1, hidden_dim)
first_corner = X[0:1]
r = reset_gate(initial_hidden, first_corner)
n = candidate_n(initial_hidden, first_corner, r)
z = update_gate(initial_hidden, first_corner)
h_prime = n * (1 - z) + initial_hidden * z
print(r, z, h_prime)
print(gru_cell(first_corner))
print(torch.allclose(gru_cell(first_corner), h_prime))

# %%
torch.manual_seed(17)
lstm_cell = nn.LSTMCell(input_size=n_features, hidden_size=hidden_dim)
lstm_state = lstm_cell.state_dict()
Wx, bx = lstm_state['weight_ih'], lstm_state['bias_ih']
Wh, bh = lstm_state['weight_hh'], lstm_state['bias_hh']
Wxi, Wxf, Wxg, Wxo = Wx.split(hidden_dim, dim=0)
bxi, bxf, bxg, bxo = bx.split(hidden_dim, dim=0)
Whi, Whf, Whg, Who = Wh.split(hidden_dim, dim=0)
bhi, bhf, bhg, bho = bh.split(hidden_dim, dim=0)
i_hidden, i_input = linear_layers(Wxi, bxi, Whi, bhi)
f_hidden, f_input = linear_layers(Wxf, bxf, Whf, bhf)
o_hidden, o_input = linear_layers(Wxo, bxo, Who, bho)
g_cell = nn.RNNCell(n_features, hidden_dim)
g_cell.load_state_dict({'weight_ih': Wxg, 'bias_ih': bxg, 'weight_hh': Whg, 'bias_hh': bhg})
initial_hidden = torch.zeros(1, hidden_dim)
initial_cell = torch.zeros(1, hidden_dim)
g = g_cell(first_corner)
i = torch.sigmoid(i_hidden(initial_hidden) + i_input(first_corner))
f = torch.sigmoid(f_hidden(initial_hidden) + f_input(first_corner))
o = torch.sigmoid(o_hidden(initial_hidden) + o_input(first_corner))
c_prime = f * initial_cell + i * g
h_prime = o * torch.tanh(c_prime)
print(h_prime, c_prime)
print(lstm_cell(first_corner))
h, c = lstm_cell(first_corner, (initial_hidden, initial_cell))
print(h.grad_fn, c.shape)
try:
    lstm_cell(first_corner, initial_hidden)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(19)
rnn = nn.RNN(input_size=n_features, hidden_size=hidden_dim, batch_first=True)
print(rnn.state_dict().keys())
batch = torch.as_tensor(np.array(points[:3])).float()
print(batch.shape)
out, final_hidden = rnn(batch)
print(out.shape, final_hidden.shape)
print(torch.allclose(out[:, -1], final_hidden.permute(1, 0, 2).squeeze()))
rnn_stacked = nn.RNN(input_size=2, hidden_size=2, num_layers=2, batch_first=True)
out, hidden = rnn_stacked(batch)
print(out.shape, hidden.shape, list(dict(rnn_stacked.named_parameters()).keys()))
rnn_bidirect = nn.RNN(input_size=2, hidden_size=2, bidirectional=True, batch_first=True)
out, hidden = rnn_bidirect(batch)
print(out.shape, hidden.shape)
print(torch.allclose(out[:, -1, :2], hidden[0]), torch.allclose(out[:, 0, 2:], hidden[1]))
try:
    rnn(batch[:, :, :1])
except Exception as e:
    print(type(e).__name__, e)

# %%
var_points, var_directions = generate_sequences(n=4, variable_len=True, seed=11)
print([len(p) for p in var_points])
s0 = torch.as_tensor(var_points[0]).float()
s1 = torch.as_tensor(var_points[1]).float()
s2 = torch.as_tensor(var_points[2]).float()
all_seqs = [s0, s1, s2]
seq_tensors = [torch.as_tensor(seq).float() for seq in var_points]
padded = rnn_utils.pad_sequence(all_seqs, batch_first=True)
print(padded)
torch.manual_seed(11)
rnn = nn.RNN(2, 2, batch_first=True)
output_padded, hidden_padded = rnn(padded)
print(output_padded, hidden_padded.permute(1, 0, 2))
packed = rnn_utils.pack_sequence(all_seqs, enforce_sorted=False)
print(packed)
print((packed.data[[0, 3, 6, 8]] == s1).all() if len(s1) == 4 else packed.batch_sizes)
output_packed, hidden_packed = rnn(packed)
print(type(output_packed).__name__, hidden_packed)
print(output_packed.data.shape, output_packed.sorted_indices, output_packed.unsorted_indices)
output_unpacked, seq_sizes = rnn_utils.pad_packed_sequence(output_packed, batch_first=True)
print(output_unpacked.shape, seq_sizes)
print(output_unpacked[[0, 1, 2], seq_sizes - 1])
try:
    rnn_utils.pack_sequence(all_seqs, enforce_sorted=True)
except Exception as e:
    print(type(e).__name__, e)
seq_lengths = torch.tensor([len(seq) for seq in all_seqs])
packed2 = rnn_utils.pack_padded_sequence(padded, seq_lengths, batch_first=True, enforce_sorted=False)
print(packed2.batch_sizes, torch.equal(packed2.data, packed.data))

# %%
temperatures = np.array([5, 11, 15, 6, 5, 3, 3, 0, 0, 3, 4, 2, 1])
size = 5
windows = torch.as_tensor(temperatures).float().unfold(0, size, 1)
print(windows)
seqs = torch.as_tensor(np.array(points[:3])).float()
seqs_length_last = seqs.permute(0, 2, 1)
print(seqs_length_last.shape)
torch.manual_seed(17)
conv_seq = nn.Conv1d(in_channels=2, out_channels=1, kernel_size=2, bias=False)
print(conv_seq.weight, conv_seq.weight.shape)
print(conv_seq(seqs_length_last[0:1]))
conv_dilated = nn.Conv1d(in_channels=2, out_channels=1, kernel_size=2, dilation=2, bias=False)
print(conv_dilated(seqs_length_last).shape)
try:
    conv_seq(seqs)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Conv1d(2, 1, kernel_size=5)(seqs_length_last)
except Exception as e:
    print(type(e).__name__, e)
