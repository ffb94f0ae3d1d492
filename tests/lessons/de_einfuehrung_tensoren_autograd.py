# Ahmt die deutschsprachigen Notebooks "Einführung in Deep Learning mit PyTorch" von Hochschulkursen nach
# (Kapitel Tensoren und Autograd: Erzeugen, Datentypen, Indizierung, Broadcasting, Umformen, NumPy-Brücke,
# Gradienten, Rechengraph), mit deutschen Kommentaren und Ausgaben, Bezeichnern mit Umlauten (größe, länge,
# verlust_über_zeit, gewichtsänderung) und den typischen Anfängerfehlern mit ihren Fehlermeldungen.
import math
import numpy as np
import torch

torch.manual_seed(0)

# %%
# Tensoren erzeugen
skalar = torch.tensor(3.14)
vektor = torch.tensor([1, 2, 3])
matrix = torch.tensor([[1., 2.], [3., 4.]])
print(f"Skalar: {skalar} (Dimension {skalar.dim()}), Vektor: {vektor}, Matrix:\n{matrix}")
größe = matrix.size()
print("Größe der Matrix:", größe, "| Anzahl Elemente:", matrix.numel(), "| Form:", list(matrix.shape))
print(f"Datentypen: {skalar.dtype}, {vektor.dtype}, {matrix.dtype}")
leer = torch.empty(2, 3).fill_(7)
print(leer, torch.full((2, 2), 0.5), torch.eye(3, dtype=torch.int32), sep="\n")
print(torch.linspace(0, 1, steps=5), torch.logspace(0, 2, steps=3))

# %%
# Zufallszahlen und Reproduzierbarkeit
torch.manual_seed(42)
a = torch.rand(2, 3)
torch.manual_seed(42)
b = torch.rand(2, 3)
print("Gleich?", torch.equal(a, b), "| allclose:", torch.allclose(a, b))
normal = torch.randn(1000)
print(f"Mittelwert ≈ {normal.mean():.3f}, Standardabweichung ≈ {normal.std():.3f}")
ganzzahlen = torch.randint(low=0, high=10, size=(2, 5))
print(ganzzahlen, ganzzahlen.dtype)
print(torch.randperm(6), torch.bernoulli(torch.full((4,), 0.5)))

# %%
# Indizierung und Slicing
x = torch.arange(12).reshape(3, 4)
print(x)
print("Erste Zeile:", x[0], "| letzte Spalte:", x[:, -1], "| Element (1,2):", x[1, 2].item())
print("Jede zweite Spalte:\n", x[:, ::2])
maske = x > 5
print("Maske:\n", maske, "\nWerte > 5:", x[maske])
print("Fancy Indexing:", x[[0, 2], [1, 3]])
x[x % 2 == 0] = 0
print("Gerade Zahlen auf 0 gesetzt:\n", x)

# %%
# Umformen: view, reshape, permute, squeeze/unsqueeze, transpose
t = torch.arange(24)
print(t.view(2, 3, 4).shape, t.reshape(4, -1).shape, t.view(-1, 6).size())
bild = torch.rand(3, 32, 32)  # Kanäle x Höhe x Breite
print("HWC:", bild.permute(1, 2, 0).shape, "| mit Batch-Dimension:", bild.unsqueeze(0).shape)
print(torch.zeros(1, 3, 1, 5).squeeze().shape, torch.zeros(1, 3, 1).squeeze(0).shape)
transponiert = matrix.t()
print("Transponiert:\n", transponiert, "\nzusammenhängend?", transponiert.is_contiguous())
try:
    transponiert.view(4)
except Exception as e:
    print(type(e).__name__, e)
print(transponiert.contiguous().view(4), transponiert.reshape(-1))

