# Imitates the deeplearning.ai GANs Specialization, course 1 weeks 1-2 (C1W1 "Your First GAN", C1W2 "DCGAN"):
# get_generator_block / get_discriminator_block, get_noise, get_disc_loss / get_gen_loss with BCEWithLogitsLoss,
# the unit-test style asserts, the DCGAN generator with ConvTranspose2d + BatchNorm2d and its shape checks,
# weights_init with nn.init.normal_, and the printed "Step ...: Generator loss: ..., discriminator loss: ...".
import torch
from torch import nn
torch.manual_seed(0) # Set for testing purposes, please do not change!

# %%
def get_generator_block(input_dim, output_dim):
    '''
    Function for returning a block of the generator's neural network
    given input and output dimensions.
    '''
    return nn.Sequential(
        nn.Linear(input_dim, output_dim),
        nn.BatchNorm1d(output_dim),
        nn.ReLU(inplace=True),
    )

# Verify the generator block function
def test_gen_block(in_features, out_features, num_test=100):
    block = get_generator_block(in_features, out_features)

    # Check the three parts
    assert len(block) == 3
    assert type(block[0]) == nn.Linear
    assert type(block[1]) == nn.BatchNorm1d
    assert type(block[2]) == nn.ReLU

    # Check the output shape
    test_input = torch.randn(num_test, in_features)
    test_output = block(test_input)
    assert tuple(test_output.shape) == (num_test, out_features)
    assert test_output.std() > 0.55
    assert test_output.std() < 0.65

test_gen_block(25, 12)
test_gen_block(15, 28)
print("Success!")
get_generator_block(3, 4)

# %%
class Generator(nn.Module):
    def __init__(self, z_dim=10, im_dim=784, hidden_dim=128):
        super(Generator, self).__init__()
        # Build the neural network
        self.gen = nn.Sequential(
            get_generator_block(z_dim, hidden_dim),
            get_generator_block(hidden_dim, hidden_dim * 2),
            get_generator_block(hidden_dim * 2, hidden_dim * 4),
            nn.Linear(hidden_dim * 4, im_dim),
            nn.Sigmoid()
        )
    def forward(self, noise):
        return self.gen(noise)

    # Needed for grading
    def get_gen(self):
        return self.gen

def get_noise(n_samples, z_dim, device='cpu'):
    return torch.randn(n_samples, z_dim, device=device)

def get_discriminator_block(input_dim, output_dim):
    return nn.Sequential(
        nn.Linear(input_dim, output_dim),
        nn.LeakyReLU(negative_slope=0.2, inplace=True)
    )

class Discriminator(nn.Module):
    def __init__(self, im_dim=784, hidden_dim=128):
        super(Discriminator, self).__init__()
        self.disc = nn.Sequential(
            get_discriminator_block(im_dim, hidden_dim * 4),
            get_discriminator_block(hidden_dim * 4, hidden_dim * 2),
            get_discriminator_block(hidden_dim * 2, hidden_dim),
            nn.Linear(hidden_dim, 1)
        )

    def forward(self, image):
        return self.disc(image)

    def get_disc(self):
        return self.disc

gen = Generator(z_dim=8, im_dim=64, hidden_dim=16)
print(gen)
noise = get_noise(1000, 100)
print(noise.shape, noise.std().item() > 0.98)
print(Discriminator(im_dim=64, hidden_dim=16))

# %%
def get_disc_loss(gen, disc, criterion, real, num_images, z_dim, device):
    fake_noise = get_noise(num_images, z_dim, device=device)
    fake = gen(fake_noise)
    disc_fake_pred = disc(fake.detach())
    disc_fake_loss = criterion(disc_fake_pred, torch.zeros_like(disc_fake_pred))
    disc_real_pred = disc(real)
    disc_real_loss = criterion(disc_real_pred, torch.ones_like(disc_real_pred))
    disc_loss = (disc_fake_loss + disc_real_loss) / 2
    return disc_loss

def get_gen_loss(gen, disc, criterion, num_images, z_dim, device):
    fake_noise = get_noise(num_images, z_dim, device=device)
    fake = gen(fake_noise)
    disc_fake_pred = disc(fake)
    gen_loss = criterion(disc_fake_pred, torch.ones_like(disc_fake_pred))
    return gen_loss

criterion = nn.BCEWithLogitsLoss()
n_epochs = 2
z_dim = 8
display_step = 3
batch_size = 16
lr = 0.00001
device = 'cpu'

