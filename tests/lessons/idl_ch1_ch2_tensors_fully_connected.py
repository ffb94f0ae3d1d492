# Imitates Edward Raff's "Inside Deep Learning" (Manning; repo EdwardRaff/Inside-Deep-Learning), chapters 1 and 2 at
# tiny sizes: tensors made from numpy and lists, the f(x) = (x-2)^2 minimisation with a manual update under
# torch.no_grad() and x.grad.zero_(), torch.autograd.grad, then a moons-like data set made with numpy, a
# train_simple_network helper (run_epoch over DataLoaders, moveTo, model.train()/model.eval(), no_grad validation,
# 'epoch', 'total time', 'train loss', 'val Accuracy' tracked in a dict of lists, metrics computed on
# .detach().cpu().numpy()), nn.Sequential with Tanh, CrossEntropyLoss and softmax probabilities.
import time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader, TensorDataset

torch.manual_seed(0)
np.random.seed(0)

torch_scalar = torch.tensor(3.14)
torch_vector = torch.tensor([1, 2, 3, 4])
torch_matrix = torch.tensor([[1, 2], [3, 4], [5, 6], [7, 8]])
torch_tensor3d = torch.tensor([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]])
print(torch_scalar.shape, torch_vector.shape, torch_matrix.shape, torch_tensor3d.shape)
x_np = np.random.random((4, 4))
x_pt = torch.tensor(x_np)
print(x_pt.dtype, x_pt.shape)
print(torch.tensor(x_np, dtype=torch.float32).dtype, torch.rand(2, 3).dtype)
print(torch_matrix.to(torch.float16).dtype, torch_vector.float().mean())
try:
    print(torch_vector.mean())
except Exception as e:
    print(type(e).__name__, e)
print(torch_tensor3d[0, 1], torch_tensor3d[:, :, 0])
print(torch_matrix @ torch.tensor([[1], [0]]), torch_matrix.T.shape)

# %%
def f(x):
    return torch.pow((x - 2.0), 2)

x = torch.tensor([-3.5], requires_grad=True)
value = f(x)
print(value, value.grad_fn)
value.backward()
print(x.grad)

x = torch.tensor([-3.5], requires_grad=True)
x_cur = x.clone()
x_prev = x_cur * 100
epsilon = 1e-5
eta = 0.1
steps = 0
while torch.linalg.norm(x_cur - x_prev) > epsilon:
    x_prev = x_cur.clone()
    value = f(x)
    value.backward()
    x.data -= eta * x.grad
    x.grad.zero_()
    x_cur = x.data
    steps += 1
print(steps, x_cur, x.requires_grad, x_cur.requires_grad)

x2 = torch.tensor([-3.5], requires_grad=True)
for i in range(5):
    value = f(x2)
    value.backward()
    with torch.no_grad():
        x2 -= eta * x2.grad
    x2.grad.zero_()
print(x2, x2.grad)
try:
    x2 -= 0.1
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([1.5, -0.5], requires_grad=True)
out = (a ** 3).sum()
g, = torch.autograd.grad(out, a, create_graph=True)
print(g, g.requires_grad)
g2, = torch.autograd.grad(g.sum(), a)
print(g2)
try:
    torch.autograd.grad(out, a)
except Exception as e:
    print(type(e).__name__, e)
b = torch.tensor(2.0, requires_grad=True)
print(torch.autograd.grad(b * 3, [a, b], allow_unused=True))

