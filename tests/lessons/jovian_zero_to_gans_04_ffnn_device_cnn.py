# Imitates Jovian "Zero to GANs" lessons 4 and 5 notebooks "Training Deep Neural Networks on a GPU" and
# "Classifying CIFAR10 images using CNNs" (Aakash N S), on random MNIST/CIFAR-shaped data and CPU:
# get_default_device / to_device / DeviceDataLoader, a MnistModel with a hidden layer, ImageClassificationBase,
# a Cifar10CnnModel built with nn.Sequential, evaluate under @torch.no_grad(), fit with history and Adam.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader, random_split

# %%
torch.manual_seed(42)
dataset = TensorDataset(torch.rand(96, 1, 28, 28), torch.randint(0, 10, (96,)))
train_ds, val_ds = random_split(dataset, [80, 16])
train_loader = DataLoader(train_ds, 16, shuffle=True)
val_loader = DataLoader(val_ds, 32)
for images, labels in train_loader:
    print('images.shape:', images.shape)
    inputs = images.reshape(-1, 784)
    print('inputs.shape:', inputs.shape)
    break

# %%
input_size = inputs.shape[-1]
hidden_size = 32
layer1 = nn.Linear(input_size, hidden_size)
layer1_outputs = layer1(inputs)
print('layer1_outputs.shape:', layer1_outputs.shape)
layer1_outputs_direct = inputs @ layer1.weight.t() + layer1.bias
print(layer1_outputs_direct.shape)
print(torch.allclose(layer1_outputs, layer1_outputs_direct, 1e-3))
relu_outputs = F.relu(layer1_outputs)
print('min(layer1_outputs):', torch.min(layer1_outputs).item() < 0)
print('min(relu_outputs):', torch.min(relu_outputs).item())
print(F.relu(torch.tensor([[1, -1, 0], [-0.1, .2, 3]])))

# %%
output_size = 10
layer2 = nn.Linear(hidden_size, output_size)
layer2_outputs = layer2(relu_outputs)
print(layer2_outputs.shape)
print(F.cross_entropy(layer2_outputs, labels))
# Same result without the non-linearity collapses into one linear layer
outputs2 = (inputs @ layer1.weight.t() + layer1.bias) @ layer2.weight.t() + layer2.bias
combined_layer = nn.Linear(input_size, output_size)
combined_layer.weight.data = layer2.weight @ layer1.weight
combined_layer.bias.data = layer1.bias @ layer2.weight.t() + layer2.bias
outputs3 = inputs @ combined_layer.weight.t() + combined_layer.bias
print(torch.allclose(outputs2, outputs3, 1e-3))
print(combined_layer.weight.requires_grad, combined_layer.weight.grad_fn)

# %%
def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))

class MnistModel(nn.Module):
    """Feedfoward neural network with 1 hidden layer"""
    def __init__(self, in_size, hidden_size, out_size):
        super().__init__()
        self.linear1 = nn.Linear(in_size, hidden_size)
        self.linear2 = nn.Linear(hidden_size, out_size)

    def forward(self, xb):
        xb = xb.view(xb.size(0), -1)
        out = self.linear1(xb)
        out = F.relu(out)
        out = self.linear2(out)
        return out

    def training_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        acc = accuracy(out, labels)
        return {'val_loss': loss, 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], val_loss: {:.4f}, val_acc: {:.4f}".format(epoch, result['val_loss'], result['val_acc']))

model = MnistModel(input_size, hidden_size=32, out_size=10)
for t in model.parameters():
    print(t.shape)
for images, labels in train_loader:
    outputs = model(images)
    loss = F.cross_entropy(outputs, labels)
    print('Loss:', loss.item() > 0)
    break
print('outputs.shape : ', outputs.shape)
print('Sample outputs :\n', outputs[:2].data.shape)

# %%
print(torch.cuda.is_available())

def get_default_device():
    """Pick GPU if available, else CPU"""
    if torch.cuda.is_available():
        return torch.device('cuda')
    else:
        return torch.device('cpu')

device = get_default_device()
print(device)
device

# %%
def to_device(data, device):
    """Move tensor(s) to chosen device"""
    if isinstance(data, (list,tuple)):
        return [to_device(x, device) for x in data]
    return data.to(device, non_blocking=True)

for images, labels in train_loader:
    print(images.shape)
    images = to_device(images, device)
    print(images.device)
    break

class DeviceDataLoader():
    """Wrap a dataloader to move data to a device"""
    def __init__(self, dl, device):
        self.dl = dl
        self.device = device

    def __iter__(self):
        """Yield a batch of data after moving it to device"""
        for b in self.dl:
            yield to_device(b, self.device)

    def __len__(self):
        """Number of batches"""
        return len(self.dl)

