# Imite les notebooks PyTorch de FIDLE (CNRS/IDRIS) sur les modèles génératifs : AE1-AE4 (autoencodeur
# débruiteur convolutif), VAE1-VAE3 (autoencodeur variationnel, reparamétrisation, perte KL + reconstruction,
# classe VAE avec sous-modules encodeur/décodeur) et DCGAN (générateur, discriminateur, pertes BCE, detach), sur
# de petites images synthétiques ; affichages en français et erreurs de débutant.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(2024)

# %%
# ---- Données : petites « images » 1x8x8 et version bruitée
images = (torch.rand(16, 1, 8, 8) > 0.7).float()
facteur_bruit = 0.3
images_bruitées = torch.clamp(images + facteur_bruit * torch.randn_like(images), 0.0, 1.0)
print(f"Images : {images.shape}, min={images.min()}, max={images.max()}")
print(f"Bruitées : moyenne={images_bruitées.mean():.4f}, type={images_bruitées.dtype}")

# %%
# ---- AE : encodeur / décodeur convolutifs
class Encodeur(nn.Module):
    def __init__(self, dim_latente=4):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3, stride=2, padding=1)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3, stride=2, padding=1)
        self.aplatir = nn.Flatten()
        self.dense = nn.Linear(16 * 2 * 2, dim_latente)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        return self.dense(self.aplatir(x))


class Décodeur(nn.Module):
    def __init__(self, dim_latente=4):
        super().__init__()
        self.dense = nn.Linear(dim_latente, 16 * 2 * 2)
        self.déconv1 = nn.ConvTranspose2d(16, 8, kernel_size=3, stride=2, padding=1, output_padding=1)
        self.déconv2 = nn.ConvTranspose2d(8, 1, kernel_size=3, stride=2, padding=1, output_padding=1)

    def forward(self, z):
        x = self.dense(z).view(-1, 16, 2, 2)
        x = F.relu(self.déconv1(x))
        return torch.sigmoid(self.déconv2(x))


encodeur, décodeur = Encodeur(), Décodeur()
ae = nn.Sequential(encodeur, décodeur)
print(ae)
z = encodeur(images_bruitées)
print("Espace latent :", z.shape, "| reconstruction :", décodeur(z).shape)
print([nom for nom, _ in ae.named_parameters()][:6])
print(list(ae.state_dict().keys())[-4:])

# %%
# ---- Entraînement de l'AE débruiteur
optimiseur = torch.optim.Adam(ae.parameters(), lr=1e-2)
for époque in range(1, 16):
    optimiseur.zero_grad()
    reconstruction = ae(images_bruitées)
    perte = F.binary_cross_entropy(reconstruction, images)
    perte.backward()
    optimiseur.step()
    if époque % 5 == 0:
        print(f"Époque {époque:02d} - perte : {perte.item():.4f}")
print(perte)

