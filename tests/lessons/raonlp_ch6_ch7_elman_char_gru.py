# Imitates Rao & McMahan, "Natural Language Processing with PyTorch" (joosthub/PyTorchNLPBook), chapter 6 (an
# Elman RNN written with nn.RNNCell, column_gather picking each sequence's last valid hidden state with lengths - 1,
# the surname classifier on top) and chapter 7 (the character-level GRU surname generator, unconditioned and
# conditioned on a nationality embedding as initial hidden state, normalize_sizes / sequence_loss with
# ignore_index=mask_index, masked accuracy, and sampling with torch.multinomial over temperature-scaled softmax).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1337)
np.random.seed(1337)
chars = ["<MASK>", "<UNK>", "<BEGIN>", "<END>", "a", "b", "c", "d", "e", "o"]
mask_index, begin_seq_index, end_seq_index = 0, 2, 3


# %%
def column_gather(y_out, x_lengths):
    x_lengths = x_lengths.long().detach().cpu().numpy() - 1
    out = []
    for batch_index, column_index in enumerate(x_lengths):
        out.append(y_out[batch_index, column_index])
    return torch.stack(out)


class ElmanRNN(nn.Module):
    def __init__(self, input_size, hidden_size, batch_first=False):
        super(ElmanRNN, self).__init__()
        self.rnn_cell = nn.RNNCell(input_size, hidden_size)
        self.batch_first = batch_first
        self.hidden_size = hidden_size

    def _initial_hidden(self, batch_size):
        return torch.zeros((batch_size, self.hidden_size))

    def forward(self, x_in, initial_hidden=None):
        if self.batch_first:
            batch_size, seq_size, feat_size = x_in.size()
            x_in = x_in.permute(1, 0, 2)
        else:
            seq_size, batch_size, feat_size = x_in.size()
        hiddens = []
        if initial_hidden is None:
            initial_hidden = self._initial_hidden(batch_size)
            initial_hidden = initial_hidden.to(x_in.device)
        hidden_t = initial_hidden
        for t in range(seq_size):
            hidden_t = self.rnn_cell(x_in[t], hidden_t)
            hiddens.append(hidden_t)
        hiddens = torch.stack(hiddens)
        if self.batch_first:
            hiddens = hiddens.permute(1, 0, 2)
        return hiddens


class SurnameClassifier(nn.Module):
    def __init__(self, embedding_size, num_embeddings, num_classes, rnn_hidden_size, batch_first=True,
                 padding_idx=0):
        super(SurnameClassifier, self).__init__()
        self.emb = nn.Embedding(num_embeddings=num_embeddings, embedding_dim=embedding_size,
                                padding_idx=padding_idx)
        self.rnn = ElmanRNN(input_size=embedding_size, hidden_size=rnn_hidden_size, batch_first=batch_first)
        self.fc1 = nn.Linear(in_features=rnn_hidden_size, out_features=rnn_hidden_size)
        self.fc2 = nn.Linear(in_features=rnn_hidden_size, out_features=num_classes)

    def forward(self, x_in, x_lengths=None, apply_softmax=False):
        x_embedded = self.emb(x_in)
        y_out = self.rnn(x_embedded)
        if x_lengths is not None:
            y_out = column_gather(y_out, x_lengths)
        else:
            y_out = y_out[:, -1, :]
        y_out = F.relu(self.fc1(F.dropout(y_out, 0.5)))
        y_out = self.fc2(F.dropout(y_out, 0.5))
        if apply_softmax:
            y_out = F.softmax(y_out, dim=1)
        return y_out


x_data = torch.tensor([[2, 4, 5, 4, 3, 0], [2, 6, 9, 3, 0, 0], [2, 7, 8, 8, 9, 3]])
x_lengths = torch.tensor([5, 4, 6])
y_target = torch.tensor([0, 1, 1])
classifier = SurnameClassifier(embedding_size=4, num_embeddings=len(chars), num_classes=2, rnn_hidden_size=5)
print(classifier)
hiddens = classifier.rnn(classifier.emb(x_data))
print(hiddens.shape, hiddens.grad_fn)
print(column_gather(hiddens, x_lengths).shape, column_gather(hiddens, x_lengths).grad_fn)
print(torch.equal(column_gather(hiddens, x_lengths)[1], hiddens[1, 3]))
optimizer = optim.Adam(classifier.parameters(), lr=0.01)
for epoch in range(3):
    optimizer.zero_grad()
    y_pred = classifier(x_data, x_lengths=x_lengths)
    loss = F.cross_entropy(y_pred, y_target)
    loss.backward()
    optimizer.step()
    print(epoch, round(loss.item(), 5))
