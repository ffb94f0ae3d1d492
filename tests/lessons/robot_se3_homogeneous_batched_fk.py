# Imitates a "Modern Robotics"-style notebook: SE(3) homogeneous transforms of a 3-D arm built from skew matrices and
# torch.linalg.matrix_exp (product of exponentials), batched over joint configurations with `@` and torch.stack,
# the spatial Jacobian by torch.autograd.functional.jacobian (vectorize, create_graph), and learners' mistakes.
import torch
import torch.nn.functional as F

torch.manual_seed(0)


def skew(w):
    z = torch.zeros_like(w[..., 0])
    return torch.stack([
        torch.stack([z, -w[..., 2], w[..., 1]], -1),
        torch.stack([w[..., 2], z, -w[..., 0]], -1),
        torch.stack([-w[..., 1], w[..., 0], z], -1),
    ], -2)


def twist_hat(S):
    w, v = S[..., :3], S[..., 3:]
    top = torch.cat([skew(w), v.unsqueeze(-1)], -1)
    bottom = torch.zeros(*S.shape[:-1], 1, 4, dtype=S.dtype)
    return torch.cat([top, bottom], -2)


# %%
S = torch.tensor([[0., 0., 1., 0., 0., 0.],
                  [0., 1., 0., -0.5, 0., 0.],
                  [0., 1., 0., -0.5, 0., 0.4]], dtype=torch.float64)
M = torch.eye(4, dtype=torch.float64)
M[0, 3] = 0.7
M[2, 3] = 0.5
print(M)
print(twist_hat(S[1]))


def fk(theta):
    T = torch.eye(4, dtype=theta.dtype)
    for i in range(3):
        T = T @ torch.linalg.matrix_exp(twist_hat(S[i]) * theta[i])
    return T @ M


theta = torch.tensor([0.3, -0.4, 0.9], dtype=torch.float64, requires_grad=True)
T = fk(theta)
print(T)
print(T.grad_fn.name(), T.grad_fn.next_functions[0][0].name())
p = T[:3, 3]
p.sum().backward()
print(theta.grad)

# %%
R = T[:3, :3].detach()
print(R @ R.T)
print(torch.linalg.det(R))
print(torch.allclose(R @ R.T, torch.eye(3, dtype=torch.float64)))
Tinv = torch.linalg.inv(T.detach())
print(Tinv)
print((Tinv @ T.detach() - torch.eye(4, dtype=torch.float64)).abs().max())

# %%
thetas = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
hats = twist_hat(S)                                    # (3, 4, 4)
E = torch.linalg.matrix_exp(hats.unsqueeze(0) * thetas[..., None, None])   # (5, 3, 4, 4)
print(E.shape, E.grad_fn)
Tb = E[:, 0] @ E[:, 1] @ E[:, 2] @ M
print(Tb[:, :3, 3])
Tb[:, :3, 3].pow(2).sum().backward()
print(thetas.grad)

# %%
J = torch.autograd.functional.jacobian(lambda q: fk(q)[:3, 3], theta.detach())
print(J)
Jv = torch.autograd.functional.jacobian(lambda q: fk(q)[:3, 3], theta.detach(), vectorize=True)
print((J - Jv).abs().max())
Jc = torch.autograd.functional.jacobian(lambda q: fk(q)[:3, 3], theta, create_graph=True)
print(Jc.grad_fn)
print(torch.linalg.matrix_rank(J), torch.linalg.svdvals(J))

# %%
w = F.normalize(torch.tensor([1.0, 2.0, 2.0]), dim=0)
K = skew(w)
Rw = torch.linalg.matrix_exp(K * 0.5)
rodrigues = torch.eye(3) + torch.sin(torch.tensor(0.5)) * K + (1 - torch.cos(torch.tensor(0.5))) * K @ K
print(Rw)
print((Rw - rodrigues).abs().max())
print(torch.linalg.matrix_exp(torch.zeros(2, 3, 3)))

# %%
for bad in (torch.randn(3, 4), torch.randn(2, 3), torch.tensor([[1, 2], [3, 4]])):
    try:
        print(torch.linalg.matrix_exp(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(torch.eye(4) @ torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(torch.eye(4, dtype=torch.float64) @ torch.eye(4))
except Exception as e:
    print(type(e).__name__, e)
