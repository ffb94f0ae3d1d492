# Imitates Rao & McMahan, "Natural Language Processing with PyTorch" (joosthub/PyTorchNLPBook), chapter 8
# "Advanced Sequence Modeling": the NMT dataset's batches sorted by source length (argsort()[::-1].tolist()), the
# bidirectional GRU encoder over pack_padded_sequence of numpy lengths, verbose_attention and terse_attention, the
# GRUCell decoder with scheduled sampling (np.random.random() < sample_probability, multinomial over
# temperature-scaled softmax), sequence_loss with ignore_index, and NMTSampler-style greedy decoding with cached
# attention maps, on a tiny synthetic parallel corpus.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(1337)
np.random.seed(1337)
mask_index, bos_index, eos_index = 0, 1, 2


# %%
batch_dict = {
    "x_source": torch.tensor([[1, 5, 6, 2, 0, 0], [1, 7, 8, 9, 5, 2], [1, 4, 2, 0, 0, 0]]),
    "x_target": torch.tensor([[1, 6, 7, 0, 0], [1, 4, 5, 6, 8], [1, 9, 0, 0, 0]]),
    "y_target": torch.tensor([[6, 7, 2, 0, 0], [4, 5, 6, 8, 2], [9, 2, 0, 0, 0]]),
    "x_source_length": torch.tensor([4, 6, 3]),
}
lengths = batch_dict['x_source_length'].numpy()
sorted_length_indices = lengths.argsort()[::-1].tolist()
print(lengths, sorted_length_indices)
out_batch = {}
for name, tensor in batch_dict.items():
    out_batch[name] = batch_dict[name][sorted_length_indices]
print(out_batch['x_source'])
print(out_batch['x_source_length'], out_batch['x_source_length'].dtype)
try:
    pack_padded_sequence(torch.randn(3, 6, 2), batch_dict['x_source_length'].numpy(), batch_first=True)
except Exception as e:
    print(type(e).__name__, e)
