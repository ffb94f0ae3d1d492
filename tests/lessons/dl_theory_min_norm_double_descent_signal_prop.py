# Imitates a deep-learning theory course notebook: implicit regularisation of gradient descent on underdetermined least
# squares (the minimum-norm solution by torch.linalg.pinv / lstsq), double descent with random ReLU features
# (lstsq drivers, test error vs width), and signal propagation through deep tanh/ReLU nets at init
# (per-layer variances, torch.nn.init gains from calculate_gain), with the errors learners hit.
import torch
import torch.nn as nn
torch.manual_seed(0)
torch.set_printoptions(precision=10)

n, d = 6, 10
A = torch.randn(n, d, dtype=torch.float64)
b = torch.randn(n, 1, dtype=torch.float64)
x = torch.zeros(d, 1, dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([x], lr=0.02)
for step in range(2000):
    opt.zero_grad()
    loss = 0.5 * ((A @ x - b) ** 2).sum()
    loss.backward()
    opt.step()
print(loss.item(), x.grad.abs().max().item() < 1e-6)
x_pinv = torch.linalg.pinv(A) @ b
sol = torch.linalg.lstsq(A, b, driver='gelsd')
print(sol.solution.shape, sol.residuals, sol.rank, sol.singular_values.shape)
print(torch.allclose(x.detach(), x_pinv, atol=1e-6), torch.allclose(sol.solution, x_pinv))
print(x_pinv.norm(), x.detach().norm(), (x.detach() - x_pinv).norm() < 1e-6)
print(torch.linalg.pinv(A).shape, torch.linalg.matrix_rank(A), torch.linalg.pinv(A, hermitian=False).dtype)

# %%
# starting away from zero keeps the component in the null space
x2 = torch.randn(d, 1, dtype=torch.float64)
P_null = torch.eye(d, dtype=torch.float64) - torch.linalg.pinv(A) @ A
x2_end = x2.clone()
for _ in range(2000):
    x2_end = x2_end - 0.02 * A.T @ (A @ x2_end - b)
print(torch.dist(x2_end, x_pinv + P_null @ x2) < 1e-6, (P_null @ x2).norm())
print(torch.linalg.svdvals(A))

# %%
# lstsq drivers and shapes
B = torch.randn(8, 3)
yB = torch.randn(8, 2)
for driver in ['gels', 'gelsy', 'gelsd', 'gelss']:
    r = torch.linalg.lstsq(B, yB, driver=driver)
    print(driver, r.solution.shape, r.residuals.shape, r.rank, r.singular_values.shape)
print(torch.linalg.lstsq(B, yB).solution)
print(torch.linalg.lstsq(B, yB).residuals)
try:
    torch.linalg.lstsq(B, torch.randn(7, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(B, torch.randn(7))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(B, yB, driver='gesv')
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(B.double(), yB)
except Exception as e:
    print(type(e).__name__, e)

# %%
# double descent with random ReLU features
torch.manual_seed(3)
n_train, n_test, d_in = 20, 200, 5
w_star = torch.randn(d_in)
Xtr, Xte = torch.randn(n_train, d_in), torch.randn(n_test, d_in)
ytr = Xtr @ w_star + 0.1 * torch.randn(n_train)
yte = Xte @ w_star
for width in [5, 10, 18, 20, 22, 40, 200]:
    torch.manual_seed(width)
    F = torch.randn(d_in, width) / d_in ** 0.5
    Phi_tr, Phi_te = torch.relu(Xtr @ F), torch.relu(Xte @ F)
    coef = torch.linalg.pinv(Phi_tr) @ ytr
    err = ((Phi_te @ coef - yte) ** 2).mean()
    print(width, round(err.item(), 3), coef.norm().item() > 1.0)

# %%
# signal propagation at init
for nonlin in ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu', 'conv2d']:
    print(nonlin, nn.init.calculate_gain(nonlin))
print(nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('leaky_relu', 1))
for bad in [('relu', 0.1), ('leaky_relu', 'x'), ('gelu', None)]:
    try:
        print(nn.init.calculate_gain(*bad))
    except Exception as e:
        print(type(e).__name__, e)

def propagate(act, gain, depth=12, width=256):
    torch.manual_seed(4)
    h = torch.randn(512, width)
    variances = []
    for _ in range(depth):
        W = torch.empty(width, width)
        nn.init.xavier_normal_(W, gain=gain) if act == 'tanh' else nn.init.kaiming_normal_(W, nonlinearity='relu')
        h = torch.tanh(h @ W.T) if act == 'tanh' else torch.relu(h @ W.T)
        variances.append(round(h.var().item(), 4))
    return variances

print(propagate('tanh', nn.init.calculate_gain('tanh')))
print(propagate('tanh', 1.0))
print(propagate('relu', None))

# %%
W = torch.empty(3, 5)
print(nn.init.kaiming_uniform_(W, a=5 ** 0.5), W.std() > 0)
print(nn.init._calculate_fan_in_and_fan_out(torch.empty(4, 3, 2, 2)))
print(nn.init.orthogonal_(torch.empty(3, 3), gain=nn.init.calculate_gain('relu')))
try:
    nn.init.xavier_normal_(torch.empty(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.kaiming_normal_(torch.empty(4, 3), mode='fan_avg')
except Exception as e:
    print(type(e).__name__, e)
