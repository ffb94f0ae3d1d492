# Imitates Zero to Mastery "Learn PyTorch" notebook 04 (custom datasets) without files: a dict of "image files" per
# class as in-memory uint8 HWC arrays, find_classes, an ImageFolderCustom(Dataset) with __len__/__getitem__ and a
# transform, transforms written by hand (resize with F.interpolate, random horizontal flip, ToTensor-like scaling, a
# TrivialAugment-like random op), DataLoader with batch_size=1 and 8, TinyVGG, train/test loops returning a results
# dict, the model summary printed by hand, and predicting on a custom image with unsqueeze/permute.
import random
import numpy as np
import torch
from torch import nn
import torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader

# %%
rng = np.random.default_rng(42)
fake_dir = {"pizza": [rng.integers(0, 256, (40, 48, 3), dtype=np.uint8) for _ in range(10)],
            "steak": [rng.integers(0, 256, (40, 48, 3), dtype=np.uint8) for _ in range(10)],
            "sushi": [rng.integers(0, 256, (40, 48, 3), dtype=np.uint8) for _ in range(10)]}
def find_classes(directory):
    classes = sorted(directory)
    if not classes:
        raise FileNotFoundError("Couldn't find any classes in directory.")
    class_to_idx = {cls_name: i for i, cls_name in enumerate(classes)}
    return classes, class_to_idx
find_classes(fake_dir)

# %%
def to_tensor(img):
    return torch.from_numpy(img).permute(2, 0, 1).float() / 255.

def resize(t, size=(32, 32)):
    return F.interpolate(t.unsqueeze(0), size=size, mode="bilinear", align_corners=False).squeeze(0)

def random_hflip(t, p=0.5):
    return t.flip(-1) if torch.rand(1).item() < p else t

def trivial_augment(t, num_magnitude_bins=31):
    op = torch.randint(4, (1,)).item()
    magnitude = torch.linspace(0.0, 0.99, num_magnitude_bins)[torch.randint(num_magnitude_bins, (1,)).item()]
    if op == 0:
        return t
    if op == 1:
        return (t * (1.0 + magnitude)).clamp(0, 1)
    if op == 2:
        return t.roll(shifts=int(magnitude * 10), dims=-1)
    return 1.0 - t

def train_transform(img):
    return trivial_augment(random_hflip(resize(to_tensor(img))))

def test_transform(img):
    return resize(to_tensor(img))

torch.manual_seed(42)
img = fake_dir["pizza"][0]
print(f"Image shape: {img.shape} -> [height, width, color_channels] (HWC)", img.dtype)
t = train_transform(img)
print(f"Transformed shape: {t.shape} -> [color_channels, height, width]", t.dtype)
t.min(), t.max(), t.mean()

# %%
class ImageFolderCustom(Dataset):
    def __init__(self, targ_dir, transform=None):
        self.items = [(img, cls) for cls in sorted(targ_dir) for img in targ_dir[cls]]
        self.transform = transform
        self.classes, self.class_to_idx = find_classes(targ_dir)
    def load_image(self, index):
        return self.items[index][0]
    def __len__(self) -> int:
        return len(self.items)
    def __getitem__(self, index: int):
        img = self.load_image(index)
        class_idx = self.class_to_idx[self.items[index][1]]
        if self.transform:
            return self.transform(img), class_idx
        return img, class_idx

train_data_custom = ImageFolderCustom(targ_dir=fake_dir, transform=train_transform)
test_data_custom = ImageFolderCustom(targ_dir=fake_dir, transform=test_transform)
print(len(train_data_custom), len(test_data_custom))
print(train_data_custom.classes, train_data_custom.class_to_idx)
img_t, label = test_data_custom[11]
img_t.shape, label, type(label)

# %%
torch.manual_seed(42)
train_dataloader_custom = DataLoader(dataset=train_data_custom, batch_size=1, num_workers=0, shuffle=True)
img_custom, label_custom = next(iter(train_dataloader_custom))
print(f"Image shape: {img_custom.shape} -> [batch_size, color_channels, height, width]")
print(f"Label shape: {label_custom.shape}", label_custom)
train_dataloader_simple = DataLoader(train_data_custom, batch_size=8, shuffle=True)
test_dataloader_simple = DataLoader(test_data_custom, batch_size=8, shuffle=False)
len(train_dataloader_simple), len(test_dataloader_simple)

# %%
class TinyVGG(nn.Module):
    def __init__(self, input_shape: int, hidden_units: int, output_shape: int) -> None:
        super().__init__()
        self.conv_block_1 = nn.Sequential(
            nn.Conv2d(input_shape, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.conv_block_2 = nn.Sequential(
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, padding=1), nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, padding=1), nn.ReLU(),
            nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(hidden_units * 8 * 8, output_shape))
    def forward(self, x: torch.Tensor):
        return self.classifier(self.conv_block_2(self.conv_block_1(x)))

