# Imitates "Build a Large Language Model (From Scratch)" chapter 5 and appendix D on a tiny GPT: target
# probabilities picked by advanced indexing, log/mean/negative log-likelihood by hand against cross_entropy on
# flattened logits, perplexity, calc_loss_batch / calc_loss_loader, train_model_simple with AdamW and evaluate_model
# under model.eval() and torch.no_grad(), temperature scaling, multinomial sampling counted with bincount, top-k with
# torch.where(condition=..., input=..., other=...), generate() with an eos id, saving and loading state dicts and
# checkpoints through BytesIO, and the appendix's warmup + cosine schedule with clip_grad_norm_.
import io
import math
import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader

class TinyGPT(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.tok_emb = nn.Embedding(cfg["vocab_size"], cfg["emb_dim"])
        self.pos_emb = nn.Embedding(cfg["context_length"], cfg["emb_dim"])
        self.drop_emb = nn.Dropout(cfg["drop_rate"])
        layer = nn.TransformerEncoderLayer(cfg["emb_dim"], cfg["n_heads"], 4 * cfg["emb_dim"], cfg["drop_rate"],
                                           activation="gelu", batch_first=True, norm_first=True)
        self.trf_blocks = nn.TransformerEncoder(layer, cfg["n_layers"], enable_nested_tensor=False)
        self.final_norm = nn.LayerNorm(cfg["emb_dim"])
        self.out_head = nn.Linear(cfg["emb_dim"], cfg["vocab_size"], bias=False)
        mask = torch.triu(torch.ones(cfg["context_length"], cfg["context_length"], dtype=torch.bool), diagonal=1)
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, in_idx):
        batch_size, seq_len = in_idx.shape
        x = self.tok_emb(in_idx) + self.pos_emb(torch.arange(seq_len, device=in_idx.device))
        x = self.drop_emb(x)
        x = self.trf_blocks(x, mask=self.mask[:seq_len, :seq_len])
        return self.out_head(self.final_norm(x))

text = ("every effort moves you forward. every step counts. you move, the model learns, "
        "and the loss goes down slowly. ") * 3
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
itos = {i: c for c, i in stoi.items()}
def text_to_token_ids(text):
    return torch.tensor([stoi[c] for c in text]).unsqueeze(0)
def token_ids_to_text(token_ids):
    return "".join(itos[i] for i in token_ids.squeeze(0).tolist())

CFG = {"vocab_size": len(chars), "context_length": 16, "emb_dim": 16, "n_heads": 2, "n_layers": 2,
       "drop_rate": 0.1, "qkv_bias": False}
print(CFG["vocab_size"])
torch.manual_seed(123)
model = TinyGPT(CFG)
model.eval()
print(token_ids_to_text(text_to_token_ids("every effort")))
print(sum(p.numel() for p in model.parameters()), len(model.state_dict()), "mask" in model.state_dict())

# %%
inputs = torch.cat([text_to_token_ids("every"), text_to_token_ids("the lo")[:, :5]])
targets = torch.cat([text_to_token_ids("very "), text_to_token_ids("he los")[:, :5]])
with torch.no_grad():
    logits = model(inputs)
probas = torch.softmax(logits, dim=-1)
print(probas.shape)
token_ids = torch.argmax(probas, dim=-1, keepdim=True)
print("Token IDs:\n", token_ids)
print(f"Targets batch 1: {token_ids_to_text(targets[0])}")
print(f"Outputs batch 1: {token_ids_to_text(token_ids[0].flatten())}")
text_idx = 0
target_probas_1 = probas[text_idx, [0, 1, 2, 3, 4], targets[text_idx]]
print("Text 1:", target_probas_1)
text_idx = 1
target_probas_2 = probas[text_idx, [0, 1, 2, 3, 4], targets[text_idx]]
print("Text 2:", target_probas_2)
log_probas = torch.log(torch.cat((target_probas_1, target_probas_2)))
print(log_probas)
avg_log_probas = torch.mean(log_probas)
print(avg_log_probas)
neg_avg_log_probas = avg_log_probas * -1
print(neg_avg_log_probas)
print("Logits shape:", logits.shape)
print("Targets shape:", targets.shape)
logits_flat = logits.flatten(0, 1)
targets_flat = targets.flatten()
print("Flattened logits:", logits_flat.shape)
print("Flattened targets:", targets_flat.shape)
loss = torch.nn.functional.cross_entropy(logits_flat, targets_flat)
print(loss)
perplexity = torch.exp(loss)
print(perplexity)
try:
    torch.nn.functional.cross_entropy(logits, targets)
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.nn.functional.cross_entropy(logits.transpose(1, 2), targets))

