# Qiita / Zenn の「PyTorch の自動微分 (autograd) 入門」系の記事 (「requires_grad・backward・grad.zero_() を理解する」
# 「with torch.no_grad() と detach() の違い」「.item() と .numpy() の使い分け」「よくあるエラーと対処法」) の写し:
# 叶ノード・grad_fn・勾配の蓄積と zero_、no_grad / detach / requires_grad_(False)、インプレース演算のエラー、
# 二回目の backward、スカラーでない出力の backward、numpy() のエラー、日本語の f 文字列と全角の句読点。
import torch

torch.manual_seed(0)

# %%
# 基本：requires_grad=True のテンソルから計算グラフを作る
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2 + 3 * x + 1
print(f"y の値：{y.item()}、y.grad_fn：{y.grad_fn.__class__.__name__}")
y.backward()
print(f"dy/dx（x=2）＝ {x.grad}")
print("x は葉ノード？", x.is_leaf, "／ y は葉ノード？", y.is_leaf)
print(y.grad_fn.next_functions)

# %%
# 勾配は蓄積される（zero_ しないと足し算されていく）
重み = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
for i in range(3):
    損失 = (重み * 2).sum()
    損失.backward()
    print(f"{i + 1}回目：重み.grad ＝ {重み.grad}")
重み.grad.zero_()
print("zero_() の後：", 重み.grad)
重み.grad = None
print("None にした後：", 重み.grad)

# %%
# with torch.no_grad() と detach() の違い
w = torch.randn(3, requires_grad=True)
with torch.no_grad():
    z = w * 2
print("no_grad の中：", z.requires_grad, z.grad_fn)
d = w.detach()
print("detach：", d.requires_grad, d.is_leaf, d.data_ptr() == w.data_ptr())
d[0] = 100.0  # detach したテンソルはメモリを共有している
print("w も変わる：", w)
e = (w * 3).detach().requires_grad_()
print("detach().requires_grad_()：", e.requires_grad, e.is_leaf, e.grad_fn)
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())
    with torch.enable_grad():
        print("enable_grad の中：", (w * 2).requires_grad)

# %%
# よくあるエラー 1：葉ノードへのインプレース演算
a = torch.ones(3, requires_grad=True)
try:
    a += 1
except RuntimeError as e:
    print("エラー：", e)
try:
    a[0] = 5.0
except RuntimeError as e:
    print("エラー：", e)
try:
    a.add_(1)
except RuntimeError as e:
    print("エラー：", e)
with torch.no_grad():
    a -= 0.1 * torch.ones(3)
print("no_grad の中なら更新できる：", a, a.is_leaf, a.requires_grad)

# %%
# よくあるエラー 2：backward に必要な値をインプレースで書き換える
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a.sigmoid()
c = b * 2
b.mul_(3)
try:
    c.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = a * 2
out = h.exp()
out.add_(1)
try:
    out.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)

h = torch.relu(a - 2)
h2 = h ** 2
h.zero_()
try:
    h2.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
print(h._version, a._version)

# %%
# よくあるエラー 3：二回 backward する
x = torch.tensor(3.0, requires_grad=True)
y = x.exp() * x
y.backward(retain_graph=True)
print("1回目：", x.grad)
y.backward()
print("2回目（retain_graph=True のおかげ）：", x.grad)
try:
    y.backward()
except RuntimeError as e:
    print("3回目のエラー：", e)

# %%
# よくあるエラー 4：スカラーでない出力に backward / requires_grad のないテンソル
v = torch.tensor([1.0, 2.0], requires_grad=True)
out = v * 3
try:
    out.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
out.backward(torch.ones_like(out))
print("gradient を渡せば OK：", v.grad)
try:
    torch.tensor([1.0, 2.0]).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(torch.tensor(1.0), v)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1, 2], requires_grad=True)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# よくあるエラー 5：numpy() と item()
p = torch.randn(2, 2, requires_grad=True)
try:
    p.numpy()
except RuntimeError as e:
    print(type(e).__name__, e)
print(p.detach().numpy().shape, p.detach().cpu().numpy().dtype)
try:
    p.item()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    p.sum().item() + p
except Exception as e:
    print(type(e).__name__, e)
print(f"合計：{p.sum().item():.4f}　平均：{p.mean().item():.4f}")
print(p.tolist())
print(float(p[0, 0]), int(p[1, 1] * 10))
