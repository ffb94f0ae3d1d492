# Imita los cuadernos en español "Curso de PyTorch" / "Deep Learning con PyTorch" (p. ej. los notebooks de
# introducción de cursos universitarios y de YouTube en español): creación de tensores, tipos, forma, indexado,
# operaciones, conversión con NumPy y autograd; identificadores con tildes (pérdida, época, tasa_de_aprendizaje,
# número_de_épocas) impresos en f-strings, y los errores típicos que muestran esos cursos con su mensaje.
import numpy as np
import torch

torch.manual_seed(42)

# %%
# 1. Creación de tensores
escalar = torch.tensor(7)
vector = torch.tensor([7, 7])
matriz = torch.tensor([[7, 8], [9, 10]])
tensor_3d = torch.tensor([[[1, 2, 3], [3, 6, 9], [2, 4, 5]]])
print(f"Escalar: {escalar}, dimensiones: {escalar.ndim}, valor: {escalar.item()}")
print(f"Vector: {vector}, dimensiones: {vector.ndim}, forma: {vector.shape}")
print(f"Matriz:\n{matriz}\nforma: {matriz.shape}")
print(f"Tensor 3D con forma {tensor_3d.shape} y {tensor_3d.ndim} dimensiones")
tensor_3d

# %%
# 2. Tensores aleatorios, ceros, unos y rangos
aleatorio = torch.rand(size=(3, 4))
print("Tensor aleatorio:\n", aleatorio)
print("Tipo de dato:", aleatorio.dtype)
ceros = torch.zeros(size=(2, 3))
unos = torch.ones(size=(2, 3))
print(ceros, unos, sep="\n")
rango = torch.arange(start=0, end=10, step=2)
print(f"Rango: {rango}")
diez_ceros = torch.zeros_like(input=rango)
print(f"Ceros con la misma forma: {diez_ceros}")

# %%
# 3. Tipos de datos: float32 por defecto, float16, int64
tensor_float_32 = torch.tensor([3.0, 6.0, 9.0], dtype=None, device=None, requires_grad=False)
print(tensor_float_32.shape, tensor_float_32.dtype, tensor_float_32.device)
tensor_float_16 = tensor_float_32.type(torch.float16)
print(tensor_float_16)
print(tensor_float_16 * tensor_float_32)
entero = torch.tensor([3, 6, 9], dtype=torch.int32)
print(entero * tensor_float_32, (entero * tensor_float_32).dtype)
print(f"Información del tensor: forma={entero.shape}, tipo={entero.dtype}, dispositivo={entero.device}")

# %%
# 4. Operaciones: suma, multiplicación elemento a elemento y producto matricial
tensor = torch.tensor([1, 2, 3])
print(tensor + 10, tensor * 10, tensor - 10, sep=" | ")
print(torch.mul(tensor, 10), torch.add(tensor, 10))
print("Elemento a elemento:", tensor * tensor)
print("Producto matricial:", torch.matmul(tensor, tensor))
print("Con @:", tensor @ tensor)

# %%
# Error común nº 1: las dimensiones internas no coinciden
tensor_A = torch.tensor([[1, 2], [3, 4], [5, 6]], dtype=torch.float32)
tensor_B = torch.tensor([[7, 10], [8, 11], [9, 12]], dtype=torch.float32)
try:
    torch.matmul(tensor_A, tensor_B)
except Exception as e:
    print(type(e).__name__, e)
print(f"Formas originales: tensor_A = {tensor_A.shape}, tensor_B = {tensor_B.shape}")
print(f"Nueva forma de tensor_B = {tensor_B.T.shape}")
salida = torch.matmul(tensor_A, tensor_B.T)
print(f"Multiplicando: {tensor_A.shape} * {tensor_B.T.shape} <- las dimensiones internas coinciden")
print("Salida:\n", salida)
print(f"Forma de salida: {salida.shape}")

# %%
# Error común nº 2: mezclar tipos en operaciones que lo exigen
enteros = torch.tensor([[1, 2], [3, 4]])
reales = torch.tensor([[0.5, 0.5], [0.5, 0.5]])
for operación in (lambda: torch.mm(enteros, reales), lambda: enteros.mean(), lambda: torch.dot(enteros[0], reales[0])):
    try:
        print(operación())
    except Exception as e:
        print(type(e).__name__, e)
print(enteros.float().mean(), enteros.mean(dtype=torch.float32))

# %%
# 5. Agregaciones: mínimo, máximo, media, suma y posiciones
x = torch.arange(0, 100, 10)
print(f"Mínimo: {x.min()}")
print(f"Máximo: {x.max()}")
print(f"Media: {x.type(torch.float32).mean()}")
print(f"Suma: {x.sum()}")
print(f"Índice donde está el máximo: {x.argmax()}")
print(f"Índice donde está el mínimo: {x.argmin()}")

