# Imitates DeepLearning.AI's "PyTorch for Deep Learning" professional certificate (Coursera, 2025), course 1 module 1:
# the ungraded lab on tensors (creation from lists and numpy, dtype and shape checks, reshaping with unsqueeze /
# squeeze / reshape / transpose, cat and stack, indexing and boolean masks, broadcasting and its error) and the first
# model, "delivery times": distances against times fitted with nn.Sequential(nn.Linear(1, 1)), nn.MSELoss and SGD,
# "Epoch {epoch + 1}: Loss = {loss.item()}" every 50 epochs, a prediction under torch.no_grad() with an f-string
# check of the 45-minute promise, and the learned weight and bias read back through .data.numpy().
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
x = torch.tensor([1, 2, 3])
print("FROM PYTHON LISTS:", x)
print("TENSOR DATA TYPE:", x.dtype)
numpy_array = np.array([[1, 2, 3], [4, 5, 6]])
torch_tensor_from_numpy = torch.from_numpy(numpy_array)
print("TENSOR FROM NUMPY:\n\n", torch_tensor_from_numpy)
print(torch_tensor_from_numpy.dtype, torch.tensor([1.0, 2, 3]).dtype, torch.tensor([True, False]).dtype)
zeros = torch.zeros(2, 3)
ones = torch.ones(2, 3)
torch.manual_seed(42)
random = torch.rand(2, 3)
print("TENSOR WITH ZEROS:\n\n", zeros)
print("\nTENSOR WITH ONES:\n\n", ones)
print("\nRANDOM TENSOR:\n\n", random)
range_tensor = torch.arange(0, 10, step=1)
print("ARANGE TENSOR:", range_tensor)
print(torch.linspace(0, 1, steps=5), torch.arange(0, 1, 0.25))

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print("ORIGINAL TENSOR:\n\n", x)
print("\nTENSOR SHAPE:", x.shape)
print(x.size(), x.size(1), x.ndim, x.dim(), x.numel(), len(x))
print("\nTENSOR DATA TYPE:", x.dtype)
x_float = x.float()
print("\nAFTER CASTING:", x_float.dtype, x.to(torch.float16).dtype, x.type(torch.float64).dtype, x_float.type())
x_unsqueezed = x.unsqueeze(0)
print("\nSHAPE AFTER UNSQUEEZE:", x_unsqueezed.shape)
x_squeezed = x_unsqueezed.squeeze(0)
print("SHAPE AFTER SQUEEZE:", x_squeezed.shape, x.unsqueeze(-1).shape, torch.zeros(1, 3, 1).squeeze().shape)
x_reshaped = x.reshape(3, 2)
print("\nAFTER RESHAPE:\n\n", x_reshaped)
x_transposed = x.transpose(0, 1)
print("\nAFTER TRANSPOSE:\n\n", x_transposed, x_transposed.is_contiguous())
try:
    x_transposed.view(6)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.reshape(4, 2)
except Exception as e:
    print(type(e).__name__, e)
print(x.view(-1), x.flatten(), x.T.contiguous().view(6))

# %%
tensor_a = torch.tensor([[1, 2], [3, 4]])
tensor_b = torch.tensor([[5, 6], [7, 8]])
concatenated_tensors = torch.cat((tensor_a, tensor_b), dim=1)
print("CONCATENATED ALONG DIM 1:\n\n", concatenated_tensors)
stacked = torch.stack([tensor_a, tensor_b])
print(stacked.shape, torch.cat([tensor_a, tensor_b]).shape, torch.stack([tensor_a, tensor_b], dim=2).shape)
try:
    torch.cat([tensor_a, torch.tensor([[1, 2, 3]])], dim=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stack([tensor_a, torch.tensor([1, 2])])
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.tensor([
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12]
])
print("ORIGINAL TENSOR:\n\n", x)
print("\nINDEXING ROW:", x[1])
print("INDEXING ELEMENT [1, 2]:", x[1, 2])
value = x[1, 2].item()
print("VALUE AS PYTHON NUMBER:", value, type(value))
print("SLICING FIRST TWO ROWS:\n", x[0:2])
print("EVERY OTHER COLUMN:\n", x[:, ::2])
print("LAST COLUMN:", x[:, -1], x[-1, -1])
mask = x > 6
print("MASK:\n", mask)
print("VALUES > 6:", x[mask], x[x % 2 == 0])
print(x[[0, 2]], x[torch.tensor([0, 2]), torch.tensor([1, 3])])
try:
    x[3]
