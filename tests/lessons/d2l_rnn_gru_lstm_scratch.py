# Imitates d2l.ai chapters 8-9 (PyTorch edition): one-hot inputs, an RNN, a GRU and an LSTM from scratch
# (get_params with normal(), init state tuples, the step loops, grad_clipping), a short character-level training
# loop with perplexity, and the concise nn.RNN / nn.GRU / nn.LSTM with their shapes and parameters.
import math

import torch
from torch import nn
from torch.nn import functional as F

# %%
print(F.one_hot(torch.tensor([0, 2]), 28))
X = torch.arange(10).reshape((2, 5))
print(F.one_hot(X.T, 28).shape)

# %%
def get_params(vocab_size, num_hiddens, device):
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape, device=device) * 0.01

    # 隐藏层参数
    W_xh = normal((num_inputs, num_hiddens))
    W_hh = normal((num_hiddens, num_hiddens))
    b_h = torch.zeros(num_hiddens, device=device)
    # 输出层参数
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs, device=device)
    # 附加梯度
    params = [W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params

def init_rnn_state(batch_size, num_hiddens, device):
    return (torch.zeros((batch_size, num_hiddens), device=device), )

def rnn(inputs, state, params):
    # inputs的形状：(时间步数量，批量大小，词表大小)
    W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    # X的形状：(批量大小，词表大小)
    for X in inputs:
        H = torch.tanh(torch.mm(X, W_xh) + torch.mm(H, W_hh) + b_h)
        Y = torch.mm(H, W_hq) + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)

class RNNModelScratch: #@save
    """从零开始实现的循环神经网络模型"""
    def __init__(self, vocab_size, num_hiddens, device,
                 get_params, init_state, forward_fn):
        self.vocab_size, self.num_hiddens = vocab_size, num_hiddens
        self.params = get_params(vocab_size, num_hiddens, device)
        self.init_state, self.forward_fn = init_state, forward_fn

    def __call__(self, X, state):
        X = F.one_hot(X.T, self.vocab_size).type(torch.float32)
        return self.forward_fn(X, state, self.params)

    def begin_state(self, batch_size, device):
        return self.init_state(batch_size, self.num_hiddens, device)

torch.manual_seed(0)
num_hiddens = 32
vocab_size = 28
device = torch.device('cpu')
net = RNNModelScratch(vocab_size, num_hiddens, device, get_params,
                      init_rnn_state, rnn)
state = net.begin_state(X.shape[0], device)
Y, new_state = net(X.to(device), state)
print(Y.shape, len(new_state), new_state[0].shape)

# %%
def grad_clipping(net, theta):  #@save
    """裁剪梯度"""
    if isinstance(net, nn.Module):
        params = [p for p in net.parameters() if p.requires_grad]
    else:
        params = net.params
    norm = torch.sqrt(sum(torch.sum((p.grad ** 2)) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm

def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()

corpus = torch.tensor([ord(c) - 97 if c != ' ' else 26 for c in 'the time machine by h g wells ' * 4])
num_steps, batch_size = 5, 2

def train_epoch(net, updater, lr):
    state = None
    total, n = 0.0, 0
    for start in range(0, len(corpus) - num_steps * batch_size - 1, num_steps * batch_size):
        X = corpus[start:start + num_steps * batch_size].reshape(batch_size, num_steps)
        Y = corpus[start + 1:start + 1 + num_steps * batch_size].reshape(batch_size, num_steps)
        if state is None:
            state = net.begin_state(batch_size=X.shape[0], device=device)
        else:
            for s in state:
                s.detach_()
        y = Y.T.reshape(-1)
        y_hat, state = net(X, state)
        l = nn.CrossEntropyLoss()(y_hat, y.long()).mean()
        l.backward()
        grad_clipping(net, 1)
        updater(net.params, lr, batch_size=1)
        total += l.item() * y.numel()
        n += y.numel()
    return math.exp(total / n)

for epoch in range(5):
    ppl = train_epoch(net, sgd, 1)
    print(f'epoch {epoch + 1}, 困惑度 {ppl:.1f}')

# %%
def get_gru_params(vocab_size, num_hiddens, device):
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape, device=device)*0.01

    def three():
        return (normal((num_inputs, num_hiddens)),
                normal((num_hiddens, num_hiddens)),
                torch.zeros(num_hiddens, device=device))

    W_xz, W_hz, b_z = three()  # 更新门参数
    W_xr, W_hr, b_r = three()  # 重置门参数
    W_xh, W_hh, b_h = three()  # 候选隐状态参数
    # 输出层参数
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs, device=device)
    # 附加梯度
    params = [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params

def init_gru_state(batch_size, num_hiddens, device):
    return (torch.zeros((batch_size, num_hiddens), device=device), )

def gru(inputs, state, params):
    W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        Z = torch.sigmoid((X @ W_xz) + (H @ W_hz) + b_z)
        R = torch.sigmoid((X @ W_xr) + (H @ W_hr) + b_r)
        H_tilda = torch.tanh((X @ W_xh) + ((R * H) @ W_hh) + b_h)
        H = Z * H + (1 - Z) * H_tilda
        Y = H @ W_hq + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)

