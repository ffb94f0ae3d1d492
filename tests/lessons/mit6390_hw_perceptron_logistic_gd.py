# Imitates MIT 6.390 / 6.036 (Introduction to Machine Learning) homework, written in PyTorch: data as (d, n) column
# matrices with labels (1, n) in {-1, +1}, the perceptron and averaged perceptron with an offset (th, th0), margins
# and score, positive(), hinge loss, logistic regression's NLL with sigmoid, gradient descent by hand (gd with a
# step-size function, num_grad by central differences) compared with autograd, and sgd over random points.
import torch
import numpy as np

# %%
def cv(value_list):
    """Takes a list of numbers and returns a column vector:  d x 1"""
    return torch.tensor([value_list], dtype=torch.float64).T

def rv(value_list):
    """Takes a list of numbers and returns a row vector: 1 x d"""
    return torch.tensor([value_list], dtype=torch.float64)

# data: d x n, labels: 1 x n
data = torch.tensor([[1, 1, 2, 3, -1, -2],
                     [2, -1, 1, 2, -2, 1]], dtype=torch.float64)
labels = torch.tensor([[1, -1, 1, 1, -1, -1]], dtype=torch.float64)
print(data.shape, labels.shape, cv([1, 2]).shape, rv([1, 2]))

# %%
def positive(x, th, th0):
    return torch.sign(th.T @ x + th0)

def score(data, labels, th, th0):
    return torch.sum(positive(data, th, th0) == labels)

th, th0 = cv([1, 1]), torch.tensor([[-1.0]], dtype=torch.float64)
print(positive(data, th, th0))
print(score(data, labels, th, th0), score(data, labels, th, th0).item())
# sign(0) is 0: a point on the separator is counted as a mistake
print(positive(cv([0.5, 0.5]), th, th0))
# the learner builds th from a Python list of ints: an integer tensor times a double matrix
th_int = torch.tensor([[1], [1]])
try:
    print(th_int.T @ data)
except Exception as e:
    print(type(e).__name__, e)
print((th_int.T.double() @ data).dtype)

# %%
def perceptron(data, labels, params={}, hook=None):
    # if T not in params, default to 100
    T = params.get('T', 100)
    d, n = data.shape
    theta = torch.zeros((d, 1), dtype=data.dtype)
    theta_0 = torch.zeros((1, 1), dtype=data.dtype)
    for t in range(T):
        changed = False
        for i in range(n):
            x = data[:, i:i+1]
            y = labels[:, i:i+1]
            if y * positive(x, theta, theta_0) <= 0.0:
                theta = theta + y * x
                theta_0 = theta_0 + y
                changed = True
                if hook: hook((theta, theta_0))
        if not changed:
            break
    return theta, theta_0

def averaged_perceptron(data, labels, params={}, hook=None):
    T = params.get('T', 100)
    d, n = data.shape
    theta = torch.zeros((d, 1), dtype=data.dtype); theta_0 = torch.zeros((1, 1), dtype=data.dtype)
    theta_sum = theta.clone(); theta_0_sum = theta_0.clone()
    for t in range(T):
        for i in range(n):
            x = data[:, i:i+1]
            y = labels[:, i:i+1]
            if y * positive(x, theta, theta_0) <= 0.0:
                theta += y * x
                theta_0 += y
            theta_sum += theta
            theta_0_sum += theta_0
    return theta_sum / (n * T), theta_0_sum / (n * T)

steps = []
th_p, th0_p = perceptron(data, labels, {'T': 10}, hook=lambda p: steps.append(p[0].flatten().tolist()))
print(th_p.T, th0_p, len(steps), steps[:3])
th_a, th0_a = averaged_perceptron(data, labels, {'T': 3})
print(th_a.T, th0_a)
print(score(data, labels, th_p, th0_p), score(data, labels, th_a, th0_a))

# %%
# margins: gamma(x, y, th, th0) = y (th.x + th0) / ||th||
def signed_dist(x, th, th0):
    return (th.T @ x + th0) / torch.linalg.norm(th)

margins = labels * signed_dist(data, th_p, th0_p)
print(margins)
print(margins.min(), torch.min(margins, dim=1), margins.argmin())
print(torch.norm(th_p), torch.linalg.norm(th_p, ord=2), torch.linalg.vector_norm(th_p, ord=1))
try:
    torch.linalg.norm(th_p, ord=1, dim=(0, 1, 2))
except Exception as e:
    print(type(e).__name__, e)

# hinge loss with a reference margin gamma_ref
def hinge(v):
    return torch.where(v < 1, 1 - v, torch.zeros_like(v))

def hinge_loss(x, y, th, th0):
    return hinge(y * (th.T @ x + th0))

print(hinge_loss(data, labels, th_p / 3, th0_p / 3))
print(torch.clamp(1 - margins, min=0))
print(torch.relu(1 - margins).sum(dim=1, keepdim=True))

# %%
# Logistic regression: sigmoid, NLL with labels in {0, 1}
def sigmoid(z):
    return 1 / (1 + torch.exp(-z))

y01 = (labels > 0).to(torch.float64)
print(y01)

