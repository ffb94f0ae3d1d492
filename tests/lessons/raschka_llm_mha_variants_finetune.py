# Imitates the bonus notebook of "Build a Large Language Model (From Scratch)" that compares multi-head attention
# implementations (combined QKV with permute/unbind, einsum with kaiming_uniform_ weights, scaled_dot_product_attention
# with is_causal and with a boolean mask, nn.MultiheadAttention with need_weights=False), loading GPT-2-style weights
# from numpy arrays through an assign() helper, and chapters 6-7: classification head, freezing, accuracy, and the
# instruction collate function with padding, ignore_index=-100 and allowed_max_length.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

class MultiHeadAttentionCombinedQKV(nn.Module):
    def __init__(self, d_in, d_out, num_heads, context_length, dropout=0.0, qkv_bias=False):
        super().__init__()
        assert d_out % num_heads == 0, "embed_dim is indivisible by num_heads"
        self.num_heads = num_heads
        self.context_length = context_length
        self.head_dim = d_out // num_heads
        self.qkv = nn.Linear(d_in, 3 * d_out, bias=qkv_bias)
        self.proj = nn.Linear(d_out, d_out)
        self.dropout = nn.Dropout(dropout)
        self.register_buffer("mask", torch.triu(torch.ones(context_length, context_length), diagonal=1))

    def forward(self, x):
        batch_size, num_tokens, embed_dim = x.shape
        qkv = self.qkv(x)
        qkv = qkv.view(batch_size, num_tokens, 3, self.num_heads, self.head_dim)
        qkv = qkv.permute(2, 0, 3, 1, 4)
        queries, keys, values = qkv.unbind(0)
        attn_scores = queries @ keys.transpose(-2, -1)
        attn_scores = attn_scores.masked_fill(self.mask.bool()[:num_tokens, :num_tokens], -torch.inf)
        attn_weights = torch.softmax(attn_scores / keys.shape[-1]**-0.5, dim=-1)
        attn_weights = self.dropout(attn_weights)
        context_vec = attn_weights @ values
        context_vec = context_vec.transpose(1, 2)
        context_vec = context_vec.contiguous().view(batch_size, num_tokens, embed_dim)
        return self.proj(context_vec)

torch.manual_seed(123)
batch_size, context_len, embed_dim = 2, 5, 8
embeddings = torch.randn((batch_size, context_len, embed_dim))
mha_combined_qkv = MultiHeadAttentionCombinedQKV(embed_dim, embed_dim, 2, context_len)
out = mha_combined_qkv(embeddings)
print(out.shape)
print(out[0, -1])
qkv = mha_combined_qkv.qkv(embeddings).view(2, 5, 3, 2, 4).permute(2, 0, 3, 1, 4)
print(qkv.shape, qkv.is_contiguous(), [t.shape for t in qkv.unbind(0)], qkv.unbind(0)[0].grad_fn)

