# Imitates Ian Pointer's "Programming PyTorch for Deep Learning" (O'Reilly; repo falloutdurden/pytorch-book),
# chapter 5 (text classification: a vocabulary built by hand in place of torchtext's Field/BucketIterator, the
# OurFirstLSTM model of nn.Embedding -> nn.LSTM (sequence-first) -> Linear on hidden.squeeze(0), the random_deletion /
# random_swap augmentations) and chapter 6 (audio: the AudioNet of Conv1d / BatchNorm1d / MaxPool1d / AvgPool1d with
# log_softmax over dim 2 and NLLLoss, a spectrogram by torch.stft turned to decibels, FrequencyMask / TimeMask applied
# in place), at tiny sizes on synthetic tweets and waveforms.
import random
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(5)
random.seed(5)
tweets = ["i love this airline", "worst flight ever", "great crew and great food", "lost my bag again",
          "so happy with the upgrade", "delayed for five hours", "best service", "never flying with them again"]
targets = torch.tensor([1, 0, 1, 0, 1, 0, 1, 0])
vocab = {"<unk>": 0, "<pad>": 1}
for t in tweets:
    for w in t.split():
        vocab.setdefault(w, len(vocab))
print(len(vocab), list(vocab.items())[:6])

def numericalize(text, max_len=6):
    ids = [vocab.get(w, 0) for w in text.split()][:max_len]
    return ids + [vocab["<pad>"]] * (max_len - len(ids))

batch = torch.tensor([numericalize(t) for t in tweets]).t()
print(batch.shape, batch.dtype)
print(batch[:, :3])

# %%
class OurFirstLSTM(nn.Module):
    def __init__(self, hidden_size, embedding_dim, vocab_size):
        super(OurFirstLSTM, self).__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.encoder = nn.LSTM(input_size=embedding_dim, hidden_size=hidden_size, num_layers=1)
        self.predictor = nn.Linear(hidden_size, 2)

    def forward(self, seq):
        output, (hidden, _) = self.encoder(self.embedding(seq))
        preds = self.predictor(hidden.squeeze(0))
        return preds

model = OurFirstLSTM(12, 8, len(vocab))
print(model)
optimizer = optim.Adam(model.parameters(), lr=2e-2)
criterion = nn.CrossEntropyLoss()
for epoch in range(1, 6):
    model.train()
    optimizer.zero_grad()
    predict = model(batch)
    loss = criterion(predict, targets)
    loss.backward()
    optimizer.step()
    print(f"Epoch: {epoch}, Training Loss: {loss.item():.4f}")
print(predict.argmax(1), (predict.argmax(1) == targets).float().mean())
out, (h, c) = model.encoder(model.embedding(batch))
print(out.shape, h.shape, c.shape, torch.allclose(out[-1], h[0]))

# %%
# the usual slips: batch-first input to a sequence-first LSTM, a float batch, an index past the vocabulary
wrong = model(batch.t())
print(wrong.shape)
try:
    criterion(wrong, targets)
except Exception as e:
    print(type(e).__name__, e)
