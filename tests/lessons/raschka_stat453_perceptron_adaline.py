# Imitates Sebastian Raschka's STAT453 (Intro to Deep Learning, 2021) code notebooks L03-L05: the perceptron
# written by hand with a Perceptron class (forward / backward / train), ADALINE with manual gradients and the same
# model with autograd (torch.autograd.grad, then .backward()), and the learner's slips (a float label tensor
# compared with ==, an in-place update on a leaf that requires grad).
import torch
import torch.nn.functional as F

# %%
##########################
### SETTINGS
##########################
torch.manual_seed(123)
# a linearly separable toy dataset, as the lecture's perceptron_toydata.txt
X0 = torch.randn(25, 2) * 0.7 + torch.tensor([-1.5, -1.0])
X1 = torch.randn(25, 2) * 0.7 + torch.tensor([1.5, 1.0])
X = torch.cat((X0, X1))
y = torch.cat((torch.zeros(25), torch.ones(25))).long()
print('Class label counts:', torch.bincount(y))
print('X.shape:', X.shape)
print('y.shape:', y.shape)

# Shuffling & train/test split
shuffle_idx = torch.randperm(y.shape[0], dtype=torch.long)
X, y = X[shuffle_idx], y[shuffle_idx]
X_train, X_test = X[shuffle_idx[:35]], X[shuffle_idx[35:]]
y_train, y_test = y[shuffle_idx[:35]], y[shuffle_idx[35:]]

# Normalize (mean zero, unit variance)
mu, sigma = X_train.mean(dim=0), X_train.std(dim=0)
X_train = (X_train - mu) / sigma
X_test = (X_test - mu) / sigma
print(mu, sigma)

# %%
device = torch.device("cpu")

class Perceptron():
    def __init__(self, num_features):
        self.num_features = num_features
        self.weights = torch.zeros(num_features, 1,
                                   dtype=torch.float32, device=device)
        self.bias = torch.zeros(1, dtype=torch.float32, device=device)

        # placeholder vectors so they don't
        # need to be recreated each time
        self.ones = torch.ones(1)
        self.zeros = torch.zeros(1)

    def forward(self, x):
        linear = torch.mm(x, self.weights) + self.bias
        predictions = torch.where(linear > 0., self.ones, self.zeros)
        return predictions

    def backward(self, x, y):
        predictions = self.forward(x)
        errors = y - predictions
        return errors

    def train(self, x, y, epochs):
        for e in range(epochs):

            for i in range(y.shape[0]):
                # use view because backward expects a matrix (i.e., 2D tensor)
                errors = self.backward(x[i].reshape(1, self.num_features), y[i]).reshape(-1)
                self.weights += (errors * x[i]).reshape(self.num_features, 1)
                self.bias += errors

    def evaluate(self, x, y):
        predictions = self.forward(x).reshape(-1)
        accuracy = torch.sum(predictions == y).float() / y.shape[0]
        return accuracy

# %%
ppn = Perceptron(num_features=2)

X_train_tensor = torch.tensor(X_train, dtype=torch.float32, device=device)
y_train_tensor = torch.tensor(y_train, dtype=torch.float32, device=device)

ppn.train(X_train_tensor, y_train_tensor, epochs=5)

print('Model parameters:')
print('  Weights: %s' % ppn.weights)
print('  Bias: %s' % ppn.bias)

# %%
X_test_tensor = torch.tensor(X_test, dtype=torch.float32, device=device)
y_test_tensor = torch.tensor(y_test, dtype=torch.float32, device=device)

test_acc = ppn.evaluate(X_test_tensor, y_test_tensor)
print('Test set accuracy: %.2f%%' % (test_acc*100))
w, b = ppn.weights, ppn.bias
x_min = -2
y_min = ( (-(w[0] * x_min) - b[0]) / w[1] )
print(x_min, y_min)

# %%
# L05: ADALINE on a regression-like target with manual gradients
torch.manual_seed(1)
X_train = torch.randn(40, 2)
y_train = (X_train[:, 0] * 0.8 - X_train[:, 1] * 0.5 + 0.3 > 0).float()

class Adaline1():
    def __init__(self, num_features):
        self.num_features = num_features
        self.weights = torch.zeros(num_features, 1,
                                   dtype=torch.float)
        self.bias = torch.zeros(1, dtype=torch.float)

    def forward(self, x):
        netinputs = torch.add(torch.mm(x, self.weights), self.bias)
        activations = netinputs
        return activations.view(-1)

    def backward(self, x, yhat, y):

        grad_loss_yhat = 2*(yhat - y)

        grad_yhat_weights = x
        grad_yhat_bias = 1.

        # Chain rule: inner times outer
        grad_loss_weights = torch.mm(grad_yhat_weights.t(),
                                     grad_loss_yhat.view(-1, 1)) / y.size(0)

        grad_loss_bias = torch.sum(grad_yhat_bias*grad_loss_yhat) / y.size(0)

        # return negative gradient
        return (-1)*grad_loss_weights, (-1)*grad_loss_bias

def loss_func(yhat, y):
    return torch.mean((yhat - y)**2)

