# Imitates the CTC parts of speech-recognition tutorials (PyTorch's nn.CTCLoss docs example, AssemblyAI's "Building
# an end-to-end speech recognition model in PyTorch", the torchaudio-free DeepSpeech-style toy): a TextTransform
# char map, a BiGRU acoustic model over random "spectrograms", log_softmax then transpose(0, 1) to (T, N, C),
# nn.CTCLoss(blank=28, zero_infinity=True) with padded and concatenated targets, F.ctc_loss reductions, greedy
# decoding with unique_consecutive, and a character error rate by edit distance.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
T = 50; C = 20; N = 16; S = 30; S_min = 10
torch.manual_seed(0)
input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
target = torch.randint(low=1, high=C, size=(N, S), dtype=torch.long)
input_lengths = torch.full(size=(N,), fill_value=T, dtype=torch.long)
target_lengths = torch.randint(low=S_min, high=S, size=(N,), dtype=torch.long)
ctc_loss = nn.CTCLoss()
loss = ctc_loss(input, target, input_lengths, target_lengths)
loss.backward()
print(ctc_loss, loss)
input.grad[0, 0, :5], input.grad.sum()

# %%
torch.manual_seed(0)
input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
input_lengths = torch.full(size=(N,), fill_value=T, dtype=torch.long)
target_lengths = torch.randint(low=1, high=T, size=(N,), dtype=torch.long)
target = torch.randint(low=1, high=C, size=(sum(target_lengths),), dtype=torch.long)
print(target.shape, target_lengths[:5])
for red in ["mean", "sum", "none"]:
    print(red, F.ctc_loss(input, target, input_lengths, target_lengths, reduction=red, zero_infinity=True))
l = F.ctc_loss(input, target, input_lengths, target_lengths)
print(l, l.grad_fn)
F.ctc_loss(input, target, input_lengths, target_lengths, reduction="none", zero_infinity=False)

# %%
class TextTransform:
    def __init__(self):
        chars = "' abcdefghijklmnopqrstuvwxyz"
        self.char_map = {}
        self.index_map = {}
        for i, ch in enumerate(chars):
            self.char_map[ch] = i
            self.index_map[i] = ch
        self.index_map[1] = ' '
    def text_to_int(self, text):
        return [self.char_map[c] for c in text]
    def int_to_text(self, labels):
        return ''.join([self.index_map[i] for i in labels])

text_transform = TextTransform()
sentences = ["hello world", "speech", "ctc loss", "a cat"]
labels = [torch.Tensor(text_transform.text_to_int(s)) for s in sentences]
label_lengths = [len(l) for l in labels]
labels = nn.utils.rnn.pad_sequence(labels, batch_first=True)
print(labels, labels.dtype, label_lengths)
text_transform.int_to_text([8, 5, 12, 12, 15])

# %%
class SpeechModel(nn.Module):
    def __init__(self, n_feats=16, rnn_dim=24, n_class=29):
        super().__init__()
        self.cnn = nn.Conv2d(1, 4, 3, stride=(1, 2), padding=1)
        self.fc = nn.Linear(4 * n_feats // 2, rnn_dim)
        self.birnn = nn.GRU(input_size=rnn_dim, hidden_size=rnn_dim, num_layers=1, batch_first=True, bidirectional=True)
        self.layer_norm = nn.LayerNorm(rnn_dim)
        self.classifier = nn.Sequential(nn.Linear(rnn_dim * 2, rnn_dim), nn.GELU(), nn.Dropout(0.1),
                                        nn.Linear(rnn_dim, n_class))
    def forward(self, x):
        x = self.cnn(x)                       # (batch, channel, time, feature)
        sizes = x.size()
        x = x.permute(0, 2, 1, 3).contiguous().view(sizes[0], sizes[2], sizes[1] * sizes[3])
        x = F.gelu(self.layer_norm(self.fc(x)))
        x, _ = self.birnn(x)
        return self.classifier(x)

torch.manual_seed(0)
model = SpeechModel()
spectrograms = torch.randn(4, 1, 40, 16)
input_lengths = [40, 40, 36, 30]
output = model(spectrograms)
print(output.shape)
output = F.log_softmax(output, dim=2)
output = output.transpose(0, 1)
criterion = nn.CTCLoss(blank=28, zero_infinity=True).to("cpu")
loss = criterion(output, labels, input_lengths, label_lengths)
print(loss)
loss.backward()
optimizer = torch.optim.AdamW(model.parameters(), 5e-4)
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=5e-4, steps_per_epoch=3, epochs=2, anneal_strategy='linear')
for step in range(5):
    optimizer.zero_grad()
    output = model(spectrograms).log_softmax(2).transpose(0, 1)
    loss = criterion(output, labels, input_lengths, label_lengths)
    loss.backward()
    optimizer.step()
    scheduler.step()
    print(step, round(loss.item(), 4), scheduler.get_last_lr())

# %%
def GreedyDecoder(output, labels, label_lengths, blank_label=28, collapse_repeated=True):
    arg_maxes = torch.argmax(output, dim=2)
    decodes = []
    targets = []
    for i, args in enumerate(arg_maxes):
        decode = []
        targets.append(text_transform.int_to_text(labels[i][:label_lengths[i]].tolist()))
        for j, index in enumerate(args):
            if index != blank_label:
                if collapse_repeated and j != 0 and index == args[j - 1]:
                    continue
                decode.append(index.item())
        decodes.append(text_transform.int_to_text(decode))
    return decodes, targets

with torch.no_grad():
    out = model(spectrograms).log_softmax(2)
decodes, targets = GreedyDecoder(out, labels.long(), label_lengths)
print(targets)
print([len(d) for d in decodes])
best = out[0].argmax(-1)
collapsed = torch.unique_consecutive(best)
print(best[:10], collapsed[collapsed != 28][:10])
torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1, 2]), return_counts=True, return_inverse=True)

# %%
def edit_distance(ref, hyp):
    d = torch.zeros(len(ref) + 1, len(hyp) + 1, dtype=torch.int32)
    d[:, 0] = torch.arange(len(ref) + 1)
    d[0, :] = torch.arange(len(hyp) + 1)
    for i in range(1, len(ref) + 1):
        for j in range(1, len(hyp) + 1):
            cost = 0 if ref[i - 1] == hyp[j - 1] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
    return d[len(ref), len(hyp)]
def cer(reference, hypothesis):
    return edit_distance(reference, hypothesis).item() / len(reference)
print(edit_distance("kitten", "sitting"), cer("hello world", "helo wrld"))
edit_distance("abc", "abd").dtype