# %%
class GPTDatasetV1(Dataset):
    def __init__(self, token_ids, max_length, stride):
        self.input_ids, self.target_ids = [], []
        for i in range(0, len(token_ids) - max_length, stride):
            self.input_ids.append(torch.tensor(token_ids[i:i + max_length]))
            self.target_ids.append(torch.tensor(token_ids[i + 1:i + max_length + 1]))
    def __len__(self):
        return len(self.input_ids)
    def __getitem__(self, idx):
        return self.input_ids[idx], self.target_ids[idx]

ids = [stoi[c] for c in text]
train_ratio = 0.90
split_idx = int(train_ratio * len(ids))
torch.manual_seed(123)
train_loader = DataLoader(GPTDatasetV1(ids[:split_idx], 16, 16), batch_size=2, shuffle=True, drop_last=True)
val_loader = DataLoader(GPTDatasetV1(ids[split_idx:], 16, 16), batch_size=2, shuffle=False, drop_last=False)
print("Train loader:")
for x, y in train_loader:
    print(x.shape, y.shape)
print("\nValidation loader:")
for x, y in val_loader:
    print(x.shape, y.shape)
print(len(train_loader), len(val_loader))

def calc_loss_batch(input_batch, target_batch, model, device):
    input_batch, target_batch = input_batch.to(device), target_batch.to(device)
    logits = model(input_batch)
    loss = torch.nn.functional.cross_entropy(logits.flatten(0, 1), target_batch.flatten())
    return loss

def calc_loss_loader(data_loader, model, device, num_batches=None):
    total_loss = 0.
    if len(data_loader) == 0:
        return float("nan")
    elif num_batches is None:
        num_batches = len(data_loader)
    else:
        num_batches = min(num_batches, len(data_loader))
    for i, (input_batch, target_batch) in enumerate(data_loader):
        if i < num_batches:
            loss = calc_loss_batch(input_batch, target_batch, model, device)
            total_loss += loss.item()
        else:
            break
    return total_loss / num_batches

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model.to(device)
torch.manual_seed(123)
with torch.no_grad():
    train_loss = calc_loss_loader(train_loader, model, device)
    val_loss = calc_loss_loader(val_loader, model, device)
print("Training loss:", train_loss)
print("Validation loss:", val_loss)
print(calc_loss_loader(DataLoader([]), model, device))

# %%
def evaluate_model(model, train_loader, val_loader, device, eval_iter):
    model.eval()
    with torch.no_grad():
        train_loss = calc_loss_loader(train_loader, model, device, num_batches=eval_iter)
        val_loss = calc_loss_loader(val_loader, model, device, num_batches=eval_iter)
    model.train()
    return train_loss, val_loss

def generate_and_print_sample(model, start_context, n=10):
    model.eval()
    context_size = model.pos_emb.weight.shape[0]
    idx = text_to_token_ids(start_context).to(device)
    with torch.no_grad():
        for _ in range(n):
            logits = model(idx[:, -context_size:])[:, -1, :]
            idx = torch.cat((idx, torch.argmax(logits, dim=-1, keepdim=True)), dim=1)
    print(token_ids_to_text(idx).replace("\n", " "))
    model.train()

