# Imitates d2l.ai "Concise Implementation of Linear Regression": nn.Sequential(nn.Linear), .data.normal_, MSELoss, SGD.
import torch
from torch import nn

# %%
torch.manual_seed(1)
true_w = torch.tensor([2, -3.4])
true_b = 4.2
features = torch.normal(0, 1, (100, 2))
labels = (features @ true_w + true_b + torch.normal(0, 0.01, (100,))).reshape(-1, 1)
features.shape, labels.shape

# %%
net = nn.Sequential(nn.Linear(2, 1))
net[0].weight.data.normal_(0, 0.01)
net[0].bias.data.fill_(0)
net[0].weight, net[0].bias

# %%
loss = nn.MSELoss()
trainer = torch.optim.SGD(net.parameters(), lr=0.03)

# %%
batch_size = 10
num_epochs = 3
for epoch in range(num_epochs):
    perm = torch.randperm(len(features))
    for i in range(0, len(features), batch_size):
        idx = perm[i:i + batch_size]
        X, y = features[idx], labels[idx]
        l = loss(net(X), y)
        trainer.zero_grad()
        l.backward()
        trainer.step()
    l = loss(net(features), labels)
    print(f'epoch {epoch + 1}, loss {l:f}')

# %%
w = net[0].weight.data
print('error in estimating w:', true_w - w.reshape(true_w.shape))
b = net[0].bias.data
print('error in estimating b:', true_b - b)

# %%
net[0].weight.grad
