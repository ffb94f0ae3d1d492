# Imitates Sebastian Raschka's STAT453 code notebooks L08-L11: logistic regression written by hand (manual
# gradients vs autograd vs nn.Linear + F.binary_cross_entropy_with_logits), softmax regression with
# to_onehot and manual cross entropy vs F.cross_entropy, a multilayer perceptron with a compute_accuracy helper,
# weight initialisation (nn.init.kaiming_uniform_, xavier, the default), BatchNorm1d in train/eval mode and
# its running statistics, and torch.autograd.grad for a gradient of a gradient.
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np

# %%
torch.manual_seed(123)
X = torch.cat((torch.randn(30, 2) + torch.tensor([1.5, 1.5]), torch.randn(30, 2) - torch.tensor([1.5, 1.5])))
y = torch.cat((torch.ones(30), torch.zeros(30)))
idx = torch.randperm(60)
X, y = X[idx], y[idx]
X_train, y_train, X_test, y_test = X[:45], y[:45], X[45:], y[45:]
print(X_train.shape, y_train.dtype, y_train[:10])

# %%
class LogisticRegression1():
    def __init__(self, num_features):
        self.num_features = num_features
        self.weights = torch.zeros(1, num_features, dtype=torch.float32)
        self.bias = torch.zeros(1, dtype=torch.float32)

    def forward(self, x):
        linear = torch.add(torch.mm(x, self.weights.t()), self.bias).view(-1) # net input
        probas = self._sigmoid(linear)
        return probas

    def backward(self, x, y, probas):
        grad_loss_wrt_z = probas.view(-1) - y
        grad_loss_wrt_w = torch.mm(x.t(), grad_loss_wrt_z.view(-1, 1)).t()
        grad_loss_wrt_b = torch.sum(grad_loss_wrt_z)
        return grad_loss_wrt_w, grad_loss_wrt_b

    def predict_labels(self, x):
        probas = self.forward(x)
        labels = torch.where(probas >= .5, 1, 0) # threshold function
        return labels

    def evaluate(self, x, y):
        labels = self.predict_labels(x).float()
        accuracy = torch.sum(labels.view(-1) == y.float()).item() / y.size(0)
        return accuracy

    def _sigmoid(self, z):
        return 1. / (1. + torch.exp(-z))

    def _logit_cost(self, y, proba):
        tmp1 = torch.mm(-y.view(1, -1), torch.log(proba.view(-1, 1)))
        tmp2 = torch.mm((1 - y).view(1, -1), torch.log(1 - proba.view(-1, 1)))
        return tmp1 - tmp2

    def train(self, x, y, num_epochs, learning_rate=0.01):
        epoch_cost = []
        for e in range(num_epochs):

            #### Compute outputs ####
            probas = self.forward(x)

            #### Compute gradients ####
            grad_w, grad_b = self.backward(x, y, probas)

            #### Update weights ####
            self.weights -= learning_rate * grad_w
            self.bias -= learning_rate * grad_b

            #### Logging ####
            cost = self._logit_cost(y, self.forward(x)) / x.size(0)
            print('Epoch: %03d' % (e+1), end="")
            print(' | Train ACC: %.3f' % self.evaluate(x, y), end="")
            print(' | Cost: %.3f' % cost)
            epoch_cost.append(cost)
        return epoch_cost

logr = LogisticRegression1(num_features=2)
epoch_cost = logr.train(X_train, y_train, num_epochs=5, learning_rate=0.1)

print('\nModel parameters:')
print('  Weights: %s' % logr.weights)
print('  Bias: %s' % logr.bias)
test_acc = logr.evaluate(X_test, y_test)
print('Test set accuracy: %.2f%%' % (test_acc*100))
print(epoch_cost[0], logr.predict_labels(X_test[:5]), logr.predict_labels(X_test[:5]).dtype)

# %%
class LogisticRegression2(torch.nn.Module):

    def __init__(self, num_features):
        super(LogisticRegression2, self).__init__()
        self.linear = torch.nn.Linear(num_features, 1)
        # initialize weights to zeros here,
        # since we used zero weights in the
        # manual approach

        self.linear.weight.detach().zero_()
        self.linear.bias.detach().zero_()
        # Note: the trailing underscore
        # means "in-place operation" in the context
        # of PyTorch

    def forward(self, x):
        logits = self.linear(x)
        probas = torch.sigmoid(logits)
        return probas

