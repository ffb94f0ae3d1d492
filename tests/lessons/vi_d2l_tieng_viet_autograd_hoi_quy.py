# Mô phỏng "Đắm mình vào Học Sâu" (Dive into Deep Learning, bản tiếng Việt, d2l.aivivn.com) viết bằng PyTorch:
# mục 2.5 Tính vi phân tự động (backward cho hàm vô hướng và không vô hướng, detach, luồng điều khiển Python),
# mục 3.2 Lập trình hồi quy tuyến tính từ đầu (synthetic_data, data_iter, linreg, squared_loss, sgd) và mục 3.3
# Cách lập trình súc tích (TensorDataset, DataLoader, nn.Sequential, khởi tạo tham số bằng normal_/fill_), cùng các
# lỗi mà người mới gặp. Tên biến tiếng Việt có dấu (tốc_độ_học, số_epoch, kích_thước_batch, mất_mát) in bằng f-string.
import random
import torch
from torch import nn
from torch.utils import data

torch.manual_seed(1)
random.seed(1)

# %%
# 2.5.1 Một ví dụ đơn giản: y = 2 x^T x
x = torch.arange(4.0)
x.requires_grad_(True)
print(x.grad)
y = 2 * torch.dot(x, x)
print(y)
y.backward()
print(x.grad, x.grad == 4 * x)

# %%
# Gradient được tích lũy: phải xóa trước khi tính tiếp
x.grad.zero_()
y = x.sum()
y.backward()
print(x.grad)
# 2.5.2 Backward cho biến không phải số vô hướng
x.grad.zero_()
y = x * x
try:
    y.backward()
except RuntimeError as lỗi:
    print("Lỗi:", lỗi)
y.sum().backward()
print(x.grad)

# %%
# 2.5.3 Tách biến khỏi đồ thị tính toán
x.grad.zero_()
y = x * x
u = y.detach()
z = u * x
z.sum().backward()
print(x.grad == u, u.requires_grad, u.grad_fn)
x.grad.zero_()
y.sum().backward()
print(x.grad == 2 * x)

# %%
# 2.5.4 Tính gradient với luồng điều khiển Python
def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c

a = torch.randn(size=(), requires_grad=True)
d = f(a)
d.backward()
print(a.grad == d / a)
print(f"a = {a.item():.4f}, d = {d.item():.2f}, đạo hàm = {a.grad.item():.1f}")

# %%
# 3.2.1 Tạo tập dữ liệu nhân tạo
def synthetic_data(w, b, số_mẫu):
    """Tạo y = Xw + b + nhiễu."""
    X = torch.normal(0, 1, (số_mẫu, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))

true_w = torch.tensor([2, -3.4])
true_b = 4.2
đặc_trưng, nhãn = synthetic_data(true_w, true_b, 100)
print('features:', đặc_trưng[0], '\nlabel:', nhãn[0])
print(đặc_trưng.shape, nhãn.shape)

# %%
# 3.2.2 Đọc dữ liệu theo minibatch
def data_iter(kích_thước_batch, features, labels):
    số_mẫu = len(features)
    chỉ_số = list(range(số_mẫu))
    random.shuffle(chỉ_số)
    for i in range(0, số_mẫu, kích_thước_batch):
        batch_indices = torch.tensor(chỉ_số[i: min(i + kích_thước_batch, số_mẫu)])
        yield features[batch_indices], labels[batch_indices]

kích_thước_batch = 10
for X, y in data_iter(kích_thước_batch, đặc_trưng, nhãn):
    print(X, '\n', y)
    break

# %%
# 3.2.3 - 3.2.7 Mô hình, hàm mất mát, thuật toán tối ưu, huấn luyện
w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)

def linreg(X, w, b):
    """Mô hình hồi quy tuyến tính."""
    return torch.matmul(X, w) + b

def squared_loss(y_hat, y):
    """Mất mát bình phương."""
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

