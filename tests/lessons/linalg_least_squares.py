# Imitates the "least squares" lessons of linear algebra courses that meet PyTorch (d2l's linear-regression
# chapter solved in closed form, the PyTorch docs' torch.linalg examples): the normal equations, lstsq, QR and
# the pseudo-inverse against gradient descent, then a determinant, an inverse and a low-rank approximation.
import torch

# %%
torch.manual_seed(0)
n = 50
X = torch.cat([torch.ones(n, 1), torch.randn(n, 2)], dim=1)
true_w = torch.tensor([[1.5], [-2.0], [0.7]])
y = X @ true_w + 0.1 * torch.randn(n, 1)
X.shape, y.shape

# %%
# the normal equations: (X^T X) w = X^T y
w_normal = torch.linalg.solve(X.T @ X, X.T @ y)
w_normal

# %%
sol = torch.linalg.lstsq(X, y)
w_lstsq = sol.solution
w_lstsq, sol.rank

# %%
Q, R = torch.linalg.qr(X)
w_qr = torch.linalg.solve(R, Q.T @ y)
print(Q.shape, R.shape)
print(torch.allclose(w_qr, w_lstsq, atol=1e-5), torch.allclose(w_normal, w_lstsq, atol=1e-5))

# %%
w_pinv = torch.linalg.pinv(X) @ y
print((w_pinv - w_lstsq).abs().max() < 1e-5)
torch.linalg.norm(X @ w_lstsq - y)

# %%
# the same fit by gradient descent
w = torch.zeros(3, 1, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for step in range(300):
    loss = ((X @ w - y) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 100 == 0:
        print(step, round(loss.item(), 4))
print(torch.linalg.vector_norm(w.detach() - w_lstsq) < 1e-3)

# %%
# gradients flow through the closed form too
Xg = X.clone().requires_grad_()
w_closed = torch.linalg.lstsq(Xg, y).solution
fit = ((Xg @ w_closed - y) ** 2).sum()
fit.backward()
fit, w_closed.grad_fn, Xg.grad.abs().max() < 1e-3

# %%
A = torch.tensor([[2., 1.], [1., 3.]], requires_grad=True)
d = torch.linalg.det(A)
d.backward()
d, A.grad, torch.linalg.inv(A).T * d

# %%
A.grad = None
Ainv = torch.linalg.inv(A)
Ainv.sum().backward()
Ainv, Ainv.grad_fn, A.grad

# %%
# a rank-1 approximation from the SVD: singular values and the error are sign-free
M = torch.tensor([[3., 2., 2.], [2., 3., -2.]], requires_grad=True)
U, S, Vh = torch.linalg.svd(M, full_matrices=False)
M1 = S[0] * torch.outer(U[:, 0], Vh[0])
S, torch.linalg.matrix_norm(M - M1), torch.linalg.matrix_rank(M1)

# %%
err = torch.linalg.norm(M - M1)
err.backward()
err, M.grad

# %%
torch.linalg.eigvalsh(M @ M.T), S ** 2, torch.linalg.norm(M, 'nuc'), torch.linalg.norm(M, 2)

# %%
torch.linalg.inv(torch.tensor([[1., 2.], [2., 4.]]))
