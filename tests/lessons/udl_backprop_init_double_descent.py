# Imitates Simon Prince's "Understanding Deep Learning" notebooks 7.2 (backpropagation: the gradient of a deep
# ReLU network by hand, forward pass storing f_k and h_k, backward pass with the chain rule, checked against
# finite differences and here against autograd), 7.3 (initialisation: the std of activations and of gradients
# across layers for several sigma_sq_omega, with torch.nn.init and He initialisation), 8.3 (double descent: models
# of growing hidden width fit by gradient descent, printed per width) and 9.2 (implicit regularisation: the
# finite-step gradient descent path vs the modified loss's gradient), scaled down.
import numpy as np
import torch
import torch.nn as nn

np.random.seed(0)
torch.manual_seed(0)

K, D, D_i, D_o = 5, 6, 1, 1
all_weights = [None] * (K + 1)
all_biases = [None] * (K + 1)
all_weights[0] = np.random.normal(size=(D, D_i))
all_weights[-1] = np.random.normal(size=(D_o, D))
all_biases[0] = np.random.normal(size=(D, 1))
all_biases[-1] = np.random.normal(size=(D_o, 1))
for layer in range(1, K):
    all_weights[layer] = np.random.normal(size=(D, D))
    all_biases[layer] = np.random.normal(size=(D, 1))

def ReLU(preactivation):
    return preactivation.clip(0.0)

def indicator_function(x):
    x_in = np.array(x)
    x_in[x_in >= 0] = 1
    x_in[x_in < 0] = 0
    return x_in

def forward_pass(net_input, all_weights, all_biases):
    K = len(all_weights) - 1
    all_f = [None] * (K + 1)
    all_h = [None] * (K + 1)
    all_h[0] = net_input
    for layer in range(K):
        all_f[layer] = all_biases[layer] + np.matmul(all_weights[layer], all_h[layer])
        all_h[layer + 1] = ReLU(all_f[layer])
    all_f[K] = all_biases[K] + np.matmul(all_weights[K], all_h[K])
    return all_f[K], all_f, all_h

def least_squares_loss(net_output, y):
    return np.sum((net_output - y) * (net_output - y))

def d_loss_d_output(net_output, y):
    return 2 * (net_output - y)

def backward_pass(all_weights, all_biases, all_f, all_h, y):
    all_dl_dweights = [None] * (K + 1)
    all_dl_dbiases = [None] * (K + 1)
    all_dl_df = [None] * (K + 1)
    all_dl_dh = [None] * (K + 1)
    all_dl_df[K] = np.array(d_loss_d_output(all_f[K], y))
    for layer in range(K, -1, -1):
        all_dl_dbiases[layer] = np.array(all_dl_df[layer])
        all_dl_dweights[layer] = np.matmul(all_dl_df[layer], all_h[layer].transpose())
        all_dl_dh[layer] = np.matmul(all_weights[layer].transpose(), all_dl_df[layer])
        if layer > 0:
            all_dl_df[layer - 1] = indicator_function(all_f[layer - 1]) * all_dl_dh[layer]
    return all_dl_dweights, all_dl_dbiases

net_input = np.ones((D_i, 1)) * 1.2
y = np.ones((D_o, 1)) * 20.0
net_output, all_f, all_h = forward_pass(net_input, all_weights, all_biases)
print("y =", net_output, "loss", least_squares_loss(net_output, y))
all_dl_dweights, all_dl_dbiases = backward_pass(all_weights, all_biases, all_f, all_h, y)

Ws = [torch.tensor(w, requires_grad=True) for w in all_weights]
bs = [torch.tensor(b, requires_grad=True) for b in all_biases]
h = torch.tensor(net_input)
for layer in range(K):
    h = torch.relu(bs[layer] + Ws[layer] @ h)
out = bs[K] + Ws[K] @ h
loss = ((out - torch.tensor(y)) ** 2).sum()
loss.backward()
print(out, loss)
for layer in range(K + 1):
    print(layer, np.allclose(all_dl_dweights[layer], Ws[layer].grad.numpy()),
          np.allclose(all_dl_dbiases[layer], bs[layer].grad.numpy()), tuple(Ws[layer].grad.shape))
