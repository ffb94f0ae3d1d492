# Imitates the deeplearningzerotoall PyTorch RNN labs: "hihello" (one-hot characters through nn.RNN, Adam,
# cross-entropy over the sequence) and "charseq" (a sentence's characters, then an LSTM version), plus what
# the labs print about the layers.
import torch
import torch.optim as optim
import numpy as np

torch.manual_seed(0)

# %%
char_set = ['h', 'i', 'e', 'l', 'o']
input_size = len(char_set)
hidden_size = len(char_set)
learning_rate = 0.1

x_data = [[0, 1, 0, 2, 3, 3]]
x_one_hot = [[[1, 0, 0, 0, 0],
              [0, 1, 0, 0, 0],
              [1, 0, 0, 0, 0],
              [0, 0, 1, 0, 0],
              [0, 0, 0, 1, 0],
              [0, 0, 0, 1, 0]]]
y_data = [[1, 0, 2, 3, 3, 4]]
X = torch.FloatTensor(x_one_hot)
Y = torch.LongTensor(y_data)

# %%
rnn = torch.nn.RNN(input_size, hidden_size, batch_first=True)
print(rnn)
for name, p in rnn.named_parameters():
    print(name, p.shape)
print(rnn.weight_hh_l0)

# %%
criterion = torch.nn.CrossEntropyLoss()
optimizer = optim.Adam(rnn.parameters(), learning_rate)
for i in range(50):
    optimizer.zero_grad()
    outputs, _status = rnn(X)
    loss = criterion(outputs.view(-1, input_size), Y.view(-1))
    loss.backward()
    optimizer.step()
    result = outputs.data.numpy().argmax(axis=2)
    result_str = ''.join([char_set[c] for c in np.squeeze(result)])
    if i % 10 == 0 or i == 49:
        print(i, "loss: ", loss.item(), "prediction: ", result, "true Y: ", y_data, "prediction str: ", result_str)
print(outputs.shape, _status.shape, outputs.grad_fn, _status.grad_fn)

# %%
sample = " if you want you"
char_set = list(sorted(set(sample)))
char_dic = {c: i for i, c in enumerate(char_set)}
dic_size = len(char_dic)
hidden_size = len(char_dic)
sample_idx = [char_dic[c] for c in sample]
x_data = [sample_idx[:-1]]
x_one_hot = [np.eye(dic_size)[x] for x in x_data]
y_data = [sample_idx[1:]]
X = torch.FloatTensor(np.array(x_one_hot))
Y = torch.LongTensor(y_data)

# %%
torch.manual_seed(1)
rnn = torch.nn.LSTM(dic_size, hidden_size, batch_first=True)
criterion = torch.nn.CrossEntropyLoss()
optimizer = optim.Adam(rnn.parameters(), 0.1)
for i in range(40):
    optimizer.zero_grad()
    outputs, (h, c) = rnn(X)
    loss = criterion(outputs.view(-1, dic_size), Y.view(-1))
    loss.backward()
    optimizer.step()
    result = outputs.data.numpy().argmax(axis=2)
    result_str = ''.join([char_set[c] for c in np.squeeze(result)])
    if i % 10 == 9:
        print(i, f"loss: {loss.item():.4f}", "prediction str: ", result_str)
print(outputs.grad_fn, h.grad_fn, c.grad_fn, h.shape, c.shape)

# %%
torch.manual_seed(2)
gru = torch.nn.GRU(4, 3, num_layers=2, bidirectional=True)
x = torch.randn(5, 2, 4)
h0 = torch.randn(4, 2, 3, requires_grad=True)
out, hn = gru(x, h0)
print(gru)
print(out.shape, hn.shape)
print(out[-1])
hn.sum().backward()
print(h0.grad)

# %%
cell = torch.nn.LSTMCell(4, 3)
hx, cx = torch.zeros(2, 3), torch.zeros(2, 3)
outs = []
for t in range(5):
    hx, cx = cell(x[t], (hx, cx))
    outs.append(hx)
print(cell, torch.stack(outs).shape, hx)
try:
    torch.nn.LSTM(4, 3)(torch.randn(5, 2, 6))
except RuntimeError as e:
    print(e)
try:
    torch.nn.GRU(4, 3)(torch.randn(5, 2, 4), torch.zeros(2, 2, 3))
except RuntimeError as e:
    print(e)
