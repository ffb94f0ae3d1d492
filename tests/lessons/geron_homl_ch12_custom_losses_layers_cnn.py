# Imitates Aurélien Géron's "Hands-On Machine Learning with Scikit-Learn and PyTorch" (2025, github.com/ageron/
# handson-mlp), the custom-model parts of chapters 10-11 (a Huber loss written by hand against nn.HuberLoss, a custom
# activation and a custom dense layer with nn.Parameter, a module with a buffer, state_dict round trip) and chapter 12
# "Deep Computer Vision Using Convolutional Neural Networks" (Conv2d with padding "same" / "valid", stride and the
# output-size arithmetic, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, a small CNN classifier, a ResidualUnit; random
# images instead of Fashion MNIST).
import io
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
def huber_fn(y_pred, y_true, delta=1.0):
    error = y_true - y_pred
    is_small_error = error.abs() < delta
    squared_loss = error ** 2 / 2
    linear_loss = delta * error.abs() - delta ** 2 / 2
    return torch.where(is_small_error, squared_loss, linear_loss).mean()
torch.manual_seed(42)
y_pred = torch.randn(8, 1, requires_grad=True)
y_true = torch.randn(8, 1) * 2
loss = huber_fn(y_pred, y_true)
loss.backward()
print(loss, y_pred.grad.T)
g1 = y_pred.grad.clone()
y_pred.grad = None
loss2 = nn.HuberLoss()(y_pred, y_true)
loss2.backward()
print(loss2, torch.allclose(g1, y_pred.grad), loss2.grad_fn)
print(nn.HuberLoss(delta=2.0, reduction="sum")(y_pred, y_true), nn.SmoothL1Loss(beta=0.5)(y_pred, y_true))
print(F.huber_loss(y_pred, y_true, reduction="none").shape)
try:
    nn.HuberLoss(delta=0)(y_pred, y_true)
