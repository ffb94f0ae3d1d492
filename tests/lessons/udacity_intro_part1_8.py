# Imitates Udacity "Intro to Deep Learning with PyTorch" (deep-learning-v2-pytorch, intro-to-pytorch parts 1-8):
# tensors and the numpy bridge, activation(), a hand-made network, nn.Sequential with an OrderedDict, a
# Fashion-MNIST-style loop with LogSoftmax + NLLLoss, validation with topk and equals, dropout train/eval,
# checkpoints saved and loaded (with the size mismatch of a network built with other hidden layers), and
# transfer-learning style freezing. Synthetic 28x28 "images" replace the datasets.
import torch
import numpy as np
from collections import OrderedDict
from torch import nn, optim
import torch.nn.functional as F

# %%
def activation(x):
    """ Sigmoid activation function

        Arguments
        ---------
        x: torch.Tensor
    """
    return 1/(1+torch.exp(-x))

### Generate some data
torch.manual_seed(7) # Set the random seed so things are predictable

# Features are 5 random normal variables
features = torch.randn((1, 5))
# True weights for our data, random normal variables again
weights = torch.randn_like(features)
# and a true bias term
bias = torch.randn((1, 1))

y = activation(torch.sum(features * weights) + bias)
print(y)
y = activation((features * weights).sum() + bias)
print(y)

# %%
# a learner's first try: matrix multiply with the wrong shapes
try:
    torch.mm(features, weights)
except RuntimeError as e:
    print(e)
print(weights.shape, weights.view(5, 1).shape, weights.reshape(5, 1).shape)
y = activation(torch.mm(features, weights.view(5,1)) + bias)
y

# %%
### Generate some data
torch.manual_seed(7) # Set the random seed so things are predictable

# Features are 3 random normal variables
features = torch.randn((1, 3))

# Define the size of each layer in our network
n_input = features.shape[1]     # Number of input units, must match number of input features
n_hidden = 2                    # Number of hidden units
n_output = 1                    # Number of output units

# Weights for inputs to hidden layer
W1 = torch.randn(n_input, n_hidden)
# Weights for hidden layer to output layer
W2 = torch.randn(n_hidden, n_output)

# and bias terms for hidden and output layers
B1 = torch.randn((1, n_hidden))
B2 = torch.randn((1, n_output))

h = activation(torch.mm(features, W1) + B1)
output = activation(torch.mm(h, W2) + B2)
print(output)

# %%
a = np.random.RandomState(0).rand(4,3)
print(a)
b = torch.from_numpy(a)
print(b)
print(b.numpy())
# Multiply PyTorch Tensor by 2, in place
b.mul_(2)
# Numpy array matches new values from Tensor
a

# %%
torch.manual_seed(0)
# fake MNIST batch: 64 grey images
images = torch.rand(64, 1, 28, 28)
labels = torch.randint(0, 10, (64,))
print(type(images))
print(images.shape)
print(labels.shape)
inputs = images.view(images.shape[0], -1)
print(inputs.shape)

def activation(x):
    return 1/(1+torch.exp(-x))

w1 = torch.randn(784, 256)
b1 = torch.randn(256)
w2 = torch.randn(256, 10)
b2 = torch.randn(10)
h = activation(torch.mm(inputs, w1) + b1)
out = torch.mm(h, w2) + b2
print(out.shape)

# %%
def softmax(x):
    return torch.exp(x)/torch.sum(torch.exp(x), dim=1).view(-1, 1)

probabilities = softmax(out)
# Does it have the right shape? Should be (64, 10)
print(probabilities.shape)
# Does it sum to 1?
print(probabilities.sum(dim=1)[:8])
# the classic mistake: no view(-1, 1), the division broadcasts the wrong way
try:
    bad = torch.exp(out)/torch.sum(torch.exp(out), dim=1)
except RuntimeError as e:
    print(e)

# %%
class Network(nn.Module):
    def __init__(self):
        super().__init__()

        # Inputs to hidden layer linear transformation
        self.hidden = nn.Linear(784, 256)
        # Output layer, 10 units - one for each digit
        self.output = nn.Linear(256, 10)

        # Define sigmoid activation and softmax output
        self.sigmoid = nn.Sigmoid()
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        # Pass the input tensor through each of our operations
        x = self.hidden(x)
        x = self.sigmoid(x)
        x = self.output(x)
        x = self.softmax(x)

        return x