torch.manual_seed(0)
gen = Generator(z_dim, im_dim=64, hidden_dim=16).to(device)
gen_opt = torch.optim.Adam(gen.parameters(), lr=lr)
disc = Discriminator(im_dim=64, hidden_dim=16).to(device)
disc_opt = torch.optim.Adam(disc.parameters(), lr=lr)
# fake "MNIST": 8x8 blobs in [0, 1]
dataloader = [(torch.rand(batch_size, 1, 8, 8) ** 2, torch.randint(0, 10, (batch_size,))) for _ in range(4)]

# %%
cur_step = 0
mean_generator_loss = 0
mean_discriminator_loss = 0
test_generator = True # Whether the generator should be tested
gen_loss = False
error = False
for epoch in range(n_epochs):

    # Dataloader returns the batches
    for real, _ in dataloader:
        cur_batch_size = len(real)

        # Flatten the batch of real images from the dataset
        real = real.view(cur_batch_size, -1).to(device)

        ### Update discriminator ###
        # Zero out the gradients before backpropagation
        disc_opt.zero_grad()

        # Calculate discriminator loss
        disc_loss = get_disc_loss(gen, disc, criterion, real, cur_batch_size, z_dim, device)

        # Update gradients
        disc_loss.backward(retain_graph=True)

        # Update optimizer
        disc_opt.step()

        # For testing purposes, to keep track of the generator weights
        if test_generator:
            old_generator_weights = gen.gen[0][0].weight.detach().clone()

        gen_opt.zero_grad()
        gen_loss = get_gen_loss(gen, disc, criterion, cur_batch_size, z_dim, device)
        gen_loss.backward()
        gen_opt.step()

        # For testing purposes, to check that your code changes the generator weights
        if test_generator:
            try:
                assert lr > 0.0000002 or (gen.gen[0][0].weight.grad.abs().max() < 0.0005 and epoch == 0)
                assert torch.any(gen.gen[0][0].weight.detach().clone() != old_generator_weights)
            except:
                error = True
                print("Runtime tests have failed")

        # Keep track of the average discriminator loss
        mean_discriminator_loss += disc_loss.item() / display_step

        # Keep track of the average generator loss
        mean_generator_loss += gen_loss.item() / display_step

        ### Visualization code ###
        if cur_step % display_step == 0 and cur_step > 0:
            print(f"Epoch {epoch}, step {cur_step}: Generator loss: {mean_generator_loss}, discriminator loss: {mean_discriminator_loss}")
            mean_generator_loss = 0
            mean_discriminator_loss = 0
        cur_step += 1
print(error, gen_loss)

# %%
# a learner forgets .detach() on the fake images and then steps the generator a second time
disc_opt.zero_grad()
fake = gen(get_noise(4, z_dim))
disc_loss = criterion(disc(fake), torch.zeros(4, 1))
disc_loss.backward()
gen_loss = criterion(disc(fake), torch.ones(4, 1))
try:
    gen_loss.backward()
except RuntimeError as e:
    print(e)
# BCEWithLogitsLoss with targets of the wrong shape
try:
    criterion(disc(fake), torch.ones(4))
except ValueError as e:
    print(e)
print(nn.BCELoss()(torch.sigmoid(disc(fake)), torch.ones(4, 1)).grad_fn)

# %%
# C1W2: DCGAN
class DCGenerator(nn.Module):
    def __init__(self, z_dim=10, im_chan=1, hidden_dim=64):
        super(DCGenerator, self).__init__()
        self.z_dim = z_dim
        # Build the neural network
        self.gen = nn.Sequential(
            self.make_gen_block(z_dim, hidden_dim * 4),
            self.make_gen_block(hidden_dim * 4, hidden_dim * 2, kernel_size=4, stride=1),
            self.make_gen_block(hidden_dim * 2, hidden_dim),
            self.make_gen_block(hidden_dim, im_chan, kernel_size=4, final_layer=True),
        )

    def make_gen_block(self, input_channels, output_channels, kernel_size=3, stride=2, final_layer=False):
        if not final_layer:
            return nn.Sequential(
                nn.ConvTranspose2d(input_channels, output_channels, kernel_size, stride),
                nn.BatchNorm2d(output_channels),
                nn.ReLU(inplace=True),
            )
        else: # Final Layer
            return nn.Sequential(
                nn.ConvTranspose2d(input_channels, output_channels, kernel_size, stride),
                nn.Tanh(),
            )

    def unsqueeze_noise(self, noise):
        return noise.view(len(noise), self.z_dim, 1, 1)

    def forward(self, noise):
        x = self.unsqueeze_noise(noise)
        return self.gen(x)