# %%
class MHAEinsum(nn.Module):
    def __init__(self, d_in, d_out, context_length, num_heads, qkv_bias=False):
        super().__init__()
        self.d_out = d_out
        self.num_heads = num_heads
        self.head_dim = d_out // num_heads
        self.W_query = nn.Parameter(torch.randn(d_in, d_out))
        self.W_key = nn.Parameter(torch.randn(d_in, d_out))
        self.W_value = nn.Parameter(torch.randn(d_in, d_out))
        if qkv_bias:
            self.bias_q = nn.Parameter(torch.zeros(d_out))
        else:
            self.register_parameter("bias_q", None)
        self.out_proj = nn.Linear(d_out, d_out)
        self.register_buffer("mask", torch.triu(torch.ones(context_length, context_length), diagonal=1))
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.W_query, a=math.sqrt(5))
        nn.init.kaiming_uniform_(self.W_key, a=math.sqrt(5))
        nn.init.kaiming_uniform_(self.W_value, a=math.sqrt(5))
        if self.bias_q is not None:
            fan_in, _ = nn.init._calculate_fan_in_and_fan_out(self.W_query)
            bound = 1 / math.sqrt(fan_in)
            nn.init.uniform_(self.bias_q, -bound, bound)

    def forward(self, x):
        b, n, _ = x.shape
        Q = torch.einsum("bnd,di->bni", x, self.W_query)
        K = torch.einsum("bnd,di->bni", x, self.W_key)
        V = torch.einsum("bnd,di->bni", x, self.W_value)
        if self.bias_q is not None:
            Q = Q + self.bias_q
        Q = Q.view(b, n, self.num_heads, self.head_dim).transpose(1, 2)
        K = K.view(b, n, self.num_heads, self.head_dim).transpose(1, 2)
        V = V.view(b, n, self.num_heads, self.head_dim).transpose(1, 2)
        scores = torch.einsum("bhnd,bhmd->bhnm", Q, K) / (self.head_dim ** 0.5)
        mask = self.mask[:n, :n].unsqueeze(0).unsqueeze(1).expand(b, self.num_heads, n, n)
        scores = scores.masked_fill(mask.bool(), -torch.inf)
        attn_weights = torch.softmax(scores, dim=-1)
        context_vec = torch.einsum("bhnm,bhmd->bhnd", attn_weights, V)
        context_vec = context_vec.transpose(1, 2).reshape(b, n, self.d_out)
        return self.out_proj(context_vec)

torch.manual_seed(123)
mha_einsum = MHAEinsum(embed_dim, embed_dim, context_len, 2, qkv_bias=True)
out = mha_einsum(embeddings)
print(out.shape, out.grad_fn)
print(out[1, 0])
print(mha_einsum.bias_q, nn.init._calculate_fan_in_and_fan_out(mha_einsum.W_query))
print(MHAEinsum(embed_dim, embed_dim, context_len, 2).bias_q, [n for n, _ in mha_einsum.named_parameters()])
out.sum().backward()
print(mha_einsum.W_key.grad.abs().sum(), mha_einsum.bias_q.grad)

