# Unitary RNN parametrisations (expRNN-style, as in "Cheap orthogonal constraints" tutorials): a free complex
# matrix A made skew-Hermitian, A - A^H, mapped to a unitary U = matrix_exp(A - A^H), checked with U^H U = I, used
# as the recurrent matrix of a small complex RNN over a few steps, and trained with its gradient.
import torch

torch.manual_seed(0)
# %%
n = 4
A = torch.randn(n, n, dtype=torch.complex128) * 0.3
A.requires_grad_()
skew = A - A.mH
U = torch.linalg.matrix_exp(skew)
print(U.grad_fn, U.dtype, U.shape)
print(torch.allclose(U.mH @ U, torch.eye(n, dtype=torch.complex128)), torch.allclose(skew, -skew.mH))
print(torch.round(U.detach(), decimals=4))
# %%
x = torch.randn(5, n, dtype=torch.complex128)
h = torch.zeros(n, dtype=torch.complex128)
for t in range(5):
    h = U @ h + x[t]
loss = (h.conj() * h).real.sum()
loss.backward()
print(round(loss.item(), 6), h.grad_fn)
print(A.grad)
# %%
A.grad = None
target = torch.linalg.matrix_exp(torch.tensor([[0, 1], [-1, 0]], dtype=torch.complex128) * 0.5)
B = torch.zeros(2, 2, dtype=torch.complex128, requires_grad=True)
opt = torch.optim.SGD([B], lr=0.5)
for step in range(8):
    V = torch.matrix_exp(B - B.mH)
    err = (V - target).abs().pow(2).sum()
    opt.zero_grad()
    err.backward()
    opt.step()
    print(step, round(err.item(), 8))
print(torch.round(B.detach(), decimals=4))
try:
    torch.linalg.matrix_exp(torch.randn(2, 3, dtype=torch.complex128))
except Exception as e:
    print(type(e).__name__, e)