except Exception as e:
    print(type(e).__name__, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(nn.HuberLoss()(y_pred, y_true.view(-1)).shape)
print([(x.category.__name__, str(x.message)) for x in w])

class HuberLoss(nn.Module):
    def __init__(self, delta=1.0):
        super().__init__()
        self.delta = delta
    def forward(self, y_pred, y_true):
        return huber_fn(y_pred, y_true, self.delta)
    def extra_repr(self):
        return f"delta={self.delta}"
print(HuberLoss(2.0), HuberLoss(2.0)(y_pred, y_true))

# %%
def my_softplus(z):
    return torch.log(1.0 + torch.exp(z))
def my_glorot_initializer(shape):
    stddev = (2.0 / (shape[0] + shape[1])) ** 0.5
    return torch.randn(shape) * stddev

class MyDense(nn.Module):
    def __init__(self, in_features, units, activation=None):
        super().__init__()
        self.weight = nn.Parameter(my_glorot_initializer((in_features, units)))
        self.bias = nn.Parameter(torch.zeros(units))
        self.activation = activation or (lambda z: z)
    def forward(self, X):
        return self.activation(X @ self.weight + self.bias)
    def extra_repr(self):
        return f"in_features={self.weight.shape[0]}, units={self.weight.shape[1]}"

torch.manual_seed(42)
layer = MyDense(3, 2, activation=my_softplus)
print(layer)
print(list(layer.named_parameters()))
out = layer(torch.randn(4, 3))
print(out, out.grad_fn)
out.mean().backward()
print(layer.weight.grad, layer.bias.grad)
print(my_softplus(torch.tensor([-100., 0., 100.])), F.softplus(torch.tensor([-100., 0., 100.])))
model = nn.Sequential(MyDense(3, 4, activation=torch.relu), MyDense(4, 1))
print(model, sum(p.numel() for p in model.parameters()))
layer.scale = torch.ones(2)
print([n for n, _ in layer.named_parameters()], "scale" in layer.state_dict())
layer.register_buffer("running", torch.zeros(2))
print(layer.state_dict().keys())
try:
    layer.register_parameter("bad", torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    layer.weight = torch.ones(3, 2)
except Exception as e:
    print(type(e).__name__, e)
buf = io.BytesIO()
torch.save(layer.state_dict(), buf)
buf.seek(0)
clone = MyDense(3, 2)
clone.register_buffer("running", torch.ones(2))
print(clone.load_state_dict(torch.load(buf)), clone.running)
print(clone.load_state_dict({"weight": torch.zeros(3, 2)}, strict=False))

# %%
torch.manual_seed(42)
images = torch.rand(2, 3, 14, 14)
conv = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5)
print(conv, conv.weight.shape, conv.bias.shape)
print(conv(images).shape)
conv_same = nn.Conv2d(3, 8, kernel_size=5, padding="same")
print(conv_same(images).shape, conv_same)
conv_s2 = nn.Conv2d(3, 8, kernel_size=3, stride=2, padding=1)
print(conv_s2(images).shape)
def conv_output_size(input_size, kernel_size, strides=1, padding=0):
    z = (input_size + 2 * padding - kernel_size) // strides + 1
    return z
print(conv_output_size(torch.tensor([14, 14]), 5), conv_output_size(14, 3, 2, 1), conv_output_size(14, 7, 3))
try:
    nn.Conv2d(3, 8, kernel_size=3, stride=2, padding="same")
except Exception as e:
    print(type(e).__name__, e)
try:
    conv(torch.rand(2, 1, 14, 14))
except Exception as e:
    print(type(e).__name__, e)
try:
    conv(torch.rand(2, 3, 3, 3))
except Exception as e:
    print(type(e).__name__, e)
print(conv(images[0]).shape)
max_pool = nn.MaxPool2d(kernel_size=2)
print(max_pool, max_pool(images).shape)
print(nn.MaxPool2d(3, stride=2, padding=1)(images).shape, nn.AvgPool2d(2)(images).shape)
print(nn.MaxPool2d(2, ceil_mode=True)(torch.rand(1, 1, 5, 5)).shape)
global_avg_pool = nn.AdaptiveAvgPool2d(output_size=1)
print(global_avg_pool(images).shape, global_avg_pool)
print(torch.allclose(global_avg_pool(images), images.mean(dim=(2, 3), keepdim=True)))
print(nn.AdaptiveAvgPool2d((2, 3))(images).shape, nn.AdaptiveMaxPool2d(4)(images).shape)
try:
    nn.MaxPool2d(kernel_size=2, padding=2)(images)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding="same"), nn.ReLU(),
    nn.MaxPool2d(kernel_size=2),
    nn.Conv2d(8, 16, kernel_size=3, padding="same"), nn.ReLU(),
    nn.MaxPool2d(kernel_size=2),
    nn.Flatten(),
    nn.Linear(16 * 3 * 3, 10), nn.ReLU(),
    nn.Dropout(0.5),
    nn.Linear(10, 3)
)
print(model)
X = torch.rand(12, 1, 12, 12)
y = torch.arange(3).repeat(4)
X[y == 1, :, :6] += 1.0
X[y == 2, :, :, :6] += 1.0
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(4):
    model.train()
    loss = F.cross_entropy(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(epoch, round(loss.item(), 4))
model.eval()
with torch.no_grad():
    print((model(X).argmax(dim=1) == y).float().mean())
x = X[:1]
for layer in model:
    x = layer(x)
    print(type(layer).__name__, tuple(x.shape))
try:
    nn.Sequential(*list(model)[:6], nn.Linear(10, 3))(X)
except Exception as e:
    print(type(e).__name__, e)

# %%
class ResidualUnit(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        DefaultConv2d = lambda ic, oc, **kw: nn.Conv2d(ic, oc, kernel_size=3, padding=1, bias=False, **kw)
        self.main_layers = nn.Sequential(
            DefaultConv2d(in_channels, out_channels, stride=stride),
            nn.BatchNorm2d(out_channels), nn.ReLU(),
            DefaultConv2d(out_channels, out_channels),
            nn.BatchNorm2d(out_channels),
        )
        if stride > 1:
            self.skip_connection = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels),
            )
        else:
            self.skip_connection = nn.Identity()
    def forward(self, inputs):
        return F.relu(self.main_layers(inputs) + self.skip_connection(inputs))
torch.manual_seed(42)
unit = ResidualUnit(4, 8, stride=2)
print(unit)
out = unit(torch.rand(2, 4, 8, 8))
print(out.shape, out.grad_fn)
out.mean().backward()
print(unit.main_layers[1].weight.grad.round(decimals=4))
print(unit.skip_connection[0].weight.grad.shape, sum(p.numel() for p in unit.parameters()))
print(ResidualUnit(8, 8)(out).shape)
