# Imitates CMU 11-785 "Introduction to Deep Learning" HW1P1 ("mytorch") and its autograder/recitation notebooks:
# numpy Linear, Identity, Sigmoid, Tanh, ReLU, GELU and Softmax layers with hand-written forward/backward, checked
# against torch.nn modules whose weights are set with `layer.weight.data = torch.tensor(W)` or `with torch.no_grad():
# copy_`, MSELoss / CrossEntropyLoss forward and backward vs torch, SGD with momentum vs torch.optim.SGD over a few
# steps, and BatchNorm1d train/eval (running_mean / running_var) vs nn.BatchNorm1d.
import numpy as np
import torch
import torch.nn as nn
import math

erf = np.vectorize(math.erf)

np.random.seed(11785)
torch.manual_seed(11785)

class Linear:
    def __init__(self, in_features, out_features):
        self.W = np.random.randn(out_features, in_features) * 0.1
        self.b = np.random.randn(out_features, 1) * 0.1
    def forward(self, A):
        self.A = A
        self.N = A.shape[0]
        self.Ones = np.ones((self.N, 1))
        return A @ self.W.T + self.Ones @ self.b.T
    def backward(self, dLdZ):
        self.dLdW = dLdZ.T @ self.A
        self.dLdb = dLdZ.T @ self.Ones
        return dLdZ @ self.W

A = np.random.randn(4, 3)
mine = Linear(3, 2)
ref = nn.Linear(3, 2).double()
ref.weight.data = torch.tensor(mine.W)
ref.bias.data = torch.tensor(mine.b.reshape(-1))
print(ref)
print(ref.weight.dtype, ref.weight.requires_grad, ref.weight.is_leaf)
At = torch.tensor(A, requires_grad=True)
Zt = ref(At)
Z = mine.forward(A)
print("forward", np.allclose(Z, Zt.detach().numpy()))
dLdZ = np.random.randn(4, 2)
Zt.backward(torch.tensor(dLdZ))
dLdA = mine.backward(dLdZ)
print("dLdA", np.allclose(dLdA, At.grad.numpy()))
print("dLdW", np.allclose(mine.dLdW, ref.weight.grad.numpy()), ref.weight.grad.shape)
print("dLdb", np.allclose(mine.dLdb.reshape(-1), ref.bias.grad.numpy()), mine.dLdb.shape)
Zt.grad_fn, At.grad.dtype

# %%
class Identity:
    def forward(self, Z):
        self.A = Z
        return self.A
    def backward(self, dLdA):
        return dLdA * np.ones(self.A.shape)

class Sigmoid:
    def forward(self, Z):
        self.A = 1 / (1 + np.exp(-Z))
        return self.A
    def backward(self, dLdA):
        return dLdA * (self.A - self.A * self.A)

class Tanh:
    def forward(self, Z):
        self.A = np.tanh(Z)
        return self.A
    def backward(self, dLdA):
        return dLdA * (1 - self.A ** 2)

class ReLU:
    def forward(self, Z):
        self.A = np.maximum(0, Z)
        return self.A
    def backward(self, dLdA):
        return dLdA * np.where(self.A > 0, 1, 0)

class GELU:
    def forward(self, Z):
        self.Z = Z
        self.A = 0.5 * Z * (1 + erf(Z / np.sqrt(2)))
        return self.A
    def backward(self, dLdA):
        dAdZ = 0.5 * (1 + erf(self.Z / np.sqrt(2))) + self.Z / np.sqrt(2 * np.pi) * np.exp(-self.Z ** 2 / 2)
        return dLdA * dAdZ

class Softmax:
    def forward(self, Z):
        e = np.exp(Z - Z.max(axis=1, keepdims=True))
        self.A = e / e.sum(axis=1, keepdims=True)
        return self.A
    def backward(self, dLdA):
        N, C = dLdA.shape
        dLdZ = np.zeros_like(dLdA)
        for i in range(N):
            a = self.A[i]
            J = np.diag(a) - np.outer(a, a)
            dLdZ[i] = dLdA[i] @ J
        return dLdZ