torch.manual_seed(1)
net = RNNModelScratch(vocab_size, num_hiddens, device, get_gru_params,
                      init_gru_state, gru)
for epoch in range(4):
    ppl = train_epoch(net, sgd, 1)
print(f'困惑度 {ppl:.1f}')

# %%
def get_lstm_params(vocab_size, num_hiddens, device):
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape, device=device)*0.01

    def three():
        return (normal((num_inputs, num_hiddens)),
                normal((num_hiddens, num_hiddens)),
                torch.zeros(num_hiddens, device=device))

    W_xi, W_hi, b_i = three()  # 输入门参数
    W_xf, W_hf, b_f = three()  # 遗忘门参数
    W_xo, W_ho, b_o = three()  # 输出门参数
    W_xc, W_hc, b_c = three()  # 候选记忆元参数
    # 输出层参数
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs, device=device)
    # 附加梯度
    params = [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc,
              b_c, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params

def init_lstm_state(batch_size, num_hiddens, device):
    return (torch.zeros((batch_size, num_hiddens), device=device),
            torch.zeros((batch_size, num_hiddens), device=device))

def lstm(inputs, state, params):
    [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c,
     W_hq, b_q] = params
    (H, C) = state
    outputs = []
    for X in inputs:
        I = torch.sigmoid((X @ W_xi) + (H @ W_hi) + b_i)
        F = torch.sigmoid((X @ W_xf) + (H @ W_hf) + b_f)
        O = torch.sigmoid((X @ W_xo) + (H @ W_ho) + b_o)
        C_tilda = torch.tanh((X @ W_xc) + (H @ W_hc) + b_c)
        C = F * C + I * C_tilda
        H = O * torch.tanh(C)
        Y = (H @ W_hq) + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H, C)

torch.manual_seed(2)
net = RNNModelScratch(vocab_size, num_hiddens, device, get_lstm_params,
                      init_lstm_state, lstm)
for epoch in range(4):
    ppl = train_epoch(net, sgd, 1)
print(f'困惑度 {ppl:.1f}')

# %%
torch.manual_seed(3)
rnn_layer = nn.RNN(len('abcdefghijklmnopqrstuvwxyz '), num_hiddens)
state = torch.zeros((1, batch_size, num_hiddens))
print(state.shape)
X = torch.rand(size=(num_steps, batch_size, vocab_size - 1))
Y, state_new = rnn_layer(X, state)
print(Y.shape, state_new.shape)
print(rnn_layer)

# %%
gru_layer = nn.GRU(vocab_size, num_hiddens)
lstm_layer = nn.LSTM(vocab_size, num_hiddens, num_layers=2)
print(gru_layer, lstm_layer)
for name, p in lstm_layer.named_parameters():
    print(name, p.shape)
X = torch.rand(size=(num_steps, batch_size, vocab_size))
out, (h, c) = lstm_layer(X)
print(out.shape, h.shape, c.shape)
print(out[-1, 0, :4])
bi = nn.LSTM(vocab_size, 8, bidirectional=True)
print(bi(X)[0].shape)
