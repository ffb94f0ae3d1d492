# Imitates Stevens, Antiga & Viehmann, "Deep Learning with PyTorch", chapter 7 (p1ch7 notebooks) with random
# 3x8x8 "images" in place of CIFAR-10: per-channel mean/std with view(3, -1), Normalize by hand, the bird/airplane
# label_map, softmax by hand and nn.Softmax(dim=1), nn.LogSoftmax + nn.NLLLoss against nn.CrossEntropyLoss, the
# fully connected model, the parameter count with numel (and the requires_grad filter), a DataLoader training loop
# printing "Epoch: %d, Loss: %f", and accuracy with torch.max(outputs, dim=1) under torch.no_grad().
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(123)
class_names = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']
imgs = torch.rand(40, 3, 8, 8)
labels = torch.randint(0, 10, (40,))
cifar10 = [(imgs[i], labels[i].item()) for i in range(40)]
img, label = cifar10[9]
print(len(cifar10), img.shape, label, class_names[label], type(label).__name__)
imgs_stacked = torch.stack([img_t for img_t, _ in cifar10], dim=3)
print(imgs_stacked.shape)
print(imgs_stacked.view(3, -1).mean(dim=1), imgs_stacked.view(3, -1).std(dim=1))
try:
    imgs_stacked.view(3, 8, -1, 7)
except Exception as e:
    print(type(e).__name__, e)
mean = imgs_stacked.view(3, -1).mean(dim=1)
std = imgs_stacked.view(3, -1).std(dim=1)
normalized = [((img_t - mean[:, None, None]) / std[:, None, None], l) for img_t, l in cifar10]
print(normalized[0][0][0, 0, :3])

# %%
label_map = {0: 0, 2: 1}
class_names = ['airplane', 'bird']
cifar2 = [(img, label_map[label]) for img, label in normalized if label in [0, 2]]
print(len(cifar2), [l for _, l in cifar2])

def softmax(x):
    return torch.exp(x) / torch.exp(x).sum()

x = torch.tensor([1.0, 2.0, 3.0])
print(softmax(x), softmax(x).sum())
softmax = nn.Softmax(dim=1)
x = torch.tensor([[1.0, 2.0, 3.0],
                  [1.0, 2.0, 3.0]])
print(softmax(x), softmax)
print(nn.Softmax()(x))

# %%
n_out = 2
model = nn.Sequential(
            nn.Linear(3 * 8 * 8, 32),
            nn.Tanh(),
            nn.Linear(32, n_out),
            nn.Softmax(dim=1))
img, _ = cifar2[0]
img_batch = img.view(-1).unsqueeze(0)
out = model(img_batch)
print(out)
_, index = torch.max(out, dim=1)
print(index)
try:
    model(img)
except Exception as e:
    print(type(e).__name__, e)
model = nn.Sequential(
            nn.Linear(3 * 8 * 8, 32),
            nn.Tanh(),
            nn.Linear(32, 2),
            nn.LogSoftmax(dim=1))
loss = nn.NLLLoss()
out = model(img.view(-1).unsqueeze(0))
print(out, loss(out, torch.tensor([cifar2[0][1]])))
try:
    loss(out, torch.tensor([2.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    loss(out, torch.tensor([2]))
except Exception as e:
    print(type(e).__name__, e)
logits = model[:3](img.view(1, -1))
print(nn.CrossEntropyLoss()(logits, torch.tensor([1])), nn.NLLLoss()(nn.LogSoftmax(dim=1)(logits), torch.tensor([1])))

# %%
torch.manual_seed(0)
train_loader = torch.utils.data.DataLoader(cifar2, batch_size=4, shuffle=True)
model = nn.Sequential(
            nn.Linear(3 * 8 * 8, 64),
            nn.Tanh(),
            nn.Linear(64, 16),
            nn.Tanh(),
            nn.Linear(16, 2))
learning_rate = 1e-2
optimizer = optim.SGD(model.parameters(), lr=learning_rate)
loss_fn = nn.CrossEntropyLoss()
n_epochs = 20
for epoch in range(n_epochs):
    for imgs, labels in train_loader:
        batch_size = imgs.shape[0]
        outputs = model(imgs.view(batch_size, -1))
        loss = loss_fn(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if epoch % 5 == 0:
        print("Epoch: %d, Loss: %f" % (epoch, float(loss)))
print(imgs.shape, labels.dtype, outputs.shape)

# %%
val_loader = torch.utils.data.DataLoader(cifar2, batch_size=8, shuffle=False)
correct = 0
total = 0
with torch.no_grad():
    for imgs, labels in val_loader:
        batch_size = imgs.shape[0]
        outputs = model(imgs.view(batch_size, -1))
        _, predicted = torch.max(outputs, dim=1)
        total += labels.shape[0]
        correct += int((predicted == labels).sum())
print("Accuracy: %f" % (correct / total), predicted.dtype, _.requires_grad)
numel_list = [p.numel() for p in model.parameters() if p.requires_grad == True]
print(sum(numel_list), numel_list)
linear = nn.Linear(3 * 8 * 8, 1024)
print(linear.weight.shape, linear.bias.shape, sum(p.numel() for p in linear.parameters()))
print(torch.max(outputs, dim=1), outputs.max(1).indices, torch.max(outputs))
