# Imitates IIT Madras CS6910 (Mitesh Khapra) Assignment 1 solutions written with torch tensors in numpy style: a
# feed-forward network (sigmoid / tanh / ReLU hidden layers, softmax output, cross-entropy on one-hot labels) with
# forward and backward propagation coded by hand (a_k, h_k, grad_a, grad_W, grad_b lists), then checked against
# autograd and printed as students do: max abs difference, torch.allclose, torch.equal.
import torch

# %%
torch.manual_seed(0)
N, D, H, K = 6, 5, 4, 3
X = torch.randn(N, D, dtype=torch.float64)
y = torch.tensor([0, 2, 1, 1, 0, 2])
Y = torch.zeros(N, K, dtype=torch.float64)
Y[torch.arange(N), y] = 1.0
print(Y)
print(torch.nn.functional.one_hot(y, num_classes=K))
print(torch.nn.functional.one_hot(y).dtype, torch.eye(K)[y].dtype)

# %%
def sigmoid(a):
    return 1.0 / (1.0 + torch.exp(-a))

def d_sigmoid(a):
    s = sigmoid(a)
    return s * (1 - s)

def d_tanh(a):
    return 1 - torch.tanh(a) ** 2

def relu(a):
    return torch.maximum(a, torch.zeros_like(a))

def d_relu(a):
    return (a > 0).to(a.dtype)

def softmax(a):
    e = torch.exp(a - a.max(dim=1, keepdim=True).values)
    return e / e.sum(dim=1, keepdim=True)

acts = {"sigmoid": (sigmoid, d_sigmoid), "tanh": (torch.tanh, d_tanh), "relu": (relu, d_relu)}
print(softmax(torch.tensor([[1.0, 2.0, 3.0]])), torch.softmax(torch.tensor([[1.0, 2.0, 3.0]]), dim=1))
print(d_relu(torch.tensor([-1.0, 0.0, 2.0])), (torch.tensor([-1, 0, 2]) > 0).int())

# %%
sizes = [D, H, H, K]
def init_params(seed):
    g = torch.Generator().manual_seed(seed)
    W = [torch.randn(sizes[i + 1], sizes[i], generator=g, dtype=torch.float64) * 0.5 for i in range(len(sizes) - 1)]
    b = [torch.zeros(sizes[i + 1], dtype=torch.float64) for i in range(len(sizes) - 1)]
    return W, b

def forward(W, b, X, act):
    f = acts[act][0]
    a_list, h_list = [], [X]
    h = X
    for k in range(len(W)):
        a = h @ W[k].T + b[k]
        a_list.append(a)
        h = f(a) if k < len(W) - 1 else softmax(a)
        h_list.append(h)
    return a_list, h_list

def backward(W, a_list, h_list, Y, act):
    df = acts[act][1]
    n = Y.shape[0]
    gW, gb = [None] * len(W), [None] * len(W)
    grad_a = (h_list[-1] - Y) / n
    for k in reversed(range(len(W))):
        gW[k] = grad_a.T @ h_list[k]
        gb[k] = grad_a.sum(dim=0)
        if k > 0:
            grad_h = grad_a @ W[k]
            grad_a = grad_h * df(a_list[k - 1])
    return gW, gb

for act in ["sigmoid", "tanh", "relu"]:
    W, b = init_params(1)
    a_list, h_list = forward(W, b, X, act)
    loss = -(Y * torch.log(h_list[-1])).sum() / N
    gW, gb = backward(W, a_list, h_list, Y, act)
    Wt = [w.clone().requires_grad_(True) for w in W]
    bt = [v.clone().requires_grad_() for v in b]
    _, hh = forward(Wt, bt, X, act)
    loss_t = torch.nn.functional.cross_entropy(torch.log(hh[-1]), y)
    loss_t.backward()
    print(act, f"{loss.item():.6f}", f"{loss_t.item():.6f}")
    for k in range(len(W)):
        diff = (gW[k] - Wt[k].grad).abs().max()
        print(k, tuple(gW[k].shape), f"{diff.item():.2e}", torch.allclose(gW[k], Wt[k].grad),
              torch.allclose(gb[k], bt[k].grad, atol=1e-12), torch.equal(gb[k].shape and gb[k], gb[k]))

# %%
# the student's mistake: comparing a float32 manual gradient with a float64 autograd one
W, b = init_params(1)
a_list, h_list = forward(W, b, X, "tanh")
gW, gb = backward(W, a_list, h_list, Y, "tanh")
g32 = gW[0].float()
try:
    print(torch.allclose(g32, gW[0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(torch.equal(g32, gW[0]))
except Exception as e:
    print(type(e).__name__, e)
print(torch.allclose(g32.double(), gW[0]), torch.isclose(g32.double(), gW[0], rtol=0, atol=1e-6).all())
print(torch.testing.assert_close(g32.double(), gW[0], rtol=1e-5, atol=1e-6))
try:
    torch.testing.assert_close(g32, gW[0])
except Exception as e:
    print(type(e).__name__, e)

# %%
# cross-entropy and squared error losses, the assignment's two options, with their own grads
logits = torch.randn(N, K, dtype=torch.float64, requires_grad=True)
p = torch.softmax(logits, dim=1)
ce = -(Y * torch.log(p)).sum(dim=1).mean()
mse = ((p - Y) ** 2).sum(dim=1).mean()
g_ce, = torch.autograd.grad(ce, logits, retain_graph=True)
g_mse, = torch.autograd.grad(mse, logits)
print(f"{(g_ce - (p - Y).detach() / N).abs().max().item():.3e}")
pd = p.detach()
manual_mse = (2 * (pd - Y) * pd - 2 * pd * ((pd - Y) * pd).sum(dim=1, keepdim=True)) / N
print(f"{(g_mse - manual_mse).abs().max().item():.3e}")
print(torch.nn.functional.mse_loss(p, Y), torch.nn.functional.mse_loss(p, Y, reduction='sum') / N)
print(p.grad_fn, ce.grad_fn, mse.grad_fn.next_functions)
