# Imitates the UvA Deep Learning course, Tutorial 2 ("Introduction to PyTorch"): tensor basics (torch.Tensor(2, 3),
# torch.arange(6).view(2, 3), permute, matmul, indexing), the dynamic graph of y = ((x + 2) ** 2 + 3).mean() and its
# gradient, then the continuous XOR dataset as a data.Dataset subclass, a SimpleClassifier nn.Module with tanh,
# BCEWithLogitsLoss, SGD(lr=0.1), a train_model loop over a DataLoader, saving the state_dict and eval_model's accuracy.
import io
import torch
import torch.nn as nn
import torch.utils.data as data

print("Using torch", torch.__version__ > "2")
torch.manual_seed(42)
x = torch.Tensor(2, 3, 4).shape
print(x, torch.rand(2, 3, 4).shape, torch.arange(6).view(2, 3))
x = torch.arange(6).view(2, 3)
print(x.permute(1, 0), torch.matmul(x, torch.arange(9).view(3, 3)))
print(x[:, 1], x[0], x[:1, -1], x[1:3, :])

# %%
x = torch.arange(3, dtype=torch.float32, requires_grad=True)
print(x.requires_grad, x)
a = x + 2
b = a ** 2
c = b + 3
y = c.mean()
print("Y", y)
y.backward()
print(x.grad)

# %%
class XORDataset(data.Dataset):
    def __init__(self, size, std=0.1):
        super().__init__()
        self.size = size
        self.std = std
        self.generate_continuous_xor()

    def generate_continuous_xor(self):
        data = torch.randint(low=0, high=2, size=(self.size, 2), dtype=torch.float32)
        label = (data.sum(dim=1) == 1).to(torch.long)
        data += self.std * torch.randn(data.shape)
        self.data = data
        self.label = label

    def __len__(self):
        return self.size

    def __getitem__(self, idx):
        return self.data[idx], self.label[idx]

dataset = XORDataset(size=200)
print("Size of dataset:", len(dataset))
print("Data point 0:", dataset[0])
data_loader = data.DataLoader(dataset, batch_size=8, shuffle=True)
data_inputs, data_labels = next(iter(data_loader))
print("Data inputs", data_inputs.shape, "\n", data_inputs)
print("Data labels", data_labels.shape, "\n", data_labels)

# %%
class SimpleClassifier(nn.Module):
    def __init__(self, num_inputs, num_hidden, num_outputs):
        super().__init__()
        self.linear1 = nn.Linear(num_inputs, num_hidden)
        self.act_fn = nn.Tanh()
        self.linear2 = nn.Linear(num_hidden, num_outputs)

    def forward(self, x):
        x = self.linear1(x)
        x = self.act_fn(x)
        x = self.linear2(x)
        return x

model = SimpleClassifier(num_inputs=2, num_hidden=4, num_outputs=1)
print(model)
for name, param in model.named_parameters():
    print(f"Parameter {name}, shape {param.shape}")
loss_module = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
print(optimizer)

# %%
train_dataset = XORDataset(size=400)
train_data_loader = data.DataLoader(train_dataset, batch_size=32, shuffle=True)

def train_model(model, optimizer, data_loader, loss_module, num_epochs=20):
    model.train()
    for epoch in range(num_epochs):
        total = 0.0
        for data_inputs, data_labels in data_loader:
            preds = model(data_inputs)
            preds = preds.squeeze(dim=1)
            loss = loss_module(preds, data_labels.float())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        if epoch % 5 == 4:
            print(f"epoch {epoch + 1}: mean loss {total / len(data_loader):.4f}")

train_model(model, optimizer, train_data_loader, loss_module)

# %%
state_dict = model.state_dict()
print(state_dict.keys(), state_dict["linear1.bias"].shape)
buffer = io.BytesIO()
torch.save(state_dict, buffer)
buffer.seek(0)
new_model = SimpleClassifier(num_inputs=2, num_hidden=4, num_outputs=1)
print(new_model.load_state_dict(torch.load(buffer)))
print("Original model\n", model.state_dict()["linear2.weight"])
print("\nLoaded model\n", new_model.state_dict()["linear2.weight"])

# %%
test_dataset = XORDataset(size=500)
test_data_loader = data.DataLoader(test_dataset, batch_size=128, shuffle=False, drop_last=False)

def eval_model(model, data_loader):
    model.eval()
    true_preds, num_preds = 0., 0.
    with torch.no_grad():
        for data_inputs, data_labels in data_loader:
            preds = model(data_inputs)
            preds = preds.squeeze(dim=1)
            preds = torch.sigmoid(preds)
            pred_labels = (preds >= 0.5).long()
            true_preds += (pred_labels == data_labels).sum()
            num_preds += data_labels.shape[0]
    acc = true_preds / num_preds
    print(f"Accuracy of the model: {100.0*acc:4.2f}%")
    return acc

eval_model(model, test_data_loader)
