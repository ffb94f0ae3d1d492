# Imitates Patrick Loeber's (Python Engineer) "PyTorch Tutorial" 11-13 (pytorchTutorial/11_softmax_and_
# crossentropy.py, 12_activation_functions.py, 13_feedforward.py) as learners retype them: softmax and cross-entropy
# in numpy next to torch.softmax and nn.CrossEntropyLoss with class indices (not one-hot), torch.max(outputs, 1)
# for predictions, the binary and multiclass NeuralNet classes, activations as modules (nn.ReLU, nn.Sigmoid) and as
# functions (torch.relu, torch.sigmoid, torch.tanh, F.leaky_relu), and the feed-forward MNIST net on random 28x28
# data (reshape(-1, 28*28), print every few steps, accuracy with n_correct / n_samples under no_grad).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
def softmax(x):
    return np.exp(x) / np.sum(np.exp(x), axis=0)

x = np.array([2.0, 1.0, 0.1])
outputs = softmax(x)
print('softmax numpy:', outputs)
x = torch.tensor([2.0, 1.0, 0.1])
outputs = torch.softmax(x, dim=0)
print('softmax torch:', outputs)
print(outputs.sum(), outputs.argmax())
try:
    torch.softmax(x)
except Exception as e:
    print(type(e).__name__, e)
with __import__("warnings").catch_warnings(record=True) as ws:
    __import__("warnings").simplefilter("always")
    print(F.softmax(x), nn.Softmax()(x))
print([str(w.message) for w in ws])

# %%
def cross_entropy(actual, predicted):
    EPS = 1e-15
    predicted = np.clip(predicted, EPS, 1 - EPS)
    loss = -np.sum(actual * np.log(predicted))
    return loss

Y = np.array([1, 0, 0])
Y_pred_good = np.array([0.7, 0.2, 0.1])
Y_pred_bad = np.array([0.1, 0.3, 0.6])
l1 = cross_entropy(Y, Y_pred_good)
l2 = cross_entropy(Y, Y_pred_bad)
print(f'Loss1 numpy: {l1:.4f}')
print(f'Loss2 numpy: {l2:.4f}')