try:
    model(batch.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.tensor([[len(vocab)]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.encoder(torch.randn(4, 8))[0].shape
    print(model.encoder(torch.randn(4, 8))[1][0].shape)
    model.encoder(torch.randn(4, 2, 7))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.encoder(torch.randn(4, 2, 8), (torch.zeros(1, 2, 12),))
except Exception as e:
    print(type(e).__name__, e)
try:
    model.encoder(torch.randn(4, 2, 8), (torch.zeros(1, 3, 12), torch.zeros(1, 3, 12)))
except Exception as e:
    print(type(e).__name__, e)

# %%
def random_deletion(words, p=0.5):
    if len(words) == 1:
        return words
    remaining = list(filter(lambda x: random.uniform(0, 1) > p, words))
    if len(remaining) == 0:
        return [random.choice(words)]
    else:
        return remaining

def random_swap(sentence, n=5):
    length = range(len(sentence))
    for _ in range(n):
        idx1, idx2 = random.sample(length, 2)
        sentence[idx1], sentence[idx2] = sentence[idx2], sentence[idx1]
    return sentence

print(random_deletion("great crew and great food".split()))
print(random_swap("so happy with the upgrade".split(), 2))
aug = torch.tensor([numericalize(" ".join(random_swap(t.split(), 1))) for t in tweets]).t()
with torch.no_grad():
    print(F.softmax(model(aug), dim=1)[:, 1])
print(model.embedding.weight.grad.shape, model.embedding.weight.grad[1].abs().sum() > 0)
emb = nn.Embedding(len(vocab), 4, padding_idx=vocab["<pad>"])
print(emb.weight[1], emb(batch).sum().backward(), emb.weight.grad[1], emb.weight.grad[0])

# %%
class AudioNet(nn.Module):
    def __init__(self):
        super(AudioNet, self).__init__()
        self.conv1 = nn.Conv1d(1, 16, kernel_size=20, stride=4)
        self.bn1 = nn.BatchNorm1d(16)
        self.pool1 = nn.MaxPool1d(4)
        self.conv2 = nn.Conv1d(16, 16, 3)
        self.bn2 = nn.BatchNorm1d(16)
        self.pool2 = nn.MaxPool1d(4)
        self.conv3 = nn.Conv1d(16, 32, 3)
        self.bn3 = nn.BatchNorm1d(32)
        self.avgPool = nn.AvgPool1d(4)
        self.fc1 = nn.Linear(32, 5)

    def forward(self, x):
        x = x.unsqueeze(1)
        x = self.conv1(x)
        x = F.relu(self.bn1(x))
        x = self.pool1(x)
        x = self.conv2(x)
        x = F.relu(self.bn2(x))
        x = self.pool2(x)
        x = self.conv3(x)
        x = F.relu(self.bn3(x))
        x = self.avgPool(x)
        x = x.permute(0, 2, 1)
        x = self.fc1(x)
        return F.log_softmax(x, dim=2)

t = torch.linspace(0, 1, 480)
classes = torch.arange(6) % 5
waves = torch.stack([torch.sin(2 * 3.14159 * (20 + 15 * k) * t) for k in classes.tolist()])
waves = waves + 0.1 * torch.randn_like(waves)
audio_model = AudioNet()
out = audio_model(waves)
print(out.shape, out.exp().sum(2).squeeze())
loss_fn = nn.NLLLoss()
try:
    loss_fn(out, classes)
except Exception as e:
    print(type(e).__name__, e)
loss = loss_fn(out.squeeze(1), classes)
print(loss)
loss.backward()
print(audio_model.conv1.weight.grad.shape, audio_model.bn3.weight.grad.shape)
print(loss_fn(out.permute(0, 2, 1), classes.unsqueeze(1)))
try:
    audio_model(waves[:1, :100])
except Exception as e:
    print(type(e).__name__, e)
audio_model.eval()
print(audio_model(waves[:1]).argmax(2))

# %%
window = torch.hann_window(64)
spec = torch.stft(waves, n_fft=64, hop_length=16, window=window, return_complex=True)
power = spec.abs() ** 2
db = 10 * torch.log10(torch.clamp(power, min=1e-10))
db = torch.max(db, db.amax(dim=(1, 2), keepdim=True) - 80.0)
print(spec.dtype, spec.shape, db.shape, db.min().item() >= db.max().item() - 80)
print(db[0, :, 3].argmax(), db[3, :, 3].argmax())

class FrequencyMask(object):
    def __init__(self, max_width, use_mean=True):
        self.max_width = max_width
        self.use_mean = use_mean

    def __call__(self, tensor):
        start = random.randrange(0, tensor.shape[1])
        end = start + random.randrange(1, self.max_width)
        if self.use_mean:
            tensor[:, start:end, :] = tensor.mean()
        else:
            tensor[:, start:end, :] = 0
        return tensor

    def __repr__(self):
        format_string = self.__class__.__name__ + "(max_width="
        format_string += str(self.max_width) + ")"
        format_string += 'use_mean=' + (str(self.use_mean) + ')')
        return format_string

class TimeMask(FrequencyMask):
    def __call__(self, tensor):
        start = random.randrange(0, tensor.shape[2])
        end = start + random.randrange(1, self.max_width)
        tensor[:, :, start:end] = tensor.mean() if self.use_mean else 0
        return tensor

random.seed(1)
masked = FrequencyMask(5)(db[:2].clone())
print(FrequencyMask(5), (masked != db[:2]).any(2).any(0).nonzero().flatten())
masked = TimeMask(4, use_mean=False)(db[:2].clone())
print((masked == 0).all(1).any(0).nonzero().flatten())
leaf = db[:2].clone().requires_grad_()
try:
    FrequencyMask(3)(leaf)
except Exception as e:
    print(type(e).__name__, e)
masked = FrequencyMask(3)(leaf * 1)
masked.sum().backward()
print(leaf.grad.sum(), masked.grad_fn)