Z = np.random.randn(3, 4)
dLdA = np.random.randn(3, 4)
pairs = [(Identity(), nn.Identity()), (Sigmoid(), nn.Sigmoid()), (Tanh(), nn.Tanh()), (ReLU(), nn.ReLU()),
         (GELU(), nn.GELU()), (Softmax(), nn.Softmax(dim=1))]
for mine, ref in pairs:
    Zt = torch.tensor(Z, requires_grad=True)
    At = ref(Zt)
    At.backward(torch.tensor(dLdA))
    fw = np.allclose(mine.forward(Z), At.detach().numpy())
    bw = np.allclose(mine.backward(dLdA), Zt.grad.numpy())
    print(f"{type(mine).__name__:8s} {str(ref):22s} forward {fw} backward {bw} {type(At.grad_fn).__name__}")

# %%
class MSELoss:
    def forward(self, A, Y):
        self.A, self.Y = A, Y
        self.N, self.C = A.shape
        se = (A - Y) * (A - Y)
        return np.sum(se) / (self.N * self.C)
    def backward(self):
        return 2 * (self.A - self.Y) / (self.N * self.C)

class CrossEntropyLoss:
    def forward(self, A, Y):
        self.A, self.Y = A, Y
        N = A.shape[0]
        e = np.exp(A - A.max(axis=1, keepdims=True))
        self.softmax = e / e.sum(axis=1, keepdims=True)
        return np.sum(-Y * np.log(self.softmax)) / N
    def backward(self):
        return (self.softmax - self.Y) / self.A.shape[0]

