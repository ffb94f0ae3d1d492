# Imitates PyTorch's "Optional: Data Parallelism" tutorial (beginner_source/blitz/data_parallel_tutorial.py) run
# without GPUs: the RandomDataset, a Model that prints its input and output sizes, "Let's use N GPUs!" guarded by
# device_count, nn.DataParallel(model) forward, then the forum follow-ups: saving model.module.state_dict() versus
# the wrapped state_dict with "module." keys, loading a checkpoint "saved on cuda:0" with map_location in its forms.
import io
from collections import OrderedDict
import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader

input_size, output_size, batch_size, data_size = 5, 2, 30, 70
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

class RandomDataset(Dataset):
    def __init__(self, size, length):
        self.len = length
        self.data = torch.randn(length, size)
    def __getitem__(self, index):
        return self.data[index]
    def __len__(self):
        return self.len

torch.manual_seed(0)
rand_loader = DataLoader(dataset=RandomDataset(input_size, data_size), batch_size=batch_size, shuffle=True)

class Model(nn.Module):
    def __init__(self, input_size, output_size):
        super(Model, self).__init__()
        self.fc = nn.Linear(input_size, output_size)
    def forward(self, input):
        output = self.fc(input)
        print("\tIn Model: input size", input.size(), "output size", output.size())
        return output

# %%
model = Model(input_size, output_size)
if torch.cuda.device_count() > 1:
    print("Let's use", torch.cuda.device_count(), "GPUs!")
    model = nn.DataParallel(model)
else:
    print("Let's use", torch.cuda.device_count(), "GPUs (none), wrapping anyway")
    model = nn.DataParallel(model)
model.to(device)
for data in rand_loader:
    input = data.to(device)
    output = model(input)
    print("Outside: input size", input.size(), "output_size", output.size())

# %%
print(model)
print(list(model.state_dict().keys()), list(model.module.state_dict().keys()))
print(model.device_ids, isinstance(model, nn.DataParallel), type(model.module).__name__)
print([n for n, _ in model.named_parameters()], [n for n, _ in model.named_modules()])
loss = output.pow(2).mean()
loss.backward()
print(model.module.fc.bias.grad)
for name in ["dim", "output_device", "src_device_obj"]:
    try:
        print(getattr(model, name))
    except AttributeError as e:
        print(e)

# %%
buf = io.BytesIO()
torch.save({"epoch": 3, "model_state_dict": model.state_dict()}, buf)
for loc in ["cpu", torch.device("cpu"), {"cuda:0": "cpu"}, lambda storage, loc: storage, None]:
    buf.seek(0)
    ckpt = torch.load(buf, map_location=loc)
    print(type(loc).__name__, ckpt["epoch"], list(ckpt["model_state_dict"].keys()),
          ckpt["model_state_dict"]["module.fc.bias"].device)
bare = Model(input_size, output_size)
try:
    bare.load_state_dict(ckpt["model_state_dict"])
except RuntimeError as e:
    print(str(e).splitlines()[0])
state = OrderedDict((k[len("module."):] if k.startswith("module.") else k, v)
                    for k, v in ckpt["model_state_dict"].items())
print(bare.load_state_dict(state))
print(torch.equal(bare.fc.weight, model.module.fc.weight))
wrapped = nn.DataParallel(Model(input_size, output_size))
print(wrapped.load_state_dict(ckpt["model_state_dict"]), wrapped.module.fc.bias.requires_grad)
buf.seek(0)
try:
    torch.load(buf, map_location="cuda:0")
except Exception as e:
    print(type(e).__name__, e)
