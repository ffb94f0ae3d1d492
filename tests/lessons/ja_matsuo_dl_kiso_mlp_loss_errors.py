# 東京大学 松尾・岩澤研究室「Deep Learning 基礎講座」の演習 (多層パーセプトロンをスクラッチで実装 → nn.Module で書き直す、
# ソフトマックス・交差エントロピーを自分で書いて F.cross_entropy と比べる) と、Qiita の「CrossEntropyLoss / MSELoss で
# dtype エラーが出る (expected scalar type Long but found Float)」「mat1 and mat2 shapes cannot be multiplied」解説記事の写し。
# データは MNIST の代わりに乱数 (8x8 の画像 64 次元、10 クラス)。
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
np.random.seed(1)

# %%
# データの準備（MNIST の代わりに 8x8 の人工データ）
x_train = np.random.rand(120, 64).astype('float32')
t_train = np.random.randint(0, 10, size=120)
x_valid = np.random.rand(30, 64).astype('float32')
t_valid = np.random.randint(0, 10, size=30)
print(f"訓練データ：{x_train.shape}、ラベル：{t_train.shape}（dtype＝{t_train.dtype}）")
x_train_t = torch.from_numpy(x_train)
t_train_t = torch.from_numpy(t_train)
print(x_train_t.dtype, t_train_t.dtype, t_train_t[:10])

# %%
# スクラッチ実装：ソフトマックスと交差エントロピー
def softmax(x):
    x = x - x.max(dim=1, keepdim=True)[0]  # オーバーフロー対策
    return x.exp() / x.exp().sum(dim=1, keepdim=True)

def cross_entropy(y, t):
    # t は one-hot ではなくクラス番号
    return -torch.log(y[torch.arange(len(t)), t] + 1e-7).mean()

def np_log(x):
    return torch.log(torch.clamp(x, min=1e-10))

W1 = (torch.randn(64, 32) * np.sqrt(2 / 64)).requires_grad_()
b1 = torch.zeros(32, requires_grad=True)
W2 = (torch.randn(32, 10) * np.sqrt(2 / 32)).requires_grad_()
b2 = torch.zeros(10, requires_grad=True)
params = [W1, b1, W2, b2]
print([p.is_leaf for p in params], W1.dtype)

lr = 0.1
for epoch in range(5):
    h = torch.relu(x_train_t @ W1 + b1)
    y = softmax(h @ W2 + b2)
    loss = cross_entropy(y, t_train_t)
    for p in params:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
    acc = (y.argmax(dim=1) == t_train_t).float().mean()
    print(f"エポック {epoch + 1}：損失 {loss.item():.4f}、正解率 {acc.item():.3f}")

logits = torch.relu(x_train_t @ W1 + b1) @ W2 + b2
print("自作:", cross_entropy(softmax(logits), t_train_t).item())
print("F.cross_entropy:", F.cross_entropy(logits, t_train_t).item())
t_onehot = torch.eye(10)[t_train_t]
print(t_onehot.shape, (-(t_onehot * np_log(softmax(logits))).sum(dim=1).mean()).item())

# %%
# nn.Module で書き直す
class MLP(nn.Module):
    def __init__(self, in_dim, hid_dim, out_dim):
        super(MLP, self).__init__()
        self.linear1 = nn.Linear(in_dim, hid_dim)
        self.linear2 = nn.Linear(hid_dim, out_dim)

    def forward(self, x):
        x = F.relu(self.linear1(x))
        return self.linear2(x)

model = MLP(64, 32, 10)
print(model)
print(sum(p.numel() for p in model.parameters()), "個のパラメータ")
for name, p in model.named_parameters():
    print(f"{name:16s}{tuple(p.shape)}　requires_grad＝{p.requires_grad}")
optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
criterion = nn.CrossEntropyLoss()
dataset = torch.utils.data.TensorDataset(x_train_t, t_train_t)
loader = torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=True)
for epoch in range(3):
    model.train()
    losses = []
    for x, t in loader:
        optimizer.zero_grad()
        y = model(x)
        loss = criterion(y, t)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        y_valid = model(torch.tensor(x_valid))
        valid_loss = criterion(y_valid, torch.tensor(t_valid))
        valid_acc = (y_valid.argmax(1) == torch.tensor(t_valid)).sum().item() / len(t_valid)
    print(f"EPOCH: {epoch}, Train [Loss: {np.mean(losses):.3f}], Valid [Loss: {valid_loss:.3f}, Accuracy: {valid_acc:.3f}]")

# %%
# よくあるエラー：ラベルが float のまま CrossEntropyLoss に渡す
y = model(x_train_t[:4])
t_float = t_train_t[:4].float()
try:
    loss = criterion(y, t_float)
    print("float のクラス番号：", loss)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    criterion(y, t_train_t[:4].int())
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    criterion(y, t_train_t[:4].double())
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    criterion(y.double(), t_train_t[:4])
    print("double の入力は通る：", criterion(y.double(), t_train_t[:4]).dtype)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    criterion(y, t_train_t[:5])
except ValueError as e:
    print("ValueError：", e)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    criterion(y, torch.tensor([0, 1, 2, 10]))
except IndexError as e:
    print("IndexError：", e)
try:
    criterion(y, t_train_t[:4].view(4, 1))
except RuntimeError as e:
    print("RuntimeError：", e)

# %%
# よくあるエラー：MSELoss に Long のラベル、形の違い
mse = nn.MSELoss()
reg = nn.Linear(3, 1)
xx = torch.randn(5, 3)
target_long = torch.tensor([1, 2, 3, 4, 5])
try:
    l = mse(reg(xx), target_long)
    print(l)
except RuntimeError as e:
    print("RuntimeError：", e)
import warnings
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    l = mse(reg(xx), target_long.float())
    print(f"損失：{l.item():.4f}")
    for w in ws:
        print("警告：", w.category.__name__, str(w.message))
try:
    l.backward()
    print(reg.weight.grad.shape)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    mse(reg(xx).squeeze(), target_long)
except RuntimeError as e:
    print("RuntimeError：", e)
print(mse(reg(xx).squeeze(), target_long.float()).item() > 0)
try:
    F.mse_loss(reg(xx).squeeze().double(), target_long.float())
except RuntimeError as e:
    print("RuntimeError：", e)

# %%
# よくあるエラー：行列の形が合わない
try:
    model(torch.randn(4, 8, 8))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    model(torch.randn(4, 1, 8, 8))
except RuntimeError as e:
    print("RuntimeError：", e)
print(model(torch.randn(4, 1, 8, 8).view(4, -1)).shape)
try:
    model(torch.randint(0, 255, (4, 64)))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    model(torch.randn(4, 64).double())
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    torch.mm(torch.randn(2, 3), torch.randn(2, 3))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    torch.randn(2, 3) @ torch.randn(4)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    torch.randn(2, 3) + torch.randn(3, 2)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    torch.randn(6).view(4, -1)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    torch.randn(4, 6).t().view(-1)
except RuntimeError as e:
    print("RuntimeError：", e)
