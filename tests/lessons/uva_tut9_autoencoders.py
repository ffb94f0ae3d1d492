# Imitates the UvA Deep Learning course, Tutorial 9 ("Deep Autoencoders"), without Lightning and on random 3x32x32
# "images": the Encoder (strided Conv2d + GELU, Flatten, Linear) and Decoder (Linear, reshape, ConvTranspose2d with
# output_padding, Tanh), the summed-per-image MSE reconstruction loss, compare_imgs with reduction="sum", a few Adam
# steps with ReduceLROnPlateau, embed_imgs under no_grad and find_similar_images with torch.cdist and torch.sort.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch.utils.data as data

torch.manual_seed(42)

class Encoder(nn.Module):
    def __init__(self, num_input_channels, base_channel_size, latent_dim, act_fn=nn.GELU):
        super().__init__()
        c_hid = base_channel_size
        self.net = nn.Sequential(
            nn.Conv2d(num_input_channels, c_hid, kernel_size=3, padding=1, stride=2),
            act_fn(),
            nn.Conv2d(c_hid, c_hid, kernel_size=3, padding=1),
            act_fn(),
            nn.Conv2d(c_hid, 2 * c_hid, kernel_size=3, padding=1, stride=2),
            act_fn(),
            nn.Conv2d(2 * c_hid, 2 * c_hid, kernel_size=3, padding=1),
            act_fn(),
            nn.Conv2d(2 * c_hid, 2 * c_hid, kernel_size=3, padding=1, stride=2),
            act_fn(),
            nn.Flatten(),
            nn.Linear(2 * 16 * c_hid, latent_dim)
        )

    def forward(self, x):
        return self.net(x)

class Decoder(nn.Module):
    def __init__(self, num_input_channels, base_channel_size, latent_dim, act_fn=nn.GELU):
        super().__init__()
        c_hid = base_channel_size
        self.linear = nn.Sequential(nn.Linear(latent_dim, 2 * 16 * c_hid), act_fn())
        self.net = nn.Sequential(
            nn.ConvTranspose2d(2 * c_hid, 2 * c_hid, kernel_size=3, output_padding=1, padding=1, stride=2),
            act_fn(),
            nn.Conv2d(2 * c_hid, 2 * c_hid, kernel_size=3, padding=1),
            act_fn(),
            nn.ConvTranspose2d(2 * c_hid, c_hid, kernel_size=3, output_padding=1, padding=1, stride=2),
            act_fn(),
            nn.Conv2d(c_hid, c_hid, kernel_size=3, padding=1),
            act_fn(),
            nn.ConvTranspose2d(c_hid, num_input_channels, kernel_size=3, output_padding=1, padding=1, stride=2),
            nn.Tanh()
        )

    def forward(self, x):
        x = self.linear(x)
        x = x.reshape(x.shape[0], -1, 4, 4)
        x = self.net(x)
        return x

class Autoencoder(nn.Module):
    def __init__(self, base_channel_size, latent_dim, encoder_class=Encoder, decoder_class=Decoder,
                 num_input_channels=3, width=32, height=32):
        super().__init__()
        self.encoder = encoder_class(num_input_channels, base_channel_size, latent_dim)
        self.decoder = decoder_class(num_input_channels, base_channel_size, latent_dim)
        self.example_input_array = torch.zeros(2, num_input_channels, width, height)

    def forward(self, x):
        z = self.encoder(x)
        x_hat = self.decoder(z)
        return x_hat

    def _get_reconstruction_loss(self, batch):
        x, _ = batch
        x_hat = self.forward(x)
        loss = F.mse_loss(x, x_hat, reduction="none")
        loss = loss.sum(dim=[1, 2, 3]).mean(dim=[0])
        return loss