packed = pack_padded_sequence(torch.randn(3, 6, 2), batch_dict['x_source_length'].numpy(), batch_first=True,
                              enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
packed = pack_padded_sequence(torch.randn(3, 6, 2), out_batch['x_source_length'].numpy(), batch_first=True)
print(packed.batch_sizes, packed.sorted_indices, packed.data.shape)

# %%
class NMTEncoder(nn.Module):
    def __init__(self, num_embeddings, embedding_size, rnn_hidden_size):
        super(NMTEncoder, self).__init__()
        self.source_embedding = nn.Embedding(num_embeddings, embedding_size, padding_idx=0)
        self.birnn = nn.GRU(embedding_size, rnn_hidden_size, bidirectional=True, batch_first=True)

    def forward(self, x_source, x_lengths):
        x_embedded = self.source_embedding(x_source)
        x_lengths = x_lengths.detach().cpu().numpy()
        x_packed = pack_padded_sequence(x_embedded, x_lengths, batch_first=True)
        x_birnn_out, x_birnn_h = self.birnn(x_packed)
        x_birnn_h = x_birnn_h.permute(1, 0, 2)
        x_birnn_h = x_birnn_h.contiguous().view(x_birnn_h.size(0), -1)
        x_unpacked, _ = pad_packed_sequence(x_birnn_out, batch_first=True)
        return x_unpacked, x_birnn_h


encoder = NMTEncoder(num_embeddings=10, embedding_size=4, rnn_hidden_size=3)
print(encoder)
encoder_state, final_hidden = encoder(out_batch['x_source'], out_batch['x_source_length'])
print(encoder_state.shape, final_hidden.shape, encoder_state.grad_fn, final_hidden.grad_fn)
print(encoder_state[2, 3:], encoder_state[1, 4:])
x_packed = pack_padded_sequence(encoder.source_embedding(out_batch['x_source']),
                                out_batch['x_source_length'].numpy(), batch_first=True)
x_birnn_out, x_birnn_h = encoder.birnn(x_packed)
print(type(x_birnn_out).__name__, x_birnn_h.shape, x_birnn_out.data.shape)
print(torch.allclose(x_birnn_h[0, 2], encoder_state[2, 2, :3]), torch.allclose(x_birnn_h[1], encoder_state[:, 0, 3:]))
x_unpacked, unpacked_lengths = pad_packed_sequence(x_birnn_out, batch_first=True, total_length=7)
print(x_unpacked.shape, unpacked_lengths)

# %%
def verbose_attention(encoder_state_vectors, query_vector):
    batch_size, num_vectors, vector_size = encoder_state_vectors.size()
    vector_scores = torch.sum(encoder_state_vectors * query_vector.view(batch_size, 1, vector_size), dim=2)
    vector_probabilities = F.softmax(vector_scores, dim=1)
    weighted_vectors = encoder_state_vectors * vector_probabilities.view(batch_size, num_vectors, 1)
    context_vectors = torch.sum(weighted_vectors, dim=1)
    return context_vectors, vector_probabilities, vector_scores


def terse_attention(encoder_state_vectors, query_vector):
    vector_scores = torch.matmul(encoder_state_vectors, query_vector.unsqueeze(dim=2)).squeeze()
    vector_probabilities = F.softmax(vector_scores, dim=-1)
    context_vectors = torch.matmul(encoder_state_vectors.transpose(-2, -1),
                                   vector_probabilities.unsqueeze(dim=2)).squeeze()
    return context_vectors, vector_probabilities


query = torch.randn(3, 6)
context, p_attn, scores = verbose_attention(encoder_state, query)
print(context.shape, p_attn.shape, scores.shape)
print(p_attn)
context2, p_attn2 = terse_attention(encoder_state, query)
print(torch.allclose(context, context2, atol=1e-6), torch.allclose(p_attn, p_attn2))
try:
    c1, p1 = terse_attention(encoder_state[:1], query[:1])
except Exception as e:
    print(type(e).__name__, e)
print(torch.bmm(p_attn.unsqueeze(1), encoder_state).squeeze(1).shape)
for bad in [lambda: verbose_attention(encoder_state, torch.randn(3, 5)),
            lambda: torch.bmm(p_attn, encoder_state), lambda: torch.bmm(p_attn.unsqueeze(1), encoder_state[:2]),
            lambda: query.view(3, 1, 5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
class NMTDecoder(nn.Module):
    def __init__(self, num_embeddings, embedding_size, rnn_hidden_size, bos_index):
        super(NMTDecoder, self).__init__()
        self._rnn_hidden_size = rnn_hidden_size
        self.target_embedding = nn.Embedding(num_embeddings=num_embeddings, embedding_dim=embedding_size,
                                             padding_idx=0)
        self.gru_cell = nn.GRUCell(embedding_size + rnn_hidden_size, rnn_hidden_size)
        self.hidden_map = nn.Linear(rnn_hidden_size, rnn_hidden_size)
        self.classifier = nn.Linear(rnn_hidden_size * 2, num_embeddings)
        self.bos_index = bos_index
        self._sampling_temperature = 3

    def _init_indices(self, batch_size):
        return torch.ones(batch_size, dtype=torch.int64) * self.bos_index

    def _init_context_vectors(self, batch_size):
        return torch.zeros(batch_size, self._rnn_hidden_size)

    def forward(self, encoder_state, initial_hidden_state, target_sequence, sample_probability=0.0,
                output_sequence_size=5):
        if target_sequence is None:
            sample_probability = 1.0
        else:
            target_sequence = target_sequence.permute(1, 0)
            output_sequence_size = target_sequence.size(0)
        h_t = self.hidden_map(initial_hidden_state)
        batch_size = encoder_state.size(0)
        context_vectors = self._init_context_vectors(batch_size)
        y_t_index = self._init_indices(batch_size)
        h_t = h_t.to(encoder_state.device)
        y_t_index = y_t_index.to(encoder_state.device)
        context_vectors = context_vectors.to(encoder_state.device)
        output_vectors = []
        self._cached_p_attn = []
        self._cached_ht = []
        self._cached_decoder_state = encoder_state.cpu().detach().numpy()
        for i in range(output_sequence_size):
            use_sample = np.random.random() < sample_probability
            if not use_sample:
                y_t_index = target_sequence[i]
            y_input_vector = self.target_embedding(y_t_index)
            rnn_input = torch.cat([y_input_vector, context_vectors], dim=1)
            h_t = self.gru_cell(rnn_input, h_t)
            self._cached_ht.append(h_t.cpu().detach().numpy())
            context_vectors, p_attn, _ = verbose_attention(encoder_state_vectors=encoder_state, query_vector=h_t)
            self._cached_p_attn.append(p_attn.cpu().detach().numpy())
            prediction_vector = torch.cat((context_vectors, h_t), dim=1)
            score_for_y_t_index = self.classifier(F.dropout(prediction_vector, 0.3))
            if use_sample:
                p_y_t_index = F.softmax(score_for_y_t_index * self._sampling_temperature, dim=1)
                y_t_index = torch.multinomial(p_y_t_index, 1).squeeze()
            output_vectors.append(score_for_y_t_index)
        output_vectors = torch.stack(output_vectors).permute(1, 0, 2)
        return output_vectors


class NMTModel(nn.Module):
    def __init__(self, source_vocab_size, source_embedding_size, target_vocab_size, target_embedding_size,
                 encoding_size, target_bos_index):
        super(NMTModel, self).__init__()
        self.encoder = NMTEncoder(num_embeddings=source_vocab_size, embedding_size=source_embedding_size,
                                  rnn_hidden_size=encoding_size)
        decoding_size = encoding_size * 2
        self.decoder = NMTDecoder(num_embeddings=target_vocab_size, embedding_size=target_embedding_size,
                                  rnn_hidden_size=decoding_size, bos_index=target_bos_index)

    def forward(self, x_source, x_source_lengths, target_sequence, sample_probability=0.0):
        encoder_state, final_hidden_states = self.encoder(x_source, x_source_lengths)
        decoded_states = self.decoder(encoder_state=encoder_state, initial_hidden_state=final_hidden_states,
                                      target_sequence=target_sequence, sample_probability=sample_probability)
        return decoded_states


def normalize_sizes(y_pred, y_true):
    if len(y_pred.size()) == 3:
        y_pred = y_pred.contiguous().view(-1, y_pred.size(2))
    if len(y_true.size()) == 2:
        y_true = y_true.contiguous().view(-1)
    return y_pred, y_true


def sequence_loss(y_pred, y_true, mask_index):
    y_pred, y_true = normalize_sizes(y_pred, y_true)
    return F.cross_entropy(y_pred, y_true, ignore_index=mask_index)


def compute_accuracy(y_pred, y_true, mask_index):
    y_pred, y_true = normalize_sizes(y_pred, y_true)
    _, y_pred_indices = y_pred.max(dim=1)
    correct_indices = torch.eq(y_pred_indices, y_true).float()
    valid_indices = torch.ne(y_true, mask_index).float()
    n_correct = (correct_indices * valid_indices).sum().item()
    n_valid = valid_indices.sum().item()
    return n_correct / n_valid * 100


model = NMTModel(source_vocab_size=10, source_embedding_size=4, target_vocab_size=10, target_embedding_size=4,
                 encoding_size=3, target_bos_index=bos_index)
optimizer = optim.Adam(model.parameters(), lr=0.01)
num_epochs = 4
for epoch_index in range(num_epochs):
    sample_probability = (20 + epoch_index) / num_epochs
    sample_probability = 0.5 * epoch_index / num_epochs
    optimizer.zero_grad()
    y_pred = model(out_batch['x_source'], out_batch['x_source_length'], out_batch['x_target'],
                   sample_probability=sample_probability)
    loss = sequence_loss(y_pred, out_batch['y_target'], mask_index)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    print(epoch_index, sample_probability, round(loss.item(), 5),
          round(compute_accuracy(y_pred, out_batch['y_target'], mask_index), 3))
print(y_pred.shape, len(model.decoder._cached_p_attn), model.decoder._cached_p_attn[0].shape)
print(model.encoder.birnn.weight_hh_l0_reverse.grad.shape, model.decoder.gru_cell.weight_ih.grad.shape)

# %%
class NMTSampler:
    def __init__(self, model):
        self.model = model

    def apply_to_batch(self, batch_dict):
        self._last_batch = batch_dict
        y_pred = self.model(x_source=batch_dict['x_source'], x_source_lengths=batch_dict['x_source_length'],
                            target_sequence=batch_dict['x_target'])
        self._last_batch['y_pred'] = y_pred
        attention_batched = np.stack(self.model.decoder._cached_p_attn).transpose(1, 0, 2)
        self._last_batch['attention'] = attention_batched

    def _get_sampled_sentence(self, index, return_string=True):
        _, all_indices = torch.max(self._last_batch['y_pred'], dim=2)
        sentence_indices = all_indices[index].cpu().detach().numpy()
        out = []
        for i in sentence_indices:
            if i == eos_index:
                break
            out.append(int(i))
        return out

    def get_ith_item(self, index):
        output = {"source": self._last_batch['x_source'][index].tolist(),
                  "reference": self._last_batch['y_target'][index].tolist(),
                  "sampled": self._get_sampled_sentence(index),
                  "attention": self._last_batch['attention'][index]}
        return output


model.eval()
sampler = NMTSampler(model)
sampler.apply_to_batch(dict(out_batch))
print(sampler._last_batch['attention'].shape)
for i in range(3):
    item = sampler.get_ith_item(i)
    print(item['source'], item['reference'], item['sampled'], item['attention'].round(3).shape)
with torch.no_grad():
    encoder_state, final_hidden = model.encoder(out_batch['x_source'], out_batch['x_source_length'])
    torch.manual_seed(5)
    free_run = model.decoder(encoder_state, final_hidden, None)
print(free_run.shape, free_run.requires_grad, torch.max(free_run, dim=2)[1])
print(np.stack(model.decoder._cached_ht).shape)