model = LogisticRegression2(num_features=2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

def comp_accuracy(label_var, pred_probas):
    pred_labels = torch.where((pred_probas > 0.5), 1, 0).view(-1)
    acc = torch.sum(pred_labels == label_var.view(-1)).float() / label_var.size(0)
    return acc

num_epochs = 5
y_train_v = y_train.view(-1, 1)
for epoch in range(num_epochs):

    #### Compute outputs ####
    out = model(X_train)

    #### Compute gradients ####
    loss = F.binary_cross_entropy(out, y_train_v, reduction='sum')
    optimizer.zero_grad()
    loss.backward()

    #### Update weights ####
    optimizer.step()

    #### Logging ####
    pred_probas = model(X_train)
    acc = comp_accuracy(y_train_v, pred_probas)
    print('Epoch: %03d' % (epoch + 1), end="")
    print(' | Train ACC: %.3f' % acc, end="")
    print(' | Cost: %.3f' % F.binary_cross_entropy(pred_probas, y_train_v))

print('\nModel parameters:')
print('  Weights: %s' % model.linear.weight)
print('  Bias: %s' % model.linear.bias)

# %%
# the numerically stable version with logits, and the learner's mismatched shapes
logits = model.linear(X_train)
print(F.binary_cross_entropy_with_logits(logits, y_train_v))
print(F.binary_cross_entropy_with_logits(logits.view(-1), y_train))
try:
    F.binary_cross_entropy_with_logits(logits, y_train)
except ValueError as e:
    print(e)
try:
    F.binary_cross_entropy(torch.sigmoid(logits), y_train.long().view(-1, 1))
except RuntimeError as e:
    print(e)
try:
    F.binary_cross_entropy(logits, y_train_v)
except RuntimeError as e:
    print(e)

# %%
# L08: softmax regression
def to_onehot(y, num_classes):
    y_onehot = torch.zeros(y.size(0), num_classes)
    y_onehot.scatter_(1, y.view(-1, 1).long(), 1).float()
    return y_onehot

y = torch.tensor([0, 1, 2, 2])

y_enc = to_onehot(y, 3)

print('one-hot encoding:\n', y_enc)
Z = torch.tensor( [[-0.3,  -0.5, -0.5],
                   [-0.4,  -0.1, -0.5],
                   [-0.3,  -0.94, -0.5],
                   [-0.99, -0.88, -0.5]])

def softmax(z):
    return (torch.exp(z.t()) / torch.sum(torch.exp(z), dim=1)).t()

smax = softmax(Z)
print('softmax:\n', smax)

def to_classlabel(z):
    return torch.argmax(z, dim=1)

print('predicted class labels: ', to_classlabel(smax))
print('true class labels: ', to_classlabel(y_enc))

def cross_entropy(softmax, y_target):
    return - torch.sum(torch.log(softmax) * (y_target), dim=1)

xent = cross_entropy(smax, y_enc)
print('Cross Entropy:', xent)
print(F.nll_loss(torch.log(smax), y, reduction='none'))
print(F.cross_entropy(Z, y, reduction='none'))
print(F.cross_entropy(Z, y))

# %%
class SoftmaxRegression1(torch.nn.Module):
    def __init__(self, num_features, num_classes):
        super(SoftmaxRegression1, self).__init__()
        self.linear = torch.nn.Linear(num_features, num_classes)

        self.linear.weight.detach().zero_()
        self.linear.bias.detach().zero_()

    def forward(self, x):
        logits = self.linear(x)
        probas = F.softmax(logits, dim=1)
        return logits, probas

torch.manual_seed(1)
Xs = torch.randn(60, 4)
ys = (Xs[:, 0] > 0).long() + (Xs[:, 1] > 0.5).long()
model = SoftmaxRegression1(num_features=4, num_classes=3)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

def compute_accuracy(model, data_loader):
    correct_pred, num_examples = 0, 0
    for features, targets in data_loader:
        logits, probas = model(features)
        _, predicted_labels = torch.max(probas, 1)
        num_examples += targets.size(0)
        correct_pred += (predicted_labels == targets).sum()
    return correct_pred.float() / num_examples * 100

train_loader = [(Xs[i:i + 20], ys[i:i + 20]) for i in range(0, 60, 20)]
for epoch in range(4):
    for batch_idx, (features, targets) in enumerate(train_loader):
        logits, probas = model(features)
        cost = F.cross_entropy(logits, targets)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
        if not batch_idx % 2:
            print('Epoch: %03d/%03d | Batch %03d/%03d | Cost: %.4f'
                  % (epoch + 1, 4, batch_idx, len(train_loader), cost))
    with torch.set_grad_enabled(False):
        print('Epoch: %03d/%03d training accuracy: %.2f%%' % (epoch + 1, 4, compute_accuracy(model, train_loader)))
print(compute_accuracy(model, train_loader))

# %%
# L09: multilayer perceptron, with the weights initialised as in the lecture
class MultilayerPerceptron(torch.nn.Module):

    def __init__(self, num_features, num_classes, num_hidden_1, num_hidden_2):
        super(MultilayerPerceptron, self).__init__()

        self.num_classes = num_classes

        ### 1st hidden layer
        self.linear_1 = torch.nn.Linear(num_features, num_hidden_1)
        self.linear_1.weight.detach().normal_(0.0, 0.1)
        self.linear_1.bias.detach().zero_()

        ### 2nd hidden layer
        self.linear_2 = torch.nn.Linear(num_hidden_1, num_hidden_2)
        self.linear_2.weight.detach().normal_(0.0, 0.1)
        self.linear_2.bias.detach().zero_()

        ### Output layer
        self.linear_out = torch.nn.Linear(num_hidden_2, num_classes)
        self.linear_out.weight.detach().normal_(0.0, 0.1)
        self.linear_out.bias.detach().zero_()

    def forward(self, x):
        out = self.linear_1(x)
        out = torch.sigmoid(out)
        out = self.linear_2(out)
        out = torch.sigmoid(out)
        logits = self.linear_out(out)
        probas = torch.sigmoid(logits)
        return logits, probas

torch.manual_seed(2)
model = MultilayerPerceptron(num_features=4, num_hidden_1=16, num_hidden_2=8, num_classes=3)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(3):
    model.train()
    for batch_idx, (features, targets) in enumerate(train_loader):
        ### FORWARD AND BACK PROP
        logits, probas = model(features)
        y_onehot = F.one_hot(targets, num_classes=3).float()
        cost = F.mse_loss(y_onehot, probas)   # as in the lecture: MSE on the sigmoid outputs
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        print('Epoch: %03d | MSE: %.5f | Acc: %.2f%%' % (epoch + 1, cost, compute_accuracy(model, train_loader)))
# the learner passes integer targets to mse_loss
try:
    F.mse_loss(probas, targets)
except RuntimeError as e:
    print(e)
print(F.one_hot(targets[:4]), F.one_hot(targets[:4]).dtype)

# %%
# L11: weight initialisation
torch.manual_seed(3)
lin = nn.Linear(100, 50)
print('default   : %.4f %.4f' % (lin.weight.min().item(), lin.weight.max().item()), 1 / np.sqrt(100))
nn.init.kaiming_uniform_(lin.weight, mode='fan_in', nonlinearity='relu')
print('kaiming_u : %.4f %.4f' % (lin.weight.min().item(), lin.weight.max().item()), np.sqrt(6 / 100))
nn.init.kaiming_normal_(lin.weight, mode='fan_out', nonlinearity='relu')
print('kaiming_n : %.4f' % lin.weight.std().item(), np.sqrt(2 / 50))
nn.init.xavier_uniform_(lin.weight)
print('xavier_u  : %.4f %.4f' % (lin.weight.min().item(), lin.weight.max().item()), np.sqrt(6 / 150))
nn.init.xavier_normal_(lin.weight, gain=nn.init.calculate_gain('tanh'))
print('xavier_n  : %.4f' % lin.weight.std().item(), nn.init.calculate_gain('tanh'), nn.init.calculate_gain('leaky_relu', 0.2))
try:
    nn.init.kaiming_uniform_(lin.bias)
except ValueError as e:
    print(e)
try:
    nn.init.calculate_gain('gelu')
except ValueError as e:
    print(e)

# %%
# L11: BatchNorm
class MLPBatchNorm(torch.nn.Module):
    def __init__(self, num_features, num_classes, num_hidden_1):
        super().__init__()
        self.my_network = torch.nn.Sequential(
            torch.nn.Linear(num_features, num_hidden_1, bias=False),
            torch.nn.BatchNorm1d(num_hidden_1),
            torch.nn.ReLU(),
            torch.nn.Linear(num_hidden_1, num_classes),
        )

    def forward(self, x):
        logits = self.my_network(x)
        return logits

torch.manual_seed(4)
model = MLPBatchNorm(4, 3, 6)
print(model)
bn = model.my_network[1]
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(3):
    model.train()
    for features, targets in train_loader:
        loss = F.cross_entropy(model(features), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch %d loss %.4f' % (epoch, loss))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
model.eval()
with torch.no_grad():
    print(model(Xs[:2]))
print(list(bn.state_dict().keys()))

# %%
# BatchNorm slips: a batch of one in train mode, the wrong number of features, a 3-d input
model.train()
try:
    model(Xs[:1])
except ValueError as e:
    print(e)
try:
    nn.BatchNorm1d(5)(torch.randn(4, 6))
except RuntimeError as e:
    print(e)
print(nn.BatchNorm1d(3)(torch.arange(24.).view(2, 3, 4)).shape)
bn2 = nn.BatchNorm1d(3, momentum=None)
for _ in range(3):
    bn2(torch.arange(12.).view(4, 3) * (_ + 1))
print(bn2.running_mean, bn2.num_batches_tracked)
model.eval()
print(model(Xs[:1]).shape)

# %%
# autograd.grad: the gradient of a gradient
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 3).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
print(g, g.grad_fn)
h, = torch.autograd.grad(g.sum(), x)
print(h)
try:
    torch.autograd.grad(g.sum(), x)
except RuntimeError as e:
    print(e)
w = torch.tensor(2.0, requires_grad=True)
z = w * x.detach()
print(torch.autograd.grad(z, w, grad_outputs=torch.ones(3)))
try:
    torch.autograd.grad([z[0], z[1]], [w])
except RuntimeError as e:
    print(str(e)[:60])
z = w * x.detach()
print(torch.autograd.grad([z[0], z[1]], [w]))
