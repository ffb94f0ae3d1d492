# Imitates DeepLearning.AI's "PyTorch for Deep Learning" professional certificate (Coursera, 2025), course 1 modules 2
# and 3: the non-linear delivery data (distances normalised by mean and std by hand, nn.Sequential(Linear, ReLU,
# Linear) trained 3000 epochs with prints every 500, predictions de-normalised), then the Fashion-MNIST-sized MLP of
# the "SimpleMNISTDNN" lab with random 28x28 images instead of the download: a normalisation done by hand as
# transforms.Normalize((0.5,), (0.5,)) would, a train_epoch / evaluate pair with model.train() / model.eval(),
# torch.no_grad(), `_, predicted = outputs.max(1)`, `predicted.eq(targets).sum().item()`, accuracy in percent, and the
# shape mistakes the lab warns about (no flatten, a float target for CrossEntropyLoss, labels of the wrong length).
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import TensorDataset, DataLoader

# %%
torch.manual_seed(0)
distances = torch.linspace(1.0, 20.0, 24).unsqueeze(1)
times = 5 + 3 * distances + 0.08 * distances ** 2 + torch.randn(24, 1)
distances_mean, distances_std = distances.mean(), distances.std()
times_mean, times_std = times.mean(), times.std()
distances_norm = (distances - distances_mean) / distances_std
times_norm = (times - times_mean) / times_std
print(distances_mean, distances_std, times_norm.mean().abs() < 1e-6, times_norm.std())
torch.manual_seed(27)
model = nn.Sequential(
    nn.Linear(1, 3),
    nn.ReLU(),
    nn.Linear(3, 1)
)
print(model)
loss_function = nn.MSELoss()
optimizer = optim.SGD(model.parameters(), lr=0.01)
for epoch in range(3000):
    optimizer.zero_grad()
    outputs = model(distances_norm)
    loss = loss_function(outputs, times_norm)
    loss.backward()
    optimizer.step()
    if (epoch + 1) % 500 == 0:
        print(f"Epoch {epoch + 1}: Loss = {loss.item():.4f}")
print("\nTraining Complete.")
print(f"\nFinal Loss: {loss.item()}")

# %%
distance_to_predict = 5.1
with torch.no_grad():
    distance_tensor = torch.tensor([[distance_to_predict]], dtype=torch.float32)
    new_distance_norm = (distance_tensor - distances_mean) / distances_std
    predicted_time_norm = model(new_distance_norm)
    predicted_time_actual = (predicted_time_norm * times_std) + times_mean
    print(f"You asked to predict the time for a {distance_to_predict}-mile delivery.")
    print(f"Predicted delivery time: {predicted_time_actual.item():.1f} minutes")
print(predicted_time_actual.shape, predicted_time_norm.dtype, model[1], model[0].weight.grad.shape)
hidden = model[1](model[0](distances_norm[:5]))
print(hidden, (hidden == 0).sum(dim=0))

# %%
torch.manual_seed(42)
images = torch.rand(96, 1, 28, 28)
labels = torch.randint(0, 10, (96,))
mean, std = (0.5,), (0.5,)
images = (images - mean[0]) / std[0]
print(images.shape, images.min() >= -1, images.max() <= 1, images.dtype, labels[:10])
train_dataset = TensorDataset(images[:64], labels[:64])
test_dataset = TensorDataset(images[64:], labels[64:])
train_loader = DataLoader(train_dataset, batch_size=16, shuffle=True)
test_loader = DataLoader(test_dataset, batch_size=16, shuffle=False)
print(len(train_loader), len(test_loader), len(train_loader.dataset))
img, label = train_dataset[0]
print(img.shape, label, type(label), label.item())

class SimpleMNISTDNN(nn.Module):
    def __init__(self):
        super(SimpleMNISTDNN, self).__init__()
        self.flatten = nn.Flatten()
        self.layers = nn.Sequential(
            nn.Linear(784, 32),
            nn.ReLU(),
            nn.Linear(32, 10)
        )

    def forward(self, x):
        x = self.flatten(x)
        x = self.layers(x)
        return x

torch.manual_seed(1)
model = SimpleMNISTDNN()
print(model)
loss_function = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)
print(sum(p.numel() for p in model.parameters()), [tuple(p.shape) for p in model.parameters()])

# %%
def train_epoch(model, loss_function, optimizer, train_loader, device):
    model = model.to(device)
    model.train()
    epoch_loss = 0.0
    running_loss = 0.0
    num_correct_predictions = 0
    total_predictions = 0
    total_batches = len(train_loader)
    for batch_idx, (inputs, targets) in enumerate(train_loader):
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = loss_function(outputs, targets)
        loss.backward()
        optimizer.step()
        loss_value = loss.item()
        epoch_loss += loss_value
        running_loss += loss_value
        _, predicted_indices = outputs.max(1)
        correct_predictions = predicted_indices.eq(targets)
        num_correct_predictions += correct_predictions.sum().item()
        total_predictions += targets.size(0)
        if (batch_idx + 1) % 2 == 0 or (batch_idx + 1) == total_batches:
            avg_running_loss = running_loss / 2
            accuracy = 100. * num_correct_predictions / total_predictions
            print(f'\tStep {batch_idx + 1}/{total_batches} - Loss: {avg_running_loss:.3f} | Acc: {accuracy:.2f}%')
            running_loss = 0.0
    avg_epoch_loss = epoch_loss / total_batches
    return model, avg_epoch_loss

def evaluate(model, test_loader, device):
    model.eval()
    num_correct_predictions = 0
    total_predictions = 0
    with torch.no_grad():
        for inputs, targets in test_loader:
            inputs, targets = inputs.to(device), targets.to(device)
            outputs = model(inputs)
            _, predicted_indices = torch.max(outputs, 1)
            total_predictions += targets.size(0)
            num_correct_predictions += (predicted_indices == targets).sum().item()
    accuracy = num_correct_predictions / total_predictions
    accuracy = 100 * accuracy
    return accuracy

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"Using device: {device}")
torch.manual_seed(10)
train_loss, val_accuracy = [], []
for epoch in range(3):
    print(f'Epoch {epoch+1}')
    trained_model, loss = train_epoch(model, loss_function, optimizer, train_loader, device)
    train_loss.append(loss)
    accuracy = evaluate(trained_model, test_loader, device)
    val_accuracy.append(accuracy)
    print(f'\tAccuracy: {accuracy:.2f}%')
print(train_loss, val_accuracy, model.training)

# %%
with torch.no_grad():
    logits = model(images[:4])
probs = torch.softmax(logits, dim=1)
print(logits.argmax(dim=1), probs.sum(dim=1), probs.max(dim=1).values.round(decimals=3))
print(torch.max(logits, 1).indices.tolist(), logits.argmax(1, keepdim=True).shape)
flat_model = nn.Sequential(nn.Linear(784, 10))
try:
    flat_model(images[:4])
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_function(logits, labels[:4].float())
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_function(logits, labels[:5])
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_function(logits, torch.tensor([0, 1, 2, 10]))
except Exception as e:
    print(type(e).__name__, e)
print(loss_function(logits, torch.nn.functional.one_hot(labels[:4], 10).float()))
