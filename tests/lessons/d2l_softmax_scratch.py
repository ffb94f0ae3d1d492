# Imitates d2l.ai "Softmax Regression Implementation from Scratch": softmax with keepdim, y_hat[range(n), y], accuracy.
import torch

# %%
X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
X.sum(0, keepdim=True), X.sum(1, keepdim=True)

# %%
def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition

torch.manual_seed(0)
X = torch.normal(0, 1, (2, 5))
X_prob = softmax(X)
X_prob, X_prob.sum(1)

# %%
y = torch.tensor([0, 2])
y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
y_hat[[0, 1], y]

# %%
def cross_entropy(y_hat, y):
    return - torch.log(y_hat[range(len(y_hat)), y])

cross_entropy(y_hat, y)

# %%
def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())

accuracy(y_hat, y) / len(y)

# %%
num_inputs, num_outputs = 4, 3
W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)

def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)

features = torch.randn(12, 4)
labels = torch.randint(0, 3, (12,))
for epoch in range(5):
    l = cross_entropy(net(features), labels)
    l.mean().backward()
    with torch.no_grad():
        for param in (W, b):
            param -= 0.5 * param.grad
            param.grad.zero_()
    print(f'epoch {epoch + 1}, loss {float(l.mean()):.5f}, acc {accuracy(net(features), labels) / len(labels):.3f}')