torch.manual_seed(1)
model = Network()
model

# %%
class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, 10)

    def forward(self, x):
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x)
        x = F.relu(x)
        x = self.fc3(x)
        x = F.softmax(x, dim=1)
        return x

torch.manual_seed(1)
model = Network()
print(model)
print(model.fc1.weight.shape)
print(model.fc1.bias[:5])
# Set biases to all zeros
model.fc1.bias.data.fill_(0)
# sample from random normal with standard dev = 0.01
model.fc1.weight.data.normal_(std=0.01)
print(model.fc1.bias[:5], model.fc1.weight.std().item() < 0.02)

# %%
# Grab some data
images.resize_(64, 1, 784)
# or images.resize_(images.shape[0], 1, 784) to automatically get batch size

# Forward pass through the network
img_idx = 0
ps = model.forward(images[img_idx,:])
print(ps.shape, ps.sum().item() > 0.999)
images.resize_(64, 1, 28, 28)
print(images.shape)

# %%
# Hyperparameters for our network
input_size = 784
hidden_sizes = [128, 64]
output_size = 10

torch.manual_seed(2)
# Build a feed-forward network
model = nn.Sequential(nn.Linear(input_size, hidden_sizes[0]),
                      nn.ReLU(),
                      nn.Linear(hidden_sizes[0], hidden_sizes[1]),
                      nn.ReLU(),
                      nn.Linear(hidden_sizes[1], output_size),
                      nn.Softmax(dim=1))
print(model)
print(model[0])
model[0].weight[:2, :4]

# %%
model = nn.Sequential(OrderedDict([
                      ('fc1', nn.Linear(input_size, hidden_sizes[0])),
                      ('relu1', nn.ReLU()),
                      ('fc2', nn.Linear(hidden_sizes[0], hidden_sizes[1])),
                      ('relu2', nn.ReLU()),
                      ('output', nn.Linear(hidden_sizes[1], output_size)),
                      ('softmax', nn.Softmax(dim=1))]))
print(model)
print(model[0])
print(model.fc1)
try:
    model.fc4
except AttributeError as e:
    print(e)
try:
    model['fc1']
except (TypeError, KeyError) as e:
    print(type(e).__name__, e)

# %%
# Part 3: training. Build a feed-forward network
torch.manual_seed(3)
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10))

# Define the loss
criterion = nn.CrossEntropyLoss()

# Flatten images
images_flat = images.view(images.shape[0], -1)

# Forward pass, get our logits
logits = model(images_flat)
# Calculate the loss with the logits and the labels
loss = criterion(logits, labels)

print(loss)

# %%
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax(dim=1))

# Define the loss
criterion = nn.NLLLoss()

# Forward pass, get our log-probabilities
logps = model(images_flat)
# Calculate the loss with the logps and the labels
loss = criterion(logps, labels)

print(loss)
# NLLLoss given probabilities by mistake, and labels of the wrong type
print(criterion(torch.exp(logps), labels))
try:
    criterion(logps, labels.float())
except RuntimeError as e:
    print(e)

# %%
x = torch.randn(2,2, requires_grad=True)
print(x)
y = x**2
print(y)
## grad_fn shows the function that generated this variable
print(y.grad_fn)
z = y.mean()
print(z)
print(x.grad)
z.backward()
print(x.grad)
print(x/2)

# %%
print('Before backward pass: \n', model[0].weight.grad)
loss.backward()
print('After backward pass: \n', model[0].weight.grad[:2, 300:304])

# %%
# Optimizers require the parameters to optimize and a learning rate
optimizer = optim.SGD(model.parameters(), lr=0.01)
print('Initial weights - ', model[0].weight[:1, 300:304])

# Clear the gradients, do this because gradients are accumulated
optimizer.zero_grad()

# Forward pass, then backward pass, then update weights
output = model(images_flat)
loss = criterion(output, labels)
loss.backward()
print('Gradient -', model[0].weight.grad[:1, 300:304])
# Take an update step and view the new weights
optimizer.step()
print('Updated weights - ', model[0].weight[:1, 300:304])

