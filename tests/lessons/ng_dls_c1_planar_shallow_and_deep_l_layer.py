# Imitates Andrew Ng's Deep Learning Specialization course 1 weeks 3-4 ported to PyTorch by learners: the planar
# "flower" data set, a shallow network with a tanh hidden layer (layer_sizes, initialize_parameters with
# torch.randn(...)*0.01, forward_propagation with a cache dict, compute_cost, backward_propagation by hand checked
# against autograd), then the deep L-layer network with parameter / cache dicts, linear_activation_forward and
# backward, L_model_backward, update_parameters, and the shape mistakes met on the way.
import math
import torch
import torch.nn.functional as F

# %%
def load_planar_dataset(m=40, seed=1):
    g = torch.Generator().manual_seed(seed)
    N = m // 2
    X = torch.zeros((m, 2))
    Y = torch.zeros((m, 1), dtype=torch.uint8)
    a = 4
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = torch.linspace(j * 3.12, (j + 1) * 3.12, N) + torch.randn(N, generator=g) * 0.2
        r = a * torch.sin(4 * t) + torch.randn(N, generator=g) * 0.2
        X[list(ix)] = torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1)
        Y[list(ix)] = j
    return X.T, Y.T

X, Y = load_planar_dataset()
print("The shape of X is: " + str(X.shape))
print("The shape of Y is: " + str(Y.shape), Y.dtype)
print("I have m = %d training examples!" % (X.shape[1]))
print(X[:, :3], Y[0, 18:23], Y.sum(), Y.float().mean())

# %%
def layer_sizes(X, Y):
    return X.shape[0], 4, Y.shape[0]

def initialize_parameters(n_x, n_h, n_y):
    torch.manual_seed(2)
    W1 = torch.randn(n_h, n_x) * 0.01
    b1 = torch.zeros((n_h, 1))
    W2 = torch.randn(n_y, n_h) * 0.01
    b2 = torch.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}

n_x, n_h, n_y = layer_sizes(X, Y)
print(n_x, n_h, n_y)
parameters = initialize_parameters(n_x, n_h, n_y)
for k, v in parameters.items():
    print(k, "=", v, v.shape)

# %%
def forward_propagation(X, parameters):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = W1 @ X + b1
    A1 = torch.tanh(Z1)
    Z2 = torch.mm(W2, A1) + b2
    A2 = torch.sigmoid(Z2)
    assert A2.shape == (1, X.shape[1])
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}

def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = torch.multiply(torch.log(A2), Y) + torch.multiply(torch.log(1 - A2), 1 - Y)
    cost = -torch.sum(logprobs) / m
    return float(torch.squeeze(cost))

A2, cache = forward_propagation(X, parameters)
print(A2[:, :5], A2.mean().item())
print("cost = " + str(compute_cost(A2, Y)))
print(torch.multiply(torch.log(A2), Y).dtype, (1 - Y).dtype, (1 - Y)[0, :3], (-Y)[0, 18:22])

# %%
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * dZ2 @ A1.T
    db2 = (1 / m) * torch.sum(dZ2, dim=1, keepdim=True)
    dZ1 = W2.T @ dZ2 * (1 - torch.pow(A1, 2))
    dW1 = (1 / m) * dZ1 @ X.T
    db1 = (1 / m) * torch.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}

grads = backward_propagation(parameters, cache, X, Y)
for k, v in grads.items():
    print(k, "=", v)

auto = {k: v.clone().requires_grad_() for k, v in parameters.items()}
A2a, _ = forward_propagation(X, auto)
loss = F.binary_cross_entropy(A2a, Y.float())
loss.backward()
print(loss, loss.item(), compute_cost(A2, Y))
for k in auto:
    g = auto[k].grad
    print(k, g.shape, torch.allclose(g, grads["d" + k], atol=1e-7), f"{(g - grads['d' + k]).abs().max().item():.3e}")

# %%
def update_parameters(parameters, grads, learning_rate=1.2):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in parameters}

def nn_model(X, Y, n_h, num_iterations=1000, print_cost=False):
    params = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, params)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(params, cache, X, Y)
        params = update_parameters(params, grads)
        if print_cost and i % 250 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return params

