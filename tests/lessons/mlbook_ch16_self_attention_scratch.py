# Imitates Raschka, Liu & Mirjalili, "Machine Learning with PyTorch and Scikit-Learn" (rasbt/machine-learning-book),
# ch16: self-attention from scratch on the embedded sentence 'Can you help me to translate this sentence':
# omega = x @ x.T with a loop and with torch.matmul, softmax attention weights, context vectors, the scaled
# dot-product version with U_query/U_key/U_value, and multi-head attention by stacking the projections
# (torch.bmm, repeat, permute), compared with F.softmax and nn.MultiheadAttention shapes.
import torch
import torch.nn.functional as F

sentence = torch.tensor([0, 7, 1, 2, 5, 6, 4, 3])
print(sentence)
torch.manual_seed(123)
embed = torch.nn.Embedding(10, 16)
embedded_sentence = embed(sentence).detach()
print(embedded_sentence.shape)
omega = torch.empty(8, 8)
for i, x_i in enumerate(embedded_sentence):
    for j, x_j in enumerate(embedded_sentence):
        omega[i, j] = torch.dot(x_i, x_j)
omega_mat = embedded_sentence.matmul(embedded_sentence.T)
print(torch.allclose(omega_mat, omega))
attention_weights = F.softmax(omega, dim=1)
print(attention_weights.shape)
print(attention_weights.sum(dim=1))
x_2 = embedded_sentence[1, :]
context_vec_2 = torch.zeros(x_2.shape)
for j in range(8):
    x_j = embedded_sentence[j, :]
    context_vec_2 += attention_weights[1, j] * x_j
print(context_vec_2)
context_vectors = torch.matmul(attention_weights, embedded_sentence)
print(torch.allclose(context_vec_2, context_vectors[1]))
try:
    torch.dot(embedded_sentence, embedded_sentence)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.dot(x_2, torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.dot(x_2, torch.ones(16, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(123)
d = embedded_sentence.shape[1]
U_query = torch.rand(d, d)
U_key = torch.rand(d, d)
U_value = torch.rand(d, d)
x_2 = embedded_sentence[1]
query_2 = U_query.matmul(x_2)
key_2 = U_key.matmul(x_2)
value_2 = U_value.matmul(x_2)
keys = U_key.matmul(embedded_sentence.T).T
print(torch.allclose(key_2, keys[1]))
values = U_value.matmul(embedded_sentence.T).T
print(torch.allclose(value_2, values[1]))
omega_23 = query_2.dot(keys[2])
print(omega_23)
omega_2 = query_2.matmul(keys.T)
print(omega_2)
attention_weights_2 = F.softmax(omega_2 / d**0.5, dim=0)
print(attention_weights_2)
context_vector_2 = attention_weights_2.matmul(values)
print(context_vector_2)
print(U_query.mv(x_2).shape, torch.mv(U_query, x_2).allclose(query_2))
try:
    U_query.matmul(embedded_sentence)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.softmax(omega_2)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(123)
d = embedded_sentence.shape[1]
one_U_query = torch.rand(d, d)
h = 8
multihead_U_query = torch.rand(h, d, d)
multihead_U_key = torch.rand(h, d, d)
multihead_U_value = torch.rand(h, d, d)
multihead_query_2 = multihead_U_query.matmul(x_2)
print(multihead_query_2.shape)
multihead_key_2 = multihead_U_key.matmul(x_2)
multihead_value_2 = multihead_U_value.matmul(x_2)
print(multihead_key_2[2])
stacked_inputs = embedded_sentence.T.repeat(8, 1, 1)
print(stacked_inputs.shape)
multihead_keys = torch.bmm(multihead_U_key, stacked_inputs)
print(multihead_keys.shape)
multihead_keys = multihead_keys.permute(0, 2, 1)
print(multihead_keys.shape)
print(multihead_keys[2, 1])
multihead_values = torch.matmul(multihead_U_value, stacked_inputs)
multihead_values = multihead_values.permute(0, 2, 1)
multihead_z_2 = torch.rand(8, 16)
linear = torch.nn.Linear(8 * 16, 16)
context_vector_2 = linear(multihead_z_2.flatten())
print(context_vector_2.shape)
try:
    torch.bmm(multihead_U_key, embedded_sentence.T)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bmm(multihead_U_key, stacked_inputs[:4])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bmm(multihead_U_key, stacked_inputs[:, :5])
except Exception as e:
    print(type(e).__name__, e)
try:
    linear(multihead_z_2)
except Exception as e:
    print(type(e).__name__, e)

# %%
omega_h = torch.bmm(multihead_query_2.unsqueeze(1), multihead_keys.transpose(1, 2)).squeeze(1)
weights_h = F.softmax(omega_h / d ** 0.5, dim=-1)
z_h = torch.bmm(weights_h.unsqueeze(1), multihead_values).squeeze(1)
print(omega_h.shape, weights_h.sum(-1), z_h.shape)
print(torch.allclose(z_h[2], F.softmax(multihead_query_2[2] @ multihead_keys[2].T / d ** 0.5, 0) @ multihead_values[2]))
torch.manual_seed(123)
mha = torch.nn.MultiheadAttention(embed_dim=16, num_heads=4, batch_first=True)
x = embedded_sentence.unsqueeze(0)
out, w = mha(x, x, x)
print(out.shape, w.shape, w.sum(-1))
out, w = mha(x, x, x, average_attn_weights=False)
print(w.shape, out.grad_fn)
mask = torch.triu(torch.ones(8, 8, dtype=torch.bool), diagonal=1)
out, w = mha(x, x, x, attn_mask=mask)
print(w[0, :3, :3])
print(F.scaled_dot_product_attention(x, x, x, is_causal=True).shape)
try:
    torch.nn.MultiheadAttention(embed_dim=16, num_heads=3)
except Exception as e:
    print(type(e).__name__, e)
try:
    mha(x, x, x, attn_mask=torch.ones(4, 4, dtype=torch.bool))
except Exception as e:
    print(type(e).__name__, e)