print(classifier.rnn.rnn_cell.weight_hh.grad.norm() > 0, classifier.emb.weight.grad[0])
classifier.eval()
print(classifier(x_data[:1], apply_softmax=True).sum())

# %%
cell = nn.RNNCell(4, 3)
print(cell, cell.weight_ih.shape, cell.bias_hh.shape, cell.nonlinearity)
print(cell(torch.randn(4)).shape, cell(torch.randn(2, 4)).shape)
print(nn.RNNCell(4, 3, nonlinearity='relu')(torch.ones(1, 4), torch.zeros(1, 3)).grad_fn)
for bad in [lambda: cell(torch.randn(2, 5)), lambda: cell(torch.randn(2, 4), torch.zeros(3, 3)),
            lambda: cell(torch.randn(2, 4), torch.zeros(2, 4)), lambda: cell(torch.randn(1, 2, 4)),
            lambda: nn.RNNCell(4, 3, nonlinearity='sigmoid'),
            lambda: column_gather(torch.randn(2, 3, 4), torch.tensor([4, 1]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
def normalize_sizes(y_pred, y_true):
    if len(y_pred.size()) == 3:
        y_pred = y_pred.contiguous().view(-1, y_pred.size(2))
    if len(y_true.size()) == 2:
        y_true = y_true.contiguous().view(-1)
    return y_pred, y_true


def compute_accuracy(y_pred, y_true, mask_index):
    y_pred, y_true = normalize_sizes(y_pred, y_true)
    _, y_pred_indices = y_pred.max(dim=1)
    correct_indices = torch.eq(y_pred_indices, y_true).float()
    valid_indices = torch.ne(y_true, mask_index).float()
    n_correct = (correct_indices * valid_indices).sum().item()
    n_valid = valid_indices.sum().item()
    return n_correct / n_valid * 100


def sequence_loss(y_pred, y_true, mask_index):
    y_pred, y_true = normalize_sizes(y_pred, y_true)
    return F.cross_entropy(y_pred, y_true, ignore_index=mask_index)


class SurnameGenerationModel(nn.Module):
    def __init__(self, char_embedding_size, char_vocab_size, rnn_hidden_size, batch_first=True, padding_idx=0,
                 dropout_p=0.5, num_nationalities=None):
        super(SurnameGenerationModel, self).__init__()
        self.char_emb = nn.Embedding(num_embeddings=char_vocab_size, embedding_dim=char_embedding_size,
                                     padding_idx=padding_idx)
        if num_nationalities is not None:
            self.nation_emb = nn.Embedding(num_embeddings=num_nationalities, embedding_dim=rnn_hidden_size)
        self.rnn = nn.GRU(input_size=char_embedding_size, hidden_size=rnn_hidden_size, batch_first=batch_first)
        self.fc = nn.Linear(in_features=rnn_hidden_size, out_features=char_vocab_size)
        self._dropout_p = dropout_p

    def forward(self, x_in, nationality_index=None, apply_softmax=False):
        x_embedded = self.char_emb(x_in)
        if nationality_index is None:
            y_out, _ = self.rnn(x_embedded)
        else:
            nationality_embedded = self.nation_emb(nationality_index).unsqueeze(0)
            y_out, _ = self.rnn(x_embedded, nationality_embedded)
        batch_size, seq_size, feat_size = y_out.shape
        y_out = y_out.contiguous().view(batch_size * seq_size, feat_size)
        y_out = self.fc(F.dropout(y_out, p=self._dropout_p))
        if apply_softmax:
            y_out = F.softmax(y_out, dim=1)
        new_feat_size = y_out.shape[-1]
        y_out = y_out.view(batch_size, seq_size, new_feat_size)
        return y_out


from_vector = torch.tensor([[2, 4, 5, 4, 0], [2, 6, 9, 0, 0], [2, 7, 8, 8, 9]])
to_vector = torch.tensor([[4, 5, 4, 3, 0], [6, 9, 3, 0, 0], [7, 8, 8, 9, 3]])
nationality = torch.tensor([0, 1, 1])
model = SurnameGenerationModel(char_embedding_size=4, char_vocab_size=len(chars), rnn_hidden_size=6,
                               num_nationalities=2)
print(model)
optimizer = optim.Adam(model.parameters(), lr=0.01)
for epoch in range(3):
    optimizer.zero_grad()
    y_pred = model(from_vector, nationality_index=nationality)
    loss = sequence_loss(y_pred, to_vector, mask_index)
    loss.backward()
    optimizer.step()
    print(epoch, round(loss.item(), 5), round(compute_accuracy(y_pred, to_vector, mask_index), 3))
print(y_pred.shape, normalize_sizes(y_pred, to_vector)[0].shape, model.nation_emb.weight.grad.shape)
print(model(from_vector).shape)
print(F.cross_entropy(torch.randn(2, 4), torch.tensor([0, 0]), ignore_index=0))
print(F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 2, 1]), ignore_index=0, reduction='none'))
print(F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 2, 1]), ignore_index=0, reduction='sum'))
print(F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 2, 1]), ignore_index=0, label_smoothing=0.1))
print(F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 2, 1]), ignore_index=0,
                      weight=torch.tensor([1., 2., 3., 4.])))