def train_model_simple(model, train_loader, val_loader, optimizer, device, num_epochs, eval_freq, eval_iter,
                       start_context):
    train_losses, val_losses, track_tokens_seen = [], [], []
    tokens_seen, global_step = 0, -1
    for epoch in range(num_epochs):
        model.train()
        for input_batch, target_batch in train_loader:
            optimizer.zero_grad()
            loss = calc_loss_batch(input_batch, target_batch, model, device)
            loss.backward()
            optimizer.step()
            tokens_seen += input_batch.numel()
            global_step += 1
            if global_step % eval_freq == 0:
                train_loss, val_loss = evaluate_model(model, train_loader, val_loader, device, eval_iter)
                train_losses.append(train_loss)
                val_losses.append(val_loss)
                track_tokens_seen.append(tokens_seen)
                print(f"Ep {epoch+1} (Step {global_step:06d}): Train loss {train_loss:.3f}, Val loss {val_loss:.3f}")
        generate_and_print_sample(model, "every")
    return train_losses, val_losses, track_tokens_seen

torch.manual_seed(123)
model = TinyGPT(CFG)
model.to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=0.004, weight_decay=0.1)
train_losses, val_losses, tokens_seen = train_model_simple(
    model, train_loader, val_loader, optimizer, device, num_epochs=2, eval_freq=3, eval_iter=2,
    start_context="every")
print(tokens_seen)
print(optimizer)

# %%
vocab = {"closer": 0, "every": 1, "effort": 2, "forward": 3, "inches": 4, "moves": 5, "pizza": 6, "toward": 7,
         "you": 8}
inverse_vocab = {v: k for k, v in vocab.items()}
next_token_logits = torch.tensor([4.51, 0.89, -1.90, 6.75, 1.63, -1.62, -1.89, 6.28, 1.79])
probas = torch.softmax(next_token_logits, dim=0)
next_token_id = torch.argmax(probas).item()
print(inverse_vocab[next_token_id])
torch.manual_seed(123)
next_token_id = torch.multinomial(probas, num_samples=1).item()
print(inverse_vocab[next_token_id])

def print_sampled_tokens(probas):
    torch.manual_seed(123)
    sample = [torch.multinomial(probas, num_samples=1).item() for i in range(1_000)]
    sampled_ids = torch.bincount(torch.tensor(sample))
    for i, freq in enumerate(sampled_ids):
        print(f"{freq} x {inverse_vocab[i]}")

print_sampled_tokens(probas)

def softmax_with_temperature(logits, temperature):
    scaled_logits = logits / temperature
    return torch.softmax(scaled_logits, dim=0)

temperatures = [1, 0.1, 5]
scaled_probas = [softmax_with_temperature(next_token_logits, T) for T in temperatures]
for T, p in zip(temperatures, scaled_probas):
    print(T, p)
print(scaled_probas[2][vocab["pizza"]])
print_sampled_tokens(scaled_probas[1])
print(torch.bincount(torch.tensor([1, 1, 3]), minlength=6), torch.bincount(torch.tensor([0, 2]), weights=torch.tensor([0.5, 2.0])))

# %%
top_k = 3
top_logits, top_pos = torch.topk(next_token_logits, top_k)
print("Top logits:", top_logits)
print("Top positions:", top_pos)
new_logits = torch.where(condition=next_token_logits < top_logits[-1], input=torch.tensor(float("-inf")),
                         other=next_token_logits)
print(new_logits)
topk_probas = torch.softmax(new_logits, dim=0)
print(topk_probas)
new_logits2 = torch.full_like(next_token_logits, -torch.inf)
new_logits2[top_pos] = next_token_logits[top_pos]
print(new_logits2.equal(new_logits))
print(torch.topk(next_token_logits, 3, largest=False), torch.topk(next_token_logits, 2, sorted=True).indices)

