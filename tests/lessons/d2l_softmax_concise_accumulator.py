# Imitates d2l.ai (PyTorch edition, 1st-2nd edition utilities) softmax regression and MLP concise versions: the
# Accumulator class, accuracy(y_hat, y) with y_hat.type(y.dtype), evaluate_accuracy with net.eval(), train_epoch_ch3
# for both a torch.optim updater and a custom sgd updater, CrossEntropyLoss(reduction='none') then l.mean(),
# init_weights with nn.init.normal_(std=0.01), and predictions printed with labels.
import torch
from torch import nn
torch.manual_seed(0)

class Accumulator:
    def __init__(self, n):
        self.data = [0.0] * n
    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]
    def reset(self):
        self.data = [0.0] * len(self.data)
    def __getitem__(self, idx):
        return self.data[idx]

def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())

def evaluate_accuracy(net, data_iter):
    if isinstance(net, torch.nn.Module):
        net.eval()
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]

X_all = torch.randn(60, 1, 4, 4)
y_all = (X_all.sum(dim=(1, 2, 3)) > 0).long() + (X_all[:, 0, 0, 0] > 1).long()
dataset = torch.utils.data.TensorDataset(X_all, y_all)
train_iter = torch.utils.data.DataLoader(dataset, batch_size=16, shuffle=True)
test_iter = torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=False)
print(len(train_iter), len(test_iter))
print(accuracy(torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]]), torch.tensor([0, 2])))

# %%
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 3))
def init_weights(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)
net.apply(init_weights)
print(evaluate_accuracy(net, test_iter))
loss = nn.CrossEntropyLoss(reduction='none')
trainer = torch.optim.SGD(net.parameters(), lr=0.1)

def train_epoch_ch3(net, train_iter, loss, updater):
    if isinstance(net, torch.nn.Module):
        net.train()
    metric = Accumulator(3)
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)
        if isinstance(updater, torch.optim.Optimizer):
            updater.zero_grad()
            l.mean().backward()
            updater.step()
        else:
            l.sum().backward()
            updater(X.shape[0])
        metric.add(float(l.sum()), accuracy(y_hat, y), y.numel())
    return metric[0] / metric[2], metric[1] / metric[2]

for epoch in range(3):
    train_metrics = train_epoch_ch3(net, train_iter, loss, trainer)
    test_acc = evaluate_accuracy(net, test_iter)
    print(f'epoch {epoch + 1}, loss {train_metrics[0]:.3f}, train acc {train_metrics[1]:.3f}, test acc {test_acc:.3f}')

# %%
W = torch.normal(0, 0.01, size=(16, 3), requires_grad=True)
b = torch.zeros(3, requires_grad=True)
def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition
def net_scratch(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)
def cross_entropy(y_hat, y):
    return - torch.log(y_hat[range(len(y_hat)), y])
def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()
updater = lambda batch_size: sgd([W, b], 0.1, batch_size)
for epoch in range(3):
    m = train_epoch_ch3(net_scratch, train_iter, cross_entropy, updater)
    print(epoch + 1, [round(v, 4) for v in m], round(evaluate_accuracy(net_scratch, test_iter), 4))
print(W.grad.abs().sum(), b)

# %%
labels = ['t-shirt', 'trouser', 'pullover']
def get_labels(labels_idx):
    return [labels[int(i)] for i in labels_idx]
for X, y in test_iter:
    break
trues = get_labels(y)
preds = get_labels(net(X).argmax(axis=1))
titles = [true + '\n' + pred for true, pred in zip(trues, preds)]
print(titles[:4])
print(net(X)[:2].softmax(dim=1).sum(1))
print(y.type(torch.float32)[:4], net(X).argmax(axis=1).dtype)

# %%
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 3))
net.apply(init_weights)
trainer = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(2):
    print(train_epoch_ch3(net, train_iter, loss, trainer))
print(net[1].weight.std() > 0.005, net[1].bias[:4])
