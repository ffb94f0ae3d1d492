# Mô phỏng các notebook tiếng Việt "Machine Learning cơ bản" (Vũ Hữu Tiệp) và các bài "Deep Learning cơ bản" viết
# lại bằng PyTorch: một mạng CNN nhỏ trên ảnh ngẫu nhiên (Conv2d, MaxPool2d, Flatten, Linear), CrossEntropyLoss,
# vòng lặp huấn luyện với Adam, độ chính xác, và các lỗi thường gặp (sai số kênh, quên Flatten, sai kích thước
# lớp Linear, nhãn kiểu float, nhãn vượt số lớp, ảnh quá nhỏ cho pooling). Tên biến tiếng Việt có dấu (số_lớp,
# ảnh, nhãn, tốc_độ_học, độ_chính_xác, w_mới) in bằng f-string.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
# Dữ liệu giả: 16 ảnh xám 1x12x12, 3 lớp
số_ảnh, số_lớp = 16, 3
ảnh = torch.randn(số_ảnh, 1, 12, 12)
nhãn = torch.randint(0, số_lớp, (số_ảnh,))
print(f"Kích thước ảnh: {ảnh.shape}, kiểu dữ liệu: {ảnh.dtype}")
print(f"Nhãn: {nhãn}, kiểu nhãn: {nhãn.dtype}")
print(f"Số ảnh mỗi lớp: {torch.bincount(nhãn, minlength=số_lớp).tolist()}")

# %%
# Phép tích chập bằng tay và so sánh với F.conv2d
bộ_lọc = torch.tensor([[1., 0., -1.], [2., 0., -2.], [1., 0., -1.]]).reshape(1, 1, 3, 3)
ảnh_nhỏ = torch.arange(25.).reshape(1, 1, 5, 5)
kết_quả = F.conv2d(ảnh_nhỏ, bộ_lọc)
tự_tính = torch.zeros(3, 3)
for i in range(3):
    for j in range(3):
        tự_tính[i, j] = (ảnh_nhỏ[0, 0, i:i + 3, j:j + 3] * bộ_lọc[0, 0]).sum()
print(kết_quả)
print(tự_tính)
print("Giống nhau:", torch.allclose(kết_quả[0, 0], tự_tính))
print(F.max_pool2d(ảnh_nhỏ, 2), F.avg_pool2d(ảnh_nhỏ, 2, stride=1).shape)

# %%
class MạngCNN(nn.Module):
    def __init__(self, số_lớp):
        super().__init__()
        self.tích_chập_1 = nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.tích_chập_2 = nn.Conv2d(4, 8, kernel_size=3)
        self.gộp = nn.MaxPool2d(2)
        self.làm_phẳng = nn.Flatten()
        self.kết_nối_đầy_đủ = nn.Linear(8 * 2 * 2, số_lớp)

    def forward(self, x):
        x = self.gộp(F.relu(self.tích_chập_1(x)))    # 4 x 6 x 6
        x = self.gộp(F.relu(self.tích_chập_2(x)))    # 8 x 2 x 2
        return self.kết_nối_đầy_đủ(self.làm_phẳng(x))

mô_hình = MạngCNN(số_lớp)
print(mô_hình)
tổng_tham_số = sum(p.numel() for p in mô_hình.parameters())
print(f"Tổng số tham số: {tổng_tham_số}")
for tên, tham_số in mô_hình.named_parameters():
    print(f"{tên:<25} {str(tuple(tham_số.shape)):<15} {tham_số.requires_grad}")

# %%
đầu_ra = mô_hình(ảnh[:4])
print("Đầu ra:", đầu_ra.shape, đầu_ra.grad_fn)
xác_suất = F.softmax(đầu_ra, dim=1)
print(f"Tổng xác suất mỗi ảnh: {xác_suất.sum(dim=1)}")
print("Dự đoán:", xác_suất.argmax(dim=1))

# %%
# Huấn luyện với Adam
tốc_độ_học = 0.01
hàm_mất_mát = nn.CrossEntropyLoss()
bộ_tối_ưu = torch.optim.Adam(mô_hình.parameters(), lr=tốc_độ_học)
for vòng_lặp in range(1, 31):
    bộ_tối_ưu.zero_grad()
    mất_mát = hàm_mất_mát(mô_hình(ảnh), nhãn)
    mất_mát.backward()
    bộ_tối_ưu.step()
    if vòng_lặp % 10 == 0:
        with torch.no_grad():
            độ_chính_xác = (mô_hình(ảnh).argmax(1) == nhãn).float().mean().item()
        print(f"Vòng {vòng_lặp:2d}: mất mát = {mất_mát.item():.4f}, độ chính xác = {độ_chính_xác:.2%}")