# %%
# a tiny "trainloader": 4 batches of 16
torch.manual_seed(4)
train_x = torch.rand(64, 1, 28, 28)
train_y = (train_x.view(64, -1)[:, :10].argmax(1))  # learnable labels
trainloader = [(train_x[i:i+16], train_y[i:i+16]) for i in range(0, 64, 16)]
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax(dim=1))

criterion = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.003)

epochs = 5
for e in range(epochs):
    running_loss = 0
    for images, labels in trainloader:
        # Flatten MNIST images into a 784 long vector
        images = images.view(images.shape[0], -1)

        # Training pass
        optimizer.zero_grad()

        output = model(images)
        loss = criterion(output, labels)
        loss.backward()
        optimizer.step()

        running_loss += loss.item()
    else:
        print(f"Training loss: {running_loss/len(trainloader)}")

# %%
# Part 4-5: Fashion-MNIST classifier and validation
class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 64)
        self.fc4 = nn.Linear(64, 10)

    def forward(self, x):
        # make sure input tensor is flattened
        x = x.view(x.shape[0], -1)

        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = F.relu(self.fc3(x))
        x = F.log_softmax(self.fc4(x), dim=1)

        return x

torch.manual_seed(5)
model = Classifier()
images, labels = trainloader[0]
# Get the class probabilities
ps = torch.exp(model(images))
# Make sure the shape is appropriate, we should get 10 class probabilities for 16 examples
print(ps.shape)
top_p, top_class = ps.topk(1, dim=1)
# Look at the most likely classes for the first 10 examples
print(top_class[:10,:])

# %%
equals = top_class == labels
print(equals.shape)
equals = top_class == labels.view(*top_class.shape)
print(equals.shape, equals[:4])
try:
    accuracy = torch.mean(equals)
except RuntimeError as e:
    print(e)
accuracy = torch.mean(equals.type(torch.FloatTensor))
print(f'Accuracy: {accuracy.item()*100}%')

# %%
testloader = [(train_x[i:i+32] * 0.9, train_y[i:i+32]) for i in range(0, 64, 32)]
criterion = nn.NLLLoss()
optimizer = optim.Adam(model.parameters(), lr=0.003)

epochs = 3
steps = 0

train_losses, test_losses = [], []
for e in range(epochs):
    running_loss = 0
    for images, labels in trainloader:

        optimizer.zero_grad()

        log_ps = model(images)
        loss = criterion(log_ps, labels)
        loss.backward()
        optimizer.step()

        running_loss += loss.item()

    else:
        test_loss = 0
        accuracy = 0

        # Turn off gradients for validation, saves memory and computations
        with torch.no_grad():
            for images, labels in testloader:
                log_ps = model(images)
                test_loss += criterion(log_ps, labels)

                ps = torch.exp(log_ps)
                top_p, top_class = ps.topk(1, dim=1)
                equals = top_class == labels.view(*top_class.shape)
                accuracy += torch.mean(equals.type(torch.FloatTensor))

        train_losses.append(running_loss/len(trainloader))
        test_losses.append(test_loss/len(testloader))

        print("Epoch: {}/{}.. ".format(e+1, epochs),
              "Training Loss: {:.3f}.. ".format(running_loss/len(trainloader)),
              "Test Loss: {:.3f}.. ".format(test_loss/len(testloader)),
              "Test Accuracy: {:.3f}".format(accuracy/len(testloader)))
print(test_losses)

# %%
class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 64)
        self.fc4 = nn.Linear(64, 10)

        # Dropout module with 0.2 drop probability
        self.dropout = nn.Dropout(p=0.2)

    def forward(self, x):
        # make sure input tensor is flattened
        x = x.view(x.shape[0], -1)

        # Now with dropout
        x = self.dropout(F.relu(self.fc1(x)))
        x = self.dropout(F.relu(self.fc2(x)))
        x = self.dropout(F.relu(self.fc3(x)))

        # output so no dropout here
        x = F.log_softmax(self.fc4(x), dim=1)

        return x

torch.manual_seed(6)
model = Classifier()
print(model)
print(model.training, model.dropout.training)
a = model(images)
b = model(images)
print(torch.equal(a, b))
model.eval()
print(model.training, model.dropout.training)
with torch.no_grad():
    print(torch.equal(model(images), model(images)))
