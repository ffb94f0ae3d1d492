# Imitates Stevens, Antiga & Viehmann, "Deep Learning with PyTorch", chapter 4 (p1ch4 notebooks) on tiny synthetic
# data: the wine-quality table loaded with numpy and torch.from_numpy, data[:, :-1] and target.long(), one-hot with
# scatter_(1, target.unsqueeze(1), 1.0), mean/var normalisation, torch.le / lt / gt masks for bad, mid and good
# wines and their means; the bike-sharing hourly series: view(-1, 24, cols), transpose, the weather situation
# one-hot with scatter_, torch.cat and the temperature rescaling; text as one-hot letters (ord) and words (word2index).
import numpy as np
import torch

rng = np.random.RandomState(0)
wineq_numpy = np.concatenate([rng.uniform(0, 10, size=(12, 4)).round(2), rng.randint(3, 9, size=(12, 1))], axis=1)
wineq_numpy = wineq_numpy.astype(np.float32)
col_list = ['fixed acidity', 'volatile acidity', 'alcohol', 'sulphates', 'quality']
print(wineq_numpy.shape, wineq_numpy.dtype, col_list)
wineq = torch.from_numpy(wineq_numpy)
print(wineq.shape, wineq.dtype)
data = wineq[:, :-1]
print(data, data.shape)
target = wineq[:, -1]
print(target, target.shape)
target = wineq[:, -1].long()
print(target)

# %%
target_onehot = torch.zeros(target.shape[0], 10)
print(target_onehot.scatter_(1, target.unsqueeze(1), 1.0))
target_unsqueezed = target.unsqueeze(1)
print(target_unsqueezed[:3], target_unsqueezed.shape)
data_mean = torch.mean(data, dim=0)
data_var = torch.var(data, dim=0)
print(data_mean, data_var)
data_normalized = (data - data_mean) / torch.sqrt(data_var)
print(data_normalized[:3])
try:
    torch.zeros(target.shape[0], 10).scatter_(1, target, 1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(target.shape[0], 10).scatter_(1, target.unsqueeze(1).float(), 1.0)
except Exception as e:
    print(type(e).__name__, e)

# %%
bad_indexes = target <= 4
print(bad_indexes.shape, bad_indexes.dtype, bad_indexes.sum())
bad_data = data[bad_indexes]
print(bad_data.shape)
bad_data = data[target <= 4]
mid_data = data[(target > 4) & (target < 7)]
good_data = data[target >= 7]
bad_mean = torch.mean(bad_data, dim=0)
mid_mean = torch.mean(mid_data, dim=0)
good_mean = torch.mean(good_data, dim=0)
for i, args in enumerate(zip(col_list, bad_mean, mid_mean, good_mean)):
    print('{:2} {:20} {:6.2f} {:6.2f} {:6.2f}'.format(i, *args))
total_sulfur_threshold = 5.0
total_sulfur_data = data[:, 3]
predicted_indexes = torch.lt(total_sulfur_data, total_sulfur_threshold)
print(predicted_indexes.shape, predicted_indexes.dtype, predicted_indexes.sum())
actual_indexes = target > 5
print(actual_indexes.shape, actual_indexes.dtype, actual_indexes.sum())
n_matches = torch.sum(actual_indexes & predicted_indexes).item()
n_predicted = torch.sum(predicted_indexes).item()
n_actual = torch.sum(actual_indexes).item()
print(n_matches, n_matches / n_predicted, n_matches / n_actual, torch.le(target, 4).sum(), torch.gt(target, 6).any())

# %%
hours = 72
bikes_numpy = np.zeros((hours, 6), dtype=np.float32)
bikes_numpy[:, 0] = np.arange(1, hours + 1)
bikes_numpy[:, 1] = np.arange(hours) // 24 + 1
bikes_numpy[:, 2] = np.arange(hours) % 24
bikes_numpy[:, 3] = rng.randint(1, 5, size=hours)
bikes_numpy[:, 4] = rng.uniform(0.1, 0.9, size=hours).round(2)
bikes_numpy[:, 5] = rng.randint(0, 300, size=hours)
bikes = torch.from_numpy(bikes_numpy)
print(bikes.shape, bikes.stride())
daily_bikes = bikes.view(-1, 24, bikes.shape[1])
print(daily_bikes.shape, daily_bikes.stride())
daily_bikes = daily_bikes.transpose(1, 2)
print(daily_bikes.shape, daily_bikes.stride(), daily_bikes.is_contiguous())
first_day = bikes[:24].long()
weather_onehot = torch.zeros(first_day.shape[0], 4)
print(first_day[:, 3])
weather_onehot.scatter_(dim=1, index=first_day[:, 3].unsqueeze(1).long() - 1, value=1.0)
print(weather_onehot[:4])
print(torch.cat((bikes[:24], weather_onehot), 1)[:1])

# %%
daily_weather_onehot = torch.zeros(daily_bikes.shape[0], 4, daily_bikes.shape[2])
print(daily_weather_onehot.shape)
daily_weather_onehot.scatter_(1, daily_bikes[:, 3, :].long().unsqueeze(1) - 1, 1.0)
print(daily_weather_onehot.shape, daily_weather_onehot.sum(1).unique())
daily_bikes = torch.cat((daily_bikes, daily_weather_onehot), dim=1)
print(daily_bikes.shape)
daily_bikes[:, 3, :] = (daily_bikes[:, 3, :] - 1.0) / 3.0
temp = daily_bikes[:, 4, :]
temp_min = torch.min(temp)
temp_max = torch.max(temp)
daily_bikes[:, 4, :] = ((daily_bikes[:, 4, :] - temp_min) / (temp_max - temp_min))
print(daily_bikes[0, 3:5, :6])
temp = daily_bikes[:, 4, :]
daily_bikes[:, 4, :] = ((daily_bikes[:, 4, :] - torch.mean(temp)) / torch.std(temp))
print(daily_bikes[0, 4, :6], daily_bikes.dtype)
try:
    bikes.transpose(0, 1).view(-1, 24, 6)
except Exception as e:
    print(type(e).__name__, e)

# %%
text = "Impossible, Mr. Bennet, impossible, when I am not acquainted with him myself"
lines = text.split(',')
line = lines[0]
letter_t = torch.zeros(len(line), 128)
print(letter_t.shape)
for i, letter in enumerate(line.lower().strip()):
    letter_index = ord(letter) if ord(letter) < 128 else 0
    letter_t[i][letter_index] = 1
print(letter_t.argmax(1), letter_t.sum())

def clean_words(input_str):
    punctuation = '.,;:"!?”“_-'
    word_list = input_str.lower().replace('\n', ' ').split()
    word_list = [word.strip(punctuation) for word in word_list]
    return word_list

words_in_line = clean_words(text)
print(words_in_line)
word_list = sorted(set(clean_words(text)))
word2index_dict = {word: i for (i, word) in enumerate(word_list)}
print(len(word2index_dict), word2index_dict['impossible'])
word_t = torch.zeros(len(words_in_line), len(word2index_dict))
for i, word in enumerate(words_in_line):
    word_index = word2index_dict[word]
    word_t[i][word_index] = 1
    print('{:2} {:4} {}'.format(i, word_index, word))
print(word_t.shape, word_t.sum(0))
word_idx = torch.tensor([word2index_dict[w] for w in words_in_line])
print(word_idx, torch.nn.functional.one_hot(word_idx).shape, torch.equal(torch.nn.functional.one_hot(word_idx, len(word_list)).float(), word_t))
