# Imitates the UvA Deep Learning course, Tutorial 5 ("Inception, ResNet and DenseNet"), without Lightning and on
# small random 3x16x16 inputs: the InceptionBlock (four Conv2d + BatchNorm2d branches concatenated), the ResNetBlock
# and PreActResNetBlock with their subsampling shortcut, the DenseLayer / DenseBlock / TransitionLayer, the
# networks' _init_params (kaiming_normal_ with the activation's name, constant_ on BatchNorm), parameter counts, the
# data-normalization statistics and a couple of training steps in train and eval modes.
import types
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(42)
act_fn_by_name = {"tanh": nn.Tanh, "relu": nn.ReLU, "leakyrelu": nn.LeakyReLU, "gelu": nn.GELU}

train_data = np.random.RandomState(0).randint(0, 256, size=(64, 16, 16, 3)).astype(np.uint8)
DATA_MEANS = (train_data / 255.0).mean(axis=(0, 1, 2))
DATA_STD = (train_data / 255.0).std(axis=(0, 1, 2))
print("Data mean", DATA_MEANS.round(4))
print("Data std", DATA_STD.round(4))
imgs = (torch.from_numpy(train_data).permute(0, 3, 1, 2).float() / 255.0 - torch.tensor(DATA_MEANS).view(1, 3, 1, 1)) \
    / torch.tensor(DATA_STD).view(1, 3, 1, 1)
print(imgs.dtype, imgs.shape)
imgs = imgs.float()
print("Batch mean", imgs.mean(dim=[0, 2, 3]))
print("Batch std", imgs.std(dim=[0, 2, 3]))
labels = torch.randint(0, 10, (64,))

# %%
class InceptionBlock(nn.Module):
    def __init__(self, c_in, c_red: dict, c_out: dict, act_fn):
        super().__init__()
        self.conv_1x1 = nn.Sequential(nn.Conv2d(c_in, c_out["1x1"], kernel_size=1), nn.BatchNorm2d(c_out["1x1"]), act_fn())
        self.conv_3x3 = nn.Sequential(
            nn.Conv2d(c_in, c_red["3x3"], kernel_size=1), nn.BatchNorm2d(c_red["3x3"]), act_fn(),
            nn.Conv2d(c_red["3x3"], c_out["3x3"], kernel_size=3, padding=1), nn.BatchNorm2d(c_out["3x3"]), act_fn())
        self.conv_5x5 = nn.Sequential(
            nn.Conv2d(c_in, c_red["5x5"], kernel_size=1), nn.BatchNorm2d(c_red["5x5"]), act_fn(),
            nn.Conv2d(c_red["5x5"], c_out["5x5"], kernel_size=5, padding=2), nn.BatchNorm2d(c_out["5x5"]), act_fn())
        self.max_pool = nn.Sequential(
            nn.MaxPool2d(kernel_size=3, padding=1, stride=1),
            nn.Conv2d(c_in, c_out["max"], kernel_size=1), nn.BatchNorm2d(c_out["max"]), act_fn())

    def forward(self, x):
        x_1x1 = self.conv_1x1(x)
        x_3x3 = self.conv_3x3(x)
        x_5x5 = self.conv_5x5(x)
        x_max = self.max_pool(x)
        x_out = torch.cat([x_1x1, x_3x3, x_5x5, x_max], dim=1)
        return x_out

block = InceptionBlock(8, c_red={"3x3": 4, "5x5": 2}, c_out={"1x1": 4, "3x3": 6, "5x5": 2, "max": 2}, act_fn=nn.ReLU)
x = torch.randn(4, 8, 6, 6)
out = block(x)
print(out.shape, out.grad_fn, block.conv_1x1[1].running_mean[:2], block.conv_1x1[1].num_batches_tracked)
print(block.max_pool)
out.mean().backward()
print(block.conv_5x5[3].weight.grad.shape, block.conv_1x1[1].weight.grad)
block.eval()
with torch.no_grad():
    print(block(x)[0, :3, 0, 0], block.training, block.conv_3x3[1].training)

