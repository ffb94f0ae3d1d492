"""Functions PyTorch 2 removed: they raise PyTorch's RuntimeError, whose text says what replaces them."""

_MESSAGES = {
    "eig": (
        'This function was deprecated since version 1.9 and is now removed. `torch.linalg.eig` retu'
        'rns complex tensors of dtype `cfloat` or `cdouble` rather than real tensors mimicking comp'
        'lex tensors.\n\nL, _ = torch.eig(A) should be replaced with:\nL_complex = torch.linalg.eigval'
        's(A)\n\nand\n\nL, V = torch.eig(A, eigenvectors=True) should be replaced with:\nL_complex, V_co'
        'mplex = torch.linalg.eig(A)'),
    "symeig": (
        'This function was deprecated since version 1.9 and is now removed. The default behavior ha'
        's changed from using the upper triangular portion of the matrix by default to using the lo'
        'wer triangular portion.\n\nL, _ = torch.symeig(A, upper=upper) should be replaced with:\nL = '
        "torch.linalg.eigvalsh(A, UPLO='U' if upper else 'L')\n\nand\n\nL, V = torch.symeig(A, eigenvec"
        "tors=True) should be replaced with:\nL, V = torch.linalg.eigh(A, UPLO='U' if upper else 'L'"
        ')'),
    "matrix_rank": (
        'This function was deprecated since version 1.9 and is now removed.\nPlease use the `torch.l'
        "inalg.matrix_rank` function instead. The parameter 'symmetric' was renamed in `torch.linal"
        "g.matrix_rank()` to 'hermitian'."),
    "lstsq": (
        'This function was deprecated since version 1.9 and is now removed. `torch.lstsq` is deprec'
        'ated in favor of `torch.linalg.lstsq`.\n`torch.linalg.lstsq` has reversed arguments and doe'
        's not return the QR decomposition in the returned tuple (although it returns other informa'
        'tion about the problem).\n\nTo get the QR decomposition consider using `torch.linalg.qr`.\n\nT'
        'he returned solution in `torch.lstsq` stored the residuals of the solution in the last m -'
        ' n columns of the returned value whenever m > n. In torch.linalg.lstsq, the residuals are '
        "in the field 'residuals' of the returned named tuple.\n\nThe unpacking of the solution, as i"
        'n\nX, _ = torch.lstsq(B, A).solution[:A.size(1)]\nshould be replaced with:\nX = torch.linalg.'
        'lstsq(A, B).solution'),
    "solve": (
        'This function was deprecated since version 1.9 and is now removed. `torch.solve` is deprec'
        'ated in favor of `torch.linalg.solve`. `torch.linalg.solve` has its arguments reversed and'
        ' does not return the LU factorization.\n\nTo get the LU factorization see `torch.lu`, which '
        'can be used with `torch.lu_solve` or `torch.lu_unpack`.\nX = torch.solve(B, A).solution sho'
        'uld be replaced with:\nX = torch.linalg.solve(A, B)'),
}


# PyTorch's own signatures (torch/_linalg_utils.py): a call with arguments that do not bind is Python's TypeError
# about them (symeig's function is named _symeig there), before the removal's RuntimeError
def eig(self, eigenvectors=False, *, e=None, v=None):
    raise RuntimeError(_MESSAGES["eig"])


def _symeig(input, eigenvectors=False, upper=True, *, out=None):
    raise RuntimeError(_MESSAGES["symeig"])


def matrix_rank(input, tol=None, symmetric=False, *, out=None):
    raise RuntimeError(_MESSAGES["matrix_rank"])


def lstsq(input, A, *, out=None):
    raise RuntimeError(_MESSAGES["lstsq"])


def solve(input, A, *, out=None):
    raise RuntimeError(_MESSAGES["solve"])


symeig = _symeig
