# Imitates a deep-learning theory course notebook: lazy training (relative change of the weights with width, measured
# with torch.linalg.matrix_norm), the Hessian spectrum at a minimum (torch.autograd.functional.hessian,
# torch.linalg.eigvalsh), and gradient flow vs gradient descent on a quadratic (torch.linalg.matrix_exp).
import torch
import torch.nn as nn
torch.manual_seed(0)
torch.set_printoptions(precision=10)

X = torch.randn(16, 3)
y = torch.sin(X.sum(1, keepdim=True))

def train(width, steps=60, lr=0.05):
    torch.manual_seed(1)
    net = nn.Sequential(nn.Linear(3, width), nn.ReLU(), nn.Linear(width, 1))
    with torch.no_grad():                       # NTK parameterisation of the readout
        net[2].weight.mul_(1.0)
    W0 = net[0].weight.detach().clone()
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(net(X), y)
        loss.backward()
        opt.step()
    W1 = net[0].weight.detach()
    rel = torch.linalg.matrix_norm(W1 - W0) / torch.linalg.matrix_norm(W0)
    return loss.item(), rel.item()

for width in [8, 32, 128, 512]:
    print(width, *train(width))

# %%
W = torch.randn(4, 3)
print(torch.linalg.matrix_norm(W), torch.linalg.matrix_norm(W, ord='fro'), torch.linalg.matrix_norm(W, ord='nuc'))
print(torch.linalg.matrix_norm(W, ord=2), torch.linalg.matrix_norm(W, ord=-2), torch.linalg.matrix_norm(W, ord=1))
print(torch.linalg.matrix_norm(W, ord=float('inf')), torch.linalg.norm(W), torch.linalg.norm(W, 2))
Wg = W.clone().requires_grad_()
torch.linalg.matrix_norm(Wg, ord=2).backward()
print(Wg.grad)
print(torch.linalg.matrix_norm(torch.randn(2, 4, 3), dim=(-2, -1)).shape)
try:
    torch.linalg.matrix_norm(torch.randn(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.matrix_norm(W, ord=3)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Hessian of the loss of a small linear-tanh model at a minimum found by GD
torch.manual_seed(2)
A = torch.randn(20, 3, dtype=torch.float64)
t = A @ torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)

def loss_fn(w):
    return 0.5 * ((torch.tanh(A @ w) - torch.tanh(t)) ** 2).mean()

w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([w], lr=2.0)
for _ in range(300):
    opt.zero_grad()
    l = loss_fn(w)
    l.backward()
    opt.step()
print(w.detach(), l.item(), w.grad.norm().item())
H = torch.autograd.functional.hessian(loss_fn, w.detach())
print(H.shape, H.dtype, torch.allclose(H, H.T))
evals = torch.linalg.eigvalsh(H)
print(evals)
print(evals.max() / evals.min(), 2 / evals.max())
evals2, evecs = torch.linalg.eigh(H)
print(evecs.abs(), torch.dist(evecs @ torch.diag(evals2) @ evecs.T, H) < 1e-12)
print(torch.linalg.eigvalsh(H, UPLO='U'))

# %%
try:
    torch.linalg.eigvalsh(torch.randn(3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.eigvalsh(torch.randn(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.eigvalsh(torch.randn(3, 3), UPLO='X')
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.eigvalsh(torch.randn(3, 3, dtype=torch.float64).to(torch.int64))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.functional.hessian(lambda v: v ** 2, torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)

# %%
# gradient flow vs gradient descent on f(x) = 1/2 x^T Q x
Q = torch.tensor([[3.0, 1.0], [1.0, 2.0]], dtype=torch.float64)
x0 = torch.tensor([1.0, -1.0], dtype=torch.float64)
T = 2.0
x_flow = torch.linalg.matrix_exp(-T * Q) @ x0
print(x_flow)
for lr in [0.1, 0.01, 0.001]:
    x = x0.clone()
    for _ in range(int(T / lr)):
        x = x - lr * (Q @ x)
    print(lr, x, (x - x_flow).norm().item())
print(torch.matrix_exp(torch.zeros(2, 2)), torch.linalg.matrix_exp(torch.tensor([[0.0, 1.0], [-1.0, 0.0]])))
Qg = Q.clone().requires_grad_()
E = torch.linalg.matrix_exp(-T * Qg)
print(E.grad_fn.name())
(E @ x0).sum().backward()
print(Qg.grad)
ts = torch.linspace(0, 2, 5, dtype=torch.float64)
traj = torch.linalg.matrix_exp(-ts[:, None, None] * Q) @ x0
print(traj.shape, traj)
try:
    torch.linalg.matrix_exp(torch.randn(2, 3))
except Exception as e:
    print(type(e).__name__, e)
