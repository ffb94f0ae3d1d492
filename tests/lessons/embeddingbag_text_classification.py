# Imitates PyTorch's "Text classification with the torchtext library" tutorial without torchtext: a toy vocab,
# collate_batch building offsets with cumsum, nn.EmbeddingBag (mean), init_weights, SGD + StepLR, clip_grad_norm_(0.1).
import torch
from torch import nn
import time
from torch.utils.data import DataLoader
from torch.utils.data.dataset import random_split

# %%
train_iter = [(1, "stocks fall as markets slide"), (2, "team wins the final match"), (3, "new phone chip released"),
              (4, "scientists discover new planet"), (1, "bank raises interest rates"), (2, "player scores twice"),
              (3, "software update fixes bug"), (4, "study finds new species"), (1, "oil prices rise"),
              (2, "coach resigns after loss"), (3, "startup builds robot"), (4, "telescope spots comet")]
tokenizer = str.split
vocab_list = ["<unk>"] + sorted({w for _, t in train_iter for w in tokenizer(t)})
stoi = {w: i for i, w in enumerate(vocab_list)}
vocab = lambda tokens: [stoi.get(t, 0) for t in tokens]
print(vocab(['new', 'here', 'is', 'an', 'example']))
text_pipeline = lambda x: vocab(tokenizer(x))
label_pipeline = lambda x: int(x) - 1
print(text_pipeline('new planet found'), label_pipeline('3'))

# %%
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
def collate_batch(batch):
    label_list, text_list, offsets = [], [], [0]
    for _label, _text in batch:
        label_list.append(label_pipeline(_label))
        processed_text = torch.tensor(text_pipeline(_text), dtype=torch.int64)
        text_list.append(processed_text)
        offsets.append(processed_text.size(0))
    label_list = torch.tensor(label_list, dtype=torch.int64)
    offsets = torch.tensor(offsets[:-1]).cumsum(dim=0)
    text_list = torch.cat(text_list)
    return label_list.to(device), text_list.to(device), offsets.to(device)

dataloader = DataLoader(train_iter, batch_size=4, shuffle=False, collate_fn=collate_batch)
label, text, offsets = next(iter(dataloader))
print(label)
print(text)
print(offsets)

# %%
class TextClassificationModel(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_class):
        super(TextClassificationModel, self).__init__()
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

torch.manual_seed(0)
num_class = len(set([label for (label, text) in train_iter]))
vocab_size = len(vocab_list)
emsize = 8
model = TextClassificationModel(vocab_size, emsize, num_class).to(device)
print(model)
print(model(text, offsets))

# %%
def train(dataloader):
    model.train()
    total_acc, total_count = 0, 0
    log_interval = 2
    for idx, (label, text, offsets) in enumerate(dataloader):
        optimizer.zero_grad()
        predicted_label = model(text, offsets)
        loss = criterion(predicted_label, label)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        optimizer.step()
        total_acc += (predicted_label.argmax(1) == label).sum().item()
        total_count += label.size(0)
        if idx % log_interval == 0 and idx > 0:
            print("| epoch {:3d} | {:5d}/{:5d} batches | accuracy {:8.3f}".format(epoch, idx, len(dataloader),
                                                                              total_acc / total_count))
            total_acc, total_count = 0, 0

def evaluate(dataloader):
    model.eval()
    total_acc, total_count = 0, 0
    with torch.no_grad():
        for idx, (label, text, offsets) in enumerate(dataloader):
            predicted_label = model(text, offsets)
            loss = criterion(predicted_label, label)
            total_acc += (predicted_label.argmax(1) == label).sum().item()
            total_count += label.size(0)
    return total_acc / total_count

# %%
EPOCHS = 4
LR = 5
BATCH_SIZE = 2
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=LR)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.1)
total_accu = None
num_train = int(len(train_iter) * 0.75)
split_train_, split_valid_ = random_split(train_iter, [num_train, len(train_iter) - num_train],
                                          generator=torch.Generator().manual_seed(42))
print(len(split_train_), len(split_valid_), split_train_.indices)
train_dataloader = DataLoader(split_train_, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)
valid_dataloader = DataLoader(split_valid_, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)
for epoch in range(1, EPOCHS + 1):
    train(train_dataloader)
    accu_val = evaluate(valid_dataloader)
    if total_accu is not None and total_accu > accu_val:
        scheduler.step()
    else:
        total_accu = accu_val
    print("-" * 59)
    print("| end of epoch {:3d} | valid accuracy {:8.3f} ".format(epoch, accu_val))
print(scheduler.get_last_lr())

# %%
ag_news_label = {1: "World", 2: "Sports", 3: "Business", 4: "Sci/Tec"}
def predict(text, text_pipeline):
    with torch.no_grad():
        text = torch.tensor(text_pipeline(text))
        output = model(text, torch.tensor([0]))
        return output.argmax(1).item() + 1

ex_text_str = "team scores in final"
print("This is a %s news" % ag_news_label[predict(ex_text_str, text_pipeline)])

# %%
torch.manual_seed(7)
bag = nn.EmbeddingBag(10, 3, mode="sum")
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offs = torch.tensor([0, 4])
out = bag(inp, offs)
print(out)
out.sum().backward()
print(bag.weight.grad)
bag_max = nn.EmbeddingBag.from_pretrained(torch.arange(12.).view(4, 3), mode="max")
print(bag_max(torch.tensor([[0, 2], [1, 3]])))
print(nn.functional.embedding_bag(torch.tensor([0, 1, 1]), torch.eye(3), torch.tensor([0, 1]), mode="mean"))