model.train()
print(model.dropout)

# %%
# Part 6: saving and loading
class Network(nn.Module):
    def __init__(self, input_size, output_size, hidden_layers, drop_p=0.5):
        ''' Builds a feedforward network with arbitrary hidden layers.
        '''
        super().__init__()
        # Input to a hidden layer
        self.hidden_layers = nn.ModuleList([nn.Linear(input_size, hidden_layers[0])])

        # Add a variable number of more hidden layers
        layer_sizes = zip(hidden_layers[:-1], hidden_layers[1:])
        self.hidden_layers.extend([nn.Linear(h1, h2) for h1, h2 in layer_sizes])

        self.output = nn.Linear(hidden_layers[-1], output_size)

        self.dropout = nn.Dropout(p=drop_p)

    def forward(self, x):
        ''' Forward pass through the network, returns the output logits '''
        for each in self.hidden_layers:
            x = F.relu(each(x))
            x = self.dropout(x)
        x = self.output(x)

        return F.log_softmax(x, dim=1)

torch.manual_seed(7)
model = Network(784, 10, [512, 256, 128])
print("Our model: \n\n", model, '\n')
print("The state dict keys: \n\n", model.state_dict().keys())

# %%
import io
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
buffer.seek(0)
state_dict = torch.load(buffer)
print(state_dict.keys())
print(model.load_state_dict(state_dict))

# %%
# Try this
model = Network(784, 10, [400, 200, 100])
# This will throw an error because the tensor sizes are wrong!
try:
    model.load_state_dict(state_dict)
except RuntimeError as e:
    print(e)

# %%
checkpoint = {'input_size': 784,
              'output_size': 10,
              'hidden_layers': [each.out_features for each in model.hidden_layers],
              'state_dict': model.state_dict()}
buffer = io.BytesIO()
torch.save(checkpoint, buffer)

def load_checkpoint(filepath):
    filepath.seek(0)
    checkpoint = torch.load(filepath)
    model = Network(checkpoint['input_size'],
                    checkpoint['output_size'],
                    checkpoint['hidden_layers'])
    model.load_state_dict(checkpoint['state_dict'])

    return model

model2 = load_checkpoint(buffer)
print(model2)
print(all(torch.equal(a, b) for a, b in zip(model.parameters(), model2.parameters())))

# %%
# Part 8: transfer learning, freezing a "pretrained" feature extractor
torch.manual_seed(8)
features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
pretrained = nn.Sequential(OrderedDict([('features', features), ('classifier', nn.Linear(8, 1000))]))

# Freeze parameters so we don't backprop through them
for param in pretrained.parameters():
    param.requires_grad = False

classifier = nn.Sequential(OrderedDict([
                          ('fc1', nn.Linear(8, 32)),
                          ('relu', nn.ReLU()),
                          ('drop', nn.Dropout(0.2)),
                          ('fc2', nn.Linear(32, 2)),
                          ('output', nn.LogSoftmax(dim=1))
                          ]))

pretrained.classifier = classifier
print(pretrained)
print(sum(p.numel() for p in pretrained.parameters()),
      sum(p.numel() for p in pretrained.parameters() if p.requires_grad))

# %%
criterion = nn.NLLLoss()
# Only train the classifier parameters, feature parameters are frozen
optimizer = optim.Adam(pretrained.classifier.parameters(), lr=0.003)
imgs = torch.rand(8, 1, 28, 28)
labs = torch.tensor([0, 1, 1, 0, 1, 0, 0, 1])
running_loss = 0
for step in range(5):
    optimizer.zero_grad()
    logps = pretrained.forward(imgs)
    loss = criterion(logps, labs)
    loss.backward()
    optimizer.step()
    running_loss += loss.item()
    print(f"step {step+1}: loss {loss.item():.4f}")
print(pretrained.features[0].weight.grad, pretrained.classifier.fc1.weight.grad.shape)
# a learner's mistake: Adam over all parameters including the frozen ones, then backward on a no-grad output
with torch.no_grad():
    out = pretrained(imgs)
try:
    criterion(out, labs).backward()
except RuntimeError as e:
    print(e)