def train(model, x, y, num_epochs,
          learning_rate=0.01, seed=123, minibatch_size=10):
    cost = []

    torch.manual_seed(seed)
    for e in range(num_epochs):

        #### Shuffle epoch
        shuffle_idx = torch.randperm(y.size(0), dtype=torch.long)
        minibatches = torch.split(shuffle_idx, minibatch_size)

        for minibatch_idx in minibatches:

            #### Compute outputs ####
            yhat = model.forward(x[minibatch_idx])

            #### Compute gradients ####
            negative_grad_w, negative_grad_b = \
                model.backward(x[minibatch_idx], yhat, y[minibatch_idx])

            #### Update weights ####
            model.weights += learning_rate * negative_grad_w
            model.bias += learning_rate * negative_grad_b

            #### Logging ####
            minibatch_loss = loss_func(yhat, y[minibatch_idx])
            print('    Minibatch MSE: %.3f' % minibatch_loss)

        #### Logging ####
        yhat = model.forward(x)
        curr_loss = loss_func(yhat, y)
        print('Epoch: %03d' % (e+1), end="")
        print(' | MSE: %.5f' % curr_loss)
        cost.append(curr_loss)

    return cost

model = Adaline1(num_features=X_train.size(1))
cost = train(model,
             X_train, y_train.float(),
             num_epochs=3,
             learning_rate=0.1,
             seed=123,
             minibatch_size=20)
print('Weights', model.weights)
print('Bias', model.bias)
cost

# %%
# The same ADALINE, gradients from torch.autograd.grad
class Adaline2():
    def __init__(self, num_features):
        self.num_features = num_features
        self.weights = torch.zeros(num_features, 1,
                                   dtype=torch.float,
                                   requires_grad=True)
        self.bias = torch.zeros(1, dtype=torch.float,
                                requires_grad=True)

    def forward(self, x):
        netinputs = torch.add(torch.mm(x, self.weights), self.bias)
        activations = netinputs
        return activations.view(-1)

def train(model, x, y, num_epochs,
          learning_rate=0.01, seed=123, minibatch_size=10):
    cost = []

    torch.manual_seed(seed)
    for e in range(num_epochs):

        #### Shuffle epoch
        shuffle_idx = torch.randperm(y.size(0), dtype=torch.long)
        minibatches = torch.split(shuffle_idx, minibatch_size)

        for minibatch_idx in minibatches:

            #### Compute outputs ####
            yhat = model.forward(x[minibatch_idx])
            loss = torch.mean((yhat - y[minibatch_idx])**2)

            #### Compute gradients ####
            negative_grad_w = grad(loss, model.weights, retain_graph=True)[0] * (-1)
            negative_grad_b = grad(loss, model.bias)[0] * (-1)

            #### Update weights ####
            model.weights = model.weights + learning_rate * negative_grad_w
            model.bias = model.bias + learning_rate * negative_grad_b

            #### Logging ####
            print('    Minibatch MSE: %.3f' % loss)

        #### Logging ####
        with torch.no_grad():
            yhat = model.forward(x)
            curr_loss = torch.mean((yhat - y)**2)
            print('Epoch: %03d' % (e+1), end="")
            print(' | MSE: %.5f' % curr_loss)
            cost.append(curr_loss)

    return cost

from torch.autograd import grad
model = Adaline2(num_features=X_train.size(1))
cost = train(model, X_train, y_train.float(), num_epochs=3, learning_rate=0.1, seed=123, minibatch_size=20)
print('Weights', model.weights)
print('Bias', model.bias)
print(model.weights.is_leaf, model.weights.grad_fn)

# %%
# the learner forgets retain_graph=True for the first grad call
torch.manual_seed(2)
m = Adaline2(2)
yhat = m.forward(X_train[:5])
loss = torch.mean((yhat - y_train[:5])**2)
gw = grad(loss, m.weights)[0]
try:
    gb = grad(loss, m.bias)[0]
except RuntimeError as e:
    print(e)
# or asks for the gradient of a non-scalar
try:
    grad(yhat, m.weights)
except RuntimeError as e:
    print(e)
# or of an input that was not used
unused = torch.zeros(1, requires_grad=True)
try:
    grad(loss, unused)
except RuntimeError as e:
    print(e)
yhat = m.forward(X_train[:5])
loss = torch.mean((yhat - y_train[:5])**2)
print(grad(loss, [m.weights, unused], allow_unused=True))

# %%
# ... and the loss.backward() version, then in-place SGD updates on the leaves
class Adaline3(torch.nn.Module):
    def __init__(self, num_features):
        super(Adaline3, self).__init__()
        self.linear = torch.nn.Linear(num_features, 1)

        # change random weights to zero
        # (don't do this for multi-layer nets!)
        self.linear.weight.detach().zero_()
        self.linear.bias.detach().zero_()

    def forward(self, x):
        netinputs = self.linear(x)
        activations = netinputs
        return activations.view(-1)

model = Adaline3(num_features=X_train.size(1))
print(model.linear.weight, model.linear.bias)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for e in range(3):
    torch.manual_seed(123 + e)
    shuffle_idx = torch.randperm(y_train.size(0), dtype=torch.long)
    for minibatch_idx in torch.split(shuffle_idx, 20):
        yhat = model.forward(X_train[minibatch_idx])
        loss = F.mse_loss(yhat, y_train[minibatch_idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        print('Epoch: %03d | MSE: %.5f' % (e+1, F.mse_loss(model(X_train), y_train)))
print(model.linear.weight, model.linear.bias)

# %%
# the learner updates a leaf in place without no_grad
w = torch.zeros(2, 1, requires_grad=True)
loss = ((X_train[:5] @ w).view(-1) - y_train[:5]).pow(2).mean()
loss.backward()
try:
    w -= 0.1 * w.grad
except RuntimeError as e:
    print(e)
try:
    w.data -= 0.1 * w.grad
    print(w.view(-1), w.requires_grad)
except RuntimeError as e:
    print(e)
# and shape trouble: y (N,) vs yhat (N, 1) broadcasts silently, with a warning from mse_loss
yhat2 = X_train[:5] @ w
print(yhat2.shape, y_train[:5].shape)
print(F.mse_loss(yhat2, y_train[:5]))
