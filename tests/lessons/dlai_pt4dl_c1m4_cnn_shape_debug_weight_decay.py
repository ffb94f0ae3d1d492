# Imitates DeepLearning.AI's "PyTorch for Deep Learning" professional certificate (Coursera, 2025), course 1 module 4
# (CNNs) and its overfitting lab: a SimpleCNN with Conv2d / ReLU / MaxPool2d / Dropout and a classifier head, the
# shape-debugging helper that runs a dummy batch through each child and prints "name: shape", the "mat1 and mat2
# shapes cannot be multiplied" mistake when the flatten size is wrong, counting parameters per layer, dropout in
# train vs eval, and a small comparison of SGD with and without weight_decay (weight norms and train/val loss).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
class SimpleCNN(nn.Module):
    def __init__(self, num_classes=10):
        super(SimpleCNN, self).__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=4, kernel_size=3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv2 = nn.Conv2d(in_channels=4, out_channels=8, kernel_size=3, padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(8 * 7 * 7, 16)
        self.relu3 = nn.ReLU()
        self.dropout = nn.Dropout(p=0.5)
        self.fc2 = nn.Linear(16, num_classes)

    def forward(self, x):
        x = self.pool1(self.relu1(self.conv1(x)))
        x = self.pool2(self.relu2(self.conv2(x)))
        x = self.flatten(x)
        x = self.dropout(self.relu3(self.fc1(x)))
        return self.fc2(x)

torch.manual_seed(42)
model = SimpleCNN()
print(model)
total_params = sum(p.numel() for p in model.parameters())
trainable_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"Total parameters: {total_params:,}")
print(f"Trainable parameters: {trainable_params:,}")
for name, param in model.named_parameters():
    print(f"{name:15s} {str(tuple(param.shape)):20s} {param.numel()}")

# %%
def print_shapes(model, input_size=(1, 1, 28, 28)):
    x = torch.randn(input_size)
    print(f"Input: {x.shape}")
    for name, layer in model.named_children():
        x = layer(x)
        print(f"{name}: {x.shape}")
    return x

out = print_shapes(model)
print(out.shape, out.requires_grad, out.grad_fn.name())
model.eval()
with torch.no_grad():
    out2 = model(torch.randn(2, 1, 28, 28))
print(out2.shape, model.dropout.training, model.training)

# %%
class BrokenCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(4 * 14 * 14, 10)
    def forward(self, x):
        x = self.pool(F.relu(self.conv(x)))
        x = x.view(x.size(0), -1)
        return self.fc(x)

torch.manual_seed(0)
broken = BrokenCNN()
try:
    broken(torch.randn(2, 1, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
x = broken.pool(F.relu(broken.conv(torch.randn(2, 1, 28, 28))))
print("after conv+pool:", x.shape, x.view(x.size(0), -1).shape[1])
try:
    model(torch.randn(2, 3, 28, 28))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.randn(28, 28))
except Exception as e:
    print(type(e).__name__, e)
print(model.conv1(torch.randn(1, 28, 28)).shape)
print(nn.MaxPool2d(2)(torch.randn(1, 1, 7, 7)).shape, nn.MaxPool2d(2, ceil_mode=True)(torch.randn(1, 1, 7, 7)).shape)
print(nn.Conv2d(1, 2, 5, stride=2)(torch.randn(1, 1, 28, 28)).shape)
try:
    nn.Conv2d(1, 2, 5)(torch.randn(1, 1, 3, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MaxPool2d(4)(torch.randn(1, 1, 3, 3))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
drop = nn.Dropout(p=0.5)
t = torch.ones(2, 6)
print(drop(t))
drop.eval()
print(drop(t), drop)
print(F.dropout(t, p=0.25, training=False).sum(), nn.Dropout2d(0.5).train()(torch.ones(1, 3, 2, 2)).shape)
try:
    nn.Dropout(p=1.5)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
X_train, y_train = torch.randn(32, 1, 28, 28), torch.randint(0, 10, (32,))
X_val, y_val = torch.randn(16, 1, 28, 28), torch.randint(0, 10, (16,))

def weight_norm(model):
    return torch.sqrt(sum((p ** 2).sum() for name, p in model.named_parameters() if "weight" in name))

def train_compare(weight_decay):
    torch.manual_seed(5)
    net = SimpleCNN()
    opt = optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=weight_decay)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(6):
        net.train()
        opt.zero_grad()
        loss = criterion(net(X_train), y_train)
        loss.backward()
        opt.step()
        net.eval()
        with torch.no_grad():
            val_loss = criterion(net(X_val), y_val)
            acc = (net(X_train).argmax(1) == y_train).float().mean()
        if epoch % 2 == 1:
            print(f"wd={weight_decay} epoch {epoch + 1}: train {loss.item():.4f} val {val_loss.item():.4f} "
                  f"acc {acc:.3f} |w| {weight_norm(net).item():.4f}")
    return opt

opt_plain = train_compare(0.0)
opt_wd = train_compare(1e-2)
print(opt_wd)
print(opt_wd.param_groups[0]["weight_decay"], opt_plain.defaults["weight_decay"])
try:
    optim.SGD(SimpleCNN().parameters(), lr=0.1, weight_decay=-1)
except Exception as e:
    print(type(e).__name__, e)
adamw = optim.AdamW(SimpleCNN().parameters())
print(adamw.defaults["weight_decay"], adamw)
