# Imita os notebooks em português do Brasil do "Deep Learning Book" (Data Science Academy) e dos cursos
# "Aprendizado profundo com PyTorch": regressão linear do zero com autograd (taxa_de_aprendizado, época, predição,
# perda), depois com nn.Linear / nn.MSELoss / optim.SGD, e regressão logística com nn.BCELoss em dados sintéticos,
# com os erros de iniciante que esses notebooks mostram (alvo com forma errada, alvo inteiro na BCELoss, esquecer
# zero_grad) e as mensagens impressas em português.
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(2024)

# %%
# Dados sintéticos: y = 2x + 1 + ruído
número_de_amostras = 20
x = torch.linspace(0, 1, número_de_amostras).reshape(-1, 1)
ruído = 0.05 * torch.randn(número_de_amostras, 1)
y = 2 * x + 1 + ruído
print(f"Formato de x: {x.shape}, formato de y: {y.shape}")
print(f"Primeiras amostras:\n{torch.cat([x, y], dim=1)[:4]}")

# %%
# Regressão linear do zero: parâmetros com requires_grad
peso = torch.randn(1, requires_grad=True)
viés = torch.zeros(1, requires_grad=True)
print("Peso inicial:", peso, "Viés inicial:", viés)

def modelo_linear(entrada):
    return entrada * peso + viés

def erro_quadrático_médio(predição, alvo):
    return ((predição - alvo) ** 2).mean()

taxa_de_aprendizado = 0.5
for época in range(60):
    predição = modelo_linear(x)
    perda = erro_quadrático_médio(predição, y)
    perda.backward()
    with torch.no_grad():
        peso -= taxa_de_aprendizado * peso.grad
        viés -= taxa_de_aprendizado * viés.grad
        peso.grad.zero_()
        viés.grad.zero_()
    if época % 15 == 0:
        print(f"Época {época:3d} | perda: {perda.item():.5f} | peso: {peso.item():.4f} | viés: {viés.item():.4f}")
print(f"Parâmetros aprendidos: peso = {peso.item():.3f}, viés = {viés.item():.3f}")

# %%
# Erro de iniciante: atualizar o peso fora do torch.no_grad()
try:
    peso -= 0.1 * torch.ones(1)
except RuntimeError as erro:
    print("Erro:", erro)
# Erro de iniciante: o gradiente de um tensor que não é folha é None (com aviso)
p = x * peso
print(p.is_leaf, p.requires_grad)
erro_quadrático_médio(p, y).backward()
print("Gradiente de p:", p.grad)

# %%
# A mesma regressão com nn.Linear, nn.MSELoss e optim.SGD
torch.manual_seed(2024)
modelo = nn.Linear(in_features=1, out_features=1)
função_de_perda = nn.MSELoss()
otimizador = optim.SGD(modelo.parameters(), lr=0.5)
print(modelo)
print(otimizador)
for época in range(1, 101):
    otimizador.zero_grad()
    predição = modelo(x)
    perda = função_de_perda(predição, y)
    perda.backward()
    otimizador.step()
    if época % 25 == 0:
        print(f"Época [{época}/100], Perda: {perda.item():.4f}")
for nome, parâmetro in modelo.named_parameters():
    print(f"{nome}: {parâmetro.data}")

# %%
# Erro de iniciante: alvo com formato diferente da predição (broadcast silencioso com aviso)
alvo_achatado = y.squeeze()
print(predição.shape, alvo_achatado.shape)
perda_errada = função_de_perda(modelo(x), alvo_achatado)
print(f"Perda com formato errado: {perda_errada.item():.4f}")
print(f"Perda correta: {função_de_perda(modelo(x), y).item():.4f}")

# %%
# Erro de iniciante: esquecer zero_grad() acumula os gradientes
otimizador.zero_grad()
for passo in range(3):
    perda = função_de_perda(modelo(x), y)
    perda.backward()
    print(f"Passo {passo}: gradiente do peso = {modelo.weight.grad.item():.6f}")

# %%
# Previsão para novos dados, sem gradiente
with torch.no_grad():
    novos_dados = torch.tensor([[0.25], [0.5], [2.0]])
    previsões = modelo(novos_dados)
for entrada, saída in zip(novos_dados, previsões):
    print(f"x = {entrada.item():.2f} -> ŷ = {saída.item():.3f}")
print(previsões.requires_grad, previsões.grad_fn)

# %%
# Regressão logística: duas nuvens de pontos
torch.manual_seed(7)
classe_0 = torch.randn(10, 2) + torch.tensor([-2.0, -2.0])
classe_1 = torch.randn(10, 2) + torch.tensor([2.0, 2.0])
características = torch.cat([classe_0, classe_1])
rótulos = torch.cat([torch.zeros(10), torch.ones(10)]).reshape(-1, 1)
print(características.shape, rótulos.shape, rótulos.dtype)

class RegressãoLogística(nn.Module):
    def __init__(self, número_de_entradas):
        super().__init__()
        self.linear = nn.Linear(número_de_entradas, 1)

    def forward(self, entrada):
        return torch.sigmoid(self.linear(entrada))

modelo_logístico = RegressãoLogística(2)
print(modelo_logístico)
critério = nn.BCELoss()
otimizador = optim.SGD(modelo_logístico.parameters(), lr=0.1)
for época in range(50):
    probabilidades = modelo_logístico(características)
    perda = critério(probabilidades, rótulos)
    otimizador.zero_grad()
    perda.backward()
    otimizador.step()
    if (época + 1) % 10 == 0:
        acurácia = ((probabilidades > 0.5).float() == rótulos).float().mean()
        print(f"Época {época + 1:2d} | Perda: {perda.item():.4f} | Acurácia: {acurácia.item() * 100:.1f}%")

# %%
# Erros de iniciante com a BCELoss
rótulos_inteiros = rótulos.long()
for descrição, calcular in [
        ("alvo inteiro", lambda: critério(modelo_logístico(características), rótulos_inteiros)),
        ("alvo sem a dimensão 1", lambda: critério(modelo_logístico(características), rótulos.squeeze())),
        ("logits em vez de probabilidades", lambda: critério(modelo_logístico.linear(características), rótulos)),
        ("alvo fora de [0, 1]", lambda: critério(modelo_logístico(características), rótulos * 2))]:
    try:
        print(descrição, "->", calcular())
    except Exception as e:
        print(descrição, "->", type(e).__name__, e)
print(nn.BCEWithLogitsLoss()(modelo_logístico.linear(características), rótulos))

# %%
# Esquecer o super().__init__() na classe do modelo
class ModeloSemInit(nn.Module):
    def __init__(self):
        self.camada = nn.Linear(2, 1)

try:
    ModeloSemInit()
except Exception as e:
    print(type(e).__name__, e)
# Chamar um atributo que não existe
try:
    modelo_logístico.camada_de_saída
except Exception as e:
    print(type(e).__name__, e)
print(modelo_logístico.state_dict())
