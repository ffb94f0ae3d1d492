# "Normalize with numpy statistics, then train": batches drawn with numpy indices, numpy arrays as masks and
# labels, and the learner's slips at the boundary
import numpy as np
import torch
rng = np.random.RandomState(42)
features = rng.rand(10, 2).astype(np.float32) * np.array([10.0, 0.1], dtype=np.float32)
labels = (features[:, 0] > 5).astype(np.float32)
mu, sigma = features.mean(axis=0), features.std(axis=0)
X = torch.tensor((features - mu) / sigma)
y = torch.from_numpy(labels).unsqueeze(1)
print(X.dtype, y.shape, mu.round(3), sigma.dtype)
# %%
# indexing tensors with numpy: integer, float (a learner's np.linspace indices), byte and bool arrays
rows = np.linspace(0, 9, 4)
print(rows, X[rows], X[np.array(2.7)], X[rows.astype(int)].shape)
mask_u8 = (labels > 0).astype(np.uint8)
print(X[mask_u8].shape, X[labels > 0].shape, X[np.array(1, dtype=np.uint8)].shape)
try:
    X[np.bool_(True)]
except IndexError as e:
    print("IndexError:", e)
try:
    X[np.array(['0', '1'])]
except TypeError as e:
    print("TypeError:", e)
Z = torch.zeros(5)
try:
    Z[np.array([1, 0, 1, 0, 0], dtype=np.uint8)] = 1.0
except RuntimeError as e:
    print("RuntimeError:", e)
Z[np.array([1.0, 3.0])] = 2.0
print(Z)
# %%
# numpy scalars in tensor methods
counts = torch.tensor([3, 7, 10])
print(counts.div(np.int64(2)), torch.div(counts, np.int64(4), rounding_mode="floor"), counts.true_divide(np.int32(2)))
v = torch.tensor([1.0, 2.0])
print(v.addcmul(v, v, value=np.float64(0.5)), v.addcdiv(v, v + 1, value=np.float32(2)))
# %%
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
opt = torch.optim.Adam(model.parameters(), lr=np.float32(0.05))
loss_fn = torch.nn.BCEWithLogitsLoss()
order = rng.permutation(len(X))
for epoch in range(4):
    for start in range(0, len(order), 5):
        batch = order[start:start + 5]
        loss = loss_fn(model(X[batch]), y[batch])
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(epoch, round(loss.item(), 4), np.round(loss.item(), 3))
with torch.no_grad():
    probs = torch.sigmoid(model(X)).numpy().ravel()
print(np.round(probs, 2), ((probs > 0.5) == labels).mean())
