# Imitates the PyTorch tutorial "Text classification with the torchtext library" (TextClassificationModel:
# nn.EmbeddingBag in its default "mean" mode plus a linear layer, init_weights with uniform_(-0.5, 0.5),
# collate_batch building offsets with cumsum, SGD with lr=5 and clip_grad_norm_(0.1)) on a toy vocabulary of
# integer tokens with many repeated words, printing the pooled features and the embedding's gradient rows.
import torch
from torch import nn

class TextClassificationModel(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_class):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, sparse=False)
        self.fc = nn.Linear(embed_dim, num_class)
        self.init_weights()

    def init_weights(self):
        initrange = 0.5
        self.embedding.weight.data.uniform_(-initrange, initrange)
        self.fc.weight.data.uniform_(-initrange, initrange)
        self.fc.bias.data.zero_()

    def forward(self, text, offsets):
        embedded = self.embedding(text, offsets)
        return self.fc(embedded)

def collate_batch(batch):
    label_list, text_list, offsets = [], [], [0]
    for _label, _text in batch:
        label_list.append(_label)
        processed_text = torch.tensor(_text, dtype=torch.int64)
        text_list.append(processed_text)
        offsets.append(processed_text.size(0))
    label_list = torch.tensor(label_list, dtype=torch.int64)
    offsets = torch.tensor(offsets[:-1]).cumsum(dim=0)
    text_list = torch.cat(text_list)
    return label_list, text_list, offsets

torch.manual_seed(0)
batch = [(0, [1, 2, 2, 3, 1, 1, 4]), (1, [5, 6, 5, 5, 7]), (2, [2, 8, 9, 2, 2, 2, 1, 3, 3]), (3, [7, 7, 7])]
batch = batch + [(i % 4, torch.randint(1, 10, (12,)).tolist()) for i in range(6)]
label, text, offsets = collate_batch(batch)
print(label, offsets)
print(text.shape)

# %%
model = TextClassificationModel(10, 8, 4)
emb = model.embedding(text, offsets)
print(emb[:2])
print(emb.grad_fn)

# %%
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=5)
for epoch in range(3):
    optimizer.zero_grad()
    predicted_label = model(text, offsets)
    loss = criterion(predicted_label, label)
    loss.backward()
    print(epoch, loss.item(), (predicted_label.argmax(1) == label).sum().item())
    print(model.embedding.weight.grad[2].tolist())
    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
    optimizer.step()

# %%
bag_sum = nn.EmbeddingBag.from_pretrained(model.embedding.weight.detach().double().clone(), freeze=False, mode="sum")
out = bag_sum(text, offsets)
(out * torch.linspace(-1, 1, 8, dtype=torch.float64)).sum().backward()
print(out[3].tolist())
print(bag_sum.weight.grad[7].tolist())
