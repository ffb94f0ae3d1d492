# Imitates scientific-ML tutorials on dynamic mode decomposition (DMD): snapshots of a travelling wave, a reduced
# SVD with full_matrices=False, truncation by rank, the eigen-decomposition of the reduced operator (complex
# eigenvalues and modes), continuous-time frequencies, and the reconstruction with complex matrix products and
# torch.exp of complex times; plus the mistakes learners make (real @ complex, backward through eig).
import torch

torch.manual_seed(0)
x = torch.linspace(-5, 5, 64)
t = torch.linspace(0, 4 * torch.pi, 40)
dt = t[1] - t[0]
Xg, Tg = torch.meshgrid(x, t, indexing="ij")
f1 = 1 / torch.cosh(Xg + 3) * torch.exp(1j * 2.3 * Tg)
f2 = 2 / torch.cosh(Xg) * torch.tanh(Xg) * torch.exp(1j * 2.8 * Tg)
D = f1 + f2
print(D.shape, D.dtype, f1.dtype)
print(dt)

# %%
X1, X2 = D[:, :-1], D[:, 1:]
U, S, Vh = torch.linalg.svd(X1, full_matrices=False)
print(U.shape, S.shape, Vh.shape, U.dtype, S.dtype)
print(S[:2], S[2:].max() < 1e-4)
energy = torch.cumsum(S**2, 0) / (S**2).sum()
r = int((energy < 0.999).sum()) + 1
print(r, energy[:3])

# %%
Ur, Sr, Vr = U[:, :r], S[:r], Vh[:r].mH
Atilde = Ur.mH @ X2 @ Vr @ torch.diag(1 / Sr)

# %%
Atilde = Ur.mH @ X2 @ Vr @ torch.diag(1 / Sr).to(X2.dtype)
print(Atilde.shape, Atilde.dtype)
lam, W = torch.linalg.eig(Atilde)
print(lam.dtype, W.dtype)
print(lam.abs().round(decimals=3))
omega = torch.log(lam) / dt
print(omega.imag.sort().values.round(decimals=2), omega.real.abs().max() < 1e-3)

# %%
Phi = X2 @ Vr @ torch.diag(1 / Sr).to(X2.dtype) @ W
print(Phi.shape, Phi.dtype)
b = torch.linalg.lstsq(Phi, D[:, 0]).solution
print(b.shape, b.abs().sort().values.round(decimals=2))
b2 = torch.linalg.pinv(Phi) @ D[:, 0]
print(torch.allclose(b, b2, atol=1e-4))

# %%
time_dyn = b[:, None] * torch.exp(omega[:, None] * t[None, :])
print(time_dyn.shape, time_dyn.dtype)
Drec = Phi @ time_dyn
err = torch.linalg.norm(Drec - D) / torch.linalg.norm(D)
print(err < 1e-2, err.dtype)
print(torch.diag_embed(lam).shape, torch.diag_embed(lam).abs().sum(0).round(decimals=3))

# %%
Lam = torch.diag_embed(lam)
Atil2 = W @ Lam @ torch.linalg.inv(W)
print(torch.allclose(Atil2, Atilde, atol=1e-4))
print(torch.linalg.det(W).abs() > 0, torch.linalg.solve(W, lam).dtype, torch.linalg.svdvals(W).dtype)
print(lam.real.dtype, lam.imag.abs().sort().values.round(decimals=3), torch.view_as_real(lam).shape)

# %%
Dr = D.real
U2, S2, Vh2 = torch.linalg.svd(Dr[:, :-1], full_matrices=False)
print(S2[:3], (S2 > 1e-3).sum())
A2 = U2[:, :2].T @ Dr[:, 1:] @ Vh2[:2].T @ torch.diag(1 / S2[:2])
print(torch.linalg.eigvals(A2).dtype)

# %%
lam.real.numpy().round(3)

# %%
Phi.real[:2, :2], Phi.imag.sign()[:2, :2]

# %%
torch.linalg.svd(X1, full_matrices=False).S[:2], torch.linalg.svdvals(X1)[:2], torch.linalg.svdvals(Phi).dtype

# %%
A = torch.randn(4, 4, requires_grad=True)
lam, V = torch.linalg.eig(A)
print(lam.grad_fn, V.grad_fn)
lam.abs().sum().backward()
print(A.grad.shape)

# %%
A.grad = None
lam, V = torch.linalg.eig(A)
V.abs().sum().backward()
print(A.grad)

# %%
lam.abs().sum().backward()

# %%
lamv = torch.linalg.eigvals(A)
lamv.numpy()

# %%
lamv.detach().numpy().dtype, torch.diag_embed(torch.arange(6.0).view(2, 3), offset=1).shape

# %%
torch.diag_embed(torch.ones(2, 3), offset=1, dim1=0, dim2=2)

# %%
torch.diag_embed(torch.ones(3), dim1=0, dim2=0)

# %%
torch.linalg.svd(torch.randn(3, 4), full_matrices=False).U.shape, torch.linalg.svd(torch.randn(2, 3, 5))[2].shape