model = Autoencoder(base_channel_size=4, latent_dim=16)
print(model.decoder)
print(model(model.example_input_array).shape, sum(p.numel() for p in model.parameters()))
ct = model.decoder.net[0]
print(ct.weight.shape, ct.output_padding, ct.transposed, ct(torch.zeros(1, 8, 4, 4)).shape)
print(ct(torch.zeros(1, 8, 4, 4), output_size=[7, 7]).shape)
try:
    ct(torch.zeros(1, 8, 4, 4), output_size=[10, 10])
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.ConvTranspose2d(4, 4, kernel_size=3, output_padding=2, padding=1, stride=2)(torch.zeros(1, 4, 4, 4))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
imgs = torch.rand(24, 3, 32, 32) * 2 - 1
train_set = data.TensorDataset(imgs[:16], torch.zeros(16, dtype=torch.long))
train_loader = data.DataLoader(train_set, batch_size=8, shuffle=True, drop_last=True)
optimizer = optim.Adam(model.parameters(), lr=1e-3)
scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.2, patience=1, min_lr=5e-5)
print(scheduler.get_last_lr() if hasattr(scheduler, "get_last_lr") else None, scheduler.mode, scheduler.patience)
for epoch in range(4):
    model.train()
    for batch in train_loader:
        loss = model._get_reconstruction_loss(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        val_loss = model._get_reconstruction_loss((imgs[16:], None))
    scheduler.step(val_loss if epoch < 2 else torch.tensor(1e9))
    print(f"epoch {epoch}: train {loss.item():.3f} val {val_loss.item():.3f} lr {optimizer.param_groups[0]['lr']:.6f}",
          scheduler.num_bad_epochs, scheduler.best == val_loss.item() if epoch < 2 else None)
print(type(scheduler.best), scheduler.state_dict()["best"] is not None, sorted(scheduler.state_dict())[:4])

# %%
def compare_imgs(img1, img2, title_prefix=""):
    loss = F.mse_loss(img1, img2, reduction="sum")
    grid = torch.stack([img1, img2], dim=0)
    return loss, grid.shape

img = imgs[0]
img_shifted = torch.roll(img, shifts=1, dims=1)
img_masked = img.clone()
img_masked[:, :img_masked.shape[1] // 2, :] = 0
for name, other in [("shifted", img_shifted), ("masked", img_masked), ("same", img.clone())]:
    loss, shape = compare_imgs(img, other)
    print(name, f"{loss.item():4.2f}", shape)
print(F.mse_loss(img, img_masked), F.l1_loss(img, img_masked, reduction="sum"))
with __import__("warnings").catch_warnings(record=True) as w:
    __import__("warnings").simplefilter("always")
    print(F.mse_loss(torch.zeros(3, 1), torch.ones(3)))
print([str(x.message) for x in w])
try:
    F.mse_loss(torch.zeros(3, 2), torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.mse_loss(img, img_masked, reduction="avg")
except Exception as e:
    print(type(e).__name__, e)

# %%
def embed_imgs(model, data_loader):
    img_list, embed_list = [], []
    model.eval()
    for imgs_b, _ in data_loader:
        with torch.no_grad():
            z = model.encoder(imgs_b)
        img_list.append(imgs_b)
        embed_list.append(z)
    return (torch.cat(img_list, dim=0), torch.cat(embed_list, dim=0))

test_loader = data.DataLoader(data.TensorDataset(imgs, torch.zeros(24)), batch_size=8, shuffle=False)
train_img_embeds = embed_imgs(model, test_loader)
print(train_img_embeds[0].shape, train_img_embeds[1].shape, train_img_embeds[1].requires_grad)

def find_similar_images(query_img, query_z, key_embeds, K=4):
    dist = torch.cdist(query_z[None, :], key_embeds[1], p=2.0)
    dist = dist.squeeze(dim=0)
    dist, indices = torch.sort(dist)
    imgs_to_display = torch.cat([query_img[None], key_embeds[0][indices[:K]]], dim=0)
    return dist[:K], indices[:K], imgs_to_display.shape

for i in range(2):
    d, idx, shape = find_similar_images(imgs[i], train_img_embeds[1][i], key_embeds=train_img_embeds)
    print(d, idx, shape)
z = train_img_embeds[1]
print(torch.allclose(torch.cdist(z, z), (z[:, None] - z[None]).norm(dim=-1), atol=1e-4), torch.cdist(z[:2], z[:3], p=1).shape)
try:
    torch.cdist(z[0], z)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(z, z[:, :3])
except Exception as e:
    print(type(e).__name__, e)
