# 『PyTorch実践入門 ディープラーニングの基礎から実装へ』(Deep Learning with PyTorch の日本語訳, マイナビ出版) 第3章・第4章の
# ノートブックを写した学習メモ: テンソルの基本 (ストレージ、ストライド、転置と contiguous)、名前付きテンソル
# (refine_names, align_as)、ワインの品質データ (scatter_ による one-hot、標準化、しきい値でのマスク)、自転車シェアの
# 時系列データ (view と transpose、天気の one-hot)、テキストの one-hot。データは乱数で代用し、コメントは日本語。
import numpy as np
import torch
import warnings
torch.set_printoptions(edgeitems=2, threshold=50)
torch.manual_seed(123)

# %%
# 3.2 テンソル：点の座標
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
print(points.shape, points[0], points[0, 1])
print(points.storage())
points_storage = points.storage()
points_storage[0] = 2.0
print(points)
second_point = points[1]
print(second_point.storage_offset(), second_point.size(), second_point.stride())
second_point[0] = 10.0
print(points)
second_point = points[1].clone()
second_point[0] = 100.0
print(points)

# %%
# 3.8 転置とストライド、contiguous
points_t = points.t()
print(points_t)
print(points.untyped_storage().data_ptr() == points_t.untyped_storage().data_ptr())
print(points.stride(), points_t.stride())
print(points.is_contiguous(), points_t.is_contiguous())
some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
print(some_t.shape, transpose_t.shape, some_t.stride(), transpose_t.stride())
points_t_cont = points_t.contiguous()
print(points_t_cont, points_t_cont.stride(), points_t_cont.storage())

# %%
# 3.4 名前付きテンソル
img_t = torch.randn(3, 5, 5)  # shape [channels, rows, columns]
weights = torch.tensor([0.2126, 0.7152, 0.0722])
batch_t = torch.randn(2, 3, 5, 5)
img_gray_naive = img_t.mean(-3)
batch_gray_naive = batch_t.mean(-3)
print(img_gray_naive.shape, batch_gray_naive.shape)
unsqueezed_weights = weights.unsqueeze(-1).unsqueeze_(-1)
img_weights = (img_t * unsqueezed_weights)
batch_weights = (batch_t * unsqueezed_weights)
img_gray_weighted = img_weights.sum(-3)
batch_gray_weighted = batch_weights.sum(-3)
print(batch_weights.shape, batch_t.shape, unsqueezed_weights.shape)
img_gray_weighted_fancy = torch.einsum('...chw,c->...hw', img_t, weights)
batch_gray_weighted_fancy = torch.einsum('...chw,c->...hw', batch_t, weights)
print(batch_gray_weighted_fancy.shape)
print(torch.allclose(batch_gray_weighted, batch_gray_weighted_fancy, atol=1e-6))

# %%
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    weights_named = torch.tensor([0.2126, 0.7152, 0.0722], names=['channels'])
print(weights_named)
img_named = img_t.refine_names(..., 'channels', 'rows', 'columns')
batch_named = batch_t.refine_names(..., 'channels', 'rows', 'columns')
print("img named:", img_named.shape, img_named.names)
print("batch named:", batch_named.shape, batch_named.names)
weights_aligned = weights_named.align_as(img_named)
print(weights_aligned.shape, weights_aligned.names)
gray_named = (img_named * weights_aligned).sum('channels')
print(gray_named.shape, gray_named.names)
try:
    gray_named = (img_named[..., :3] * weights_named).sum('channels')
except Exception as e:
    print(type(e).__name__, e)
gray_plain = gray_named.rename(None)
print(gray_plain.shape, gray_plain.names)

# %%
# 3.5 dtype
double_points = torch.ones(10, 2, dtype=torch.double)
short_points = torch.tensor([[1, 2], [3, 4]], dtype=torch.short)
print(short_points.dtype, double_points.dtype)
double_points = torch.zeros(10, 2).to(torch.double)
short_points = torch.ones(10, 2).to(dtype=torch.short)
points_64 = torch.rand(5, dtype=torch.double)
points_short = points_64.to(torch.short)
print(points_64 * points_short)
print((points_64 * points_short).dtype)
points_np = points.numpy()
print(points_np)
points = torch.from_numpy(points_np)
print(points.dtype)

