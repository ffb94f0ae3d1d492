# Imitates the PyTorch ports of Raissi et al.'s "Burgers' equation identification" notebook (the DNN class built from an
# OrderedDict of 'layer_%d' / 'activation_%d' entries, a PhysicsInformedNN whose lambda_1 and lambda_2 are
# nn.Parameters registered on the network with register_parameter, u_t + lambda_1 u u_x - exp(lambda_2) u_xx from
# torch.autograd.grad(u, x, grad_outputs=torch.ones_like(u), retain_graph=True, create_graph=True), noisy data, Adam
# then LBFGS(max_iter, tolerance_change=np.finfo(float).eps, line_search_fn="strong_wolfe") and the printed
# "Error l1" / relative L2 errors of the identified coefficients and of the field).
from collections import OrderedDict
import math
import numpy as np
import torch

# %%
class DNN(torch.nn.Module):
    def __init__(self, layers):
        super(DNN, self).__init__()
        self.depth = len(layers) - 1
        self.activation = torch.nn.Tanh
        layer_list = list()
        for i in range(self.depth - 1):
            layer_list.append(('layer_%d' % i, torch.nn.Linear(layers[i], layers[i + 1])))
            layer_list.append(('activation_%d' % i, self.activation()))
        layer_list.append(('layer_%d' % (self.depth - 1), torch.nn.Linear(layers[-2], layers[-1])))
        layerDict = OrderedDict(layer_list)
        self.layers = torch.nn.Sequential(layerDict)

    def forward(self, x):
        return self.layers(x)

torch.manual_seed(1234)
np.random.seed(1234)
dnn = DNN([2, 16, 16, 1])
print(dnn)
print(dnn.layers.layer_0, dnn.layers[1], len(dnn.layers))

# %%
nu = 0.1 / math.pi
def exact(x, t):
    # a travelling-wave (tanh) solution of the viscous Burgers equation u_t + u u_x = nu u_xx
    return 0.5 - 0.5 * np.tanh((x - 0.5 * t) / (4 * nu))

x = np.linspace(-1, 1, 21)
t = np.linspace(0, 1, 11)
X, T = np.meshgrid(x, t)
X_star = np.hstack((X.flatten()[:, None], T.flatten()[:, None]))
u_star = exact(X_star[:, 0:1], X_star[:, 1:2])
print(X_star.shape, u_star.shape, X_star.dtype)
idx = np.random.choice(X_star.shape[0], 60, replace=False)
X_u_train = X_star[idx, :]
u_train = u_star[idx, :] + 0.01 * np.std(u_star) * np.random.randn(60, 1)
lb, ub = X_star.min(0), X_star.max(0)
print(lb, ub)