print(mô_hình.tích_chập_1.weight.grad.shape, mô_hình.kết_nối_đầy_đủ.bias.grad)

# %%
# Lỗi thường gặp 1: ảnh màu 3 kênh đưa vào mạng 1 kênh
ảnh_màu = torch.randn(2, 3, 12, 12)
try:
    mô_hình(ảnh_màu)
except Exception as lỗi:
    print(type(lỗi).__name__, lỗi)
# Lỗi thường gặp 2: quên chiều batch / đưa ảnh 2 chiều
try:
    mô_hình.tích_chập_1(torch.randn(12, 12))
except Exception as lỗi:
    print(type(lỗi).__name__, lỗi)
print(mô_hình.tích_chập_1(torch.randn(1, 12, 12)).shape)

# %%
# Lỗi thường gặp 3: sai kích thước lớp Linear sau khi làm phẳng
class MạngSai(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.fc = nn.Linear(4 * 12 * 12, số_lớp)

    def forward(self, x):
        x = F.relu(self.conv(x))
        return self.fc(x.view(x.size(0), -1))

try:
    MạngSai()(ảnh[:2])
except Exception as lỗi:
    print(type(lỗi).__name__, lỗi)
# Lỗi thường gặp 4: quên làm phẳng trước Linear
try:
    nn.Linear(32, 3)(torch.randn(2, 8, 2, 2))
except Exception as lỗi:
    print(type(lỗi).__name__, lỗi)

# %%
# Lỗi thường gặp 5: nhãn kiểu float, nhãn vượt số lớp, nhãn one-hot dạng long
đầu_ra = mô_hình(ảnh[:4])
for mô_tả, tính in [
        ("nhãn float", lambda: hàm_mất_mát(đầu_ra, nhãn[:4].float())),
        ("nhãn vượt số lớp", lambda: hàm_mất_mát(đầu_ra, torch.tensor([0, 1, 2, 3]))),
        ("nhãn âm", lambda: hàm_mất_mát(đầu_ra, torch.tensor([0, -1, 2, 1]))),
        ("one-hot long", lambda: hàm_mất_mát(đầu_ra, F.one_hot(nhãn[:4], số_lớp))),
        ("one-hot float", lambda: hàm_mất_mát(đầu_ra, F.one_hot(nhãn[:4], số_lớp).float())),
        ("sai số mẫu", lambda: hàm_mất_mát(đầu_ra, nhãn[:3])),
        ("nhãn 2 chiều", lambda: hàm_mất_mát(đầu_ra, nhãn[:4].unsqueeze(1)))]:
    try:
        print(mô_tả, "->", tính())
    except Exception as lỗi:
        print(mô_tả, "->", type(lỗi).__name__, lỗi)

# %%
# Lỗi thường gặp 6: ảnh quá nhỏ cho hai lần pooling
try:
    mô_hình(torch.randn(1, 1, 4, 4))
except Exception as lỗi:
    print(type(lỗi).__name__, lỗi)
try:
    F.max_pool2d(torch.randn(1, 1, 1, 1), 2)
except Exception as lỗi:
    print(type(lỗi).__name__, lỗi)

# %%
# Cập nhật trọng số bằng tay: w_mới = w_cũ - tốc_độ_học * gradient
w_cũ = mô_hình.kết_nối_đầy_đủ.bias.detach().clone()
mất_mát = hàm_mất_mát(mô_hình(ảnh), nhãn)
mô_hình.zero_grad()
mất_mát.backward()
with torch.no_grad():
    w_mới = w_cũ - tốc_độ_học * mô_hình.kết_nối_đầy_đủ.bias.grad
print(f"w_cũ  = {w_cũ}")
print(f"w_mới = {w_mới}")
print(f"Độ thay đổi lớn nhất: {(w_mới - w_cũ).abs().max():.6f}")
mô_hình.eval()
with torch.no_grad():
    dự_đoán = mô_hình(ảnh).argmax(dim=1)
print(f"Độ chính xác cuối cùng: {(dự_đoán == nhãn).sum().item()}/{số_ảnh}")
