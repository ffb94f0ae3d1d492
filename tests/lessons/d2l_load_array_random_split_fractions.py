# Imitates d2l's linear-regression-concise chapter (synthetic_data, load_array with TensorDataset/DataLoader)
# and a seeded training loop, plus random_split with fractions and a generator, printing what is drawn.
import torch
from torch import nn
from torch.utils import data

def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))

def load_array(data_arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)

# %%
torch.manual_seed(0)
true_w = torch.tensor([2, -3.4]); true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 20)
data_iter = load_array((features, labels), 6)
X, y = next(iter(data_iter))
print(X, y, X.dtype, y.shape)
print(len(data_iter), len(data_iter.dataset))

# %%
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 1))
net[0].weight.data.normal_(0, 0.01); net[0].bias.data.fill_(0)
loss = nn.MSELoss(); trainer = torch.optim.SGD(net.parameters(), lr=0.03)
for epoch in range(3):
    for X, y in data_iter:
        l = loss(net(X), y)
        trainer.zero_grad(); l.backward(); trainer.step()
    l = loss(net(features), labels)
    print(f'epoch {epoch + 1}, loss {l:f}', l.grad_fn)
print(net[0].weight.grad, net[0].bias.data)

# %%
g = torch.Generator().manual_seed(42)
dl = data.DataLoader(data.TensorDataset(torch.arange(10)), batch_size=4, shuffle=True, generator=g)
for epoch in range(2):
    print([b[0].tolist() for b in dl])
print(g.initial_seed(), g.get_state()[:8])

# %%
g = torch.Generator().manual_seed(1)
dl = data.DataLoader(torch.arange(9) * 10, batch_size=2, shuffle=True, drop_last=True, generator=g)
print(len(dl), [b.tolist() for b in dl])
dl2 = data.DataLoader(torch.arange(9), batch_size=4, drop_last=False)
print(len(dl2), list(dl2))

# %%
train, val, test = data.random_split(range(10), [0.6, 0.2, 0.2], generator=torch.Generator().manual_seed(42))
print(list(train), list(val), list(test), type(train).__name__, train.indices)
a, b = data.random_split(range(7), [0.5, 0.5], generator=torch.Generator().manual_seed(0))
print(list(a), list(b))
a, b, c = data.random_split(torch.arange(10), [0.33, 0.33, 0.34])
print(len(a), len(b), len(c))
torch.manual_seed(3)
a, b = data.random_split(data.TensorDataset(torch.arange(5.)), [3, 2])
print(a[0], b[1], a.dataset.tensors[0].dtype)

# %%
for bad in ([0.5, 0.6], [3, 3], [-1, 11], [0.5, 0.5, 0.1]):
    try:
        data.random_split(range(10), bad)
    except Exception as e:
        print(type(e).__name__, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    parts = data.random_split(range(3), [0.1, 0.1, 0.8])
    print([len(p) for p in parts], [str(x.message) for x in w])
