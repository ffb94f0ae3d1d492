# Imitates the classic XOR lesson: a single layer fails, a 2-layer MLP with Sigmoid and BCELoss learns it.
import torch
import torch.nn as nn

# %%
torch.manual_seed(777)
X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
Y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)

# %%
linear = nn.Linear(2, 1, bias=True)
sigmoid = nn.Sigmoid()
model = nn.Sequential(linear, sigmoid)
criterion = torch.nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1)
for step in range(501):
    optimizer.zero_grad()
    hypothesis = model(X)
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if step % 100 == 0:
        print(step, f"{cost.item():.6f}")

# %%
with torch.no_grad():
    hypothesis = model(X)
    predicted = (hypothesis > 0.5).float()
    accuracy = (predicted == Y).float().mean()
    print('모델의 출력값(Hypothesis): ', hypothesis.detach().cpu().numpy())
    print('모델의 예측값(Predicted): ', predicted.detach().cpu().numpy())
    print('실제값(Y): ', Y.cpu().numpy())
    print('정확도(Accuracy): ', accuracy.item())

# %%
model = nn.Sequential(
    nn.Linear(2, 10, bias=True),
    nn.Sigmoid(),
    nn.Linear(10, 1, bias=True),
    nn.Sigmoid(),
)
criterion = torch.nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1)
for epoch in range(1001):
    optimizer.zero_grad()
    hypothesis = model(X)
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if epoch % 250 == 0:
        print(epoch, f"{cost.item():.6f}")

# %%
with torch.no_grad():
    hypothesis = model(X)
    predicted = (hypothesis > 0.5).float()
    accuracy = (predicted == Y).float().mean()
    print(hypothesis)
    print(predicted)
    print(accuracy)

# %%
# hand-written backprop for one hidden layer, checked against autograd
torch.manual_seed(0)
w1 = torch.randn(2, 3, requires_grad=True)
w2 = torch.randn(3, 1, requires_grad=True)
h = torch.tanh(X @ w1)
out = torch.sigmoid(h @ w2)
loss = ((out - Y) ** 2).mean()
loss.backward()
d_out = 2 * (out - Y) / 4 * out * (1 - out)
d_w2 = h.t() @ d_out
d_h = d_out @ w2.t() * (1 - h ** 2)
d_w1 = X.t() @ d_h
print(torch.allclose(d_w2, w2.grad), torch.allclose(d_w1, w1.grad))
print(w1.grad)
