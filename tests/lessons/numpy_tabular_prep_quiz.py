# A tabular-data lesson: numpy preprocessing, the numpy <-> torch boundary, and the mistakes of the quiz
import numpy as np
import torch
rng = np.random.RandomState(0)
X_np = rng.randn(12, 3)
y_np = (X_np[:, 0] + 0.5 * X_np[:, 1] > 0).astype(np.int64)
print(X_np.dtype, y_np.dtype, X_np.shape)
# %%
# normalize with numpy statistics, then convert
mean, std = np.mean(X_np, axis=0), np.std(X_np, axis=0)
X_norm = (X_np - mean) / std
X = torch.from_numpy(X_norm).float()
y = torch.from_numpy(y_np)
print(X.dtype, y.dtype, X.shape, np.round(mean, 3))
# %%
# pixel-like uint8 features: scaling with Python ints and numpy integers wraps around as in C
pix = torch.from_numpy(np.array([[12, 200], [255, 3]], dtype=np.uint8))
print(pix + 100, pix * -1, 300 - pix, pix // 300, pix % 300, pix < 300, pix > -1)
print(pix + np.int64(100), pix * np.int8(-1), np.int8(-1) * pix)
print(torch.where(pix > 100, pix, -1))
try:
    torch.where(pix > 100, pix, 300)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    pix ** 300
except RuntimeError as e:
    print("RuntimeError:", e)
# %%
# numpy scalars from the statistics mixed with tensors
scale = np.float32(2.0)
counts = torch.tensor([1, 2, 3])
print(counts ** scale, counts.pow(np.float32(0.5)), torch.arange(np.float32(3)), torch.arange(0, np.float32(1), 0.25))
flags = torch.tensor([True, False, True])
print(flags + np.bool_(True), flags * np.bool_(True), np.bool_(True) - counts, torch.full((2,), np.bool_(True)))
print(np.int64(3) ** flags, 3 ** flags, np.int8(-1) ** pix)
# %%
# an array on the left of a division, a comparison, an in-place update with an array
w = torch.tensor([[1.0, 2.0], [4.0, 0.5]])
arr = np.array([[2.0, 2.0], [2.0, 2.0]])
print(arr / w, np.array(2.0) / w, w != arr, arr != w, w == arr)
lab = torch.tensor([3, 7])
lab //= np.array([2, 4])
print(lab)
lab = torch.tensor([3, 7])
alias = lab
lab //= 2
lab %= 3
print(alias, lab is alias)
m = torch.tensor([True, True, False])
keep = m
m &= torch.tensor([True, False, True])
m |= torch.tensor([False, False, False])
m ^= torch.tensor([True, False, False])
print(keep, m is keep)
bits = torch.tensor([1, 2, 4])
bits <<= 1
bits >>= torch.tensor([0, 1, 2])
print(bits, w.__div__(2), w.__rdiv__(1), w.__ne__(arr))
try:
    arr / torch.ones(2, 2, requires_grad=True)
except RuntimeError as e:
    print("RuntimeError:", e)
# %%
# the conversion quiz: which arrays can become tensors?
for a in (np.array([1, 2], dtype=object), np.array(['a', 'b']), np.arange(4)[::-1], np.ones(2, dtype='>f4'),
          np.ones(2, dtype=np.longdouble), np.float64(2.0), [1.0, 2.0]):
    for convert in (torch.from_numpy, torch.tensor, torch.as_tensor):
        try:
            print(convert.__name__, convert(a))
        except (TypeError, ValueError) as e:
            print(convert.__name__, type(e).__name__, e)
# %%
# train a tiny logistic regression on the prepared data
torch.manual_seed(0)
model = torch.nn.Linear(3, 2)
opt = torch.optim.SGD(model.parameters(), lr=np.float64(0.5))
perm = np.random.RandomState(1).permutation(X.shape[0])
for epoch in range(3):
    for k in range(0, X.shape[0], 4):
        idx = perm[k:k + 4]
        loss = torch.nn.functional.cross_entropy(model(X[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(f"epoch {epoch}: loss {loss.item():.4f} scaled {loss.item() * np.float32(100):.2f}")
pred = model(X).argmax(1).numpy()
print("accuracy", np.mean(pred == y_np), (model(X).argmax(1) == torch.from_numpy(y_np)).float().mean())