# %%
class ResNetBlock(nn.Module):
    def __init__(self, c_in, act_fn, subsample=False, c_out=-1):
        super().__init__()
        if not subsample:
            c_out = c_in
        self.net = nn.Sequential(
            nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, stride=1 if not subsample else 2, bias=False),
            nn.BatchNorm2d(c_out),
            act_fn(),
            nn.Conv2d(c_out, c_out, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(c_out)
        )
        self.downsample = nn.Conv2d(c_in, c_out, kernel_size=1, stride=2) if subsample else None
        self.act_fn = act_fn()

    def forward(self, x):
        z = self.net(x)
        if self.downsample is not None:
            x = self.downsample(x)
        out = z + x
        out = self.act_fn(out)
        return out

class PreActResNetBlock(nn.Module):
    def __init__(self, c_in, act_fn, subsample=False, c_out=-1):
        super().__init__()
        if not subsample:
            c_out = c_in
        self.net = nn.Sequential(
            nn.BatchNorm2d(c_in),
            act_fn(),
            nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, stride=1 if not subsample else 2, bias=False),
            nn.BatchNorm2d(c_out),
            act_fn(),
            nn.Conv2d(c_out, c_out, kernel_size=3, padding=1, bias=False)
        )
        self.downsample = nn.Sequential(
            nn.BatchNorm2d(c_in),
            act_fn(),
            nn.Conv2d(c_in, c_out, kernel_size=1, stride=2, bias=False)
        ) if subsample else None

    def forward(self, x):
        z = self.net(x)
        if self.downsample is not None:
            x = self.downsample(x)
        out = z + x
        return out

resnet_blocks_by_name = {"ResNetBlock": ResNetBlock, "PreActResNetBlock": PreActResNetBlock}

class ResNet(nn.Module):
    def __init__(self, num_classes=10, num_blocks=[1, 1], c_hidden=[4, 8], act_fn_name="relu",
                 block_name="ResNetBlock", **kwargs):
        super().__init__()
        assert block_name in resnet_blocks_by_name
        self.hparams = types.SimpleNamespace(num_classes=num_classes, c_hidden=c_hidden, num_blocks=num_blocks,
                                             act_fn_name=act_fn_name, act_fn=act_fn_by_name[act_fn_name],
                                             block_class=resnet_blocks_by_name[block_name])
        self._create_network()
        self._init_params()

    def _create_network(self):
        c_hidden = self.hparams.c_hidden
        if self.hparams.block_class == PreActResNetBlock:
            self.input_net = nn.Sequential(nn.Conv2d(3, c_hidden[0], kernel_size=3, padding=1, bias=False))
        else:
            self.input_net = nn.Sequential(nn.Conv2d(3, c_hidden[0], kernel_size=3, padding=1, bias=False),
                                           nn.BatchNorm2d(c_hidden[0]), self.hparams.act_fn())
        blocks = []
        for block_idx, block_count in enumerate(self.hparams.num_blocks):
            for bc in range(block_count):
                subsample = (bc == 0 and block_idx > 0)
                blocks.append(self.hparams.block_class(c_in=c_hidden[block_idx if not subsample else (block_idx - 1)],
                                                       act_fn=self.hparams.act_fn, subsample=subsample,
                                                       c_out=c_hidden[block_idx]))
        self.blocks = nn.Sequential(*blocks)
        self.output_net = nn.Sequential(nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(),
                                        nn.Linear(c_hidden[-1], self.hparams.num_classes))

    def _init_params(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity=self.hparams.act_fn_name)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)

    def forward(self, x):
        x = self.input_net(x)
        x = self.blocks(x)
        x = self.output_net(x)
        return x

