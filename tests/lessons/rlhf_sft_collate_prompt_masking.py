# Imitates the supervised fine-tuning step that precedes RLHF as courses write it by hand (Hugging Face's "SFT from
# scratch" posts, TRL's DataCollatorForCompletionOnlyLM re-implemented, Raschka's chapter 7 collate): token lists
# padded with pad_sequence (right and left padding), attention masks, labels with the prompt and the padding set to
# -100, the shifted cross-entropy with ignore_index, per-sequence losses, packing with position ids that restart, and
# the errors learners hit (float or int32 labels, a batch whose labels are all -100, left padding and argmax).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence

pad_token_id, eos_token_id = 0, 1
examples = [([5, 6, 7], [8, 9]), ([4, 4], [3, 2, 9, 8]), ([7], [6])]

def collate(batch, padding_side="right", mask_prompt=True):
    input_ids, labels = [], []
    for prompt, response in batch:
        ids = torch.tensor(prompt + response + [eos_token_id])
        lab = ids.clone()
        if mask_prompt:
            lab[:len(prompt)] = -100
        input_ids.append(ids)
        labels.append(lab)
    input_ids = pad_sequence(input_ids, batch_first=True, padding_value=pad_token_id, padding_side=padding_side)
    labels = pad_sequence(labels, batch_first=True, padding_value=-100, padding_side=padding_side)
    attention_mask = (input_ids != pad_token_id).long()
    return {"input_ids": input_ids, "labels": labels, "attention_mask": attention_mask}

batch = collate(examples)
for k, v in batch.items():
    print(k, v.dtype)
    print(v)
left = collate(examples, padding_side="left")
print(left["input_ids"], left["labels"][2])
print(pad_sequence([torch.ones(2, 3), torch.ones(1, 3)]).shape, pad_sequence([torch.ones(2, 3), torch.ones(1, 3)],
      batch_first=True, padding_value=-1.0)[1])
try:
    pad_sequence([torch.ones(2), torch.ones(3)], batch_first=True, padding_side="middle")
except Exception as e:
    print(type(e).__name__, e)

# %%
class TinyLM(nn.Module):
    def __init__(self, vocab=10, dim=8):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=pad_token_id)
        self.lstm = nn.LSTM(dim, dim, batch_first=True)
        self.head = nn.Linear(dim, vocab)
    def forward(self, input_ids):
        out, _ = self.lstm(self.emb(input_ids))
        return self.head(out)

torch.manual_seed(3)
model = TinyLM()
logits = model(batch["input_ids"])
shift_logits = logits[..., :-1, :].contiguous()
shift_labels = batch["labels"][..., 1:].contiguous()
loss = F.cross_entropy(shift_logits.view(-1, shift_logits.size(-1)), shift_labels.view(-1), ignore_index=-100)
print(loss, loss.grad_fn)
per_tok = F.cross_entropy(shift_logits.transpose(1, 2), shift_labels, reduction="none")
print(per_tok)
n_tokens = (shift_labels != -100).sum(1)
print(n_tokens, per_tok.sum(1) / n_tokens, per_tok.sum() / n_tokens.sum())
print(F.cross_entropy(shift_logits.view(-1, 10), shift_labels.view(-1), reduction="sum"),
      F.cross_entropy(shift_logits.view(-1, 10), shift_labels.view(-1), label_smoothing=0.1))
print(nn.CrossEntropyLoss()(shift_logits.view(-1, 10), shift_labels.view(-1)))
loss.backward()
print(model.emb.weight.grad[pad_token_id], model.head.bias.grad)

# %%
# packing: sequences concatenated into one row, position ids restart at each sequence
seqs = [torch.tensor([5, 6, 7, 1]), torch.tensor([4, 4, 3, 1]), torch.tensor([7, 6, 1])]
packed = torch.cat(seqs).unsqueeze(0)
lengths = torch.tensor([len(s) for s in seqs])
position_ids = torch.cat([torch.arange(n) for n in lengths]).unsqueeze(0)
cu_seqlens = F.pad(torch.cumsum(lengths, 0, dtype=torch.int32), (1, 0))
print(packed, position_ids, cu_seqlens, cu_seqlens.dtype)
doc_ids = torch.repeat_interleave(torch.arange(len(seqs)), lengths)
same_doc = doc_ids[:, None] == doc_ids[None, :]
causal = torch.ones(11, 11, dtype=torch.bool).tril()
block_mask = same_doc & causal
print(block_mask.int().sum(1), block_mask.dtype)
scores = torch.randn(11, 11).masked_fill(~block_mask, float("-inf"))
attn = scores.softmax(-1)
print(attn[4, :6], attn.sum(-1).allclose(torch.ones(11)))

# %%
# errors: labels as floats or int32, every label ignored, left padding with the last logit, a mask of ints
shift_logits = shift_logits.detach()
flat_logits, flat_labels = shift_logits.view(-1, 10), shift_labels.view(-1)
for make in [
    lambda: F.cross_entropy(flat_logits, flat_labels.float()),
    lambda: F.cross_entropy(flat_logits, flat_labels.int()),
    lambda: F.cross_entropy(flat_logits, torch.full_like(flat_labels, -100)),
    lambda: F.cross_entropy(flat_logits, torch.full_like(flat_labels, -100), reduction="sum"),
    lambda: F.cross_entropy(flat_logits, flat_labels, ignore_index=-1),
    lambda: F.cross_entropy(shift_logits, shift_labels),
    lambda: F.nll_loss(flat_logits.log_softmax(-1), flat_labels.masked_fill(flat_labels == -100, 10)),
    lambda: F.cross_entropy(flat_logits[:5], flat_labels),
    lambda: shift_logits.view(-1, shift_logits.size(-1)) if False else logits[..., :-1, :].view(-1, 10),
    lambda: flat_logits.masked_fill(batch["attention_mask"][:, 1:].reshape(-1, 1) == 0, 0.0).shape,
]:
    try:
        out = make()
        print(out)
    except Exception as e:
        print(type(e).__name__, e)