def sgd(params, tốc_độ_học, kích_thước_batch):
    """Hạ gradient ngẫu nhiên theo minibatch."""
    with torch.no_grad():
        for param in params:
            param -= tốc_độ_học * param.grad / kích_thước_batch
            param.grad.zero_()

tốc_độ_học, số_epoch = 0.03, 3
net, loss = linreg, squared_loss
for epoch in range(số_epoch):
    for X, y in data_iter(kích_thước_batch, đặc_trưng, nhãn):
        l = loss(net(X, w, b), y)
        l.sum().backward()
        sgd([w, b], tốc_độ_học, kích_thước_batch)
    with torch.no_grad():
        train_l = loss(net(đặc_trưng, w, b), nhãn)
        print(f'epoch {epoch + 1}, loss {float(train_l.mean()):f}')
print(f'sai số khi ước lượng w: {true_w - w.reshape(true_w.shape)}')
print(f'sai số khi ước lượng b: {true_b - b}')

# %%
# Lỗi người mới: quên with torch.no_grad() trong sgd, hoặc quên xóa gradient
def sgd_sai(params, lr, batch_size):
    for param in params:
        param -= lr * param.grad / batch_size

X, y = next(data_iter(kích_thước_batch, đặc_trưng, nhãn))
mất_mát = loss(net(X, w, b), y).sum()
mất_mát.backward()
try:
    sgd_sai([w, b], tốc_độ_học, kích_thước_batch)
except RuntimeError as lỗi:
    print(type(lỗi).__name__, lỗi)
w.grad = None
mất_mát = loss(net(X, w, b), y).sum()
try:
    mất_mát.backward()
    mất_mát.backward()
except RuntimeError as lỗi:
    print(type(lỗi).__name__, lỗi)
print(w.grad is not None, b.grad.shape)

# %%
# 3.3 Cách lập trình súc tích
def load_array(data_arrays, kích_thước_batch, is_train=True):
    """Tạo một iterator dữ liệu PyTorch."""
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, kích_thước_batch, shuffle=is_train)

data_iter_gọn = load_array((đặc_trưng, nhãn), kích_thước_batch)
print(next(iter(data_iter_gọn)))
print(len(data_iter_gọn), len(data_iter_gọn.dataset))

# %%
net = nn.Sequential(nn.Linear(2, 1))
net[0].weight.data.normal_(0, 0.01)
net[0].bias.data.fill_(0)
loss = nn.MSELoss()
trainer = torch.optim.SGD(net.parameters(), lr=0.03)
print(net, trainer.param_groups[0]["lr"])
for epoch in range(3):
    for X, y in data_iter_gọn:
        l = loss(net(X), y)
        trainer.zero_grad()
        l.backward()
        trainer.step()
    l = loss(net(đặc_trưng), nhãn)
    print(f'epoch {epoch + 1}, loss {l:f}')
w = net[0].weight.data
print('sai số khi ước lượng w:', true_w - w.reshape(true_w.shape))
b = net[0].bias.data
print('sai số khi ước lượng b:', true_b - b)

# %%
# Lỗi người mới: TensorDataset với số mẫu khác nhau, DataLoader với batch_size sai, truy cập net[1]
for mô_tả, tạo in [
        ("số mẫu khác nhau", lambda: data.TensorDataset(đặc_trưng, nhãn[:50])),
        ("batch_size = 0", lambda: data.DataLoader(data.TensorDataset(đặc_trưng), batch_size=0)),
        ("batch_size float", lambda: data.DataLoader(data.TensorDataset(đặc_trưng), batch_size=2.5)),
        ("net[1]", lambda: net[1]),
        ("Linear với số nguyên", lambda: net(torch.tensor([[1, 2]]))),
        ("đặc trưng float64", lambda: net(torch.tensor([[1.0, 2.0]], dtype=torch.float64)))]:
    try:
        print(mô_tả, "->", tạo())
    except Exception as lỗi:
        print(mô_tả, "->", type(lỗi).__name__, lỗi)