def nll_loss(X, y, th, th0):
    g = sigmoid(th.T @ X + th0)
    return -(y * torch.log(g) + (1 - y) * torch.log(1 - g))

th = cv([0.5, -0.25]).requires_grad_()
th0 = torch.zeros((1, 1), dtype=torch.float64, requires_grad=True)
lam = 0.01
J = torch.mean(nll_loss(data, y01, th, th0)) + lam * torch.linalg.norm(th) ** 2
J.backward()
print(J)
print(th.grad.T, th0.grad)

# gradient by hand: dJ/dth = mean((g - y) x) + 2 lam th
with torch.no_grad():
    g = sigmoid(th.T @ data + th0)
    d_th = torch.mean((g - y01) * data, dim=1, keepdim=True) + 2 * lam * th
    d_th0 = torch.mean(g - y01, dim=1, keepdim=True)
print(d_th.T, d_th0)
print(torch.allclose(d_th, th.grad), torch.allclose(d_th0, th0.grad))
# large scores: 1 - sigmoid rounds to 0 and log gives -inf
big = torch.tensor([[40.0]], dtype=torch.float64)
print(nll_loss(cv([1.0]), torch.zeros(1, 1, dtype=torch.float64), big, torch.zeros(1, 1, dtype=torch.float64)))
print(torch.nn.functional.binary_cross_entropy(torch.sigmoid(torch.tensor([40.0, -120.0])), torch.tensor([0.0, 1.0])))
print(torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor([40.0, -120.0]), torch.tensor([0.0, 1.0])))

# %%
# Gradient descent with a step-size function, as the homework's gd(f, df, x0, step_size_fn, max_iter)
def gd(f, df, x0, step_size_fn, max_iter):
    x = x0.clone()
    fs, xs = [], []
    for i in range(max_iter):
        fs.append(f(x).item()); xs.append(x.clone())
        x = x - step_size_fn(i) * df(x)
    return x, fs, xs

def f1(x):
    return (2 * x + 3)**2

def df1(x):
    return 2 * 2 * (2 * x + 3)

def f2(v):
    x = float(v[0, 0]); y = float(v[1, 0])
    return torch.tensor((x - 2.) * (x - 3.) * (x + 3.) * (x + 1.) + (x + y - 1)**2, dtype=torch.float64)

def num_grad(f, delta=0.001):
    def df(x):
        g = torch.zeros_like(x)
        for i in range(x.shape[0]):
            xp = x.clone(); xm = x.clone()
            xp[i, 0] += delta; xm[i, 0] -= delta
            g[i, 0] = (f(xp) - f(xm)) / (2 * delta)
        return g
    return df

x0 = cv([0.])
ans = gd(f1, df1, x0, lambda i: 0.1, 10)
print(ans[0], [round(v, 6) for v in ans[1][:4]])
print(num_grad(f2)(cv([0., 0.])).T, num_grad(f2)(cv([0.1, -0.1])).T)
x, fs, xs = gd(f2, num_grad(f2), cv([0., 0.]), lambda i: 0.01, 50)
print(x.T, round(fs[-1], 6), len(xs))

# the same derivative from autograd, written with torch ops this time
def f2_torch(v):
    x, y = v[0, 0], v[1, 0]
    return (x - 2.) * (x - 3.) * (x + 3.) * (x + 1.) + (x + y - 1)**2

v = cv([0.1, -0.1]).requires_grad_(True)
g, = torch.autograd.grad(f2_torch(v), v)
print(g.T)
print(torch.autograd.functional.jacobian(f2_torch, cv([0.1, -0.1])).T)
print(torch.autograd.functional.hessian(f2_torch, cv([0.1, -0.1])).shape)
# the float()-based f2 is not differentiable: its result does not require grad
try:
    torch.autograd.grad(f2(v), v)
except Exception as e:
    print(type(e).__name__, e)

# %%
# sgd: one random point per step, step size 1/(i+1)**0.5
def sgd(X, y, J, dJ, w0, step_size_fn, max_iter, seed=0):
    rng = np.random.RandomState(seed)
    n = y.shape[1]
    w = w0.clone(); fs = []
    for i in range(max_iter):
        j = rng.randint(n)
        Xj = X[:, j:j+1]; yj = y[:, j:j+1]
        fs.append(J(Xj, yj, w).item())
        w = w - step_size_fn(i) * dJ(Xj, yj, w)
    return w, fs

def J_lr(Xj, yj, w):
    return torch.mean((w.T @ Xj - yj) ** 2)

def dJ_lr(Xj, yj, w):
    w = w.detach().requires_grad_()
    J_lr(Xj, yj, w).backward()
    return w.grad

X1 = torch.cat([data, torch.ones(1, data.shape[1], dtype=torch.float64)], dim=0)
w, fs = sgd(X1, labels, J_lr, dJ_lr, torch.zeros(3, 1, dtype=torch.float64), lambda i: 0.1 / (i + 1) ** 0.5, 20)
print(w.T, [round(f, 4) for f in fs[::5]])
print(w.requires_grad, w.grad_fn)
