# d2l "RNN from scratch" with a toy corpus: vocab by collections.Counter, F.one_hot on transposed batches, params as
# a list, init_state as a tuple, predict with a prefix, grad_clipping by hand, perplexity; then a GRU and an LSTM
# from scratch with torch.sigmoid gates and nn.Parameter triples.
import math, collections
import torch
from torch import nn
from torch.nn import functional as F

text = "the time machine by h g wells the time traveller for so it will be convenient to speak of him"
tokens = list(text)
counter = collections.Counter(tokens)
idx_to_token = ['<unk>'] + sorted(counter, key=lambda t: (-counter[t], t))
token_to_idx = {t: i for i, t in enumerate(idx_to_token)}
corpus = [token_to_idx[t] for t in tokens]
vocab_size = len(idx_to_token)
print(vocab_size, idx_to_token[:10], corpus[:10])
print(F.one_hot(torch.tensor([0, 2]), vocab_size))
X = torch.arange(10).reshape((2, 5))
print(F.one_hot(X.T, 28).shape)

# %%
def get_params(vocab_size, num_hiddens):
    num_inputs = num_outputs = vocab_size
    def normal(shape):
        return torch.randn(size=shape) * 0.01
    W_xh = normal((num_inputs, num_hiddens))
    W_hh = normal((num_hiddens, num_hiddens))
    b_h = torch.zeros(num_hiddens)
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs)
    params = [W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params

def init_rnn_state(batch_size, num_hiddens):
    return (torch.zeros((batch_size, num_hiddens)), )

def rnn(inputs, state, params):
    W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        H = torch.tanh(torch.mm(X, W_xh) + torch.mm(H, W_hh) + b_h)
        Y = torch.mm(H, W_hq) + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)

class RNNModelScratch:
    def __init__(self, vocab_size, num_hiddens, get_params, init_state, forward_fn):
        self.vocab_size, self.num_hiddens = vocab_size, num_hiddens
        self.params = get_params(vocab_size, num_hiddens)
        self.init_state, self.forward_fn = init_state, forward_fn

    def __call__(self, X, state):
        X = F.one_hot(X.T, self.vocab_size).type(torch.float32)
        return self.forward_fn(X, state, self.params)

    def begin_state(self, batch_size):
        return self.init_state(batch_size, self.num_hiddens)

torch.manual_seed(0)
num_hiddens = 32
net = RNNModelScratch(vocab_size, num_hiddens, get_params, init_rnn_state, rnn)
state = net.begin_state(X.shape[0])
Y, new_state = net(X, state)
print(Y.shape, len(new_state), new_state[0].shape, Y.grad_fn)

# %%
def predict(prefix, num_preds, net):
    state = net.begin_state(batch_size=1)
    outputs = [token_to_idx[prefix[0]]]
    get_input = lambda: torch.tensor([outputs[-1]]).reshape((1, 1))
    for y in prefix[1:]:
        _, state = net(get_input(), state)
        outputs.append(token_to_idx[y])
    for _ in range(num_preds):
        y, state = net(get_input(), state)
        outputs.append(int(y.argmax(dim=1).reshape(1)))
    return ''.join([idx_to_token[i] for i in outputs])

print(repr(predict('time ', 10, net)))

def grad_clipping(net, theta):
    params = net.params
    norm = torch.sqrt(sum(torch.sum((p.grad ** 2)) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm
    return norm

# %%
def seq_batches(corpus, batch_size, num_steps):
    n = (len(corpus) - 1) // (batch_size * num_steps) * batch_size * num_steps
    Xs = torch.tensor(corpus[:n]).reshape(batch_size, -1)
    Ys = torch.tensor(corpus[1:n + 1]).reshape(batch_size, -1)
    for i in range(0, Xs.shape[1], num_steps):
        yield Xs[:, i:i + num_steps], Ys[:, i:i + num_steps]

lr, theta = 1.0, 1.0
for epoch in range(30):
    state, total, n = None, 0.0, 0
    for Xb, Yb in seq_batches(corpus, 2, 8):
        if state is None:
            state = net.begin_state(Xb.shape[0])
        else:
            for s in state:
                s.detach_()
        y_hat, state = net(Xb, state)
        l = F.cross_entropy(y_hat, Yb.T.reshape(-1))
        for p in net.params:
            p.grad = None
        l.backward()
        norm = grad_clipping(net, theta)
        with torch.no_grad():
            for p in net.params:
                p -= lr * p.grad
        total += l.item() * Yb.numel(); n += Yb.numel()
    if epoch % 10 == 9:
        print(f'epoch {epoch + 1}, perplexity {math.exp(total / n):.2f}, last norm {norm:.3f}')
print(repr(predict('the ', 12, net)))

# %%
def get_gru_params(vocab_size, num_hiddens):
    num_inputs = num_outputs = vocab_size
    def three():
        return (nn.Parameter(torch.randn(num_inputs, num_hiddens) * 0.01),
                nn.Parameter(torch.randn(num_hiddens, num_hiddens) * 0.01),
                nn.Parameter(torch.zeros(num_hiddens)))
    W_xz, W_hz, b_z = three()
    W_xr, W_hr, b_r = three()
    W_xh, W_hh, b_h = three()
    W_hq = nn.Parameter(torch.randn(num_hiddens, num_outputs) * 0.01)
    b_q = nn.Parameter(torch.zeros(num_outputs))
    return [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q]

def gru(inputs, state, params):
    W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        Z = torch.sigmoid((X @ W_xz) + (H @ W_hz) + b_z)
        R = torch.sigmoid((X @ W_xr) + (H @ W_hr) + b_r)
        H_tilde = torch.tanh((X @ W_xh) + ((R * H) @ W_hh) + b_h)
        H = Z * H + (1 - Z) * H_tilde
        outputs.append(H @ W_hq + b_q)
    return torch.cat(outputs, dim=0), (H,)

torch.manual_seed(1)
gnet = RNNModelScratch(vocab_size, 16, get_gru_params, init_rnn_state, gru)
Y, (H,) = gnet(X, gnet.begin_state(2))
print(Y.shape, H.shape, H.grad_fn)
print(gnet.params[0][:2, :4])
Y.sum().backward()
print([tuple(p.grad.shape) for p in gnet.params[:3]])

# %%
def lstm(inputs, state, params):
    (W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q) = params
    (H, C) = state
    outputs = []
    for X in inputs:
        I = torch.sigmoid((X @ W_xi) + (H @ W_hi) + b_i)
        Fg = torch.sigmoid((X @ W_xf) + (H @ W_hf) + b_f)
        O = torch.sigmoid((X @ W_xo) + (H @ W_ho) + b_o)
        C_tilda = torch.tanh((X @ W_xc) + (H @ W_hc) + b_c)
        C = Fg * C + I * C_tilda
        H = O * torch.tanh(C)
        outputs.append((H @ W_hq) + b_q)
    return torch.cat(outputs, dim=0), (H, C)

def get_lstm_params(vocab_size, num_hiddens):
    ps = get_gru_params(vocab_size, num_hiddens)[:9] + get_gru_params(vocab_size, num_hiddens)
    return ps[:12] + ps[-2:]

def init_lstm_state(batch_size, num_hiddens):
    return (torch.zeros((batch_size, num_hiddens)), torch.zeros((batch_size, num_hiddens)))

torch.manual_seed(2)
lnet = RNNModelScratch(vocab_size, 8, get_lstm_params, init_lstm_state, lstm)
Y, (H, C) = lnet(X, lnet.begin_state(2))
print(len(lnet.params), Y.shape, H.shape, C.grad_fn)
print(repr(predict('wells', 5, lnet)))