# %%
class MHAPyTorchScaledDotProduct(nn.Module):
    def __init__(self, d_in, d_out, num_heads, context_length, dropout=0.0, qkv_bias=False, use_mask=False):
        super().__init__()
        self.num_heads = num_heads
        self.context_length = context_length
        self.head_dim = d_out // num_heads
        self.d_out = d_out
        self.use_mask = use_mask
        self.qkv = nn.Linear(d_in, 3 * d_out, bias=qkv_bias)
        self.proj = nn.Linear(d_out, d_out)
        self.dropout = dropout
        self.register_buffer("mask", torch.triu(torch.ones(context_length, context_length), diagonal=1).bool())

    def forward(self, x):
        batch_size, num_tokens, embed_dim = x.shape
        qkv = self.qkv(x).view(batch_size, num_tokens, 3, self.num_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        queries, keys, values = qkv
        use_dropout = 0. if not self.training else self.dropout
        if self.use_mask:
            attn_mask = ~self.mask[:num_tokens, :num_tokens]
            context_vec = F.scaled_dot_product_attention(queries, keys, values, attn_mask=attn_mask,
                                                         dropout_p=use_dropout, is_causal=False)
        else:
            context_vec = F.scaled_dot_product_attention(queries, keys, values, attn_mask=None,
                                                         dropout_p=use_dropout, is_causal=True)
        context_vec = context_vec.transpose(1, 2).contiguous().view(batch_size, num_tokens, self.d_out)
        return self.proj(context_vec)

torch.manual_seed(123)
mha_sdpa = MHAPyTorchScaledDotProduct(embed_dim, embed_dim, 2, context_len)
torch.manual_seed(123)
mha_sdpa_mask = MHAPyTorchScaledDotProduct(embed_dim, embed_dim, 2, context_len, use_mask=True)
a, b = mha_sdpa(embeddings), mha_sdpa_mask(embeddings)
print(a[0, 2])
print(torch.allclose(a, b, atol=1e-6), a.grad_fn)
try:
    F.scaled_dot_product_attention(embeddings, embeddings, embeddings, attn_mask=torch.ones(5, 5, dtype=torch.bool),
                                   is_causal=True)
except RuntimeError as e:
    print("RuntimeError:", e)

# %%
class MHAPyTorchClass(nn.Module):
    def __init__(self, d_in, d_out, num_heads, context_length, dropout=0.0, qkv_bias=False, need_weights=True):
        super().__init__()
        self.context_length = context_length
        self.multihead_attn = nn.MultiheadAttention(embed_dim=d_out, num_heads=num_heads, dropout=dropout,
                                                    bias=qkv_bias, add_bias_kv=qkv_bias, batch_first=True)
        self.need_weights = need_weights
        self.proj = nn.Linear(d_out, d_out)
        self.register_buffer("mask", torch.triu(torch.ones(context_length, context_length), diagonal=1).bool())

    def forward(self, x):
        batch_size, num_tokens, _ = x.shape
        if self.context_length >= num_tokens:
            attn_mask = self.mask[:num_tokens, :num_tokens]
        else:
            attn_mask = self.mask[:self.context_length, :self.context_length]
        attn_output, attn_weights = self.multihead_attn(x, x, x, attn_mask=attn_mask,
                                                        need_weights=self.need_weights)
        return self.proj(attn_output), attn_weights

torch.manual_seed(123)
mha_pytorch_class = MHAPyTorchClass(embed_dim, embed_dim, 2, context_len)
out, w = mha_pytorch_class(embeddings)
print(out.shape, w.shape)
print(w[0])
mha_nw = MHAPyTorchClass(embed_dim, embed_dim, 2, context_len, need_weights=False)
out2, w2 = mha_nw(embeddings)
print(out2.shape, w2)
print(mha_pytorch_class.multihead_attn)
print([(n, tuple(p.shape)) for n, p in mha_pytorch_class.multihead_attn.named_parameters()])

# %%
def assign(left, right):
    if left.shape != right.shape:
        raise ValueError(f"Shape mismatch. Left: {left.shape}, Right: {right.shape}")
    return torch.nn.Parameter(torch.tensor(right))

rng = np.random.default_rng(0)
params = {"c_attn_w": rng.standard_normal((4, 12)).astype(np.float32),
          "c_attn_b": rng.standard_normal(12).astype(np.float32),
          "wpe": rng.standard_normal((6, 4)).astype(np.float32)}
q_w, k_w, v_w = np.split(params["c_attn_w"], 3, axis=-1)
q_b, k_b, v_b = np.split(params["c_attn_b"], 3, axis=-1)
lin = nn.Linear(4, 4)
lin.weight = assign(lin.weight, q_w.T)
lin.bias = assign(lin.bias, q_b)
print(lin.weight.is_contiguous(), lin.weight.stride(), lin.weight.dtype, lin.bias)
pos = nn.Embedding(6, 4)
pos.weight = assign(pos.weight, params["wpe"])
print(pos(torch.tensor([0, 5])))
try:
    assign(lin.weight, k_w)
except ValueError as e:
    print("ValueError:", e)
print(lin(torch.ones(1, 4)))
w64 = torch.tensor(rng.standard_normal((2, 2)))
print(w64.dtype, torch.from_numpy(q_b).dtype)
print(lin.weight.detach().numpy().T.flags["C_CONTIGUOUS"], np.allclose(lin.weight.detach().numpy(), q_w.T))

# %%
torch.manual_seed(123)
class TinyClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok_emb = nn.Embedding(20, 8)
        self.trf_blocks = nn.Sequential(nn.Linear(8, 8), nn.GELU(), nn.Linear(8, 8))
        self.final_norm = nn.LayerNorm(8)
        self.out_head = nn.Linear(8, 20, bias=False)
    def forward(self, idx):
        return self.out_head(self.final_norm(self.trf_blocks(self.tok_emb(idx))))

model = TinyClassifier()
for param in model.parameters():
    param.requires_grad = False
num_classes = 2
model.out_head = torch.nn.Linear(in_features=8, out_features=num_classes)
for param in model.trf_blocks[-1].parameters():
    param.requires_grad = True
for param in model.final_norm.parameters():
    param.requires_grad = True
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
inputs = torch.tensor([[5, 11, 3, 7], [2, 2, 9, 0]])
with torch.no_grad():
    outputs = model(inputs)
print("Outputs:\n", outputs)
print("Outputs dimensions:", outputs.shape)
print("Last output token:", outputs[:, -1, :])
probas = torch.softmax(outputs[:, -1, :], dim=-1)
label = torch.argmax(probas, dim=-1)
print("Class label:", label, label.tolist())
target_batch = torch.tensor([1, 0])
correct_predictions = (label == target_batch).sum().item()
print(correct_predictions / label.shape[0])
logits = model(inputs)[:, -1, :]
loss = F.cross_entropy(logits, target_batch)
loss.backward()
print(loss, model.tok_emb.weight.grad, model.trf_blocks[0].weight.grad)
print(model.trf_blocks[2].bias.grad, model.out_head.bias.grad)

# %%
def custom_collate_fn(batch, pad_token_id=0, ignore_index=-100, allowed_max_length=None, device="cpu"):
    batch_max_length = max(len(item) + 1 for item in batch)
    inputs_lst, targets_lst = [], []
    for item in batch:
        new_item = item.copy()
        new_item += [pad_token_id]
        padded = new_item + [pad_token_id] * (batch_max_length - len(new_item))
        inputs = torch.tensor(padded[:-1])
        targets = torch.tensor(padded[1:])
        mask = targets == pad_token_id
        indices = torch.nonzero(mask).squeeze()
        if indices.numel() > 1:
            targets[indices[1:]] = ignore_index
        if allowed_max_length is not None:
            inputs = inputs[:allowed_max_length]
            targets = targets[:allowed_max_length]
        inputs_lst.append(inputs)
        targets_lst.append(targets)
    inputs_tensor = torch.stack(inputs_lst).to(device)
    targets_tensor = torch.stack(targets_lst).to(device)
    return inputs_tensor, targets_tensor

inputs_1 = [1, 2, 3, 4, 5]
inputs_2 = [6, 7]
inputs_3 = [8, 9, 10]
batch = (inputs_1, inputs_2, inputs_3)
inputs, targets = custom_collate_fn(batch)
print(inputs)
print(targets)
print(custom_collate_fn(batch, allowed_max_length=3))
print(torch.nonzero(torch.tensor([1, 0, 0])).squeeze(), torch.nonzero(torch.tensor([0, 1, 0])).squeeze().numel())

logits_1 = torch.tensor([[-1.0, 1.0], [-0.5, 1.5]])
targets_1 = torch.tensor([0, 1])
loss_1 = torch.nn.functional.cross_entropy(logits_1, targets_1)
print(loss_1)
logits_2 = torch.tensor([[-1.0, 1.0], [-0.5, 1.5], [-0.5, 1.5]])
targets_2 = torch.tensor([0, 1, 1])
loss_2 = torch.nn.functional.cross_entropy(logits_2, targets_2)
print(loss_2)
targets_3 = torch.tensor([0, 1, -100])
loss_3 = torch.nn.functional.cross_entropy(logits_2, targets_3)
print(loss_3)
print("loss_1 == loss_3:", loss_1 == loss_3)
print(torch.nn.functional.cross_entropy(logits_2, torch.tensor([-100, -100, -100])))
try:
    torch.nn.functional.cross_entropy(logits_2, torch.tensor([0, 1, -1]))
except IndexError as e:
    print("IndexError:", e)
