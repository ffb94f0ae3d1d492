# Imitates a "PyTorch for numerical methods" notebook: rotation matrices and Lie groups through the matrix
# exponential of a skew-symmetric matrix, a linear ODE x' = Ax solved with expm, learning the generator of a
# rotation by gradient descent through torch.linalg.matrix_exp, and an orthogonal layer (parametrizations.orthogonal).
import math
import torch

torch.manual_seed(0)
theta = torch.tensor(math.pi / 6)
K = torch.tensor([[0.0, -1.0], [1.0, 0.0]])
R = torch.linalg.matrix_exp(theta * K)
print(R)
print(torch.tensor([[theta.cos(), -theta.sin()], [theta.sin(), theta.cos()]]))
print(torch.allclose(R @ R.T, torch.eye(2), atol=1e-6), torch.det(R))

# %%
def hat(w):
    """so(3): the skew-symmetric matrix of the axis-angle vector w."""
    wx, wy, wz = w.unbind()
    zero = torch.zeros_like(wx)
    return torch.stack([torch.stack([zero, -wz, wy]), torch.stack([wz, zero, -wx]),
                        torch.stack([-wy, wx, zero])])

w = torch.tensor([0.3, -0.2, 0.9])
R3 = torch.matrix_exp(hat(w))
print(R3)
print(R3 @ R3.T)
print(torch.linalg.det(R3))
print(hat(w).matrix_exp().sub(R3).abs().max())

# %%
A = torch.tensor([[-0.5, 1.0], [-1.0, -0.5]], dtype=torch.float64)
x0 = torch.tensor([1.0, 0.0], dtype=torch.float64)
ts = torch.linspace(0, 4, 5, dtype=torch.float64)
traj = torch.stack([torch.linalg.matrix_exp(A * t) @ x0 for t in ts])
print(traj)
Phi = torch.linalg.matrix_exp(A[None] * ts[:, None, None])
print(Phi.shape, torch.allclose(Phi @ x0, traj))
print(torch.linalg.matrix_exp(A * 2) - torch.linalg.matrix_exp(A) @ torch.linalg.matrix_exp(A))

# %%
torch.linalg.matrix_exp(torch.randn(2, 3))

# %%
torch.linalg.matrix_exp(torch.tensor([[1, 2], [3, 4]]))

# %%
torch.matrix_exp(torch.tensor([0.5, 1.0]))

# %%
target = torch.linalg.matrix_exp(hat(torch.tensor([0.1, 0.4, -0.3])))
w = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
for step in range(60):
    opt.zero_grad()
    Rw = torch.linalg.matrix_exp(hat(w))
    loss = ((Rw - target) ** 2).sum()
    loss.backward()
    opt.step()
    if step % 20 == 0:
        print(step, loss.item())
print(w)
print(Rw.grad_fn, Rw.grad_fn.next_functions[0][0])

# %%
M = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
E = torch.linalg.matrix_exp(M)
E.trace().backward()
print(M.grad)
print(torch.allclose(M.grad, torch.linalg.matrix_exp(M.detach()).T))
print(torch.autograd.gradcheck(torch.linalg.matrix_exp, (torch.randn(2, 3, 3, dtype=torch.float64, requires_grad=True),)))
big = torch.randn(4, 4) * 5
print(torch.linalg.matrix_exp(big))
print(torch.linalg.matrix_exp(torch.zeros(2, 2)), torch.linalg.matrix_exp(torch.full((1, 1), 2.0)))

# %%
layer = torch.nn.utils.parametrizations.orthogonal(torch.nn.Linear(3, 3))
print(layer)
Q = layer.weight
print(Q, torch.dist(Q @ Q.T, torch.eye(3)))
inp = torch.randn(5, 3)
print(torch.allclose((layer(inp) - layer.bias).norm(dim=1), inp.norm(dim=1), atol=1e-5))

# %%
torch.nn.utils.parametrizations.orthogonal(torch.nn.Linear(4, 4), orthogonal_map="expm")
