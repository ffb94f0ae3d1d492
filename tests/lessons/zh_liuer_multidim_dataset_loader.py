# Imitates 刘二大人《PyTorch深度学习实践》 lectures 7-8: 处理多维特征的输入 (diabetes.csv.gz read with np.loadtxt,
# here the same kind of float32 rows built in memory; torch.from_numpy(xy[:, :-1]) and xy[:, [-1]], a Model of
# Linear(8,6)/(6,4)/(4,1) with torch.nn.Sigmoid, BCELoss, accuracy with torch.where / torch.eq) and 加载数据集
# (DiabetesDataset(Dataset) with __getitem__/__len__, DataLoader(batch_size=32, shuffle=True, num_workers=0),
# for i, data in enumerate(train_loader, 0), the Titanic homework's dataframe-free version, random_split).
import numpy as np
import torch
from torch.utils.data import Dataset, DataLoader

# %%
rng = np.random.RandomState(0)
raw = rng.uniform(-1, 1, size=(100, 8)).astype(np.float32)
label = (raw[:, 0] + 0.5 * raw[:, 1] - raw[:, 5] > 0).astype(np.float32)
xy = np.concatenate([raw, label[:, None]], axis=1)
np.savetxt('/tmp/zh_liuer_diabetes.csv', xy, delimiter=',', fmt='%.6f')
xy = np.loadtxt('/tmp/zh_liuer_diabetes.csv', delimiter=',', dtype=np.float32)
x_data = torch.from_numpy(xy[:, :-1])
y_data = torch.from_numpy(xy[:, [-1]])
print(xy.shape, x_data.shape, y_data.shape, x_data.dtype, y_data.dtype)
print(x_data[:2])
print(torch.from_numpy(xy[:, -1]).shape, torch.from_numpy(xy[:, -1:]).shape)
torch.from_numpy(xy[:3, [-1]])

# %%
class Model(torch.nn.Module):
    def __init__(self):
        super(Model, self).__init__()
        self.linear1 = torch.nn.Linear(8, 6)
        self.linear2 = torch.nn.Linear(6, 4)
        self.linear3 = torch.nn.Linear(4, 1)
        self.sigmoid = torch.nn.Sigmoid()
        self.activate = torch.nn.ReLU()

    def forward(self, x):
        x = self.sigmoid(self.linear1(x))
        x = self.sigmoid(self.linear2(x))
        x = self.sigmoid(self.linear3(x))
        return x

torch.manual_seed(0)
model = Model()
criterion = torch.nn.BCELoss(reduction='mean')
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(300):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 50 == 49:
        y_pred_label = torch.where(y_pred >= 0.5, torch.tensor([1.0]), torch.tensor([0.0]))
        acc = torch.eq(y_pred_label, y_data).sum().item() / y_data.size(0)
        print("epoch =", epoch, "loss = ", loss.item(), "acc = ", acc)
print(model)
print(y_pred_label[:5].T, y_pred_label.dtype)
print(model.linear1.weight.grad.shape, model.linear3.bias.grad)
model.linear3.weight

# %%
class DiabetesDataset(Dataset):
    def __init__(self, filepath):
        xy = np.loadtxt(filepath, delimiter=',', dtype=np.float32)
        self.len = xy.shape[0]
        self.x_data = torch.from_numpy(xy[:, :-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.len

dataset = DiabetesDataset('/tmp/zh_liuer_diabetes.csv')
torch.manual_seed(0)
train_loader = DataLoader(dataset=dataset, batch_size=32, shuffle=True, num_workers=0)
print(len(dataset), len(train_loader), dataset[0][0].shape, dataset[0][1])
model = Model()
criterion = torch.nn.BCELoss(reduction='mean')
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for i, data in enumerate(train_loader, 0):
        inputs, labels = data
        y_pred = model(inputs)
        loss = criterion(y_pred, labels)
        print(epoch, i, inputs.shape, labels.shape, loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
print(train_loader.batch_size, train_loader.drop_last, type(train_loader.sampler).__name__)
next(iter(DataLoader(dataset, batch_size=2)))

# %%
class TitanicDataset(Dataset):
    def __init__(self, rows):
        features = ["Pclass", "Sex", "SibSp", "Parch", "Fare"]
        data = np.array([[r[f] for f in features] for r in rows], dtype=np.float32)
        self.len = data.shape[0]
        self.x_data = torch.from_numpy(data)
        self.y_data = torch.from_numpy(np.array([r["Survived"] for r in rows], dtype=np.float32))

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.len

rows = [{"Pclass": 1 + i % 3, "Sex": i % 2, "SibSp": i % 4, "Parch": i % 3, "Fare": 7.25 + 3.5 * (i % 7),
         "Survived": int(i % 2 == 1 and i % 3 != 2)} for i in range(40)]
train_data = TitanicDataset(rows)
torch.manual_seed(1)
train_loader = DataLoader(dataset=train_data, batch_size=8, shuffle=True, num_workers=0)

class TitanicModel(torch.nn.Module):
    def __init__(self):
        super(TitanicModel, self).__init__()
        self.linear1 = torch.nn.Linear(5, 3)
        self.linear2 = torch.nn.Linear(3, 1)
        self.sigmoid = torch.nn.Sigmoid()

    def forward(self, x):
        x = self.sigmoid(self.linear1(x))
        x = self.sigmoid(self.linear2(x))
        return x

    def predict(self, x):
        with torch.no_grad():
            x = self.forward(x)
            y = []
            for i in x:
                y.append(1 if i > 0.5 else 0)
            return y

model = TitanicModel()
criterion = torch.nn.BCELoss(reduction='mean')
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(2):
    for i, (inputs, labels) in enumerate(train_loader, 0):
        y_pred = model(inputs)
        y_pred = y_pred.squeeze(-1)
        loss = criterion(y_pred, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"第 {epoch + 1} 轮, 损失 {loss.item():.4f}")
try:
    criterion(model(inputs), labels)
except Exception as e:
    print(type(e).__name__, e)
print(model.predict(train_data.x_data[:6]))
train_set, val_set = torch.utils.data.random_split(train_data, [30, 10], generator=torch.Generator().manual_seed(0))
print(len(train_set), len(val_set), val_set.indices[:5], type(train_set).__name__)
try:
    torch.utils.data.random_split(train_data, [30, 11])
except Exception as e:
    print(type(e).__name__, e)
try:
    DataLoader(train_data, batch_size=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    DataLoader(train_data, batch_size=4, shuffle=True, sampler=list(range(4)))
except Exception as e:
    print(type(e).__name__, e)
train_data[3]