for block_name in ["ResNetBlock", "PreActResNetBlock"]:
    torch.manual_seed(0)
    model = ResNet(block_name=block_name)
    n_params = sum(np.prod(p.shape) for p in model.parameters())
    print(block_name, n_params, type(n_params).__name__, model.blocks[1].downsample)
    optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=[1, 2], gamma=0.1)
    for epoch in range(3):
        model.train()
        preds = model(imgs[:16])
        loss = F.cross_entropy(preds, labels[:16])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        acc = (preds.argmax(dim=-1) == labels[:16]).float().mean()
        print(f"  {epoch}: loss {loss.item():.4f} acc {acc:.3f} lr {scheduler.get_last_lr()}")
    model.eval()
    with torch.no_grad():
        print("  eval", model(imgs[16:20]).argmax(-1), model.input_net[0].weight.std())
try:
    ResNet(act_fn_name="gelu")
except Exception as e:
    print(type(e).__name__, e)
for name in ["tanh", "relu", "leaky_relu", "linear", "conv2d", "sigmoid", "selu"]:
    print(name, nn.init.calculate_gain(name))
print(nn.init.calculate_gain("leaky_relu", 0.2))
for bad in [lambda: nn.init.calculate_gain("leakyrelu"), lambda: nn.init.calculate_gain("leaky_relu", "0.1"),
            lambda: nn.init.kaiming_normal_(torch.empty(3), mode="fan_out"),
            lambda: nn.init.kaiming_normal_(torch.empty(3, 3), mode="fan_avg")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# %%
class DenseLayer(nn.Module):
    def __init__(self, c_in, bn_size, growth_rate, act_fn):
        super().__init__()
        self.net = nn.Sequential(
            nn.BatchNorm2d(c_in),
            act_fn(),
            nn.Conv2d(c_in, bn_size * growth_rate, kernel_size=1, bias=False),
            nn.BatchNorm2d(bn_size * growth_rate),
            act_fn(),
            nn.Conv2d(bn_size * growth_rate, growth_rate, kernel_size=3, padding=1, bias=False)
        )

    def forward(self, x):
        out = self.net(x)
        out = torch.cat([out, x], dim=1)
        return out

class DenseBlock(nn.Module):
    def __init__(self, c_in, num_layers, bn_size, growth_rate, act_fn):
        super().__init__()
        layers = []
        for layer_idx in range(num_layers):
            layers.append(DenseLayer(c_in=c_in + layer_idx * growth_rate, bn_size=bn_size, growth_rate=growth_rate,
                                     act_fn=act_fn))
        self.block = nn.Sequential(*layers)

    def forward(self, x):
        out = self.block(x)
        return out

class TransitionLayer(nn.Module):
    def __init__(self, c_in, c_out, act_fn):
        super().__init__()
        self.transition = nn.Sequential(
            nn.BatchNorm2d(c_in),
            act_fn(),
            nn.Conv2d(c_in, c_out, kernel_size=1, bias=False),
            nn.AvgPool2d(kernel_size=2, stride=2)
        )

    def forward(self, x):
        return self.transition(x)

torch.manual_seed(3)
dense = nn.Sequential(nn.Conv2d(3, 4, kernel_size=3, padding=1),
                      DenseBlock(c_in=4, num_layers=2, bn_size=2, growth_rate=3, act_fn=nn.ReLU),
                      TransitionLayer(c_in=4 + 2 * 3, c_out=5, act_fn=nn.ReLU),
                      nn.BatchNorm2d(5), nn.ReLU(), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(5, 10))
print(dense[1].block[1])
out = dense(imgs[:8])
print(out.shape, dense[1](dense[0](imgs[:8])).shape, dense[2].transition[3])
loss = F.cross_entropy(out, labels[:8])
loss.backward()
print(round(loss.item(), 4), dense[1].block[0].net[2].weight.grad.norm(), dense[3].running_var)
print({k: v.shape for k, v in dense[1].state_dict().items() if "block.0.net.0" in k})
print(sum(p.numel() for p in dense.parameters() if p.requires_grad), len(list(dense.buffers())))
