# Imitates CMU 10-414/714 (Deep Learning Systems) homework 1 "needle" tests: the student's from-scratch autograd is
# checked against numpy and torch with np.testing.assert_allclose, numerical gradients by central differences, and
# torch.testing.assert_close; here torch plays both sides, with numpy arrays crossing into tensors and back.
import numpy as np
import torch

np.random.seed(0)
torch.manual_seed(0)
A = np.random.randn(5, 4).astype(np.float32)
B = np.random.randn(4, 3).astype(np.float32)
tA = torch.tensor(A, requires_grad=True)
tB = torch.tensor(B, requires_grad=True)
out = tA @ tB
try:
    out.numpy()
except Exception as e:
    print(type(e).__name__, e)
np.testing.assert_allclose(out.detach().numpy(), A @ B, rtol=1e-5, atol=1e-5)
try:
    np.testing.assert_allclose(out.detach().numpy(), A @ B + 1, rtol=1e-5, atol=1e-5)
except AssertionError as e:
    print(str(e).splitlines()[1:4])
np.testing.assert_allclose(out.detach(), A @ B, rtol=1e-5)
try:
    np.testing.assert_allclose(out, A @ B, rtol=1e-5)
except Exception as e:
    print(type(e).__name__, e)
print(np.asarray(tA.detach()).dtype, np.array(out.detach()).shape)

# %%
# numpy arrays and scalars meet tensors
a = np.ones((2, 2), dtype=np.float32)
t = torch.ones(2, 2)
for r in [a + t, t + a, a * t, a @ t, t @ a, a == t, a - t]:
    print(type(r).__name__, r.dtype)
print(np.float64(1.5) + t, type(np.int64(3) * t), (t * np.array(2.0)).dtype)
print(t > np.float64(0.5), np.sum(t), np.exp(t))
print(torch.tensor(np.float64(2.5)).dtype, torch.tensor(np.float32(2.5)) * torch.ones(2, dtype=torch.float16))
print(torch.from_numpy(np.arange(6).reshape(2, 3)).dtype, torch.from_numpy(np.array([1.0])).dtype)
try:
    torch.from_numpy([1, 2])
except Exception as e:
    print(type(e).__name__, e)
print(torch.tensor(np.array([True, False])), torch.as_tensor(np.array([1, 2], dtype=np.int16)))

# %%
# the ops of the homework: broadcast_to, summation over axes, logsumexp, transpose, reshape
x = torch.randn(3, 1, 4, requires_grad=True)
y = torch.broadcast_to(x, (2, 3, 5, 4))
y.sum().backward()
print(x.grad.shape, x.grad[0, 0])
z = torch.randn(2, 3, 4, requires_grad=True)
s = torch.logsumexp(z, dim=(0, 2))
print(s)
s.sum().backward()
print(z.grad.sum())
t = torch.randn(2, 3, 4)
print(t.transpose(0, 2).shape, t.permute(2, 0, 1).is_contiguous(), t.mT.shape, t.swapaxes(1, 2).shape)
for bad in [lambda: t.view(3, 8).transpose(0, 1).view(-1), lambda: t.reshape(5, -1), lambda: t.sum(axis=(0, 0))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(t.sum(axis=(0, 1), keepdims=True).shape)

# %%
# gradient_check from the homework's tests, on torch tensors edited in place
def numerical_grad(f, *args, eps=1e-4):
    grads = []
    for a in args:
        g = np.zeros_like(a.numpy())
        flat = a.view(-1)
        for j in range(flat.numel()):
            old = flat[j].item()
            flat[j] = old + eps
            f1 = f(*args).numpy().sum()
            flat[j] = old - eps
            f2 = f(*args).numpy().sum()
            flat[j] = old
            g.flat[j] = (f1 - f2) / (2 * eps)
        grads.append(g)
    return grads

a = torch.randn(3, 4, dtype=torch.float64)
b = torch.randn(4, dtype=torch.float64)
ng = numerical_grad(lambda a, b: (a * b).exp() / (1 + a ** 2), a, b)
ar, br = a.clone().requires_grad_(), b.clone().requires_grad_()
((ar * br).exp() / (1 + ar ** 2)).sum().backward()
print(np.linalg.norm(ng[0] - ar.grad.numpy()) < 1e-6, np.abs(ng[1] - br.grad.numpy()).max() < 1e-6)
print(torch.testing.assert_close(ar.grad, torch.from_numpy(ng[0]), rtol=1e-5, atol=1e-6))
for got, want in [(ar.grad, ng[0]), (ar.grad.float(), ar.grad), (ar.grad, ar.grad[:2]), (1.0, torch.tensor(1.0)),
                  ([1.0, 2.0], (1.0, 2.5))]:
    try:
        torch.testing.assert_close(got, want)
    except Exception as e:
        print(type(e).__name__, e)
torch.testing.assert_close(ar.grad.float(), ar.grad, check_dtype=False)

# %%
# softmax loss and a two-layer network's gradients, as in the homework's nn_epoch tests
torch.manual_seed(4)
Xb = torch.randn(6, 5)
yb = torch.tensor([0, 2, 1, 2, 0, 1])
W1 = (torch.randn(5, 8) / np.sqrt(8)).requires_grad_()
W2 = (torch.randn(8, 3) / np.sqrt(3)).requires_grad_()
Z = torch.relu(Xb @ W1) @ W2
Iy = torch.zeros_like(Z).scatter_(1, yb.unsqueeze(1), 1.0)
loss = (torch.logsumexp(Z, dim=1) - (Z * Iy).sum(dim=1)).mean()
print(loss, torch.nn.functional.cross_entropy(Z, yb))
loss.backward()
G2 = torch.softmax(Z, 1) - Iy
G1 = (torch.relu(Xb @ W1) > 0).float() * (G2 @ W2.T)
with torch.no_grad():
    print(torch.allclose(W1.grad, Xb.T @ G1 / 6, atol=1e-6), torch.allclose(W2.grad, torch.relu(Xb @ W1).T @ G2 / 6,
                                                                             atol=1e-6))
print(Iy.sum(1), Iy.dtype, W1.grad.norm() > 0)