loss = nn.CrossEntropyLoss()
Y = torch.tensor([0])
Y_pred_good = torch.tensor([[2.0, 1.0, 0.1]])
Y_pred_bad = torch.tensor([[0.5, 2.0, 0.3]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(f'PyTorch Loss1: {l1.item():.4f}')
print(f'PyTorch Loss2: {l2.item():.4f}')
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f'Actual class: {Y.item()}, Y_pred1: {predictions1.item()}, Y_pred2: {predictions2.item()}')
print(torch.max(Y_pred_bad, 1))

# %%
Y = torch.tensor([2, 0, 1])
Y_pred_good = torch.tensor([[0.1, 0.2, 3.9], [1.2, 0.1, 0.3], [0.3, 2.2, 0.2]])
Y_pred_bad = torch.tensor([[0.9, 0.2, 0.1], [0.1, 0.3, 1.5], [1.2, 0.2, 0.5]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(f'Batch Loss1:  {l1.item():.4f}')
print(f'Batch Loss2: {l2.item():.4f}')
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f'Actual class: {Y}, Y_pred1: {predictions1}, Y_pred2: {predictions2}')
for target in [torch.tensor([[0, 0, 1], [1, 0, 0], [0, 1, 0]]), torch.tensor([2., 0., 1.]), torch.tensor([2, 0, 3]),
               torch.tensor([2, 0]), torch.tensor(1)]:
    try:
        print(loss(Y_pred_good, target))
    except Exception as e:
        print(type(e).__name__, e)
print(loss(Y_pred_good, torch.tensor([[0., 0., 1.], [1., 0., 0.], [0., 1., 0.]])))
try:
    loss(torch.softmax(Y_pred_good, 1).log(), Y.float())
except Exception as e:
    print(type(e).__name__, e)
print(nn.NLLLoss()(torch.log_softmax(Y_pred_good, 1), Y), F.cross_entropy(Y_pred_good, Y, reduction='none'))

# %%
class NeuralNet2(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet2, self).__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.linear1(x)
        out = self.relu(out)
        out = self.linear2(out)
        return out

class NeuralNet1(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(NeuralNet1, self).__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(hidden_size, 1)

    def forward(self, x):
        out = self.linear1(x)
        out = self.relu(out)
        out = self.linear2(out)
        y_pred = torch.sigmoid(out)
        return y_pred

torch.manual_seed(0)
model = NeuralNet2(input_size=28 * 28, hidden_size=5, num_classes=3)
criterion = nn.CrossEntropyLoss()
print(model)
model1 = NeuralNet1(input_size=28 * 28, hidden_size=5)
criterion1 = nn.BCELoss()
x = torch.rand(2, 28 * 28)
print(model(x), model1(x))
print(criterion1(model1(x), torch.tensor([[1.], [0.]])))
print(criterion, criterion1)

# %%
x = torch.tensor([-1.0, 1.0, 2.0, 3.0, -0.5])
output = torch.softmax(x, dim=0)
print(output)
sm = nn.Softmax(dim=0)
output = sm(x)
print(output)
output = torch.sigmoid(x)
print(output)
s = nn.Sigmoid()
output = s(x)
print(output)
output = torch.tanh(x)
print(output)
t = nn.Tanh()
output = t(x)
print(output)
output = torch.relu(x)
print(output)
relu = nn.ReLU()
output = relu(x)
print(output)
output = F.leaky_relu(x)
print(output)
lrelu = nn.LeakyReLU(0.1)
output = lrelu(x)
print(output)
print(sm, s, t, relu, lrelu, nn.LeakyReLU(), nn.ReLU(inplace=True))
print(F.relu(x), F.sigmoid(x), F.tanh(x), F.leaky_relu(x, 0.2))
try:
    print(torch.leaky_relu(x))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(nn.ReLU(x))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
x = torch.tensor([-1.0, 1.0, 2.0, 3.0, -0.5], requires_grad=True)
for f in [torch.sigmoid, torch.tanh, torch.relu, F.leaky_relu, nn.LeakyReLU(0.1), lambda v: torch.softmax(v, 0)[2]]:
    x.grad = None
    y = f(x)
    y.sum().backward()
    print(y.grad_fn, x.grad)

# %%
input_size = 784
hidden_size = 50
num_classes = 10
num_epochs = 2
batch_size = 20
learning_rate = 0.01
torch.manual_seed(2)
images_all = torch.rand(100, 1, 28, 28)
labels_all = torch.randint(0, num_classes, (100,))
train_loader = torch.utils.data.DataLoader(dataset=list(zip(images_all[:80], labels_all[:80])),
                                           batch_size=batch_size, shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=list(zip(images_all[80:], labels_all[80:])),
                                          batch_size=batch_size, shuffle=False)
examples = iter(test_loader)
example_data, example_targets = next(examples)
print(example_data.shape, example_targets.shape, example_targets.dtype)

class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet, self).__init__()
        self.input_size = input_size
        self.l1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.l2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.l1(x)
        out = self.relu(out)
        out = self.l2(out)
        return out

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
model = NeuralNet(input_size, hidden_size, num_classes).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
n_total_steps = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, 28 * 28).to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 2 == 0:
            print(f'Epoch [{epoch+1}/{num_epochs}], Step [{i+1}/{n_total_steps}], Loss: {loss.item():.4f}')

with torch.no_grad():
    n_correct = 0
    n_samples = 0
    for images, labels in test_loader:
        images = images.reshape(-1, 28 * 28).to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
    acc = 100.0 * n_correct / n_samples
    print(f'Accuracy of the network on the 20 test images: {acc} %')
print(type(n_correct).__name__, predicted.dtype, outputs.shape)
try:
    model(example_data)
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(outputs, labels.float())
except Exception as e:
    print(type(e).__name__, e)