params = nn_model(X, Y, 4, num_iterations=1001, print_cost=True)
pred = (forward_propagation(X, params)[0] > 0.5)
print(pred.dtype, pred[0, :10])
print("Accuracy: %d" % float((Y @ pred.T.to(torch.uint8) + (1 - Y) @ (1 - pred.to(torch.uint8)).T) / float(Y.shape[1]) * 100) + "%")
print("Accuracy: {:.2f}%".format((pred == Y).float().mean().item() * 100))

# %%
def initialize_parameters_deep(layer_dims, he=False):
    torch.manual_seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        scale = math.sqrt(2 / layer_dims[l - 1]) if he else 0.01
        parameters["W" + str(l)] = torch.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = torch.zeros((layer_dims[l], 1))
    return parameters

p = initialize_parameters_deep([5, 4, 3])
print(p["W1"], p["b1"].T, p["W2"])
ph = initialize_parameters_deep([5, 4, 3], he=True)
print(ph["W1"].std(), math.sqrt(2 / 5), ph["W2"] / p["W2"])

# %%
def linear_forward(A, W, b):
    return W @ A + b, (A, W, b)

def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = torch.sigmoid(Z) if activation == "sigmoid" else torch.relu(Z)
    return A, (linear_cache, Z)

def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W%d" % L], parameters["b%d" % L], "sigmoid")
    caches.append(cache)
    return AL, caches

def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * dZ @ A_prev.T
    db = 1 / m * dZ.sum(dim=1, keepdim=True)
    return W.T @ dZ, dW, db

def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(torch.divide(Y, AL) - torch.divide(1 - Y, 1 - AL))
    lin, Z = caches[L - 1]
    s = torch.sigmoid(Z)
    grads["dA%d" % (L - 1)], grads["dW%d" % L], grads["db%d" % L] = linear_backward(dAL * s * (1 - s), lin)
    for l in reversed(range(L - 1)):
        lin, Z = caches[l]
        dZ = grads["dA%d" % (l + 1)].clone()
        dZ[Z <= 0] = 0
        grads["dA%d" % l], grads["dW%d" % (l + 1)], grads["db%d" % (l + 1)] = linear_backward(dZ, lin)
    return grads

torch.manual_seed(1)
Xd = torch.randn(5, 7, dtype=torch.float64)
Yd = (torch.rand(1, 7) > 0.5).double()
pd = {k: v.double() for k, v in initialize_parameters_deep([5, 4, 3, 1], he=True).items()}
AL, caches = L_model_forward(Xd, pd)
print("AL = " + str(AL), len(caches))
g = L_model_backward(AL, Yd, caches)
print(sorted(g), g["dW1"], g["db3"])
pa = {k: v.clone().requires_grad_() for k, v in pd.items()}
ALa, _ = L_model_forward(Xd, pa)
cost = -(Yd * torch.log(ALa) + (1 - Yd) * torch.log(1 - ALa)).mean()
cost.backward()
print(cost, cost.grad_fn.name())
print([(k, torch.allclose(pa[k].grad, g["d" + k])) for k in pa])
print(max((pa[k].grad - g["d" + k]).abs().max().item() for k in pa) < 1e-12)

# %%
W = torch.randn(4, 5)
b = torch.zeros(4)                    # (n,) instead of (n, 1)
A0 = torch.randn(5, 3)
try:
    print((W @ A0 + b).shape)
except Exception as e:
    print(type(e).__name__, e)
b = torch.zeros(3)
print((W @ A0 + b).shape)
try:
    torch.mm(W, A0.T)
except Exception as e:
    print(type(e).__name__, e)
try:
    W * A0
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.dot(W[0], A0[:, 0:1])
except Exception as e:
    print(type(e).__name__, e)
print(torch.dot(W[0], A0[:, 0]), W[0] @ A0[:, 0])
try:
    torch.sum(A0, axis=1, keepdims=True).reshape(3, 1) + b.reshape(1, 4)
except Exception as e:
    print(type(e).__name__, e)