torch.manual_seed(42)
model_0 = TinyVGG(input_shape=3, hidden_units=10, output_shape=len(train_data_custom.classes))
img_batch, label_batch = next(iter(train_dataloader_simple))
img_single, label_single = img_batch[0].unsqueeze(dim=0), label_batch[0]
print(f"Single image shape: {img_single.shape}\n")
model_0.eval()
with torch.inference_mode():
    pred = model_0(img_single)
print(f"Output logits:\n{pred}\n")
print(f"Output prediction probabilities:\n{torch.softmax(pred, dim=1)}\n")
print(f"Output prediction label:\n{torch.argmax(torch.softmax(pred, dim=1), dim=1)}\n")
print(f"Actual label:\n{label_single}")

# %%
def summary(model, input_size):
    x = torch.zeros(input_size)
    total = 0
    print(f"{'Layer (type)':<25}{'Output Shape':<25}{'Param #':>10}")
    for name, layer in model.named_modules():
        if len(list(layer.children())) > 0:
            continue
        x = layer(x)
        n = sum(p.numel() for p in layer.parameters())
        total += n
        print(f"{name + ' (' + type(layer).__name__ + ')':<25}{str(list(x.shape)):<25}{n:>10,}")
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(f"Total params: {total:,}\nTrainable params: {trainable:,}")
summary(model_0, input_size=[1, 3, 32, 32])

# %%
def train_step(model, dataloader, loss_fn, optimizer):
    model.train()
    train_loss, train_acc = 0, 0
    for batch, (X, y) in enumerate(dataloader):
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        y_pred_class = torch.argmax(torch.softmax(y_pred, dim=1), dim=1)
        train_acc += (y_pred_class == y).sum().item() / len(y_pred)
    return train_loss / len(dataloader), train_acc / len(dataloader)

def test_step(model, dataloader, loss_fn):
    model.eval()
    test_loss, test_acc = 0, 0
    with torch.inference_mode():
        for batch, (X, y) in enumerate(dataloader):
            test_pred_logits = model(X)
            loss = loss_fn(test_pred_logits, y)
            test_loss += loss.item()
            test_pred_labels = test_pred_logits.argmax(dim=1)
            test_acc += ((test_pred_labels == y).sum().item() / len(test_pred_labels))
    return test_loss / len(dataloader), test_acc / len(dataloader)

def train(model, train_dataloader, test_dataloader, optimizer, loss_fn=nn.CrossEntropyLoss(), epochs=5):
    results = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
    for epoch in range(epochs):
        train_loss, train_acc = train_step(model, train_dataloader, loss_fn, optimizer)
        test_loss, test_acc = test_step(model, test_dataloader, loss_fn)
        print(f"Epoch: {epoch+1} | train_loss: {train_loss:.4f} | train_acc: {train_acc:.4f} | "
              f"test_loss: {test_loss:.4f} | test_acc: {test_acc:.4f}")
        results["train_loss"].append(train_loss)
        results["train_acc"].append(train_acc)
        results["test_loss"].append(test_loss)
        results["test_acc"].append(test_acc)
    return results

torch.manual_seed(42)
model_0 = TinyVGG(input_shape=3, hidden_units=10, output_shape=3)
optimizer = torch.optim.Adam(params=model_0.parameters(), lr=0.001)
model_0_results = train(model_0, train_dataloader_simple, test_dataloader_simple, optimizer, epochs=3)
model_0_results.keys()

# %%
for k, v in model_0_results.items():
    print(f"{k:>10}: " + " ".join(f"{x:.4f}" for x in v))
epochs = range(len(model_0_results["train_loss"]))
list(epochs), min(model_0_results["train_loss"]) > 0

# %%
custom_image_uint8 = torch.from_numpy(rng.integers(0, 256, (3, 50, 60), dtype=np.uint8))
print(f"Custom image tensor:\n{custom_image_uint8[0, :2, :4]}\n")
print(f"Custom image shape: {custom_image_uint8.shape}")
print(f"Custom image dtype: {custom_image_uint8.dtype}")
try:
    model_0(custom_image_uint8.unsqueeze(0))
except RuntimeError as e:
    print(e)
custom_image = custom_image_uint8.type(torch.float32) / 255.
custom_image_transformed = F.interpolate(custom_image.unsqueeze(0), size=(32, 32), mode="bilinear")
model_0.eval()
with torch.inference_mode():
    custom_image_pred = model_0(custom_image_transformed)
custom_image_pred_probs = torch.softmax(custom_image_pred, dim=1)
custom_image_pred_label = torch.argmax(custom_image_pred_probs, dim=1)
print(custom_image_pred_probs)
train_data_custom.classes[custom_image_pred_label.cpu()]