except Exception as e:
    print(type(e).__name__, e)
try:
    x[0, 4]
except Exception as e:
    print(type(e).__name__, e)
try:
    x.item()
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
print("ADDITION:", a + b)
print("ELEMENT-WISE MULTIPLICATION:", a * b)
print("DOT PRODUCT:", torch.dot(a, b), a @ b)
print("DIVISION:", b / a, b // a, a.float().mean(), a.sum(), a.max(), a.argmax())
try:
    a.mean()
except Exception as e:
    print(type(e).__name__, e)
m = torch.tensor([[1, 2, 3], [4, 5, 6]])
row = torch.tensor([10, 20, 30])
col = torch.tensor([[100], [200]])
print("BROADCAST ROW:\n", m + row)
print("BROADCAST COLUMN:\n", m + col)
print(torch.broadcast_shapes(m.shape, col.shape), (m * 2.5).dtype, (m + True).dtype)
try:
    m + torch.tensor([1, 2])
except Exception as e:
    print(type(e).__name__, e)
scores = torch.tensor([[88.5, 92.0], [76.0, 81.5], [90.5, 85.0]])
print(scores.mean(dim=0), scores.mean(dim=1), scores.std(dim=0), scores.max(dim=1))
print(f"{scores.mean():.2f}", f"{scores[0, 0]}", f"{scores.max().item():.1f}")
try:
    print(f"{scores[0]:.2f}")
except Exception as e:
    print(type(e).__name__, e)

# %%
# Distances in miles for recent bike deliveries
distances = torch.tensor([[1.0], [2.0], [3.0], [4.0]], dtype=torch.float32)
# Corresponding delivery times in minutes
times = torch.tensor([[6.96], [12.11], [16.77], [22.21]], dtype=torch.float32)
torch.manual_seed(27)
model = nn.Sequential(nn.Linear(1, 1))
print(model)
loss_function = nn.MSELoss()
optimizer = optim.SGD(model.parameters(), lr=0.01)
for epoch in range(500):
    optimizer.zero_grad()
    outputs = model(distances)
    loss = loss_function(outputs, times)
    loss.backward()
    optimizer.step()
    if (epoch + 1) % 50 == 0:
        print(f"Epoch {epoch + 1}: Loss = {loss.item()}")
print(loss, outputs.grad_fn, loss.grad_fn)

# %%
distance_to_predict = 7.0
with torch.no_grad():
    new_distance = torch.tensor([[distance_to_predict]], dtype=torch.float32)
    predicted_time = model(new_distance)
    print(f"Prediction for a {distance_to_predict}-mile delivery: {predicted_time.item():.1f} minutes")
    if predicted_time.item() > 30:
        print("\nDecision: Do NOT take the job. You will likely be late.")
    else:
        print("\nDecision: Take the job. You can make it!")
print(predicted_time, predicted_time.requires_grad)
layer = model[0]
weights = layer.weight.data.numpy()
bias = layer.bias.data.numpy()
print(f"Weight: {weights}")
print(f"Bias: {bias}")
print(layer.weight, layer.bias.data, model.state_dict())
new_distances = torch.tensor([[1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [4.5], [5.0], [5.5], [6.0]])
with torch.no_grad():
    preds = model(new_distances)
print(preds.squeeze(), preds.shape, preds.flatten().round(decimals=1))
try:
    model(torch.tensor([7.0, 8.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.tensor([[7]]))
except Exception as e:
    print(type(e).__name__, e)