delta_fd = 0.000001
layer = K
w_plus = [w.copy() for w in all_weights]
w_plus[layer][0, 0] += delta_fd
fd = (least_squares_loss(forward_pass(net_input, w_plus, all_biases)[0], y) - least_squares_loss(net_output, y)) / delta_fd
print(f"finite difference {fd:.3f} backprop {all_dl_dweights[layer][0, 0]:.3f} autograd {Ws[layer].grad[0, 0].item():.3f}")

# %%
def compute_network_output(data_in, all_weights, all_biases):
    h = data_in
    stds = []
    for layer in range(len(all_weights) - 1):
        f = all_biases[layer] + all_weights[layer] @ h
        h = torch.relu(f)
        stds.append(h.std().item())
    return stds

torch.manual_seed(1)
K, D, n_data = 6, 40, 200
data_in = torch.randn(D, n_data)
for sigma_sq_omega in [0.001, 2.0 / D, 1.0]:
    weights = [torch.randn(D, D) * np.sqrt(sigma_sq_omega) for _ in range(K + 1)]
    biases = [torch.zeros(D, 1) for _ in range(K + 1)]
    stds = compute_network_output(data_in, weights, biases)
    print(f"sigma_sq_omega {sigma_sq_omega:.3f}:", " ".join(f"{s:.3e}" for s in stds))

torch.manual_seed(2)
layers = [nn.Linear(D, D) for _ in range(K)]
for lin in layers:
    nn.init.kaiming_normal_(lin.weight, mode="fan_in", nonlinearity="relu")
    nn.init.zeros_(lin.bias)
h = torch.randn(n_data, D, requires_grad=True)
acts = []
x = h
for lin in layers:
    x = torch.relu(lin(x))
    x.retain_grad()
    acts.append(x)
x.sum().backward()
print("He forward std ", [round(a.std().item(), 2) for a in acts])
print("He backward std", [round(a.grad.std().item(), 2) for a in acts])
print(nn.init.calculate_gain("relu"), nn.init.calculate_gain("leaky_relu", 0.2), nn.init.calculate_gain("tanh"))
try:
    nn.init.calculate_gain("gelu")
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.kaiming_normal_(torch.empty(3))
except Exception as e:
    print(type(e).__name__, e)
w = torch.empty(3, 5)
nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("tanh"))
print(w.abs().max() <= 5 / 3 * np.sqrt(6 / 8), nn.init.trunc_normal_(torch.empty(2, 2), std=0.02).abs().max() < 0.04)

# %%
torch.manual_seed(0)
x_tr = torch.linspace(-1, 1, 12).unsqueeze(1)
y_tr = torch.sin(3 * x_tr) + 0.3 * torch.randn(12, 1)
x_te = torch.linspace(-1, 1, 50).unsqueeze(1)
y_te = torch.sin(3 * x_te)
for hidden in [2, 6, 12, 48]:
    torch.manual_seed(hidden)
    model = nn.Sequential(nn.Linear(1, hidden), nn.ReLU(), nn.Linear(hidden, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for step in range(150):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x_tr), y_tr)
        loss.backward()
        opt.step()
    with torch.no_grad():
        test = nn.functional.mse_loss(model(x_te), y_te)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"hidden {hidden:3d} params {n_params:4d} train {loss.item():.4f} test {test.item():.4f}")
print(test.requires_grad, loss.grad_fn)

# %%
def loss_fn(phi):
    return phi[0] ** 2 + 10 * phi[1] ** 2 + phi[0] * phi[1]

def modified_loss(phi, lr):
    g, = torch.autograd.grad(loss_fn(phi), phi, create_graph=True)
    return loss_fn(phi) + lr / 4 * (g ** 2).sum()

lr = 0.05
phi = torch.tensor([1.0, 1.0], requires_grad=True)
phi_m = torch.tensor([1.0, 1.0], requires_grad=True)
for step in range(5):
    g, = torch.autograd.grad(loss_fn(phi), phi)
    gm, = torch.autograd.grad(modified_loss(phi_m, lr), phi_m)
    with torch.no_grad():
        phi -= lr * g
        phi_m -= lr * gm
    print(step, phi, phi_m, f"{loss_fn(phi).item():.5f}")
H = torch.autograd.functional.hessian(lambda p: loss_fn(p), phi.detach())
print(H, torch.linalg.eigvalsh(H))
phi.grad, phi.requires_grad, phi.is_leaf
