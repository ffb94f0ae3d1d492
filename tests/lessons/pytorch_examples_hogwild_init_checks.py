# pytorch/examples "mnist_hogwild" (model.share_memory() before training in several workers, here one loop on fake
# data) and the nn.init tutorial habits of a course notebook: normal_/uniform_ with mean and std, a learner's
# wrong-typed std caught, a model moved to an accelerator this CPU build lacks.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 6)
        self.fc2 = nn.Linear(6, 3)

    def forward(self, x):
        return F.log_softmax(self.fc2(F.relu(self.fc1(x))), dim=1)

model = Net()
model.share_memory()   # gradients are allocated lazily, so they are not shared here
print(model)
print(type(model.share_memory()).__name__)

# %%
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, mean=0.0, std=0.1)
        nn.init.uniform_(m.bias, -0.05, 0.05)

model.apply(init_weights)
print(model.fc1.weight[:2])
print(model.fc2.bias)
for bad in [lambda: nn.init.normal_(model.fc1.weight, 0, "0.1"),
            lambda: nn.init.uniform_(model.fc1.bias, "a", 1),
            lambda: nn.init.normal_(model.fc1.weight, torch.zeros(6, 8))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.randn(16, 8)
y = torch.randint(0, 3, (16,))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.5)
for epoch in range(3):
    optimizer.zero_grad()
    loss = F.nll_loss(model(x), y)
    loss.backward()
    optimizer.step()
    print(epoch, round(loss.item(), 4))
print(model.fc1.weight.grad.norm(dim=1))

# %%
for move in [lambda: model.xpu(), lambda: model.mtia(), lambda: model.ipu(), lambda: model.xpu("cuda")]:
    try:
        move()
    except Exception as e:
        print(type(e).__name__, e)
print(nn.ReLU().xpu())
