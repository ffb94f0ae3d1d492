# Imitates Alfredo Canziani's NYU Deep Learning course (Atcold/pytorch-Deep-Learning, NYU-DLSP20/21), notebooks
# 06-convnet.ipynb (FC2Layer vs CNN on 28x28 "MNIST" digits, parameter counting with sum(p.numel()), the
# torch.randperm pixel permutation x.view(-1, 28*28)[:, perm].view(-1, 1, 28, 28), train / test loops with
# F.nll_loss and pred.eq(target.data.view_as(pred))) and 08-seq_classification.ipynb (SimpleRNN / SimpleLSTM with
# batch_first, the last output, variable-length sequences), on random data at tiny sizes.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
input_size = 28 * 28
output_size = 10
images = torch.rand(12, 1, 28, 28)
labels = torch.randint(0, 10, (12,))

# %%
class FC2Layer(nn.Module):
    def __init__(self, input_size, n_hidden, output_size):
        super(FC2Layer, self).__init__()
        self.input_size = input_size
        self.network = nn.Sequential(
            nn.Linear(input_size, n_hidden),
            nn.ReLU(),
            nn.Linear(n_hidden, n_hidden),
            nn.ReLU(),
            nn.Linear(n_hidden, output_size),
            nn.LogSoftmax(dim=1)
        )

    def forward(self, x):
        x = x.view(-1, self.input_size)
        return self.network(x)

class CNN(nn.Module):
    def __init__(self, input_size, n_feature, output_size):
        super(CNN, self).__init__()
        self.n_feature = n_feature
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=n_feature, kernel_size=5)
        self.conv2 = nn.Conv2d(n_feature, n_feature, kernel_size=5)
        self.fc1 = nn.Linear(n_feature * 4 * 4, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x, verbose=False):
        x = self.conv1(x)
        x = F.relu(x)
        x = F.max_pool2d(x, kernel_size=2)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, kernel_size=2)
        x = x.view(-1, self.n_feature * 4 * 4)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x)
        x = F.log_softmax(x, dim=1)
        return x

def get_n_params(model):
    np = 0
    for p in list(model.parameters()):
        np += p.nelement()
    return np

n_hidden = 8
model_fnn = FC2Layer(input_size, n_hidden, output_size)
optimizer = optim.SGD(model_fnn.parameters(), lr=0.01, momentum=0.5)
print('Number of parameters: {}'.format(get_n_params(model_fnn)))
n_features = 6
model_cnn = CNN(input_size, n_features, output_size)
print('Number of parameters: {}'.format(get_n_params(model_cnn)))
print(sum(p.numel() for p in model_cnn.parameters() if p.requires_grad))
print(model_cnn)

# %%
accuracy_list = []

def train(epoch, model, perm=torch.arange(0, 784).long()):
    model.train()
    for batch_idx in range(2):
        data, target = images[batch_idx * 6:(batch_idx + 1) * 6], labels[batch_idx * 6:(batch_idx + 1) * 6]
        data = data.view(-1, 28 * 28)
        data = data[:, perm]
        data = data.view(-1, 1, 28, 28)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
            epoch, batch_idx * len(data), len(images), 100. * batch_idx / 2, loss.item()))

def test(model, perm=torch.arange(0, 784).long()):
    model.eval()
    test_loss = 0
    correct = 0
    data, target = images, labels
    data = data.view(-1, 28 * 28)
    data = data[:, perm]
    data = data.view(-1, 1, 28, 28)
    output = model(data)
    test_loss += F.nll_loss(output, target, reduction='sum').item()
    pred = output.data.max(1, keepdim=True)[1]
    correct += pred.eq(target.data.view_as(pred)).cpu().sum().item()
    test_loss /= len(images)
    accuracy = 100. * correct / len(images)
    accuracy_list.append(accuracy)
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(images), accuracy))

train(0, model_fnn)
test(model_fnn)
optimizer = optim.SGD(model_cnn.parameters(), lr=0.01, momentum=0.5)
train(0, model_cnn)
test(model_cnn)

# %%
perm = torch.randperm(784)
print(perm[:10])
print(images.view(-1, 28 * 28)[:, perm].view(-1, 1, 28, 28).shape)
p = images.view(-1, 28 * 28)[:, perm]
print(p.is_contiguous(), p.stride())
print(torch.equal(p.sort(dim=1)[0], images.view(-1, 784).sort(dim=1)[0]))
optimizer = optim.SGD(model_cnn.parameters(), lr=0.01, momentum=0.5)
train(0, model_cnn, perm)
test(model_cnn, perm)
print(accuracy_list)
try:
    images[:, perm]
except Exception as e:
    print(type(e).__name__, e)
try:
    images.view(-1, 28 * 29)
except Exception as e:
    print(type(e).__name__, e)

# %%
class SimpleRNN(nn.Module):
    def __init__(self, input_size, rnn_hidden_size, output_size):
        super().__init__()
        self.rnn_hidden_size = rnn_hidden_size
        self.rnn = torch.nn.RNN(input_size=input_size, hidden_size=rnn_hidden_size, num_layers=2,
                                nonlinearity='relu', batch_first=True)
        self.linear = torch.nn.Linear(in_features=rnn_hidden_size, out_features=output_size)

    def forward(self, x):
        x, _ = self.rnn(x)
        x = x[:, -1, :]
        x = self.linear(x)
        return x

class SimpleLSTM(nn.Module):
    def __init__(self, input_size, rnn_hidden_size, output_size):
        super().__init__()
        self.rnn = torch.nn.LSTM(input_size, rnn_hidden_size, num_layers=2, batch_first=True)
        self.linear = torch.nn.Linear(rnn_hidden_size, output_size)

    def forward(self, x):
        x, (h, c) = self.rnn(x)
        x = x[:, -1, :]
        return self.linear(x)

vocab, seq_len, batch = 8, 7, 4
seqs = torch.randint(0, vocab, (batch, seq_len))
data = F.one_hot(seqs, vocab).float()
target = torch.randint(0, 4, (batch,))
print(data.shape, data.dtype)
for Net in (SimpleRNN, SimpleLSTM):
    model = Net(vocab, 5, 4)
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01)
    for step in range(5):
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
    y_pred = output.argmax(dim=1)
    correct = (y_pred == target).sum().item()
    print(Net.__name__, round(loss.item(), 5), correct, output.shape)
    print(model.rnn)
    print([(n, tuple(p.shape)) for n, p in model.rnn.named_parameters()][:4])

# %%
model = SimpleLSTM(vocab, 5, 4)
for length in (3, 6, 2):
    x = data[:1, :length]
    out = model(x)
    print(length, out.shape, out.argmax(1))
h0 = torch.zeros(2, 1, 5)
try:
    model.rnn(data[:1], h0)
except Exception as e:
    print(type(e).__name__, e)
try:
    model.rnn(data[:1], (h0, torch.zeros(2, 2, 5)))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.rnn(seqs)
except Exception as e:
    print(type(e).__name__, e)
try:
    model(data[0, :, :5])
except Exception as e:
    print(type(e).__name__, e)
out, (h, c) = model.rnn(data[0])
print(out.shape, h.shape, c.shape)
