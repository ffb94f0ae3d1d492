# Imitates d2l's linear algebra appendix and a PCA notebook: eigenvalues and eigenvectors of a general (non
# symmetric) matrix with torch.linalg.eig / eigvals (complex results), PCA of a covariance matrix, the stability
# of a linear system from its spectrum, and gradients through eig.
import torch

torch.manual_seed(0)
A = torch.tensor([[2.0, 1.0], [1.0, 3.0]])
L, V = torch.linalg.eig(A)
print(L)
print(V)
print(L.dtype, V.dtype)
print(torch.allclose(A.to(V.dtype) @ V, V * L))

# %%
R = torch.tensor([[0.0, -1.0], [1.0, 0.0]])
print(torch.linalg.eigvals(R))
print(torch.linalg.eig(R))
J = torch.tensor([[1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 2.0]])
print(torch.linalg.eigvals(J).real)

# %%
X = torch.randn(200, 3) @ torch.tensor([[3.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.5, 0.2]])
Xc = X - X.mean(0)
C = Xc.T @ Xc / (X.shape[0] - 1)
evals, evecs = torch.linalg.eig(C)
print(evals)
order = evals.real.argsort(descending=True)
components = evecs.real[:, order]
print(components)
print(evals.real[order] / evals.real.sum())
Z = Xc @ components[:, :2]
print(Z.shape, Z[:3])
print(torch.linalg.eigvalsh(C))

# %%
Asys = torch.tensor([[-0.1, 2.0], [-2.0, -0.1]], dtype=torch.float64)
lam = torch.linalg.eigvals(Asys)
print(lam, lam.real.max() < 0)
print(lam.abs(), torch.view_as_real(lam))
M = torch.randn(2, 4, 4, dtype=torch.float64)
print(torch.linalg.eigvals(M))

# %%
torch.linalg.eig(torch.randn(3, 4))

# %%
torch.linalg.eigvals(torch.tensor([[1, 2], [3, 4]]))

# %%
torch.linalg.eig(torch.tensor([[float("nan"), 1.0], [1.0, 1.0]]))

# %%
W = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
lam = torch.linalg.eigvals(W)
print(lam.grad_fn)
rho = lam.abs().max()
rho.backward()
print(W.grad)
W.grad = None
L, V = torch.linalg.eig(W)
(L.real.sum() + V.abs().sum()).backward()
print(W.grad)

# %%
L, V = torch.linalg.eig(W)
V.real.sum().backward()
