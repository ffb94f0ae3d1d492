# Imitates CMU 11-785 HW3P1 ("mytorch" RNNs and CTC) and its recitation: an RNNCell and a GRUCell written in numpy
# with weights taken from torch's nn.RNNCell / nn.GRUCell (weight_ih / weight_hh chunked into r, z, n), compared
# step by step over a short sequence, backward through time vs autograd, an RNN classifier whose per-layer cells
# are loaded from nn.RNN's weight_ih_l{k}, greedy CTC decoding, and a hand-written CTC alpha/beta forward-backward
# checked against nn.CTCLoss / F.ctc_loss (loss and gradient w.r.t. the log-probabilities).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

np.random.seed(11785)
torch.manual_seed(11785)

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

class RNNCell:
    def __init__(self, input_size, hidden_size):
        self.W_ih = np.random.randn(hidden_size, input_size)
        self.W_hh = np.random.randn(hidden_size, hidden_size)
        self.b_ih = np.random.randn(hidden_size)
        self.b_hh = np.random.randn(hidden_size)
    def init_weights(self, W_ih, W_hh, b_ih, b_hh):
        self.W_ih, self.W_hh, self.b_ih, self.b_hh = W_ih, W_hh, b_ih, b_hh
    def forward(self, x, h_prev_t):
        return np.tanh(x @ self.W_ih.T + self.b_ih + h_prev_t @ self.W_hh.T + self.b_hh)

ref = nn.RNNCell(3, 4, dtype=torch.float64)
print(ref, [(n, tuple(p.shape)) for n, p in ref.named_parameters()])
cell = RNNCell(3, 4)
cell.init_weights(*[p.detach().numpy() for p in (ref.weight_ih, ref.weight_hh, ref.bias_ih, ref.bias_hh)])
x = np.random.randn(5, 2, 3)
h = np.zeros((2, 4))
ht = torch.zeros(2, 4, dtype=torch.float64)
for t in range(5):
    h = cell.forward(x[t], h)
    ht = ref(torch.tensor(x[t]), ht)
    print(t, np.allclose(h, ht.detach().numpy()), ht.grad_fn)