def generate(model, idx, max_new_tokens, context_size, temperature=0.0, top_k=None, eos_id=None):
    for _ in range(max_new_tokens):
        idx_cond = idx[:, -context_size:]
        with torch.no_grad():
            logits = model(idx_cond)
        logits = logits[:, -1, :]
        if top_k is not None:
            top_logits, _ = torch.topk(logits, top_k)
            min_val = top_logits[:, -1]
            logits = torch.where(logits < min_val, torch.tensor(float("-inf")).to(logits.device), logits)
        if temperature > 0.0:
            logits = logits / temperature
            probs = torch.softmax(logits, dim=-1)
            idx_next = torch.multinomial(probs, num_samples=1)
        else:
            idx_next = torch.argmax(logits, dim=-1, keepdim=True)
        if idx_next == eos_id:
            break
        idx = torch.cat((idx, idx_next), dim=1)
    return idx

torch.manual_seed(123)
model.eval()
token_ids = generate(model=model, idx=text_to_token_ids("every e"), max_new_tokens=15,
                     context_size=CFG["context_length"], top_k=5, temperature=1.4)
print("Output text:\n", token_ids_to_text(token_ids))
token_ids = generate(model=model, idx=text_to_token_ids("you"), max_new_tokens=20,
                     context_size=CFG["context_length"], eos_id=stoi["."])
print(token_ids_to_text(token_ids), token_ids.shape)

# %%
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
buffer.seek(0)
model2 = TinyGPT(CFG)
print(model2.load_state_dict(torch.load(buffer, map_location=device, weights_only=True)))
model2.eval()
x = text_to_token_ids("every step")
print(torch.equal(model(x), model2(x)))
buffer = io.BytesIO()
torch.save({"model_state_dict": model.state_dict(), "optimizer_state_dict": optimizer.state_dict()}, buffer)
buffer.seek(0)
checkpoint = torch.load(buffer, weights_only=True)
model3 = TinyGPT(CFG)
model3.load_state_dict(checkpoint["model_state_dict"])
optimizer3 = torch.optim.AdamW(model3.parameters(), lr=5e-4, weight_decay=0.1)
optimizer3.load_state_dict(checkpoint["optimizer_state_dict"])
print(optimizer3.param_groups[0]["lr"], optimizer3.state_dict()["state"][0]["step"], list(checkpoint))
print(sorted(optimizer3.state[model3.tok_emb.weight].keys()))
model3.train()
result = model3.load_state_dict({k: v for k, v in checkpoint["model_state_dict"].items() if "out_head" not in k},
                                strict=False)
print(result.missing_keys, result.unexpected_keys)
try:
    model3.load_state_dict({"tok_emb.weight": torch.zeros(3, 3)}, strict=False)
except RuntimeError as e:
    print("RuntimeError:", e)

# %%
n_epochs = 2
initial_lr = 0.0001
peak_lr = 0.01
min_lr = 0.1 * initial_lr
total_training_steps = len(train_loader) * n_epochs
warmup_steps = 3
print(total_training_steps)
torch.manual_seed(123)
model = TinyGPT(CFG)
optimizer = torch.optim.AdamW(model.parameters(), weight_decay=0.1)
lr_increment = (peak_lr - initial_lr) / warmup_steps
global_step = -1
track_lrs = []
for epoch in range(n_epochs):
    for input_batch, target_batch in train_loader:
        optimizer.zero_grad()
        global_step += 1
        if global_step < warmup_steps:
            lr = initial_lr + global_step * lr_increment
        else:
            progress = ((global_step - warmup_steps) / (total_training_steps - warmup_steps))
            lr = min_lr + (peak_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * progress))
        for param_group in optimizer.param_groups:
            param_group["lr"] = lr
        track_lrs.append(optimizer.param_groups[0]["lr"])
        loss = calc_loss_batch(input_batch, target_batch, model, device)
        loss.backward()
        if global_step == 0:
            max_grad = None
            for param in model.parameters():
                if param.grad is not None:
                    grad_values = param.grad.data.flatten()
                    max_grad_param = grad_values.max()
                    if max_grad is None or max_grad_param > max_grad:
                        max_grad = max_grad_param
            print(max_grad)
        if global_step > warmup_steps:
            norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            print(f"step {global_step} lr {lr:.5f} loss {loss.item():.4f} norm {norm:.4f}")
        optimizer.step()
print([round(v, 6) for v in track_lrs])
