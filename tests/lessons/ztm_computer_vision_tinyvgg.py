# Imitates Zero to Mastery "Learn PyTorch" notebook 03 (computer vision) on FashionMNIST-shaped synthetic images:
# class_names/class_to_idx, image.shape and squeeze for plotting, DataLoader batches, FashionMNISTModelV0 (Flatten +
# Linear), accuracy_fn, train_step/test_step/eval_model functions, a non-linear V1, TinyVGG (V2) with the layer
# shape probe, make_predictions with softmax, a hand-made confusion matrix, and saving/loading a state_dict.
import torch
from torch import nn
from torch.utils.data import TensorDataset, DataLoader

# %%
torch.manual_seed(42)
class_names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
class_to_idx = {name: i for i, name in enumerate(class_names)}
N = 120
labels = torch.arange(N) % 10
templates = torch.rand(10, 1, 28, 28)
images = (templates[labels] + 0.3 * torch.rand(N, 1, 28, 28)).clamp(0, 1)
train_data = TensorDataset(images[:96], labels[:96])
test_data = TensorDataset(images[96:], labels[96:])
image, label = train_data[0]
print(image.shape, label, class_names[label])
print(f"Image shape: {image.shape} -> [color_channels, height, width]")
print(f"Image label: {class_names[label]}")
image.squeeze().shape, len(train_data), len(test_data), class_to_idx['Bag']

# %%
BATCH_SIZE = 32
train_dataloader = DataLoader(train_data, batch_size=BATCH_SIZE, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=BATCH_SIZE, shuffle=False)
print(f"Dataloaders: {train_dataloader, test_dataloader}"[:12])
print(f"Length of train dataloader: {len(train_dataloader)} batches of {BATCH_SIZE}...")
print(f"Length of test dataloader: {len(test_dataloader)} batches of {BATCH_SIZE}...")
train_features_batch, train_labels_batch = next(iter(train_dataloader))
train_features_batch.shape, train_labels_batch.shape

# %%
flatten_model = nn.Flatten()
x = train_features_batch[0]
output = flatten_model(x)
print(f"Shape before flattening: {x.shape} -> [color_channels, height, width]")
print(f"Shape after flattening: {output.shape} -> [color_channels, height*width]")

class FashionMNISTModelV0(nn.Module):
    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__()
        self.layer_stack = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features=input_shape, out_features=hidden_units),
            nn.Linear(in_features=hidden_units, out_features=output_shape))
    def forward(self, x):
        return self.layer_stack(x)

torch.manual_seed(42)
model_0 = FashionMNISTModelV0(input_shape=784, hidden_units=10, output_shape=len(class_names))
model_0

# %%
def accuracy_fn(y_true, y_pred):
    correct = torch.eq(y_true, y_pred).sum().item()
    acc = (correct / len(y_pred)) * 100
    return acc

loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.1)

def train_step(model, data_loader, loss_fn, optimizer, accuracy_fn):
    train_loss, train_acc = 0, 0
    model.train()
    for batch, (X, y) in enumerate(data_loader):
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss
        train_acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    train_loss /= len(data_loader)
    train_acc /= len(data_loader)
    print(f"Train loss: {train_loss:.5f} | Train accuracy: {train_acc:.2f}%")

def test_step(data_loader, model, loss_fn, accuracy_fn):
    test_loss, test_acc = 0, 0
    model.eval()
    with torch.inference_mode():
        for X, y in data_loader:
            test_pred = model(X)
            test_loss += loss_fn(test_pred, y)
            test_acc += accuracy_fn(y_true=y, y_pred=test_pred.argmax(dim=1))
        test_loss /= len(data_loader)
        test_acc /= len(data_loader)
        print(f"Test loss: {test_loss:.5f} | Test accuracy: {test_acc:.2f}%\n")

torch.manual_seed(42)
for epoch in range(3):
    print(f"Epoch: {epoch}\n---------")
    train_step(model_0, train_dataloader, loss_fn, optimizer, accuracy_fn)
    test_step(test_dataloader, model_0, loss_fn, accuracy_fn)

# %%
def eval_model(model, data_loader, loss_fn, accuracy_fn):
    loss, acc = 0, 0
    model.eval()
    with torch.inference_mode():
        for X, y in data_loader:
            y_pred = model(X)
            loss += loss_fn(y_pred, y)
            acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
        loss /= len(data_loader)
        acc /= len(data_loader)
    return {"model_name": model.__class__.__name__, "model_loss": loss.item(), "model_acc": acc}

model_0_results = eval_model(model_0, test_dataloader, loss_fn, accuracy_fn)
model_0_results