for bad in [lambda: sequence_loss(y_pred, to_vector[:, :4], mask_index),
            lambda: F.cross_entropy(y_pred, to_vector, ignore_index=mask_index),
            lambda: F.cross_entropy(torch.randn(2, 4), torch.tensor([0, 7]), ignore_index=0),
            lambda: model(from_vector, nationality_index=nationality[:2]),
            lambda: model.rnn(model.char_emb(from_vector), torch.zeros(3, 6))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
def sample_from_model(model, num_samples=1, sample_size=6, temperature=1.0, nationalities=None):
    begin_seq_index = [begin_seq_index_ for begin_seq_index_ in [2] * num_samples]
    begin_seq_index = torch.tensor(begin_seq_index, dtype=torch.int64).unsqueeze(dim=1)
    indices = [begin_seq_index]
    h_t = None
    if nationalities is not None:
        h_t = model.nation_emb(nationalities).unsqueeze(dim=0)
    for time_step in range(sample_size):
        x_t = indices[time_step]
        x_emb_t = model.char_emb(x_t)
        rnn_out_t, h_t = model.rnn(x_emb_t, h_t)
        prediction_vector = model.fc(rnn_out_t.squeeze(dim=1))
        probability_vector = F.softmax(prediction_vector / temperature, dim=1)
        indices.append(torch.multinomial(probability_vector, num_samples=1))
    indices = torch.stack(indices).squeeze().permute(1, 0)
    return indices


def decode_samples(sampled_indices):
    decoded_surnames = []
    for sample_index in range(sampled_indices.shape[0]):
        surname = ""
        for time_step in range(sampled_indices.shape[1]):
            sample_item = sampled_indices[sample_index, time_step].item()
            if sample_item == begin_seq_index:
                continue
            elif sample_item == end_seq_index:
                break
            else:
                surname += chars[sample_item]
        decoded_surnames.append(surname)
    return decoded_surnames


model.eval()
torch.manual_seed(7)
samples = sample_from_model(model, num_samples=3, temperature=0.8)
print(samples, samples.dtype, samples.shape)
print(decode_samples(samples))
samples = sample_from_model(model, num_samples=2, nationalities=torch.tensor([0, 1]), temperature=2.0)
print(samples)
try:
    sample_from_model(model, num_samples=1)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
p = F.softmax(torch.tensor([[1.0, 2.0, 3.0], [3.0, 0.0, 0.0]]) / 0.5, dim=1)
print(torch.multinomial(p, num_samples=1))
print(torch.multinomial(p, num_samples=2))
print(torch.multinomial(p, num_samples=4, replacement=True))
print(torch.multinomial(p[0], 2), torch.multinomial(torch.tensor([0.0, 0.0, 5.0]), 1))
print(torch.multinomial(torch.tensor([1, 2, 3.]).double(), 3))
for bad in [lambda: torch.multinomial(p, 4), lambda: torch.multinomial(torch.tensor([-1., 2.]), 1),
            lambda: torch.multinomial(torch.zeros(3), 1), lambda: torch.multinomial(torch.tensor([1, 2]), 1),
            lambda: torch.multinomial(p, 0), lambda: torch.multinomial(torch.ones(2, 2, 2), 1),
            lambda: torch.multinomial(torch.tensor([float('nan'), 1.]), 1),
            lambda: torch.multinomial(torch.tensor([float('inf'), 1.]), 1),
            lambda: torch.multinomial(torch.tensor([0.0, 1.0]), 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