torch.manual_seed(1)
gen = DCGenerator(z_dim=10, hidden_dim=8)
num_test = 20
# Test the hidden block
test_hidden_noise = get_noise(num_test, gen.z_dim)
test_hidden_block = gen.make_gen_block(10, 20, kernel_size=4, stride=1)
test_uns_noise = gen.unsqueeze_noise(test_hidden_noise)
hidden_output = test_hidden_block(test_uns_noise)

# Check that it works with other strides
test_hidden_block_stride = gen.make_gen_block(20, 20, kernel_size=4, stride=2)

test_final_noise = get_noise(num_test, gen.z_dim) * 20
test_final_block = gen.make_gen_block(10, 20, final_layer=True)
test_final_uns_noise = gen.unsqueeze_noise(test_final_noise)
final_output = test_final_block(test_final_uns_noise)

# Test the whole thing:
test_gen_noise = get_noise(num_test, gen.z_dim)
test_uns_gen_noise = gen.unsqueeze_noise(test_gen_noise)
gen_output = gen(test_uns_gen_noise)
print(tuple(hidden_output.shape), tuple(test_hidden_block_stride(hidden_output).shape))
print(final_output.max().item() <= 1, final_output.min().item() >= -1)
print(tuple(gen_output.shape))
print(gen_output.std(), gen_output.grad_fn)
print(gen.gen[0])

# %%
class DCDiscriminator(nn.Module):
    def __init__(self, im_chan=1, hidden_dim=16):
        super(DCDiscriminator, self).__init__()
        self.disc = nn.Sequential(
            self.make_disc_block(im_chan, hidden_dim),
            self.make_disc_block(hidden_dim, hidden_dim * 2),
            self.make_disc_block(hidden_dim * 2, 1, final_layer=True),
        )

    def make_disc_block(self, input_channels, output_channels, kernel_size=4, stride=2, final_layer=False):
        if not final_layer:
            return nn.Sequential(
                nn.Conv2d(input_channels, output_channels, kernel_size, stride),
                nn.BatchNorm2d(output_channels),
                nn.LeakyReLU(0.2, inplace=True),
            )
        else: # Final Layer
            return nn.Sequential(
                nn.Conv2d(input_channels, output_channels, kernel_size, stride),
            )

    def forward(self, image):
        disc_pred = self.disc(image)
        return disc_pred.view(len(disc_pred), -1)

def weights_init(m):
    if isinstance(m, nn.Conv2d) or isinstance(m, nn.ConvTranspose2d):
        torch.nn.init.normal_(m.weight, 0.0, 0.02)
    if isinstance(m, nn.BatchNorm2d):
        torch.nn.init.normal_(m.weight, 0.0, 0.02)
        torch.nn.init.constant_(m.bias, 0)

torch.manual_seed(2)
gen = DCGenerator(z_dim=10, hidden_dim=8)
disc = DCDiscriminator(hidden_dim=8)
gen = gen.apply(weights_init)
disc = disc.apply(weights_init)
print(disc(gen(get_noise(3, 10))).shape)
gen_opt = torch.optim.Adam(gen.parameters(), lr=0.0002, betas=(0.5, 0.999))
disc_opt = torch.optim.Adam(disc.parameters(), lr=0.0002, betas=(0.5, 0.999))
real = torch.rand(8, 1, 28, 28) * 2 - 1
for cur_step in range(4):
    disc_opt.zero_grad()
    fake = gen(get_noise(8, 10))
    disc_fake_pred = disc(fake.detach())
    disc_fake_loss = criterion(disc_fake_pred, torch.zeros_like(disc_fake_pred))
    disc_real_pred = disc(real)
    disc_real_loss = criterion(disc_real_pred, torch.ones_like(disc_real_pred))
    disc_loss = (disc_fake_loss + disc_real_loss) / 2
    disc_loss.backward(retain_graph=True)
    disc_opt.step()
    gen_opt.zero_grad()
    fake_2 = gen(get_noise(8, 10))
    disc_fake_pred = disc(fake_2)
    gen_loss = criterion(disc_fake_pred, torch.ones_like(disc_fake_pred))
    gen_loss.backward()
    gen_opt.step()
    print(f"Step {cur_step}: Generator loss: {gen_loss.item():.5f}, discriminator loss: {disc_loss.item():.5f}")

# %%
# shape slips: noise not unsqueezed, an image of the wrong size, the wrong channel count
try:
    gen.gen(get_noise(2, 10))
except RuntimeError as e:
    print(e)
try:
    disc(torch.randn(2, 1, 8, 8))
except RuntimeError as e:
    print(e)
try:
    disc(torch.randn(2, 3, 28, 28))
except RuntimeError as e:
    print(e)
nn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=1)(torch.randn(1, 4, 5, 5)).shape