# %%
# Typische Fehler: falsche Form beim Umformen
try:
    t.view(5, 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.reshape(-1, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    bild.permute(0, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    bild.squeeze(3)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Broadcasting
zeilen = torch.tensor([[1.], [2.], [3.]])
spalten = torch.tensor([10., 20.])
print("Ergebnis des Broadcastings:\n", zeilen + spalten)
print((zeilen * spalten).shape)
try:
    torch.ones(3, 2) + torch.ones(2, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.ones(4, 3) @ torch.ones(4, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.mm(torch.ones(2, 3), torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
print(torch.ones(4, 3) @ torch.ones(4, 3).T)

# %%
# Datentypen und ihre Fallen
ganz = torch.tensor([1, 2, 3])
gleitkomma = torch.tensor([0.5, 0.5, 0.5])
print(ganz + gleitkomma, (ganz / 2).dtype, (ganz // 2).dtype, ganz.float().mean())
try:
    ganz.mean()
except Exception as e:
    print(type(e).__name__, e)
try:
    ganz.add_(gleitkomma)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1, 2], requires_grad=True)
except Exception as e:
    print(type(e).__name__, e)
print(ganz.to(torch.float64), ganz.type(torch.FloatTensor).dtype, ganz.double().dtype)
print(torch.tensor([1.5, 2.7]).int(), torch.tensor([-1.5, 2.5]).round(), torch.tensor(2.5).long())

# %%
# NumPy-Brücke: gemeinsamer Speicher!
arr = np.ones(3)
tens = torch.from_numpy(arr)
arr += 1
print("Tensor nach Änderung des Arrays:", tens, tens.dtype)
tens2 = torch.tensor(arr)
arr *= 10
print("Kopie bleibt gleich:", tens2)
zurück = torch.ones(2, 2).numpy()
print(type(zurück).__name__, zurück.dtype, zurück)
print(torch.as_tensor([1, 2, 3], dtype=torch.float32), torch.tensor(np.float32(2.5)))

# %%
# Autograd: y = x² + 3x, dy/dx = 2x + 3
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2 + 3 * x
print("y =", y, "| grad_fn:", y.grad_fn)
y.backward()
print(f"dy/dx an der Stelle x = {x.item()}: {x.grad}")
print("Blatt?", x.is_leaf, y.is_leaf, "| requires_grad:", y.requires_grad)

# %%
# Gradienten akkumulieren sich!
w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
for schritt in range(3):
    verlust = (w ** 2).sum()
    verlust.backward()
    print(f"Schritt {schritt}: w.grad = {w.grad}")
w.grad.zero_()
print("Nach zero_():", w.grad)
verlust_über_zeit = []
lernrate = 0.1
for schritt in range(5):
    verlust = (w ** 2).sum()
    verlust.backward()
    with torch.no_grad():
        gewichtsänderung = lernrate * w.grad
        w -= gewichtsänderung
    w.grad = None
    verlust_über_zeit.append(round(verlust.item(), 4))
print("Verlauf des Verlusts:", verlust_über_zeit)
print(f"Endgültige Gewichte: {w.data}")

# %%
# Anfängerfehler bei Autograd
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)
y.backward(torch.ones_like(y))
print(x.grad)
z = x.sum()
print(z.is_leaf, y.grad_fn.next_functions)
import warnings
with warnings.catch_warnings(record=True) as gefangen:
    warnings.simplefilter("always")
    y2 = x * 3
    s = y2.sum()
    s.backward()
    print("Gradient eines Nicht-Blatts:", y2.grad)
print([str(w.message)[:80] for w in gefangen])
try:
    x[0] = 5.0
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor(1.0).backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
# Rechengraph: detach, no_grad, requires_grad_
a = torch.randn(3, requires_grad=True)
b = a.detach()
print(b.requires_grad, (a * 2).detach().requires_grad)
with torch.no_grad():
    c = a * 2
print("Unter no_grad:", c.requires_grad, c.grad_fn)
d = torch.ones(3)
d.requires_grad_()
print(d.requires_grad, d)
e = (a.exp() * d).sum()
e.backward()
print(torch.allclose(d.grad, a.exp()), torch.allclose(a.grad, a.exp()))
print(f"sin(π/2) = {torch.sin(torch.tensor(math.pi / 2)):.1f}")