# %%
# 6. Cambiar la forma: reshape, view, stack, squeeze, unsqueeze, permute
x = torch.arange(1., 10.)
x_redimensionado = x.reshape(1, 9)
print(x_redimensionado, x_redimensionado.shape)
z = x.view(1, 9)
z[:, 0] = 5
print("z y x comparten memoria:", z, x)
x_apilado = torch.stack([x, x, x, x], dim=0)
print(x_apilado)
print(f"Antes de squeeze: {x_redimensionado.shape}, después: {x_redimensionado.squeeze().shape}")
print(f"unsqueeze(dim=0): {x.unsqueeze(dim=0).shape}")
imagen = torch.rand(size=(224, 224, 3))
print(f"Forma anterior: {imagen.shape}, forma nueva: {imagen.permute(2, 0, 1).shape}")
try:
    x.reshape(2, 4)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.view(4, -1)
except Exception as e:
    print(type(e).__name__, e)
# Los argumentos por nombre, como en la documentación: shape=, dims=, size= piden una tupla de enteros
print(x.reshape(shape=(3, 3)), x_apilado.permute(dims=(1, 0)).shape)
print(torch.zeros(size=(2,)), x.repeat(repeats=(2,)).shape)
for intento in (lambda: torch.zeros(size=3), lambda: x_apilado.permute(dims=0), lambda: torch.flip(x, dims=0),
                lambda: torch.reshape(x, shape=9), lambda: x.reshape(shape=(3.0, 3)), lambda: torch.rand(size=4)):
    try:
        print(intento())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# 7. Indexado
x = torch.arange(1, 10).reshape(1, 3, 3)
print(x, x.shape)
print(f"Primer corchete:\n{x[0]}")
print(f"Segundo corchete: {x[0][0]}")
print(f"Tercer corchete: {x[0][0][0]}")
print(x[:, :, 1], x[:, 1, 1], x[0, 0, :])
try:
    x[0, 3, 0]
except Exception as e:
    print(type(e).__name__, e)

# %%
# 8. PyTorch y NumPy
arreglo = np.arange(1.0, 8.0)
tensor = torch.from_numpy(arreglo)
print(arreglo, tensor)
arreglo = arreglo + 1
print(arreglo, tensor)
tensor = torch.ones(7)
tensor_numpy = tensor.numpy()
print(tensor, tensor_numpy, tensor_numpy.dtype)

# %%
# 9. Autograd: derivada de y = x² + 3x en x = 2
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2 + 3 * x
y.backward()
print(f"y = {y.item()}, dy/dx = {x.grad.item()}")
print(y)
print(y.grad_fn, y.requires_grad, x.is_leaf, y.is_leaf)

# %%
# Autograd con varias variables y gradientes acumulados
w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
b = torch.tensor(0.1, requires_grad=True)
entrada = torch.tensor([2.0, 1.0, 4.0])
for época in range(2):
    pérdida = ((w * entrada).sum() + b - 3.0) ** 2
    pérdida.backward()
    print(f"Época {época}: pérdida = {pérdida.item():.4f}, gradiente de w = {w.grad}, gradiente de b = {b.grad}")
w.grad.zero_()
b.grad = None
print("Tras poner a cero:", w.grad, b.grad)

# %%
# Error común nº 3: convertir a NumPy un tensor que requiere gradiente
try:
    w.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(w.detach().numpy())
# Error común nº 4: backward() sobre una salida que no es escalar
salida = w * 2
try:
    salida.backward()
except Exception as e:
    print(type(e).__name__, e)
salida.backward(torch.ones_like(salida))
print(w.grad)

# %%
# Error común nº 5: llamar backward() dos veces sin retain_graph
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x.exp() * 3).sum()
y.backward()
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)
# Error común nº 6: modificar en su lugar una hoja que requiere gradiente
try:
    x += 1
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    x += 1
print(x, x.grad)

# %%
# Descenso de gradiente a mano: minimizar f(w) = (w - 5)²
w = torch.tensor(0.0, requires_grad=True)
tasa_de_aprendizaje = 0.1
número_de_épocas = 25
historial_de_pérdidas = []
for época in range(número_de_épocas):
    pérdida = (w - 5) ** 2
    pérdida.backward()
    with torch.no_grad():
        w -= tasa_de_aprendizaje * w.grad
    w.grad.zero_()
    historial_de_pérdidas.append(pérdida.item())
    if época % 5 == 0:
        print(f"Época {época:2d} | w = {w.item():.4f} | pérdida = {pérdida.item():.6f}")
print(f"Valor final de w: {w:.4f}, última pérdida: {historial_de_pérdidas[-1]:.2e}")