train_loader = DeviceDataLoader(train_loader, device)
val_loader = DeviceDataLoader(val_loader, device)
for xb, yb in val_loader:
    print('xb.device:', xb.device)
    print('yb:', yb)
    break
print(len(train_loader), len(val_loader))

# %%
@torch.no_grad()
def evaluate(model, val_loader):
    """Evaluate the model's performance on the validation set"""
    model.eval()
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)

def fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD):
    """Train the model using gradient descent"""
    history = []
    optimizer = opt_func(model.parameters(), lr)
    for epoch in range(epochs):
        model.train()
        for batch in train_loader:
            loss = model.training_step(batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        result = evaluate(model, val_loader)
        model.epoch_end(epoch, result)
        history.append(result)
    return history

torch.manual_seed(3)
model = MnistModel(input_size, hidden_size=hidden_size, out_size=10)
print(to_device(model, device) is model)
print(next(model.parameters()).device, next(model.parameters()).is_cuda)
history = [evaluate(model, val_loader)]
history += fit(2, 0.5, model, train_loader, val_loader)
print([sorted(h) for h in history][:1])

# %%
out = evaluate(model, val_loader)
print(out['val_loss'] > 0, type(out['val_acc']).__name__)
print(evaluate.__name__, torch.is_grad_enabled())

# %%
# CNN on CIFAR10-shaped data
torch.manual_seed(7)
cifar = TensorDataset(torch.rand(40, 3, 32, 32), torch.randint(0, 10, (40,)))
img, label = cifar[0]
print(img.shape, label)
print(img.permute(1, 2, 0).shape)

simple_model = nn.Sequential(
    nn.Conv2d(3, 8, kernel_size=3, stride=1, padding=1),
    nn.MaxPool2d(2, 2)
)
for images, labels in DataLoader(cifar, 8):
    print('images.shape:', images.shape)
    out = simple_model(images)
    print('out.shape:', out.shape)
    break
simple_model

# %%
class ImageClassificationBase(nn.Module):
    def training_step(self, batch):
        images, labels = batch
        out = self(images)                  # Generate predictions
        loss = F.cross_entropy(out, labels) # Calculate loss
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)                    # Generate predictions
        loss = F.cross_entropy(out, labels)   # Calculate loss
        acc = accuracy(out, labels)           # Calculate accuracy
        return {'val_loss': loss.detach(), 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()   # Combine losses
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()      # Combine accuracies
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], train_loss: {:.4f}, val_loss: {:.4f}, val_acc: {:.4f}".format(
            epoch, result['train_loss'], result['val_loss'], result['val_acc']))

class Cifar10CnnModel(ImageClassificationBase):
    def __init__(self):
        super().__init__()
        self.network = nn.Sequential(
            nn.Conv2d(3, 8, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.Conv2d(8, 16, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2, 2), # output: 16 x 16 x 16

            nn.Conv2d(16, 16, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2, 2), # output: 16 x 8 x 8

            nn.Flatten(),
            nn.Linear(16*8*8, 32),
            nn.ReLU(),
            nn.Linear(32, 10))

    def forward(self, xb):
        return self.network(xb)

torch.manual_seed(11)
model = Cifar10CnnModel()
model

# %%
for images, labels in DataLoader(cifar, 8):
    print('images.shape:', images.shape)
    out = model(images)
    print('out.shape:', out.shape)
    print('out[0]:', out[0].shape)
    break
print(sum(p.numel() for p in model.parameters()))

# %%
def fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD):
    history = []
    optimizer = opt_func(model.parameters(), lr)
    for epoch in range(epochs):
        # Training Phase
        model.train()
        train_losses = []
        for batch in train_loader:
            loss = model.training_step(batch)
            train_losses.append(loss)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        # Validation phase
        result = evaluate(model, val_loader)
        result['train_loss'] = torch.stack(train_losses).mean().item()
        model.epoch_end(epoch, result)
        history.append(result)
    return history

train_dl = DeviceDataLoader(DataLoader(cifar, 8, shuffle=True), device)
val_dl = DeviceDataLoader(DataLoader(cifar, 16), device)
model = to_device(Cifar10CnnModel(), device)
history = fit(2, 0.001, model, train_dl, val_dl, torch.optim.Adam)
train_losses = [x.get('train_loss') for x in history]
print(len(train_losses))

# %%
def predict_image(img, model):
    # Convert to a batch of 1
    xb = to_device(img.unsqueeze(0), device)
    # Get predictions from model
    yb = model(xb)
    # Pick index with highest probability
    _, preds  = torch.max(yb, dim=1)
    return preds[0].item()

img, label = cifar[3]
print('Label:', label.item(), ', Predicted:', type(predict_image(img, model)).__name__)
try:
    model(img)
except Exception as e:
    print(type(e).__name__, e)
