# 『ゼロから作るDeep Learning』(斎藤康毅) の第4〜7章を PyTorch に移植した学習ノートの写し:
# 数値微分と自動微分の比較、2層ニューラルネット、SGD・Momentum・AdaGrad・Adam の比較 (optimizer_compare_naive)、
# im2col を unfold で書いた Convolution / Pooling、SimpleConvNet と nn.Conv2d の一致確認、日本語のラベルを
# f文字列で表示する。データは人工データ (MNIST の代わり)。
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
# 4章: 数値微分
def numerical_diff(f, x):
    h = 1e-4  # 0.0001
    return (f(x + h) - f(x - h)) / (2 * h)

def function_1(x):
    return 0.01 * x ** 2 + 0.1 * x

x = torch.tensor(5.0, requires_grad=True)
y = function_1(x)
y.backward()
print(f"数値微分: {numerical_diff(function_1, torch.tensor(5.0)):.6f}")
print(f"自動微分: {x.grad.item():.6f}")
print(f"数値微分 (float64): {numerical_diff(function_1, torch.tensor(5.0, dtype=torch.float64)):.10f}")

# %%
def function_2(x):
    return torch.sum(x ** 2)

def numerical_gradient(f, x):
    h = 1e-4
    grad = torch.zeros_like(x)
    for idx in range(x.numel()):
        tmp_val = x.view(-1)[idx].item()
        x.view(-1)[idx] = tmp_val + h
        fxh1 = f(x)
        x.view(-1)[idx] = tmp_val - h
        fxh2 = f(x)
        grad.view(-1)[idx] = (fxh1 - fxh2) / (2 * h)
        x.view(-1)[idx] = tmp_val  # 値を元に戻す
    return grad

p = torch.tensor([3.0, 4.0], dtype=torch.float64)
print("勾配 (数値):", numerical_gradient(function_2, p))
q = p.clone().requires_grad_(True)
function_2(q).backward()
print("勾配 (autograd):", q.grad)
# requires_grad のテンソルをそのまま渡すと、インプレースの書き換えでエラーになる
try:
    numerical_gradient(function_2, q)
except RuntimeError as e:
    print("エラー:", e)

# %%
def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x.clone().requires_grad_(True)
    for i in range(step_num):
        loss = f(x)
        grad, = torch.autograd.grad(loss, x)
        with torch.no_grad():
            x -= lr * grad
    return x.detach()

init_x = torch.tensor([-3.0, 4.0])
print("学習率 0.1 :", gradient_descent(function_2, init_x=init_x, lr=0.1, step_num=100))
print("学習率 10.0:", gradient_descent(function_2, init_x=init_x, lr=10.0, step_num=100))
print("学習率 1e-10:", gradient_descent(function_2, init_x=init_x, lr=1e-10, step_num=100))