# %%
class FashionMNISTModelV2(nn.Module):
    """Model architecture copying TinyVGG from the CNN Explainer website."""
    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__()
        self.block_1 = nn.Sequential(
            nn.Conv2d(in_channels=input_shape, out_channels=hidden_units, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(in_channels=hidden_units, out_channels=hidden_units, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.block_2 = nn.Sequential(
            nn.Conv2d(hidden_units, hidden_units, 3, padding=1), nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, 3, padding=1), nn.ReLU(),
            nn.MaxPool2d(2))
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features=hidden_units * 7 * 7, out_features=output_shape))
    def forward(self, x: torch.Tensor):
        x = self.block_1(x)
        x = self.block_2(x)
        x = self.classifier(x)
        return x

torch.manual_seed(42)
model_2 = FashionMNISTModelV2(input_shape=1, hidden_units=8, output_shape=len(class_names))
print(model_2)
rand_image_tensor = torch.randn(size=(1, 28, 28))
model_2(rand_image_tensor.unsqueeze(dim=0))

# %%
torch.manual_seed(42)
images_b = torch.randn(size=(32, 3, 64, 64))
test_image = images_b[0]
print(f"Image batch shape: {images_b.shape} -> [batch_size, color_channels, height, width]")
print(f"Single image shape: {test_image.shape} -> [color_channels, height, width]")
conv_layer = nn.Conv2d(in_channels=3, out_channels=10, kernel_size=3, stride=1, padding=0)
print(conv_layer(test_image).shape)
conv_layer_2 = nn.Conv2d(in_channels=3, out_channels=10, kernel_size=(5, 5), stride=2, padding=0)
print(conv_layer_2(test_image.unsqueeze(dim=0)).shape)
print(conv_layer_2.state_dict()['weight'].shape, conv_layer_2.bias.shape)
max_pool_layer = nn.MaxPool2d(kernel_size=2)
test_image_through_conv = conv_layer(test_image.unsqueeze(dim=0))
print(f"Shape after going through conv_layer(): {test_image_through_conv.shape}")
test_image_through_conv_and_max_pool = max_pool_layer(test_image_through_conv)
print(f"Shape after going through conv_layer() and max_pool_layer(): {test_image_through_conv_and_max_pool.shape}")
random_tensor = torch.randn(size=(1, 1, 2, 2))
print(f"Random tensor:\n{random_tensor}")
max_pool_layer(random_tensor)

# %%
torch.manual_seed(42)
optimizer = torch.optim.SGD(params=model_2.parameters(), lr=0.1)
for epoch in range(2):
    print(f"Epoch: {epoch}\n---------")
    train_step(model_2, train_dataloader, loss_fn, optimizer, accuracy_fn)
    test_step(test_dataloader, model_2, loss_fn, accuracy_fn)
model_2_results = eval_model(model_2, test_dataloader, loss_fn, accuracy_fn)
model_2_results

# %%
def make_predictions(model: torch.nn.Module, data: list):
    pred_probs = []
    model.eval()
    with torch.inference_mode():
        for sample in data:
            sample = torch.unsqueeze(sample, dim=0)
            pred_logit = model(sample)
            pred_prob = torch.softmax(pred_logit.squeeze(), dim=0)
            pred_probs.append(pred_prob)
    return torch.stack(pred_probs)

import random
random.seed(42)
test_samples, test_labels = [], []
for sample, label in random.sample(list(test_data), k=9):
    test_samples.append(sample)
    test_labels.append(label)
print(f"Test sample image shape: {test_samples[0].shape}\nTest sample label: {test_labels[0]} ({class_names[test_labels[0]]})")
pred_probs = make_predictions(model=model_2, data=test_samples)
print(pred_probs[:2])
pred_classes = pred_probs.argmax(dim=1)
pred_classes, test_labels

# %%
y_preds = []
model_2.eval()
with torch.inference_mode():
    for X, y in test_dataloader:
        y_logit = model_2(X)
        y_pred = torch.softmax(y_logit, dim=1).argmax(dim=1)
        y_preds.append(y_pred)
y_pred_tensor = torch.cat(y_preds)
targets = test_data.tensors[1]
confmat = torch.zeros(10, 10, dtype=torch.int64)
for t, p in zip(targets, y_pred_tensor):
    confmat[t, p] += 1
print(confmat)
print(torch.bincount(targets * 10 + y_pred_tensor, minlength=100).reshape(10, 10).equal(confmat))
confmat.diag().sum() / confmat.sum()

# %%
import tempfile, os, pathlib
MODEL_PATH = pathlib.Path(tempfile.mkdtemp())
MODEL_SAVE_PATH = MODEL_PATH / "03_pytorch_computer_vision_model_2.pth"
torch.save(obj=model_2.state_dict(), f=MODEL_SAVE_PATH)
loaded_model_2 = FashionMNISTModelV2(input_shape=1, hidden_units=8, output_shape=10)
print(loaded_model_2.load_state_dict(torch.load(f=MODEL_SAVE_PATH)))
loaded_model_2_results = eval_model(loaded_model_2, test_dataloader, loss_fn, accuracy_fn)
print(loaded_model_2_results)
torch.isclose(torch.tensor(model_2_results["model_loss"]), torch.tensor(loaded_model_2_results["model_loss"]), atol=1e-08, rtol=0.0001)
