# Imitates Jovian "Zero to GANs" lesson 3 notebook "Working with Images & Logistic Regression in PyTorch"
# (Aakash N S), on MNIST-shaped random data: random_split, DataLoader, a MnistModel with training_step /
# validation_step / validation_epoch_end returning dicts of tensors, evaluate(), accuracy, fit() with history.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader, random_split

# %%
torch.manual_seed(43)
images = torch.rand(120, 1, 28, 28)
labels = torch.randint(0, 10, (120,))
dataset = TensorDataset(images, labels)
img_tensor, label = dataset[0]
print(img_tensor.shape, label)
print(img_tensor[:, 10:15, 10:15])
print(torch.max(img_tensor), torch.min(img_tensor))

# %%
train_ds, val_ds = random_split(dataset, [100, 20])
print(len(train_ds), len(val_ds))
try:
    random_split(dataset, [100, 30])
except Exception as e:
    print(type(e).__name__, e)
print(type(train_ds).__name__, train_ds[0][1])

# %%
batch_size = 32
train_loader = DataLoader(train_ds, batch_size, shuffle=True)
val_loader = DataLoader(val_ds, batch_size)
input_size = 28*28
num_classes = 10

# Logistic regression model
model = nn.Linear(input_size, num_classes)
print(model.weight.shape)
print(model.bias.shape)

# %%
for images, labels in train_loader:
    print(labels)
    print(images.shape)
    try:
        outputs = model(images)
    except Exception as e:
        print(type(e).__name__, e)
    break

# %%
class MnistModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(input_size, num_classes)

    def forward(self, xb):
        xb = xb.reshape(-1, 784)
        out = self.linear(xb)
        return out

model = MnistModel()
print(model.linear.weight.shape, model.linear.bias.shape)
print(list(model.parameters())[1])
model

# %%
for images, labels in train_loader:
    print(images.shape)
    outputs = model(images)
    break
print('outputs.shape : ', outputs.shape)
print('Sample outputs :\n', outputs[:2].data)

# %%
# Apply softmax for each output row
probs = F.softmax(outputs, dim=1)
print("Sample probabilities:\n", probs[:2].data)
print("Sum: ", torch.sum(probs[0]).item())
max_probs, preds = torch.max(probs, dim=1)
print(preds)
print(max_probs)

# %%
def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))

print(accuracy(outputs, labels))
loss_fn = F.cross_entropy
loss = loss_fn(outputs, labels)
print(loss)

# %%
class MnistModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(input_size, num_classes)

    def forward(self, xb):
        xb = xb.reshape(-1, 784)
        out = self.linear(xb)
        return out

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
        return {'val_loss': loss, 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()   # Combine losses
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()      # Combine accuracies
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], val_loss: {:.4f}, val_acc: {:.4f}".format(epoch, result['val_loss'], result['val_acc']))

torch.manual_seed(1)
model = MnistModel()

# %%
def evaluate(model, val_loader):
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)

def fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD):
    history = []
    optimizer = opt_func(model.parameters(), lr)
    for epoch in range(epochs):
        # Training Phase
        for batch in train_loader:
            loss = model.training_step(batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        # Validation phase
        result = evaluate(model, val_loader)
        model.epoch_end(epoch, result)
        history.append(result)
    return history

result0 = evaluate(model, val_loader)
result0

# %%
history1 = fit(3, 0.001, model, train_loader, val_loader)
history = [result0] + history1
accuracies = [result['val_acc'] for result in history]
print(len(accuracies), type(accuracies[0]).__name__)

# %%
# a validation_step output printed as it is, before .item()
outs = [model.validation_step(batch) for batch in val_loader]
print(outs[0]['val_acc'], outs[0]['val_acc'].dtype)
print(torch.stack([x['val_loss'] for x in outs]))
print(torch.stack([x['val_loss'] for x in outs]).mean())

# %%
def predict_image(img, model):
    xb = img.unsqueeze(0)
    yb = model(xb)
    _, preds = torch.max(yb, dim=1)
    return preds[0].item()

img, label = val_ds[0]
print('Label:', label, ', Predicted:', predict_image(img, model))
print(img.unsqueeze(0).shape, type(label).__name__)

# %%
torch.save(model.state_dict(), '/tmp/mnist-logistic-jovian.pth')
print(model.state_dict().keys())
model2 = MnistModel()
print(model2.load_state_dict(torch.load('/tmp/mnist-logistic-jovian.pth')))
print(torch.equal(model2.linear.bias, model.linear.bias))
evaluate(model2, val_loader)