# %%
# 4.3 ワインの品質データ（乱数で代用）
wineq_numpy = np.round(np.random.RandomState(0).rand(20, 12) * 10, 2).astype(np.float32)
wineq_numpy[:, -1] = np.random.RandomState(1).randint(3, 9, 20)
wineq = torch.from_numpy(wineq_numpy)
print(wineq.shape, wineq.dtype)
data = wineq[:, :-1]  # 最後の列以外
print(data, data.shape)
target = wineq[:, -1]
print(target, target.shape)
target = wineq[:, -1].long()
print(target)
target_onehot = torch.zeros(target.shape[0], 10)
print(target_onehot.scatter_(1, target.unsqueeze(1), 1.0))
target_unsqueezed = target.unsqueeze(1)
print(target_unsqueezed[:3])
try:
    torch.zeros(target.shape[0], 10).scatter_(1, target, 1.0)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    torch.zeros(target.shape[0], 10).scatter_(1, target.unsqueeze(1).float(), 1.0)
except RuntimeError as e:
    print("RuntimeError：", e)

# %%
data_mean = torch.mean(data, dim=0)
data_var = torch.var(data, dim=0)
print(data_mean, data_var)
data_normalized = (data - data_mean) / torch.sqrt(data_var)
print(data_normalized[:2])
bad_indexes = target <= 3
print(bad_indexes.shape, bad_indexes.dtype, bad_indexes.sum())
bad_data = data[bad_indexes]
print(bad_data.shape)
bad_data = data[target <= 4]
mid_data = data[(target > 4) & (target < 7)]
good_data = data[target >= 7]
bad_mean = torch.mean(bad_data, dim=0)
mid_mean = torch.mean(mid_data, dim=0)
good_mean = torch.mean(good_data, dim=0)
for i, args in enumerate(zip(range(11), bad_mean, mid_mean, good_mean)):
    print('{:2} {:6.2f} {:6.2f} {:6.2f}'.format(*args))
total_sulfur_threshold = 5.0
total_sulfur_data = data[:, 6]
predicted_indexes = torch.lt(total_sulfur_data, total_sulfur_threshold)
print(predicted_indexes.shape, predicted_indexes.dtype, predicted_indexes.sum())
actual_indexes = target > 5
n_matches = torch.sum(actual_indexes & predicted_indexes).item()
n_predicted = torch.sum(predicted_indexes).item()
n_actual = torch.sum(actual_indexes).item()
print(n_matches, n_matches / n_predicted, n_matches / n_actual)

# %%
# 4.4 時系列データ：自転車シェア（2日分、1時間ごと、17列を乱数で代用）
bikes_numpy = np.random.RandomState(2).rand(48, 17).astype(np.float32)
bikes_numpy[:, 9] = np.random.RandomState(3).randint(1, 5, 48)
bikes = torch.from_numpy(bikes_numpy)
print(bikes.shape, bikes.stride())
daily_bikes = bikes.view(-1, 24, bikes.shape[1])
print(daily_bikes.shape, daily_bikes.stride())
daily_bikes = daily_bikes.transpose(1, 2)
print(daily_bikes.shape, daily_bikes.stride())
first_day = bikes[:24].long()
weather_onehot = torch.zeros(first_day.shape[0], 4)
print(first_day[:, 9])
weather_onehot.scatter_(dim=1, index=first_day[:, 9].unsqueeze(1).long() - 1, value=1.0)
print(torch.cat((bikes[:24], weather_onehot), 1)[:1])
daily_weather_onehot = torch.zeros(daily_bikes.shape[0], 4, daily_bikes.shape[2])
print(daily_weather_onehot.shape)
daily_weather_onehot.scatter_(1, daily_bikes[:, 9, :].long().unsqueeze(1) - 1, 1.0)
print(daily_weather_onehot.shape)
daily_bikes = torch.cat((daily_bikes, daily_weather_onehot), dim=1)
daily_bikes[:, 9, :] = (daily_bikes[:, 9, :] - 1.0) / 3.0
temp = daily_bikes[:, 10, :]
temp_min = torch.min(temp)
temp_max = torch.max(temp)
daily_bikes[:, 10, :] = ((daily_bikes[:, 10, :] - temp_min) / (temp_max - temp_min))
print(daily_bikes.shape, daily_bikes[0, 9:11, :4])

# %%
# 4.5 テキストの one-hot
line = "吾輩は猫である。名前はまだ無い。"
letter_t = torch.zeros(len(line), 128)
print(letter_t.shape)
for i, letter in enumerate(line.lower().strip()):
    letter_index = ord(letter) if ord(letter) < 128 else 0
    letter_t[i][letter_index] = 1
print(letter_t.sum(dim=0)[0])
words = "impossible mr bennet impossible when i am not acquainted with him".split()
word2index_dict = {word: i for (i, word) in enumerate(sorted(set(words)))}
word_t = torch.zeros(len(words), len(word2index_dict))
for i, word in enumerate(words):
    word_index = word2index_dict[word]
    word_t[i][word_index] = 1
    print('{:2} {:4} {}'.format(i, word_index, word))
print(word_t.shape, word_t.argmax(1))
