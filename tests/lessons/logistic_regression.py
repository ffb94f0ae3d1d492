# Imitates a logistic regression lesson (wikidocs style): sigmoid and BCE by hand, then an nn.Module classifier.
import torch
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(1)
x_data = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]]
y_data = [[0], [0], [0], [1], [1], [1]]
x_train = torch.tensor(x_data, dtype=torch.float32)
y_train = torch.tensor(y_data, dtype=torch.float32)
print(x_train.shape)
print(y_train.shape)

# %%
W = torch.zeros((2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
hypothesis = 1 / (1 + torch.exp(-(x_train.matmul(W) + b)))
print(hypothesis)

# %%
hypothesis = torch.sigmoid(x_train.matmul(W) + b)
print(hypothesis)
losses = -(y_train * torch.log(hypothesis) + (1 - y_train) * torch.log(1 - hypothesis))
print(losses)
cost = losses.mean()
print(cost)
F.binary_cross_entropy(hypothesis, y_train)

# %%
optimizer = optim.SGD([W, b], lr=1)
nb_epochs = 1000
for epoch in range(nb_epochs + 1):
    hypothesis = torch.sigmoid(x_train.matmul(W) + b)
    cost = -(y_train * torch.log(hypothesis) + (1 - y_train) * torch.log(1 - hypothesis)).mean()
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 200 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, nb_epochs, cost.item()))

# %%
hypothesis = torch.sigmoid(x_train.matmul(W) + b)
print(hypothesis)
prediction = hypothesis >= torch.tensor([0.5])
print(prediction)
print(W)
print(b)

# %%
correct_prediction = prediction.float() == y_train
accuracy = correct_prediction.sum().item() / len(correct_prediction)
print('The model has an accuracy of {:2.2f}% for the training set.'.format(accuracy * 100))

# %%
# --- a logistic regression lesson with nn.Module: BinaryClassifier (Linear + Sigmoid), BCELoss, accuracy printing ---
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(1)
x_train = torch.tensor([[1., 2.], [2., 3.], [3., 1.], [4., 3.], [5., 3.], [6., 2.]])
y_train = torch.tensor([[0.], [0.], [0.], [1.], [1.], [1.]])

class BinaryClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(2, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        return self.sigmoid(self.linear(x))

model = BinaryClassifier()
model

# %%
model(x_train)

# %%
optimizer = optim.SGD(model.parameters(), lr=1)
for epoch in range(101):
    hypothesis = model(x_train)
    cost = F.binary_cross_entropy(hypothesis, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 20 == 0:
        prediction = hypothesis >= torch.tensor([0.5])
        correct_prediction = prediction.float() == y_train
        accuracy = correct_prediction.sum().item() / len(correct_prediction)
        print('Epoch {:4d}/{} Cost: {:.6f} Accuracy {:2.2f}%'.format(
            epoch, 100, cost.item(), accuracy * 100,
        ))

# %%
print(list(model.parameters()))

# %%
# the same model with BCEWithLogitsLoss on raw scores
logits_model = nn.Linear(2, 1)
criterion = nn.BCEWithLogitsLoss()
opt = optim.SGD(logits_model.parameters(), lr=0.5)
for epoch in range(50):
    loss = criterion(logits_model(x_train), y_train)
    opt.zero_grad()
    loss.backward()
    opt.step()
print(f"final loss {loss.item():.4f}")
print(torch.sigmoid(logits_model(x_train)).round())