# %%
# 5章: 2層ニューラルネット (TwoLayerNet)
class TwoLayerNet(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        super().__init__()
        # 重みの初期化
        self.params = nn.ParameterDict({
            'W1': nn.Parameter(weight_init_std * torch.randn(input_size, hidden_size)),
            'b1': nn.Parameter(torch.zeros(hidden_size)),
            'W2': nn.Parameter(weight_init_std * torch.randn(hidden_size, output_size)),
            'b2': nn.Parameter(torch.zeros(output_size)),
        })

    def forward(self, x):
        W1, W2 = self.params['W1'], self.params['W2']
        b1, b2 = self.params['b1'], self.params['b2']
        a1 = x @ W1 + b1
        z1 = torch.sigmoid(a1)
        a2 = z1 @ W2 + b2
        return a2

    def loss(self, x, t):
        return F.cross_entropy(self(x), t)

    def accuracy(self, x, t):
        y = self(x).argmax(dim=1)
        return (y == t).float().mean().item()

torch.manual_seed(1)
net = TwoLayerNet(input_size=16, hidden_size=10, output_size=3)
print(net)
for key, p in net.params.items():
    print(f"{key} の形状: {tuple(p.shape)}")

# %%
# 人工データ: 3クラス、16次元
torch.manual_seed(2)
centers = torch.randn(3, 16) * 2
t_train = torch.randint(0, 3, (90,))
x_train = centers[t_train] + torch.randn(90, 16)
t_test = torch.randint(0, 3, (30,))
x_test = centers[t_test] + torch.randn(30, 16)

iters_num = 60
batch_size = 15
learning_rate = 0.5
train_loss_list, train_acc_list, test_acc_list = [], [], []
iter_per_epoch = max(90 // batch_size, 1)
g = torch.Generator().manual_seed(3)
for i in range(iters_num):
    batch_mask = torch.randint(0, 90, (batch_size,), generator=g)
    x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
    net.zero_grad()
    loss = net.loss(x_batch, t_batch)
    loss.backward()
    with torch.no_grad():
        for key in ('W1', 'b1', 'W2', 'b2'):
            net.params[key] -= learning_rate * net.params[key].grad
    train_loss_list.append(loss.item())
    if i % iter_per_epoch == 0:
        train_acc = net.accuracy(x_train, t_train)
        test_acc = net.accuracy(x_test, t_test)
        train_acc_list.append(train_acc)
        test_acc_list.append(test_acc)
        print(f"訓練精度: {train_acc:.4f}, テスト精度: {test_acc:.4f}")
print(f"最終損失: {train_loss_list[-1]:.5f}")

# %%
# 6章: 最適化手法の比較 (optimizer_compare_naive.py)
def f(x, y):
    return x**2 / 20.0 + y**2

optimizers = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.95),
    "Momentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "AdaGrad": lambda p: torch.optim.Adagrad(p, lr=1.5),
    "Adam": lambda p: torch.optim.Adam(p, lr=0.3),
}
init_pos = (-7.0, 2.0)
for key, make in optimizers.items():
    params = torch.tensor(init_pos, requires_grad=True)
    optimizer = make([params])
    x_history = []
    for i in range(30):
        x_history.append(params.detach().clone())
        optimizer.zero_grad()
        f(params[0], params[1]).backward()
        optimizer.step()
    x_history = torch.stack(x_history)
    print(f"{key:>8}: 最終位置 = ({params[0].item():+.4f}, {params[1].item():+.4f}), "
          f"y の最大振れ幅 = {x_history[:, 1].abs().max().item():.4f}")

# %%
# 重みの初期値: 活性化の分布 (weight_init_activation_histogram.py)
torch.manual_seed(4)
x = torch.randn(100, 50)
node_num = 50
hidden_layer_size = 5
for name, scale in [("std=1", 1.0), ("std=0.01", 0.01), ("Xavier", np.sqrt(1.0 / node_num)), ("He", np.sqrt(2.0 / node_num))]:
    a = x
    stats = []
    for i in range(hidden_layer_size):
        w = torch.randn(node_num, node_num) * scale
        z = a @ w
        a = torch.sigmoid(z) if name != "He" else torch.relu(z)
        stats.append(f"{a.mean().item():.3f}/{a.std().item():.3f}")
    print(f"{name:>8} の各層の平均/標準偏差: {stats}")

# %%
# 7章: im2col を unfold で
def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """(N, C, H, W) -> (N*out_h*out_w, C*filter_h*filter_w)"""
    N, C, H, W = input_data.shape
    out_h = (H + 2*pad - filter_h)//stride + 1
    out_w = (W + 2*pad - filter_w)//stride + 1
    col = F.unfold(input_data, (filter_h, filter_w), stride=stride, padding=pad)  # (N, C*fh*fw, out_h*out_w)
    col = col.transpose(1, 2).reshape(N*out_h*out_w, -1)
    return col

x1 = torch.rand(1, 3, 7, 7)
col1 = im2col(x1, 5, 5, stride=1, pad=0)
print(col1.shape)  # (9, 75)
x2 = torch.rand(10, 3, 7, 7)
col2 = im2col(x2, 5, 5, stride=1, pad=0)
print(col2.shape)  # (90, 75)
# 同じことを Tensor.unfold で書くと
patches = x1.unfold(2, 5, 1).unfold(3, 5, 1)
print(patches.shape, torch.equal(patches.permute(0, 2, 3, 1, 4, 5).reshape(9, 75), col1))

# %%
class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = 1 + int((H + 2*self.pad - FH) / self.stride)
        out_w = 1 + int((W + 2*self.pad - FW) / self.stride)

        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T  # フィルターの展開
        out = col @ col_W + self.b

        out = out.reshape(N, out_h, out_w, -1).permute(0, 3, 1, 2)
        return out

class Pooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H - self.pool_h) / self.stride)
        out_w = int(1 + (W - self.pool_w) / self.stride)
        # 展開 (1)
        col = im2col(x.reshape(N*C, 1, H, W), self.pool_h, self.pool_w, self.stride, self.pad)
        # 最大値 (2)
        out = col.max(dim=1).values
        # 整形 (3)
        out = out.reshape(N, C, out_h, out_w)
        return out

torch.manual_seed(5)
W = torch.randn(4, 3, 3, 3, requires_grad=True)
b = torch.randn(4, requires_grad=True)
conv = Convolution(W, b, stride=1, pad=1)
x = torch.randn(2, 3, 6, 6)
out = conv.forward(x)
ref = F.conv2d(x, W, b, stride=1, padding=1)
# (誤差の値そのものは丸めの違い: oneDNN のカーネルはプロセッサによって足す順序が変わる)
print(f"出力の形状: {tuple(out.shape)}, nn.functional.conv2d との最大誤差 < 1e-5: {(out - ref).abs().max().item() < 1e-5}")
print("一致するか:", torch.allclose(out, ref, atol=1e-5))
pool = Pooling(2, 2, stride=2)
pooled = pool.forward(out)
print(pooled.shape, torch.equal(pooled, F.max_pool2d(out, 2, 2)))
pooled.sum().backward()
print(W.grad.shape, b.grad)

# %%
# 形状のミス: permute の代わりに reshape してしまう / フィルターのチャンネル数が合わない
bad = (im2col(x, 3, 3, 1, 1) @ W.reshape(4, -1).T + b).reshape(2, 4, 6, 6)
print("reshape だけだと一致:", torch.allclose(bad, ref, atol=1e-5))
try:
    Convolution(torch.randn(4, 2, 3, 3), b).forward(x)
except RuntimeError as e:
    print("エラー:", e)
try:
    im2col(torch.rand(3, 7, 7), 5, 5)
except ValueError as e:
    print("エラー:", e)

# %%
# SimpleConvNet: conv - relu - pool - affine - relu - affine - softmax
class SimpleConvNet(nn.Module):
    def __init__(self, input_dim=(1, 12, 12), conv_param={'filter_num': 6, 'filter_size': 3, 'pad': 0, 'stride': 1},
                 hidden_size=20, output_size=3, weight_init_std=0.01):
        super().__init__()
        filter_num = conv_param['filter_num']
        filter_size = conv_param['filter_size']
        filter_pad = conv_param['pad']
        filter_stride = conv_param['stride']
        input_size = input_dim[1]
        conv_output_size = (input_size - filter_size + 2*filter_pad) / filter_stride + 1
        pool_output_size = int(filter_num * (conv_output_size/2) * (conv_output_size/2))
        self.conv1 = nn.Conv2d(input_dim[0], filter_num, filter_size, filter_stride, filter_pad)
        self.affine1 = nn.Linear(pool_output_size, hidden_size)
        self.affine2 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)
        x = F.relu(self.affine1(x.flatten(1)))
        return self.affine2(x)

torch.manual_seed(6)
label_names = ["丸", "三角", "四角"]
imgs = torch.rand(48, 1, 12, 12)
labels = torch.arange(48) % 3
imgs[labels == 0, :, 4:8, 4:8] += 1.0   # 「丸」は中央が明るい
imgs[labels == 1, :, :6, :] += 0.8      # 「三角」は上半分
results = {}
for opt_name in ("SGD", "Adam"):
    torch.manual_seed(7)
    model = SimpleConvNet()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1) if opt_name == "SGD" else torch.optim.Adam(model.parameters(), lr=0.01)
    for epoch in range(8):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(imgs), labels)
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        pred = model(imgs).argmax(1)
    results[opt_name] = loss.item()
    print(f"{opt_name}: 損失 = {loss.item():.4f}, 正解率 = {(pred == labels).float().mean().item():.3f}")
    print("  予測:", [label_names[i] for i in pred[:6].tolist()])
print(min(results, key=results.get), "の方が損失が小さい")
print(model)
