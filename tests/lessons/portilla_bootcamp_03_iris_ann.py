# Imitates Jose Portilla's "PyTorch for Deep Learning with Python Bootcamp" (Udemy), notebooks "02-Basic-PyTorch-NN"
# and the Iris part of "03-ANN": a Model(nn.Module) with fc1 / fc2 / out and F.relu, an Iris-like table made with
# numpy (no pandas / sklearn here) split by hand, CrossEntropyLoss, Adam(lr=0.01), the 100-epoch loop printing
# 'epoch: {i:2}  loss: {loss.item():10.8f}' every 10 epochs, validation under no_grad, the per-row printout with
# y_val.argmax(), torch.save(model.state_dict()) / load_state_dict, predicting a new flower, the parameter printout.
import io
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Model(nn.Module):
    def __init__(self, in_features=4, h1=8, h2=9, out_features=3):
        super().__init__()
        self.fc1 = nn.Linear(in_features, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.out = nn.Linear(h2, out_features)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.out(x)
        return x


torch.manual_seed(32)
model = Model()
print(model)
for param in model.parameters():
    print(param.numel())
print(sum(p.numel() for p in model.parameters()))
for name, param in model.named_parameters():
    print(name, param.shape, param.requires_grad)

# %%
rng = np.random.RandomState(33)
centers = np.array([[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]])
X = np.concatenate([c + 0.3 * rng.randn(50, 4) for c in centers])
y = np.repeat(np.arange(3), 50).astype(float)
perm = rng.permutation(150)
X, y = X[perm], y[perm]
X_train, X_test, y_train, y_test = X[:120], X[120:], y[:120], y[120:]
print(X.dtype, y.dtype, X_train.shape, X_test.shape)
X_train = torch.FloatTensor(X_train)
X_test = torch.FloatTensor(X_test)
y_train = torch.LongTensor(y_train)
y_test = torch.LongTensor(y_test)
print(X_train.dtype, y_train.dtype, y_train[:10], y_train.shape)

# %%
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
print(model.parameters)
epochs = 100
losses = []
for i in range(epochs):
    i += 1
    y_pred = model.forward(X_train)
    loss = criterion(y_pred, y_train)
    losses.append(loss)
    if i % 10 == 1:
        print(f'epoch: {i:2}  loss: {loss.item():10.8f}')
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(len(losses), type(losses[0]), losses[-1].grad_fn)
print(round(losses[-1].item(), 3), f'{losses[-1]:.4f}')

# %%
try:
    import matplotlib.pyplot as plt
    plt.plot(range(epochs), [l.detach() for l in losses])
except ImportError:
    pass
try:
    np.array(losses)
except Exception as e:
    print(type(e).__name__, e)
print(np.array([l.item() for l in losses]).shape)
print(torch.tensor([l.item() for l in losses]).argmin())
try:
    torch.tensor(losses)
except Exception as e:
    print(type(e).__name__, e)
print(torch.stack(losses).shape, torch.stack(losses).requires_grad)

# %%
with torch.no_grad():
    y_val = model.forward(X_test)
    loss = criterion(y_val, y_test)
print(f'{loss:.8f}')
print(y_val.requires_grad, y_val.shape)
correct = 0
with torch.no_grad():
    for i, data in enumerate(X_test[:8]):
        y_val = model.forward(data)
        print(f'{i+1:2}. {str(y_val):38}  {y_test[i]}')
        if y_val.argmax().item() == y_test[i]:
            correct += 1
print(f'\n{correct} out of {8} = {100*correct/8:.2f}% correct')
with torch.no_grad():
    y_val = model(X_test)
correct = (y_val.argmax(dim=1) == y_test).sum()
print(correct, correct.item() / len(y_test))
print(y_val.argmax(1)[:5], y_val.argmax(), y_val[0].argmax(), torch.argmax(y_val, dim=1).dtype)

# %%
buf = io.BytesIO()
torch.save(model.state_dict(), buf)
buf.seek(0)
new_model = Model()
print(new_model.load_state_dict(torch.load(buf)))
print(new_model.eval())
with torch.no_grad():
    y_val2 = new_model.forward(X_test)
    loss2 = criterion(y_val2, y_test)
print(f'{loss2:.8f}', torch.equal(y_val, y_val2))
print(list(new_model.state_dict().keys()))
print(new_model.state_dict()['out.bias'].shape)

# %%
mystery_iris = torch.tensor([5.6, 3.7, 2.2, 0.5])
labels = ['Iris setosa', 'Iris virginica', 'Iris versicolor', 'Mystery iris']
with torch.no_grad():
    print(new_model(mystery_iris))
    print()
    print(labels[new_model(mystery_iris).argmax()])
try:
    new_model(torch.tensor([5, 3, 2, 0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    new_model(torch.tensor([5.6, 3.7, 2.2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(y_val, y_test.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(y_val, torch.FloatTensor(y_test.numpy().astype(float)).view(-1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(y_val, y_test.int())
except Exception as e:
    print(type(e).__name__, e)
try:
    new_model.load_state_dict({'fc1.weight': torch.zeros(8, 4)})
except Exception as e:
    print(type(e).__name__, e)
try:
    Model(h1=10).load_state_dict(model.state_dict())
except Exception as e:
    print(type(e).__name__, e)
