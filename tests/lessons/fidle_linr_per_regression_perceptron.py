# Imite les notebooks PyTorch de la formation CNRS/IDRIS FIDLE (Formation Introduction au Deep Learning) :
# LINR1 (régression linéaire avec descente de gradient « à la main » puis avec autograd), PER57 (perceptron sur un
# jeu de données de type iris) et BHPD (régression sur des données de type « Boston housing » avec un DNN),
# commentaires et affichages en français, f-strings accentuées, et les erreurs de débutant qu'on y rencontre.
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(123)
np.random.seed(123)

# %%
# ---- Étape 1 : création des données (y = a.x + b + bruit)
nb_points = 20
a_vrai, b_vrai = 4.0, 2.0
X = torch.rand(nb_points, 1) * 10
bruit = torch.randn(nb_points, 1) * 0.5
Y = a_vrai * X + b_vrai + bruit
print(f"Nombre de points : {nb_points}")
print(f"X : forme={tuple(X.shape)}, type={X.dtype}")
print(f"Moyenne de X = {X.mean():.4f}, écart-type de Y = {Y.std():.4f}")
print(f"Min/Max de Y : {Y.min().item():.3f} / {Y.max().item():.3f}")

# %%
# ---- Étape 2 : solution analytique (équation normale)  θ = (XᵀX)⁻¹ Xᵀ y
X_b = torch.cat([torch.ones(nb_points, 1), X], dim=1)
θ = torch.linalg.inv(X_b.T @ X_b) @ X_b.T @ Y
print("θ (équation normale) :", θ.flatten())
print(f"b estimé = {θ[0, 0]:.3f}   a estimé = {θ[1, 0]:.3f}")
θ_lstsq = torch.linalg.lstsq(X_b, Y).solution
print("Écart avec lstsq :", (θ - θ_lstsq).abs().max() < 1e-3)

# %%
# ---- Étape 3 : descente de gradient « à la main » avec autograd
a = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
taux_apprentissage = 0.01
historique_perte = []
for époque in range(60):
    prédiction = a * X + b
    perte = ((prédiction - Y) ** 2).mean()
    perte.backward()
    with torch.no_grad():
        a -= taux_apprentissage * a.grad
        b -= taux_apprentissage * b.grad
    a.grad.zero_()
    b.grad.zero_()
    historique_perte.append(perte.item())
    if époque % 20 == 0:
        print(f"Époque {époque:3d} | perte = {perte.item():10.4f} | a = {a.item():.4f} | b = {b.item():.4f}")
print(f"Perte finale : {historique_perte[-1]:.4f}")
print(perte)

# %%
# Erreur classique : mettre à jour le poids sans torch.no_grad()
w = torch.ones(1, requires_grad=True)
p = (w * X - Y).pow(2).mean()
p.backward()
try:
    w -= 0.01 * w.grad
except Exception as e:
    print(type(e).__name__, e)
# Erreur classique : backward() deux fois sur le même graphe
p2 = (w * X - Y).pow(2).mean()
p2.backward()
try:
    p2.backward()
except Exception as e:
    print(type(e).__name__, e)
# Erreur classique : .numpy() sur un tenseur qui demande le gradient
try:
    w.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(w.detach().numpy(), w.grad)

# %%
# ---- PER57 : perceptron sur un jeu de données de type iris (2 classes)
n = 40
x_setosa = torch.randn(n // 2, 2) * 0.3 + torch.tensor([1.5, 0.3])
x_autre = torch.randn(n // 2, 2) * 0.4 + torch.tensor([4.5, 1.4])
x_données = torch.cat([x_setosa, x_autre])
y_données = torch.cat([torch.ones(n // 2), torch.zeros(n // 2)])
print(f"x_données : {x_données.shape}   y_données : {y_données.shape}, classes : {y_données.unique()}")
perceptron = nn.Linear(2, 1)
print(perceptron)
print("Poids initiaux :", perceptron.weight.data, perceptron.bias.data)
critère = nn.BCEWithLogitsLoss()
optimiseur = torch.optim.SGD(perceptron.parameters(), lr=0.1)
for époque in range(30):
    optimiseur.zero_grad()
    sortie = perceptron(x_données).squeeze(1)
    perte = critère(sortie, y_données)
    perte.backward()
    optimiseur.step()
prédictions = (torch.sigmoid(perceptron(x_données)) > 0.5).float().squeeze()
précision = (prédictions == y_données).float().mean()
print(f"Perte finale : {perte.item():.4f} -- Précision : {précision.item() * 100:.1f} %")
print(f"Précision : {précision:.2%}")

# %%
# Erreur classique : cible de forme différente pour BCEWithLogitsLoss
try:
    critère(perceptron(x_données), y_données)
except Exception as e:
    print(type(e).__name__, e)
# Erreur classique : cible entière
try:
    critère(perceptron(x_données).squeeze(1), y_données.long())
except Exception as e:
    print(type(e).__name__, e)
# Erreur classique : données en float64 (venues de numpy) dans un modèle en float32
x_np = np.random.rand(3, 2)
try:
    perceptron(torch.from_numpy(x_np))
except Exception as e:
    print(type(e).__name__, e)
print(perceptron(torch.from_numpy(x_np).float()).shape)

# %%
# ---- BHPD : régression avec un DNN, normalisation des données
données = torch.rand(50, 13) * torch.linspace(1, 100, 13)
prix = données[:, :3].sum(dim=1, keepdim=True) / 10 + torch.randn(50, 1)
moyenne, écart_type = données.mean(dim=0), données.std(dim=0)
données_norm = (données - moyenne) / écart_type
print("Moyenne après normalisation :", données_norm.mean(dim=0)[:4])
print("Écart-type après normalisation :", données_norm.std(dim=0)[:4])
x_train, x_test = données_norm[:40], données_norm[40:]
y_train, y_test = prix[:40], prix[40:]
print(f"x_train : {x_train.shape}  x_test : {x_test.shape}")
modèle = nn.Sequential(
    nn.Linear(13, 64), nn.ReLU(),
    nn.Linear(64, 64), nn.ReLU(),
    nn.Linear(64, 1),
)
print(modèle)
nb_paramètres = sum(p.numel() for p in modèle.parameters() if p.requires_grad)
print(f"Nombre de paramètres entraînables : {nb_paramètres:,}".replace(",", " "))
optimiseur = torch.optim.RMSprop(modèle.parameters(), lr=1e-3)
mse, mae = nn.MSELoss(), nn.L1Loss()
for époque in range(1, 31):
    modèle.train()
    optimiseur.zero_grad()
    perte = mse(modèle(x_train), y_train)
    perte.backward()
    optimiseur.step()
    if époque % 10 == 0:
        modèle.eval()
        with torch.no_grad():
            val_mae = mae(modèle(x_test), y_test)
        print(f"Époque {époque:2d}/30 - perte : {perte:.4f} - val_mae : {val_mae:.4f}")
print(optimiseur)

# %%
# Prédiction sur un nouvel exemple, et les erreurs de forme
nouvel_exemple = données_norm[0]
try:
    print(modèle(nouvel_exemple.unsqueeze(0)))
    print(modèle(nouvel_exemple))
    modèle(données_norm[:, :12])
except Exception as e:
    print(type(e).__name__, e)
print(f"Prix prédit : {modèle(nouvel_exemple[None]).item():.2f} k$, réel : {prix[0].item():.2f} k$")
