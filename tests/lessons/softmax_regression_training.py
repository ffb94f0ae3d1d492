# Imitates a softmax regression lesson: low-level (W, b with F.cross_entropy), then nn.Linear + CrossEntropyLoss.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(1)
x_train = [[1, 2, 1, 1], [2, 1, 3, 2], [3, 1, 3, 4], [4, 1, 5, 5],
           [1, 7, 5, 5], [1, 2, 5, 6], [1, 6, 6, 6], [1, 7, 7, 7]]
y_train = [2, 2, 2, 1, 1, 1, 0, 0]
x_train = torch.tensor(x_train, dtype=torch.float32)
y_train = torch.tensor(y_train)
print(x_train.shape, y_train.shape, y_train.dtype)

# %%
W = torch.zeros((4, 3), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = optim.SGD([W, b], lr=0.1)
nb_epochs = 1000
for epoch in range(nb_epochs + 1):
    z = x_train.matmul(W) + b
    cost = F.cross_entropy(z, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 250 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, nb_epochs, cost.item()))

# %%
class SoftmaxClassifierModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 3)

    def forward(self, x):
        return self.linear(x)

model = SoftmaxClassifierModel()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)
for epoch in range(501):
    prediction = model(x_train)
    cost = criterion(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, 500, cost.item()))

# %%
with torch.no_grad():
    logits = model(x_train)
    probs = F.softmax(logits, dim=1)
    pred = probs.argmax(dim=1)
    print(probs)
    print(pred, (pred == y_train).float().mean())
    print(torch.max(logits, 1))

# %%
cost.grad_fn, prediction.grad_fn
