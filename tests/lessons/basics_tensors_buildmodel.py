# Imitates PyTorch's "Learn the Basics": tensors (tensorqs_tutorial), build the model (buildmodel_tutorial),
# transforms' one-hot Lambda, and save/load (saveloadrun_tutorial).
import os
import tempfile

import numpy as np
import torch
from torch import nn

# %%
data = [[1, 2],[3, 4]]
x_data = torch.tensor(data)
np_array = np.array(data)
x_np = torch.from_numpy(np_array)
x_ones = torch.ones_like(x_data) # retains the properties of x_data
print(f"Ones Tensor: \n {x_ones} \n")

torch.manual_seed(0)
x_rand = torch.rand_like(x_data, dtype=torch.float) # overrides the datatype of x_data
print(f"Random Tensor: \n {x_rand} \n")

# %%
shape = (2,3,)
rand_tensor = torch.rand(shape)
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape)

print(f"Random Tensor: \n {rand_tensor} \n")
print(f"Ones Tensor: \n {ones_tensor} \n")
print(f"Zeros Tensor: \n {zeros_tensor}")

# %%
tensor = torch.rand(3,4)

print(f"Shape of tensor: {tensor.shape}")
print(f"Datatype of tensor: {tensor.dtype}")
print(f"Device tensor is stored on: {tensor.device}")

# %%
if torch.accelerator.is_available():
    tensor = tensor.to(torch.accelerator.current_accelerator())
tensor = torch.ones(4, 4)
print(f"First row: {tensor[0]}")
print(f"First column: {tensor[:, 0]}")
print(f"Last column: {tensor[..., -1]}")
tensor[:,1] = 0
print(tensor)

# %%
t1 = torch.cat([tensor, tensor, tensor], dim=1)
print(t1)

# %%
# This computes the matrix multiplication between two tensors. y1, y2, y3 will have the same value
y1 = tensor @ tensor.T
y2 = tensor.matmul(tensor.T)

y3 = torch.rand_like(y1)
torch.matmul(tensor, tensor.T, out=y3)

# This computes the element-wise product. z1, z2, z3 will have the same value
z1 = tensor * tensor
z2 = tensor.mul(tensor)

z3 = torch.rand_like(tensor)
torch.mul(tensor, tensor, out=z3)

# %%
agg = tensor.sum()
agg_item = agg.item()
print(agg_item, type(agg_item))

# %%
print(f"{tensor} \n")
tensor.add_(5)
print(tensor)

# %%
t = torch.ones(5)
print(f"t: {t}")
n = t.numpy()
print(f"n: {n}")
t.add_(1)
print(f"t: {t}")
print(f"n: {n}")

# %%
n = np.ones(5)
t = torch.from_numpy(n)
np.add(n, 1, out=n)
print(f"t: {t}")
print(f"n: {n}")

# %%
target_transform = lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1)
print(target_transform(3))

# %%
scores = torch.tensor([0.1, 0.7, 0.2], requires_grad=True)
picked = scores.gather(0, torch.tensor(1))
picked.backward()
print(picked, scores.grad)
print(torch.zeros(4).scatter_add(0, torch.tensor(2), torch.tensor([5.0, 6.0])))

# %%
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28*28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits

torch.manual_seed(1)
model = NeuralNetwork()
print(model)

# %%
X = torch.rand(1, 28, 28)
logits = model(X)
pred_probab = nn.Softmax(dim=1)(logits)
y_pred = pred_probab.argmax(1)
print(f"Predicted class: {y_pred}")

# %%
input_image = torch.rand(3,28,28)
print(input_image.size())
flatten = nn.Flatten()
flat_image = flatten(input_image)
print(flat_image.size())
layer1 = nn.Linear(in_features=28*28, out_features=20)
hidden1 = layer1(flat_image)
print(hidden1.size())

# %%
print(f"Before ReLU: {hidden1}\n\n")
hidden1 = nn.ReLU()(hidden1)
print(f"After ReLU: {hidden1}")

# %%
seq_modules = nn.Sequential(
    flatten,
    layer1,
    nn.ReLU(),
    nn.Linear(20, 10)
)
input_image = torch.rand(3,28,28)
logits = seq_modules(input_image)
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)
print(pred_probab)

# %%
print(f"Model structure: {model}\n\n")

for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values : {param[:2]} \n")

# %%
folder = tempfile.mkdtemp()
torch.save(model.state_dict(), os.path.join(folder, 'model_weights.pth'))
model2 = NeuralNetwork()
model2.load_state_dict(torch.load(os.path.join(folder, 'model_weights.pth'), weights_only=True))
model2.eval()

# %%
seq = nn.Sequential(nn.Flatten(), nn.Linear(28*28, 10), nn.ReLU())
torch.save(seq, os.path.join(folder, 'model.pth'))
seq2 = torch.load(os.path.join(folder, 'model.pth'), weights_only=False)
print(seq2, torch.equal(seq2(X), seq(X)))

# %%
torch.load(os.path.join(folder, 'model.pth'))

# %%
with torch.serialization.safe_globals([nn.Sequential, nn.Flatten, nn.Linear]):
    torch.load(os.path.join(folder, 'model.pth'))

# %%
torch.serialization.add_safe_globals([nn.Sequential, nn.Flatten, nn.Linear, nn.ReLU])
print(torch.load(os.path.join(folder, 'model.pth')))
torch.serialization.clear_safe_globals()

# %%
checkpoint = {"epoch": 5, "model_state_dict": seq.state_dict(), "loss": 0.25,
              "optimizer_state_dict": torch.optim.Adam(seq.parameters()).state_dict()}
torch.save(checkpoint, os.path.join(folder, 'checkpoint.tar'))
loaded = torch.load(os.path.join(folder, 'checkpoint.tar'))
print(loaded["epoch"], loaded["loss"], list(loaded["model_state_dict"]), loaded["optimizer_state_dict"]["param_groups"])

# %%
torch.save({"x": np.arange(3)}, os.path.join(folder, 'arrays.pt'))
torch.load(os.path.join(folder, 'arrays.pt'))