# %%
def make_moons(n, noise=0.1):
    n_out = n // 2
    n_in = n - n_out
    t_out = np.linspace(0, np.pi, n_out)
    t_in = np.linspace(0, np.pi, n_in)
    X = np.vstack([np.append(np.cos(t_out), 1 - np.cos(t_in)),
                   np.append(np.sin(t_out), 1 - np.sin(t_in) - 0.5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y

X, y = make_moons(n=120, noise=0.1)
print(X.shape, y.shape, X.dtype, y.dtype)

class SimpleDataset(Dataset):
    def __init__(self, X, y):
        super(SimpleDataset, self).__init__()
        self.X = X
        self.y = y

    def __getitem__(self, index):
        inputs = torch.tensor(self.X[index, :], dtype=torch.float32)
        targets = torch.tensor(int(self.y[index]), dtype=torch.int64)
        return inputs, targets

    def __len__(self):
        return self.X.shape[0]

train_dataset = SimpleDataset(X, y)
print(len(train_dataset), train_dataset[0])
training_loader = DataLoader(train_dataset, shuffle=True, batch_size=16)
xb, yb = next(iter(training_loader))
print(xb.shape, xb.dtype, yb.shape, yb.dtype, len(training_loader))

# %%
def moveTo(obj, device):
    if hasattr(obj, "to"):
        return obj.to(device)
    elif isinstance(obj, list):
        return [moveTo(x, device) for x in obj]
    elif isinstance(obj, tuple):
        return tuple(moveTo(list(obj), device))
    elif isinstance(obj, dict):
        return {moveTo(k, device): moveTo(v, device) for k, v in obj.items()}
    return obj

def accuracy_score(y_true, y_pred):
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))

def run_epoch(model, optimizer, data_loader, loss_func, device, results, score_funcs, prefix=""):
    running_loss = []
    y_true = []
    y_pred = []
    start = time.time()
    for inputs, labels in data_loader:
        inputs = moveTo(inputs, device)
        labels = moveTo(labels, device)
        y_hat = model(inputs)
        loss = loss_func(y_hat, labels)
        if model.training:
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        running_loss.append(loss.item())
        if len(score_funcs) > 0 and isinstance(labels, torch.Tensor):
            labels = labels.detach().cpu().numpy()
            y_hat = y_hat.detach().cpu().numpy()
            y_true.extend(labels.tolist())
            y_pred.extend(y_hat.tolist())
    end = time.time()
    y_pred = np.asarray(y_pred)
    if len(y_pred.shape) == 2 and y_pred.shape[1] > 1:
        y_pred = np.argmax(y_pred, axis=1)
    results[prefix + " loss"].append(np.mean(running_loss))
    for name, score_func in score_funcs.items():
        try:
            results[prefix + " " + name].append(score_func(y_true, y_pred))
        except:
            results[prefix + " " + name].append(float("NaN"))
    return end - start

def train_simple_network(model, loss_func, train_loader, val_loader=None, score_funcs=None,
                         epochs=50, device="cpu", lr=0.001):
    to_track = ["epoch", "total time", "train loss"]
    if val_loader is not None:
        to_track.append("val loss")
    for eval_score in score_funcs:
        to_track.append("train " + eval_score)
        if val_loader is not None:
            to_track.append("val " + eval_score)
    total_train_time = 0
    results = {}
    for item in to_track:
        results[item] = []
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    model.to(device)
    for epoch in range(epochs):
        model = model.train()
        total_train_time += run_epoch(model, optimizer, train_loader, loss_func, device, results, score_funcs,
                                      prefix="train")
        results["total time"].append(total_train_time)
        results["epoch"].append(epoch)
        if val_loader is not None:
            model = model.eval()
            with torch.no_grad():
                run_epoch(model, optimizer, val_loader, loss_func, device, results, score_funcs, prefix="val")
    return results

in_features = 2
out_features = 2
model = nn.Sequential(
    nn.Linear(in_features, 30),
    nn.Tanh(),
    nn.Linear(30, 30),
    nn.Tanh(),
    nn.Linear(30, out_features),
)
print(model)
X_test, y_test = make_moons(40, noise=0.1)
test_loader = DataLoader(SimpleDataset(X_test, y_test), batch_size=32)
loss_func = nn.CrossEntropyLoss()
results = train_simple_network(model, loss_func, training_loader, val_loader=test_loader, epochs=4,
                               score_funcs={'Accuracy': accuracy_score}, lr=0.1)
print(list(results.keys()))
print(results["epoch"], len(results["total time"]))
print([round(float(v), 4) for v in results["train loss"]], [round(float(v), 4) for v in results["val loss"]])
print(results["train Accuracy"], results["val Accuracy"])
print(type(results["train loss"][0]).__name__, model.training)

# %%
with torch.no_grad():
    logits = model(torch.tensor(X_test[:5], dtype=torch.float32))
    y_hat = F.softmax(logits, dim=1)
print(logits.requires_grad, y_hat.sum(dim=1), y_hat.argmax(dim=1))
print(y_hat.numpy().round(3).tolist())
logits2 = model(torch.tensor(X_test[:2], dtype=torch.float32))
try:
    logits2.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(logits2.detach().numpy().dtype, loss_func(logits2, torch.tensor([0, 1])))
try:
    loss_func(logits2, torch.tensor([0.0, 1.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_func(logits2, torch.tensor([0, 2]))
except Exception as e:
    print(type(e).__name__, e)
print(sum(p.numel() for p in model.parameters()), sum(p.numel() for p in model.parameters() if p.requires_grad))