A = np.random.randn(4, 3)
Y = np.random.randn(4, 3)
At = torch.tensor(A, requires_grad=True)
loss = nn.MSELoss()(At, torch.tensor(Y))
loss.backward()
m = MSELoss()
print("mse", np.allclose(m.forward(A, Y), loss.item()), np.allclose(m.backward(), At.grad.numpy()))
print(loss)
labels = np.array([0, 2, 1, 2])
Y = np.eye(3)[labels]
At = torch.tensor(A, requires_grad=True)
loss = nn.CrossEntropyLoss()(At, torch.tensor(labels))
loss.backward()
c = CrossEntropyLoss()
print("xent", np.allclose(c.forward(A, Y), loss.item()), np.allclose(c.backward(), At.grad.numpy()))
print(loss, loss.dtype)
At.grad = None
loss2 = nn.CrossEntropyLoss()(At, torch.tensor(Y))
loss2.backward()
print("soft targets", torch.allclose(loss, loss2), np.allclose(c.backward(), At.grad.numpy()))
for bad in [torch.tensor(labels, dtype=torch.int32), torch.tensor(Y, dtype=torch.float32)]:
    try:
        print(nn.CrossEntropyLoss()(At, bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.MSELoss()(At, torch.tensor(Y[:, :2]))
except Exception as e:
    print(type(e).__name__, e)

# %%
class SGD:
    def __init__(self, model, lr=0.1, momentum=0):
        self.l = model
        self.lr = lr
        self.mu = momentum
        self.v_W = [np.zeros(l.W.shape) for l in model]
        self.v_b = [np.zeros(l.b.shape) for l in model]
    def step(self):
        for i, layer in enumerate(self.l):
            if self.mu == 0:
                layer.W = layer.W - self.lr * layer.dLdW
                layer.b = layer.b - self.lr * layer.dLdb
            else:
                self.v_W[i] = self.mu * self.v_W[i] + layer.dLdW
                self.v_b[i] = self.mu * self.v_b[i] + layer.dLdb
                layer.W = layer.W - self.lr * self.v_W[i]
                layer.b = layer.b - self.lr * self.v_b[i]

layer = Linear(3, 2)
ref = nn.Linear(3, 2, dtype=torch.float64)
with torch.no_grad():
    ref.weight.copy_(torch.from_numpy(layer.W))
    ref.bias.copy_(torch.from_numpy(layer.b[:, 0]))
opt = torch.optim.SGD(ref.parameters(), lr=0.1, momentum=0.9)
mine = SGD([layer], lr=0.1, momentum=0.9)
print(opt)
A = np.random.randn(5, 3)
Y = np.random.randn(5, 2)
for step in range(3):
    opt.zero_grad()
    loss = nn.MSELoss(reduction="sum")(ref(torch.from_numpy(A)), torch.from_numpy(Y))
    loss.backward()
    opt.step()
    Z = layer.forward(A)
    layer.backward(2 * (Z - Y))
    mine.step()
    print(step, round(loss.item(), 6), np.allclose(layer.W, ref.weight.detach().numpy()),
          np.allclose(layer.b[:, 0], ref.bias.detach().numpy()))
buf = opt.state[ref.weight]["momentum_buffer"]
print(buf.shape, np.allclose(buf.numpy(), mine.v_W[0]), list(opt.state[ref.bias].keys()))
opt.state_dict()["param_groups"]

# %%
class BatchNorm1d:
    def __init__(self, num_features, alpha=0.9):
        self.alpha = alpha
        self.eps = 1e-8
        self.BW = np.ones((1, num_features))
        self.Bb = np.zeros((1, num_features))
        self.running_M = np.zeros((1, num_features))
        self.running_V = np.ones((1, num_features))
    def forward(self, Z, eval=False):
        if eval:
            NZ = (Z - self.running_M) / np.sqrt(self.running_V + self.eps)
            return self.BW * NZ + self.Bb
        self.Z = Z
        self.N = Z.shape[0]
        self.M = Z.mean(axis=0, keepdims=True)
        self.V = Z.var(axis=0, keepdims=True)
        self.NZ = (Z - self.M) / np.sqrt(self.V + self.eps)
        self.running_M = self.alpha * self.running_M + (1 - self.alpha) * self.M
        self.running_V = self.alpha * self.running_V + (1 - self.alpha) * self.V
        return self.BW * self.NZ + self.Bb
    def backward(self, dLdBZ):
        self.dLdBW = np.sum(dLdBZ * self.NZ, axis=0, keepdims=True)
        self.dLdBb = np.sum(dLdBZ, axis=0, keepdims=True)
        dLdNZ = dLdBZ * self.BW
        dLdV = -0.5 * np.sum(dLdNZ * (self.Z - self.M) * (self.V + self.eps) ** -1.5, axis=0)
        dLdM = -np.sum(dLdNZ * (self.V + self.eps) ** -0.5, axis=0) - 2 / self.N * dLdV * np.sum(self.Z - self.M, axis=0)
        return dLdNZ * (self.V + self.eps) ** -0.5 + dLdV * 2 / self.N * (self.Z - self.M) + dLdM / self.N

bn = BatchNorm1d(3)
ref = nn.BatchNorm1d(3, eps=1e-8, momentum=0.1, dtype=torch.float64)
print(ref, ref.training)
Z = np.random.randn(6, 3) * 2 + 1
Zt = torch.tensor(Z, requires_grad=True)
out = ref(Zt)
dLdBZ = np.random.randn(6, 3)
out.backward(torch.tensor(dLdBZ))
print("train forward", np.allclose(bn.forward(Z), out.detach().numpy()))
print("dLdZ", np.allclose(bn.backward(dLdBZ), Zt.grad.numpy()))
print("dLdBW", np.allclose(bn.dLdBW[0], ref.weight.grad.numpy()), "dLdBb", np.allclose(bn.dLdBb[0], ref.bias.grad.numpy()))
print("running mean", np.allclose(bn.running_M[0], ref.running_mean.numpy()))
print("running var (biased mine)", np.allclose(bn.running_V[0], ref.running_var.numpy()))
print(ref.running_var, ref.num_batches_tracked)
ref.eval()
Ze = np.random.randn(2, 3)
print("eval", np.allclose(bn.forward(Ze, eval=True), ref(torch.tensor(Ze)).detach().numpy()))
print(sorted(ref.state_dict().keys()))
# the functional form in eval mode needs the running statistics
F = torch.nn.functional
print(torch.allclose(F.batch_norm(torch.tensor(Ze), ref.running_mean, ref.running_var, ref.weight, ref.bias, eps=1e-8),
                     ref(torch.tensor(Ze))))
for rm, rv in [(None, None), (ref.running_mean, None)]:
    try:
        F.batch_norm(torch.tensor(Ze), rm, rv, training=False)
    except Exception as e:
        print(type(e).__name__, e)
ref(torch.tensor(Ze)).grad_fn