# %%
class PhysicsInformedNN():
    def __init__(self, X, u, layers, lb, ub):
        self.lb = torch.tensor(lb).float()
        self.ub = torch.tensor(ub).float()
        self.x = torch.tensor(X[:, 0:1], requires_grad=True).float()
        self.t = torch.tensor(X[:, 1:2], requires_grad=True).float()
        self.u = torch.tensor(u).float()
        self.lambda_1 = torch.tensor([0.0], requires_grad=True)
        self.lambda_2 = torch.tensor([-6.0], requires_grad=True)
        self.lambda_1 = torch.nn.Parameter(self.lambda_1)
        self.lambda_2 = torch.nn.Parameter(self.lambda_2)
        self.dnn = DNN(layers)
        self.dnn.register_parameter('lambda_1', self.lambda_1)
        self.dnn.register_parameter('lambda_2', self.lambda_2)
        self.optimizer = torch.optim.LBFGS(
            self.dnn.parameters(), lr=1.0, max_iter=40, max_eval=50, history_size=50,
            tolerance_grad=1e-5, tolerance_change=1.0 * np.finfo(float).eps, line_search_fn="strong_wolfe")
        self.optimizer_Adam = torch.optim.Adam(self.dnn.parameters())
        self.iter = 0

    def net_u(self, x, t):
        H = 2.0 * (torch.cat([x, t], dim=1) - self.lb) / (self.ub - self.lb) - 1.0
        return self.dnn(H)

    def net_f(self, x, t):
        lambda_1 = self.lambda_1
        lambda_2 = torch.exp(self.lambda_2)
        u = self.net_u(x, t)
        u_t = torch.autograd.grad(u, t, grad_outputs=torch.ones_like(u), retain_graph=True, create_graph=True)[0]
        u_x = torch.autograd.grad(u, x, grad_outputs=torch.ones_like(u), retain_graph=True, create_graph=True)[0]
        u_xx = torch.autograd.grad(u_x, x, grad_outputs=torch.ones_like(u_x), retain_graph=True,
                                   create_graph=True)[0]
        return u_t + lambda_1 * u * u_x - lambda_2 * u_xx

    def loss_func(self):
        u_pred = self.net_u(self.x, self.t)
        f_pred = self.net_f(self.x, self.t)
        loss = torch.mean((self.u - u_pred) ** 2) + torch.mean(f_pred ** 2)
        self.optimizer.zero_grad()
        loss.backward()
        self.iter += 1
        if self.iter % 10 == 0:
            print('Loss: %e, l1: %.5f, l2: %.5f' % (loss.item(), self.lambda_1.item(),
                                                    torch.exp(self.lambda_2.detach()).item()))
        return loss

    def train(self, nIter):
        self.dnn.train()
        for epoch in range(nIter):
            u_pred = self.net_u(self.x, self.t)
            f_pred = self.net_f(self.x, self.t)
            loss = torch.mean((self.u - u_pred) ** 2) + torch.mean(f_pred ** 2)
            self.optimizer_Adam.zero_grad()
            loss.backward()
            self.optimizer_Adam.step()
            if epoch % 25 == 0:
                print('It: %d, Loss: %.3e, Lambda_1: %.3f, Lambda_2: %.6f' %
                      (epoch, loss.item(), self.lambda_1.item(), torch.exp(self.lambda_2).item()))
        self.optimizer.step(self.loss_func)

    def predict(self, X):
        x = torch.tensor(X[:, 0:1], requires_grad=True).float()
        t = torch.tensor(X[:, 1:2], requires_grad=True).float()
        self.dnn.eval()
        u = self.net_u(x, t)
        f = self.net_f(x, t)
        return u.detach().cpu().numpy(), f.detach().cpu().numpy()

torch.manual_seed(0)
model = PhysicsInformedNN(X_u_train, u_train, [2, 16, 16, 1], lb, ub)
print(model.x.dtype, model.x.requires_grad, model.x.is_leaf, model.x.grad_fn)
print([n for n, _ in model.dnn.named_parameters()])
print(model.lambda_1, model.dnn.lambda_2)

# %%
model.train(60)
print(model.iter, model.optimizer.state[model.optimizer._params[0]]['n_iter'])

# %%
u_pred, f_pred = model.predict(X_star)
error_u = np.linalg.norm(u_star - u_pred, 2) / np.linalg.norm(u_star, 2)
lambda_1_value = model.lambda_1.detach().cpu().numpy()
lambda_2_value = np.exp(model.lambda_2.detach().cpu().numpy())
error_lambda_1 = np.abs(lambda_1_value - 1.0) * 100
error_lambda_2 = np.abs(lambda_2_value - nu) / nu * 100
print('Error u: %e' % (error_u), u_pred.dtype, f_pred.shape)
print('Error l1: %.5f%%' % (error_lambda_1), 'Error l2: %.5f%%' % (error_lambda_2))
print(type(lambda_1_value), lambda_1_value.shape)

# %%
u_t = torch.tensor(u_star).float()
u_p = torch.from_numpy(u_pred)
print(f"relative L2 {(torch.linalg.norm(u_p - u_t) / torch.linalg.norm(u_t)).item():.4f}")
print(torch.linalg.norm(u_p - u_t, ord=2), torch.linalg.norm((u_p - u_t).flatten(), ord=float('inf')).shape)
print(torch.norm(u_p - u_t, p=2) / torch.norm(u_t, p=2))

# %%
try:
    torch.tensor(X_star[:, 0:1], requires_grad=True, dtype=torch.int64)
except Exception as e:
    print(type(e).__name__, e)
try:
    model.dnn.register_parameter('lambda_1', model.lambda_1.detach() * 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    model.dnn.register_parameter('layers', torch.nn.Parameter(torch.zeros(1)))
except Exception as e:
    print(type(e).__name__, e)
