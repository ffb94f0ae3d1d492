# A quantum-computing toy simulation as tutorials write it in PyTorch: complex64 state vectors, Hadamard / phase /
# CNOT gates as complex matrices applied with @ and torch.mv, Kronecker products for two qubits, expectation
# values <psi|H|psi> with vdot-free conj products, and a variational circuit whose rotation angle is learned by
# gradient descent on the energy (complex matrix products and their gradients).
import math

import torch

torch.manual_seed(0)
# %%
H = torch.tensor([[1, 1], [1, -1]], dtype=torch.complex64) / math.sqrt(2)
S = torch.tensor([[1, 0], [0, 1j]], dtype=torch.complex64)
X = torch.tensor([[0, 1], [1, 0]], dtype=torch.complex64)
Z = torch.tensor([[1, 0], [0, -1]], dtype=torch.complex64)
zero = torch.tensor([1, 0], dtype=torch.complex64)
psi = S @ (H @ zero)
print(psi, psi.dtype, psi.shape)
print(torch.mv(H, zero), (psi.conj() * psi).real)
print(H @ H, (H @ S).mH @ (H @ S))
# %%
CNOT = torch.tensor([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=torch.complex64)
two = torch.kron(H @ zero, zero)
bell = CNOT @ two
print(bell, (bell.conj() * bell).real)
rho = torch.outer(bell, bell.conj())
print(rho, torch.trace(rho))
# %%
theta = torch.tensor(0.3, requires_grad=True)


def ry(t):
    c, s = torch.cos(t / 2), torch.sin(t / 2)
    return torch.stack([torch.stack([c, -s]), torch.stack([s, c])]).to(torch.complex64)


opt = torch.optim.SGD([theta], lr=0.4)
for step in range(6):
    state = ry(theta) @ zero
    energy = (state.conj() @ (Z @ state)).real
    opt.zero_grad()
    energy.backward()
    opt.step()
    print(step, round(energy.item(), 5), round(theta.item(), 5), theta.grad)
print(state.grad_fn, energy.grad_fn)
# %%
U = torch.randn(4, 4, dtype=torch.complex64, requires_grad=True)
phi = torch.randn(4, 3, dtype=torch.complex64)
out = U @ phi
loss = (out.conj() * out).real.sum()
loss.backward()
print(out.grad_fn, loss)
print(U.grad)
try:
    H @ torch.ones(3, dtype=torch.complex64)
except Exception as e:
    print(type(e).__name__, e)
try:
    H @ torch.ones(2)
except Exception as e:
    print(type(e).__name__, e)