ht.sum().backward()
print(ref.weight_hh.grad.shape, ref.weight_hh.grad.abs().sum() > 0)
try:
    ref(torch.tensor(x[0]), torch.zeros(3, 4, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)
try:
    ref(torch.randn(2, 5, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)
ref(torch.tensor(x[0, 0])).shape

# %%
class GRUCell:
    def __init__(self, in_dim, hidden_dim):
        self.d, self.h = in_dim, hidden_dim
    def init_weights(self, Wrx, Wzx, Wnx, Wrh, Wzh, Wnh, brx, bzx, bnx, brh, bzh, bnh):
        self.Wrx, self.Wzx, self.Wnx = Wrx, Wzx, Wnx
        self.Wrh, self.Wzh, self.Wnh = Wrh, Wzh, Wnh
        self.brx, self.bzx, self.bnx = brx, bzx, bnx
        self.brh, self.bzh, self.bnh = brh, bzh, bnh
    def forward(self, x, h_prev_t):
        self.x, self.hidden = x, h_prev_t
        self.r = sigmoid(self.Wrx @ x + self.brx + self.Wrh @ h_prev_t + self.brh)
        self.z = sigmoid(self.Wzx @ x + self.bzx + self.Wzh @ h_prev_t + self.bzh)
        self.n = np.tanh(self.Wnx @ x + self.bnx + self.r * (self.Wnh @ h_prev_t + self.bnh))
        return (1 - self.z) * self.n + self.z * h_prev_t
    def backward(self, delta):
        dn = delta * (1 - self.z)
        dz = delta * (self.hidden - self.n)
        dn_pre = dn * (1 - self.n ** 2)
        dr = dn_pre * (self.Wnh @ self.hidden + self.bnh)
        dz_pre = dz * self.z * (1 - self.z)
        dr_pre = dr * self.r * (1 - self.r)
        dx = self.Wnx.T @ dn_pre + self.Wzx.T @ dz_pre + self.Wrx.T @ dr_pre
        dh = delta * self.z + self.Wnh.T @ (dn_pre * self.r) + self.Wzh.T @ dz_pre + self.Wrh.T @ dr_pre
        return dx, dh

ref = nn.GRUCell(5, 2, dtype=torch.float64)
print(ref, ref.weight_ih.shape, ref.weight_hh.shape)
Wrx, Wzx, Wnx = ref.weight_ih.detach().numpy().reshape(3, 2, 5)
Wrh, Wzh, Wnh = ref.weight_hh.detach().numpy().reshape(3, 2, 2)
brx, bzx, bnx = ref.bias_ih.detach().numpy().reshape(3, 2)
brh, bzh, bnh = ref.bias_hh.detach().numpy().reshape(3, 2)
r_ih, z_ih, n_ih = torch.chunk(ref.weight_ih, 3, dim=0)
print(r_ih.shape, r_ih.grad_fn, ref.weight_ih.data.chunk(3)[2].is_contiguous())
cell = GRUCell(5, 2)
cell.init_weights(Wrx, Wzx, Wnx, Wrh, Wzh, Wnh, brx, bzx, bnx, brh, bzh, bnh)
x = np.random.randn(5)
h0 = np.random.randn(2)
xt = torch.tensor(x, requires_grad=True)
h0t = torch.tensor(h0, requires_grad=True)
h1t = ref(xt.unsqueeze(0), h0t.unsqueeze(0)).squeeze(0)
h1 = cell.forward(x, h0)
print("forward", np.allclose(h1, h1t.detach().numpy()), h1t.grad_fn)
delta = np.random.randn(2)
h1t.backward(torch.tensor(delta))
dx, dh = cell.backward(delta)
print("dx", np.allclose(dx, xt.grad.numpy()), "dh", np.allclose(dh, h0t.grad.numpy()))
print(ref.weight_ih.grad.chunk(3)[1])

# %%
class RNNPhonemeClassifier:
    def __init__(self, input_size, hidden_size, num_layers=2):
        self.hidden_size = hidden_size
        self.cells = [RNNCell(input_size if i == 0 else hidden_size, hidden_size) for i in range(num_layers)]
    def forward(self, x):
        B, T, _ = x.shape
        h = [np.zeros((B, self.hidden_size)) for _ in self.cells]
        for t in range(T):
            inp = x[:, t]
            for l, c in enumerate(self.cells):
                h[l] = c.forward(inp, h[l])
                inp = h[l]
        return inp @ self.W_out.T + self.b_out

torch.manual_seed(0)
rnn = nn.RNN(4, 3, num_layers=2, batch_first=True, dtype=torch.float64)
out_layer = nn.Linear(3, 2, dtype=torch.float64)
print(rnn, [n for n, _ in rnn.named_parameters()])
mine = RNNPhonemeClassifier(4, 3)
for l, c in enumerate(mine.cells):
    c.init_weights(*[getattr(rnn, f"{n}_l{l}").detach().numpy() for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")])
mine.W_out, mine.b_out = out_layer.weight.detach().numpy(), out_layer.bias.detach().numpy()
x = torch.randn(2, 6, 4, dtype=torch.float64)
out, h_n = rnn(x)
logits = out_layer(out[:, -1])
print(out.shape, h_n.shape, torch.allclose(out[:, -1], h_n[-1]))
print(np.allclose(mine.forward(x.numpy()), logits.detach().numpy()))
logits.sum().backward()
print(rnn.weight_hh_l1.grad.shape, out.grad_fn, h_n.grad_fn)
try:
    rnn(torch.randn(2, 6, 5, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)
try:
    rnn(x, torch.zeros(1, 2, 3, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)

# %%
SYMBOLS = ["a", "b", "c"]

def greedy_decode(y_probs):
    # y_probs: (len(symbols) + 1, seq_len, batch) with blank at 0
    path, prob, prev = [], 1.0, None
    for t in range(y_probs.shape[1]):
        k = int(np.argmax(y_probs[:, t, 0]))
        prob *= y_probs[k, t, 0]
        if k != 0 and k != prev:
            path.append(SYMBOLS[k - 1])
        prev = k
    return "".join(path), prob

y = np.random.rand(4, 10, 1)
y = y / y.sum(axis=0, keepdims=True)
print(greedy_decode(y))
yt = torch.tensor(y[:, :, 0]).T
best = yt.argmax(dim=1)
collapsed = torch.unique_consecutive(best)
print(best, collapsed, "".join(SYMBOLS[i - 1] for i in collapsed.tolist() if i != 0))
print(f"{yt.max(dim=1).values.prod().item():.6e}", f"{greedy_decode(y)[1]:.6e}")

# %%
def extend_target_with_blank(target, blank=0):
    ext = [blank]
    skip = [0]
    for i, s in enumerate(target):
        ext += [s, blank]
        skip += [int(i > 0 and target[i - 1] != s), 0]
    return np.array(ext), np.array(skip)

def ctc_alpha_beta(logits, ext, skip):
    T, S = logits.shape[0], len(ext)
    alpha = np.zeros((T, S))
    beta = np.zeros((T, S))
    alpha[0, 0] = logits[0, ext[0]]
    alpha[0, 1] = logits[0, ext[1]]
    for t in range(1, T):
        for s in range(S):
            a = alpha[t - 1, s] + (alpha[t - 1, s - 1] if s > 0 else 0)
            if skip[s]:
                a += alpha[t - 1, s - 2]
            alpha[t, s] = a * logits[t, ext[s]]
    beta[T - 1, S - 1] = 1
    beta[T - 1, S - 2] = 1
    for t in range(T - 2, -1, -1):
        for s in range(S):
            b = beta[t + 1, s] * logits[t + 1, ext[s]]
            if s + 1 < S:
                b += beta[t + 1, s + 1] * logits[t + 1, ext[s + 1]]
            if s + 2 < S and skip[s + 2]:
                b += beta[t + 2 - 1, s + 2] * logits[t + 1, ext[s + 2]]
            beta[t, s] = b
    return alpha, beta

T, C = 8, 4
probs = np.random.rand(T, C)
probs /= probs.sum(axis=1, keepdims=True)
target = np.array([1, 2, 2, 3])
ext, skip = extend_target_with_blank(target)
print(ext, skip)
alpha, beta = ctc_alpha_beta(probs, ext, skip)
p = alpha[-1, -1] + alpha[-1, -2]
gamma = alpha * beta
print("P(y|x) from alpha", f"{p:.6e}", "from alpha*beta at t=3", f"{gamma[3].sum():.6e}")
log_probs = torch.tensor(np.log(probs)).unsqueeze(1).requires_grad_()
loss = F.ctc_loss(log_probs, torch.tensor([target]), torch.tensor([T]), torch.tensor([len(target)]), reduction="sum")
print(loss, np.allclose(-np.log(p), loss.item()))
loss.backward()
dY = np.zeros((T, C))
for t in range(T):
    for s in range(len(ext)):
        dY[t, ext[s]] -= gamma[t, s] / (p * probs[t, ext[s]])
print("grad (chain rule through log only)", np.allclose(log_probs.grad[:, 0].numpy(), dY * probs))
# torch assumes log_softmax outputs: its gradient is softmax - gamma / p
print("grad (with softmax)", np.allclose(log_probs.grad[:, 0].numpy(), probs + dY * probs))
print(log_probs.grad[:, 0].sum(dim=1).abs().max() < 1e-12, log_probs.grad.shape)
crit = nn.CTCLoss(blank=0, reduction="mean")
print(crit, crit(log_probs, torch.tensor([target]), torch.tensor([T]), torch.tensor([len(target)])))
try:
    print(F.ctc_loss(log_probs, torch.tensor([target]), torch.tensor([3]), torch.tensor([len(target)])))
    print(F.ctc_loss(log_probs, torch.tensor([target]), torch.tensor([9]), torch.tensor([len(target)])))
except Exception as e:
    print(type(e).__name__, e)
print(F.ctc_loss(log_probs, torch.tensor([target]), torch.tensor([3]), torch.tensor([len(target)]), reduction="none"))
print(F.ctc_loss(log_probs, torch.tensor([target]), torch.tensor([3]), torch.tensor([len(target)]), zero_infinity=True))
try:
    F.ctc_loss(log_probs, torch.tensor([target]), torch.tensor([T]), torch.tensor([len(target)]), blank=4)
except Exception as e:
    print(type(e).__name__, e)

# %%
# the same loss for an unbatched (T, C) input, and the target mistakes learners make when batching
lp = torch.tensor(np.log(probs))
print(F.ctc_loss(lp, torch.tensor(target), torch.tensor(T), torch.tensor(len(target)), reduction="sum"))
batch_lp = torch.stack([lp, lp], dim=1)
padded = torch.tensor([[1, 2, 2, 3], [1, 3, 0, 0]])
print(F.ctc_loss(batch_lp, padded, torch.tensor([T, T]), torch.tensor([4, 2]), reduction="none"))
for targets, lengths in [(padded.flatten(), [4, 2]), (padded[:1], [4, 2]), (padded, [4, 5]), (padded[None], [4, 2]),
                         (torch.tensor([1, 2, 2, 3, 1, 3]), [4, 2]), (torch.tensor([1, 2, 2, 3, 1, 3]), [4, -2])]:
    try:
        print(F.ctc_loss(batch_lp, targets, torch.tensor([T, T]), torch.tensor(lengths)))
    except Exception as e:
        print(type(e).__name__, e)