# %%
# Erreurs classiques de l'AE
try:
    F.binary_cross_entropy(ae[1].dense(z).view(-1, 1, 8, 8), images)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(torch.rand(2, 3), torch.rand(3, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    décodeur(torch.randn(2, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    encodeur(torch.rand(8, 8))
except Exception as e:
    print(type(e).__name__, e)
try:
    encodeur(torch.rand(1, 3, 8, 8))
except Exception as e:
    print(type(e).__name__, e)

# %%
# ---- VAE : reparamétrisation et perte KL
class Échantillonnage(nn.Module):
    """z = μ + σ·ε"""
    def forward(self, z_moyenne, z_log_var):
        ε = torch.randn_like(z_moyenne)
        return z_moyenne + torch.exp(0.5 * z_log_var) * ε


class VAE(nn.Module):
    def __init__(self, dim_latente=2, facteur_kl=1e-3):
        super().__init__()
        self.dim_latente = dim_latente
        self.facteur_kl = facteur_kl
        self.encodeur = nn.Sequential(nn.Flatten(), nn.Linear(64, 32), nn.ReLU())
        self.couche_μ = nn.Linear(32, dim_latente)
        self.couche_log_σ2 = nn.Linear(32, dim_latente)
        self.échantillonnage = Échantillonnage()
        self.décodeur = nn.Sequential(nn.Linear(dim_latente, 64), nn.Sigmoid(), nn.Unflatten(1, (1, 8, 8)))

    def forward(self, x):
        h = self.encodeur(x)
        μ, log_σ2 = self.couche_μ(h), self.couche_log_σ2(h)
        z = self.échantillonnage(μ, log_σ2)
        return self.décodeur(z), μ, log_σ2

    def extra_repr(self):
        return f"dim_latente={self.dim_latente}, facteur_kl={self.facteur_kl}"


vae = VAE()
print(vae)
recon, μ, log_σ2 = vae(images)
perte_reconstruction = F.binary_cross_entropy(recon, images, reduction="sum") / images.size(0)
perte_kl = -0.5 * torch.sum(1 + log_σ2 - μ.pow(2) - log_σ2.exp()) / images.size(0)
perte_totale = perte_reconstruction + vae.facteur_kl * perte_kl
print(f"Reconstruction : {perte_reconstruction:.4f} | KL : {perte_kl:.6f} | Totale : {perte_totale:.4f}")
print(perte_totale.grad_fn, perte_kl.grad_fn.next_functions[0][0])
perte_totale.backward()
print("Norme du gradient de couche_μ :", f"{vae.couche_μ.weight.grad.norm():.5f}")

# %%
# Entraînement du VAE et génération depuis l'espace latent
optimiseur = torch.optim.Adam(vae.parameters(), lr=1e-2)
for époque in range(20):
    optimiseur.zero_grad()
    recon, μ, log_σ2 = vae(images)
    rec = F.mse_loss(recon, images, reduction="mean")
    kl = (-0.5 * (1 + log_σ2 - μ ** 2 - log_σ2.exp()).sum(dim=1)).mean()
    perte = rec + vae.facteur_kl * kl
    perte.backward()
    optimiseur.step()
print(f"Perte après 20 époques : {perte.item():.5f}")
vae.eval()
with torch.no_grad():
    grille = torch.stack(torch.meshgrid(torch.linspace(-2, 2, 3), torch.linspace(-2, 2, 3), indexing="ij"), dim=-1)
    générées = vae.décodeur(grille.reshape(-1, 2))
print("Images générées :", générées.shape, générées.requires_grad)
print(f"{générées.mean().item():.4f}")

# %%
# ---- DCGAN : générateur et discriminateur
dim_bruit = 8
générateur = nn.Sequential(
    nn.Linear(dim_bruit, 16 * 2 * 2), nn.Unflatten(1, (16, 2, 2)), nn.BatchNorm2d(16), nn.ReLU(True),
    nn.ConvTranspose2d(16, 8, 4, 2, 1), nn.BatchNorm2d(8), nn.ReLU(True),
    nn.ConvTranspose2d(8, 1, 4, 2, 1), nn.Tanh(),
)
discriminateur = nn.Sequential(
    nn.Conv2d(1, 8, 4, 2, 1), nn.LeakyReLU(0.2, inplace=True),
    nn.Conv2d(8, 16, 4, 2, 1), nn.LeakyReLU(0.2, inplace=True),
    nn.Flatten(), nn.Linear(16 * 2 * 2, 1),
)
print(générateur)
print(discriminateur)
critère = nn.BCEWithLogitsLoss()
opt_g = torch.optim.Adam(générateur.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(discriminateur.parameters(), lr=2e-4, betas=(0.5, 0.999))
vraies = images * 2 - 1
for itération in range(5):
    bruit = torch.randn(vraies.size(0), dim_bruit)
    fausses = générateur(bruit)
    opt_d.zero_grad()
    perte_d = critère(discriminateur(vraies), torch.ones(vraies.size(0), 1)) + \
        critère(discriminateur(fausses.detach()), torch.zeros(vraies.size(0), 1))
    perte_d.backward()
    opt_d.step()
    opt_g.zero_grad()
    perte_g = critère(discriminateur(fausses), torch.ones(vraies.size(0), 1))
    perte_g.backward()
    opt_g.step()
    print(f"[{itération + 1}/5] perte_D = {perte_d.item():.4f}  perte_G = {perte_g.item():.4f}")
print(générateur[2].running_mean[:4], générateur[2].num_batches_tracked)

# %%
# Erreur classique du GAN : oublier detach() puis refaire backward sur le générateur
fausses = générateur(torch.randn(4, dim_bruit))
perte_d = critère(discriminateur(fausses), torch.zeros(4, 1))
perte_d.backward()
perte_g = critère(discriminateur(fausses), torch.ones(4, 1))
perte_g.backward()
print("Pas d'erreur ici : le graphe du générateur a été parcouru une fois par perte")
sortie_d = discriminateur(fausses)
(critère(sortie_d, torch.zeros(4, 1))).backward()
try:
    critère(sortie_d, torch.ones(4, 1)).backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    critère(discriminateur(fausses), torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    générateur(torch.randn(1, dim_bruit))
except Exception as e:
    print(type(e).__name__, e)
