"""The argument signatures of PyTorch 2.13's Tensor methods, as its parser prints them (``?`` after a type: it
takes None; ``|hidden``: a deprecated overload the parser takes but never lists). Written by
tools/method_signatures.py from PyTorch itself; read by engine/method_errors.py."""

# methods of no arguments (C methods: TensorBase.abs() takes no arguments (1 given))
NOARGS = frozenset("""
abs abs_ absolute absolute_ acos acos_ acosh acosh_ adjoint angle arccos arccos_ arccosh arccosh_ arcsin arcsin_
arcsinh arcsinh_ arctan arctan_ arctanh arctanh_ argwhere asin asin_ asinh asinh_ atan atan_ atanh atanh_
bitwise_not bitwise_not_ ceil ceil_ coalesce conj conj_physical conj_physical_ corrcoef cos cos_ cosh cosh_
data_ptr deg2rad deg2rad_ dense_dim dequantize det detach detach_ digamma digamma_ dim element_size erf erf_ erfc
erfc_ erfinv erfinv_ exp exp2 exp2_ exp_ expm1 expm1_ fix fix_ fliplr flipud floor floor_ frac frac_ frexp geqrf
get_device i0 i0_ indices inverse is_coalesced is_complex is_conj is_floating_point is_inference is_neg is_nonzero
is_signed isfinite isinf isnan isneginf isposinf isreal item lgamma lgamma_ log log10 log10_ log1p log1p_ log2
log2_ log_ logdet logical_not logical_not_ matrix_exp msort ndimension neg neg_ negative negative_ nelement numel
positive rad2deg rad2deg_ ravel reciprocal reciprocal_ relu relu_ resolve_conj resolve_neg retain_grad rsqrt rsqrt_
sgn sgn_ sigmoid sigmoid_ sign sign_ signbit sin sin_ sinc sinc_ sinh sinh_ slogdet sparse_dim sqrt sqrt_ square
square_ storage_offset t t_ tan tan_ tanh tanh_ tolist trace trunc trunc_ untyped_storage values zero_
""".split())

# the other methods of the parser: {name: its signatures}
SIGNATURES = {
    **dict.fromkeys('add add_ sub sub_'.split(), (
        '(Tensor other, *, Number alpha = 1)',
        '(Number alpha, Tensor other)|hidden',
    )),
    **dict.fromkeys('addbmm addbmm_ baddbmm baddbmm_'.split(), (
        '(Tensor batch1, Tensor batch2, *, Number beta = 1, Number alpha = 1)',
        '(Number beta, Number alpha, Tensor batch1, Tensor batch2)|hidden',
        '(Number beta, Tensor batch1, Tensor batch2)|hidden',
    )),
    **dict.fromkeys('addcdiv addcdiv_ addcmul addcmul_'.split(), (
        '(Tensor tensor1, Tensor tensor2, *, Number value = 1)',
        '(Number value, Tensor tensor1, Tensor tensor2)|hidden',
    )),
    **dict.fromkeys('addmm addmm_'.split(), (
        '(Tensor mat1, Tensor mat2, *, Number beta = 1, Number alpha = 1)',
        '(Number beta, Number alpha, Tensor mat1, Tensor mat2)|hidden',
        '(Number beta, Tensor mat1, Tensor mat2)|hidden',
    )),
    **dict.fromkeys('addmv addmv_'.split(), (
        '(Tensor mat, Tensor vec, *, Number beta = 1, Number alpha = 1)',
        '(Number beta, Number alpha, Tensor mat, Tensor vec)|hidden',
        '(Number beta, Tensor mat, Tensor vec)|hidden',
    )),
    **dict.fromkeys('addr addr_'.split(), (
        '(Tensor vec1, Tensor vec2, *, Number beta = 1, Number alpha = 1)',
        '(Number beta, Number alpha, Tensor vec1, Tensor vec2)|hidden',
        '(Number beta, Tensor vec1, Tensor vec2)|hidden',
    )),
    **dict.fromkeys('all any'.split(), (
        '()',
        '(tuple of ints? dim = None, bool keepdim = False)',
        '(int dim, bool keepdim = False)',
    )),
    **dict.fromkeys('allclose isclose'.split(), (
        '(Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False)',
    )),
    **dict.fromkeys('amax amin'.split(), (
        '(tuple of ints dim = None, bool keepdim = False)',
    )),
    'aminmax': (
        '(*, int? dim = None, bool keepdim = False)',
    ),
    **dict.fromkeys('arctan2 arctan2_ atan2 atan2_ equal expand_as fmax fmin gcd gcd_ hypot hypot_ igamma '
                     'igamma_ igammac igammac_ inner is_same_size kron lcm lcm_ ldexp ldexp_ logaddexp '
                     'logaddexp2 logical_and logical_and_ logical_or logical_or_ logical_xor logical_xor_ matmul '
                     'maximum minimum mul mul_ nextafter nextafter_ reshape_as type_as vdot view_as'.split(), (
        '(Tensor other)',
    )),
    **dict.fromkeys('argmax argmin'.split(), (
        '(int? dim = None, bool keepdim = False)',
    )),
    'argsort': (
        '(*, bool stable, int dim = -1, bool descending = False)',
        '(int dim = -1, bool descending = False)',
    ),
    'as_strided': (
        '(tuple of ints size, tuple of ints stride, int? storage_offset = None)',
    ),
    'as_strided_scatter': (
        '(Tensor src, tuple of ints size, tuple of ints stride, int? storage_offset = None)',
    ),
    'as_subclass': (
        '(object cls)',
    ),
    'bernoulli': (
        '(*, torch.Generator? generator = None)',
        '(float p, *, torch.Generator? generator = None)',
    ),
    'bernoulli_': (
        '(Tensor p, *, torch.Generator? generator = None)',
        '(float p = 0.5, *, torch.Generator? generator = None)',
    ),
    **dict.fromkeys('bfloat16 bool byte cdouble cfloat char clone cpu double float half int long short'.split(), (
        '(*, torch.memory_format? memory_format = None)',
    )),
    'bincount': (
        '(Tensor? weights = None, int minlength = 0)',
    ),
    **dict.fromkeys('bitwise_and bitwise_and_ bitwise_left_shift bitwise_left_shift_ bitwise_or bitwise_or_ '
                     'bitwise_right_shift bitwise_right_shift_ bitwise_xor bitwise_xor_ copysign copysign_ eq '
                     'eq_ floor_divide floor_divide_ fmod fmod_ ge ge_ greater greater_ greater_equal '
                     'greater_equal_ gt gt_ le le_ less less_ less_equal less_equal_ lt lt_ multiply multiply_ '
                     'ne ne_ not_equal not_equal_ remainder remainder_ true_divide true_divide_ xlogy xlogy_'.split(), (
        '(Tensor other)',
        '(Number other)',
    )),
    **dict.fromkeys('bmm mm'.split(), (
        '(Tensor mat2)',
    )),
    **dict.fromkeys('broadcast_to sum_to_size'.split(), (
        '(tuple of ints size)',
    )),
    'cauchy_': (
        '(float median = 0, float sigma = 1, *, torch.Generator? generator = None)',
    ),
    **dict.fromkeys('cholesky cholesky_inverse'.split(), (
        '(bool upper = False)',
    )),
    'cholesky_solve': (
        '(Tensor input2, bool upper = False)',
    ),
    **dict.fromkeys('chunk unsafe_chunk'.split(), (
        '(int chunks, int dim = 0)',
    )),
    **dict.fromkeys('clamp clamp_ clip clip_'.split(), (
        '(Tensor? min = None, Tensor? max = None)',
        '(Number? min = None, Number? max = None)',
    )),
    **dict.fromkeys('clamp_max clamp_max_'.split(), (
        '(Tensor max)',
        '(Number max)',
    )),
    **dict.fromkeys('clamp_min clamp_min_'.split(), (
        '(Tensor min)',
        '(Number min)',
    )),
    **dict.fromkeys('contiguous is_contiguous'.split(), (
        '(*, torch.memory_format memory_format = contiguous_format)',
    )),
    'copy_': (
        '(Tensor other, bool non_blocking = False)',
        '(Tensor other, bool async = False)|hidden',
    ),
    'count_nonzero': (
        '(int? dim = None)',
        '(tuple of ints dim)',
    ),
    'cov': (
        '(*, int correction = 1, Tensor? fweights = None, Tensor? aweights = None)',
    ),
    'cross': (
        '(Tensor other, int? dim = None)',
    ),
    'cuda': (
        '(torch.device? device = None, bool non_blocking = False, *, torch.memory_format? memory_format = None)',
        '(torch.device? device = None, bool async = False, *, torch.memory_format? memory_format = None)|hidden',
    ),
    **dict.fromkeys('cummax cummin logcumsumexp unsqueeze unsqueeze_'.split(), (
        '(int dim)',
    )),
    **dict.fromkeys('cumprod cumprod_ cumsum cumsum_'.split(), (
        '(int dim, *, torch.dtype? dtype = None)',
    )),
    **dict.fromkeys('diag tril tril_ triu triu_'.split(), (
        '(int diagonal = 0)',
    )),
    'diag_embed': (
        '(int offset = 0, int dim1 = -2, int dim2 = -1)',
    ),
    'diagflat': (
        '(int offset = 0)',
    ),
    'diagonal': (
        '(int offset = 0, int dim1 = 0, int dim2 = 1)',
    ),
    'diagonal_scatter': (
        '(Tensor src, int offset = 0, int dim1 = 0, int dim2 = 1)',
    ),
    'diff': (
        '(int n = 1, int dim = -1, Tensor? prepend = None, Tensor? append = None)',
    ),
    'dist': (
        '(Tensor other, Number p = 2)',
    ),
    **dict.fromkeys('div div_'.split(), (
        '(Tensor other)',
        '(Tensor other, *, str? rounding_mode)',
        '(Number other, *, str? rounding_mode)',
    )),
    **dict.fromkeys('divide divide_'.split(), (
        '(Tensor other)',
        '(Tensor other, *, str? rounding_mode)',
        '(Number other)',
        '(Number other, *, str? rounding_mode)',
    )),
    **dict.fromkeys('dot is_set_to'.split(), (
        '(Tensor tensor)',
    )),
    **dict.fromkeys('dsplit hsplit vsplit'.split(), (
        '(int sections)',
        '(tuple of ints indices)',
    )),
    'expand': (
        '(tuple of ints size, *, bool implicit = False)',
    ),
    'exponential_': (
        '(float lambd = 1, *, torch.Generator? generator = None)',
    ),
    'fill_': (
        '(Tensor value)',
        '(Number value)',
    ),
    'fill_diagonal_': (
        '(Number fill_value, bool wrap = False)',
    ),
    'flatten': (
        '(int start_dim = 0, int end_dim = -1)',
    ),
    **dict.fromkeys('flip permute tile'.split(), (
        '(tuple of ints dims)',
    )),
    **dict.fromkeys('float_power float_power_ pow pow_'.split(), (
        '(Tensor exponent)',
        '(Number exponent)',
    )),
    'gather': (
        '(int dim, Tensor index, *, bool sparse_grad = False)',
    ),
    'geometric_': (
        '(float p, *, torch.Generator? generator = None)',
    ),
    **dict.fromkeys('ger outer'.split(), (
        '(Tensor vec2)',
    )),
    'hardshrink': (
        '(Number lambd = 0.5)',
    ),
    **dict.fromkeys('heaviside heaviside_'.split(), (
        '(Tensor values)',
    )),
    'histc': (
        '(int bins = 100, Number min = 0, Number max = 0)',
    ),
    'histogram': (
        '(Tensor bins, *, Tensor? weight = None, bool density = False)',
        '(int bins = 100, *, tuple of floats? range = None, Tensor? weight = None, bool density = False)',
    ),
    **dict.fromkeys('index_add index_add_'.split(), (
        '(int dim, Tensor index, Tensor source, *, Number alpha = 1)',
    )),
    **dict.fromkeys('index_copy index_copy_'.split(), (
        '(int dim, Tensor index, Tensor source)',
    )),
    **dict.fromkeys('index_fill index_fill_'.split(), (
        '(int dim, Tensor index, Tensor value)',
        '(int dim, Tensor index, Number value)',
    )),
    **dict.fromkeys('index_put index_put_'.split(), (
        '(tuple of Tensors indices, Tensor values, bool accumulate = False)',
    )),
    **dict.fromkeys('index_reduce index_reduce_'.split(), (
        '(int dim, Tensor index, Tensor source, str reduce, *, bool include_self = True)',
    )),
    'index_select': (
        '(int dim, Tensor index)',
    ),
    **dict.fromkeys('is_pinned pin_memory'.split(), (
        '(torch.device? device = None)',
    )),
    'kthvalue': (
        '(int k, int dim = -1, bool keepdim = False)',
    ),
    **dict.fromkeys('lerp lerp_'.split(), (
        '(Tensor end, Tensor weight)',
        '(Tensor end, Number weight)',
    )),
    'log_normal_': (
        '(float mean = 1, float std = 2, *, torch.Generator? generator = None)',
    ),
    **dict.fromkeys('log_softmax softmax'.split(), (
        '(int dim, torch.dtype? dtype = None)',
    )),
    **dict.fromkeys('logit logit_'.split(), (
        '(float? eps = None)',
    )),
    'logsumexp': (
        '(tuple of ints dim, bool keepdim = False)',
    ),
    'map2_': (
        '(Tensor x, Tensor y, object callable)',
    ),
    'map_': (
        '(Tensor other, object callable)',
    ),
    **dict.fromkeys('masked_fill masked_fill_'.split(), (
        '(Tensor mask, Tensor value)',
        '(Tensor mask, Number value)',
    )),
    **dict.fromkeys('masked_scatter masked_scatter_'.split(), (
        '(Tensor mask, Tensor source)',
    )),
    'masked_select': (
        '(Tensor mask)',
    ),
    **dict.fromkeys('matrix_power polygamma polygamma_'.split(), (
        '(int n)',
    )),
    **dict.fromkeys('max min'.split(), (
        '()',
        '(Tensor other)',
        '(int dim, bool keepdim = False)',
    )),
    **dict.fromkeys('mean sum'.split(), (
        '(*, torch.dtype? dtype = None)',
        '(tuple of ints? dim, bool keepdim = False, *, torch.dtype? dtype = None)',
    )),
    **dict.fromkeys('median nanmedian'.split(), (
        '()',
        '(int dim, bool keepdim = False)',
    )),
    'mode': (
        '(int dim = -1, bool keepdim = False)',
    ),
    **dict.fromkeys('moveaxis movedim'.split(), (
        '(int source, int destination)',
        '(tuple of ints source, tuple of ints destination)',
    )),
    'multinomial': (
        '(int num_samples, bool replacement = False, *, torch.Generator? generator = None)',
    ),
    'mv': (
        '(Tensor vec)',
    ),
    **dict.fromkeys('mvlgamma mvlgamma_'.split(), (
        '(int p)',
    )),
    **dict.fromkeys('nan_to_num nan_to_num_'.split(), (
        '(float? nan = None, float? posinf = None, float? neginf = None)',
    )),
    **dict.fromkeys('nanmean nansum'.split(), (
        '(tuple of ints? dim = None, bool keepdim = False, *, torch.dtype? dtype = None)',
    )),
    **dict.fromkeys('nanquantile quantile'.split(), (
        '(Tensor q, int? dim = None, bool keepdim = False, *, str interpolation = "linear")',
        '(float q, int? dim = None, bool keepdim = False, *, str interpolation = "linear")',
    )),
    'narrow': (
        '(int dim, Tensor start, int length)',
        '(int dim, int start, int length)',
    ),
    'narrow_copy': (
        '(int dim, int start, int length)',
    ),
    'new': (
        '(*, torch.device? device = None)',
        '(torch.Storage storage)',
        '(Tensor other)',
        '(tuple of ints size, *, torch.device? device = None)',
        '(object data, *, torch.device? device = None)',
        '(Tensor other, *, torch.device? device = None)|hidden',
        '(*, int cdata)|hidden',
    ),
    **dict.fromkeys('new_empty new_ones new_zeros'.split(), (
        '(tuple of ints size, *, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = '
         'None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    'new_empty_strided': (
        '(tuple of ints size, tuple of ints stride, *, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'new_full': (
        '(tuple of ints size, Number fill_value, *, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'new_tensor': (
        '(object data, *, torch.dtype dtype = None, torch.device? device = None, bool requires_grad = False)',
    ),
    'nonzero': (
        '()',
        '(*, bool as_tuple)',
    ),
    'nonzero_static': (
        '(*, int size, int fill_value = -1)',
    ),
    'normal_': (
        '(float mean = 0, float std = 1, *, torch.Generator? generator = None)',
    ),
    'numpy': (
        '(*, bool force = False)',
    ),
    'orgqr': (
        '(Tensor input2)',
    ),
    'ormqr': (
        '(Tensor input2, Tensor input3, bool left = True, bool transpose = False)',
    ),
    'pinverse': (
        '(float rcond = 1e-15)',
    ),
    'prelu': (
        '(Tensor weight)',
    ),
    'prod': (
        '(*, torch.dtype? dtype = None)',
        '(int dim, bool keepdim = False, *, torch.dtype? dtype = None)',
    ),
    **dict.fromkeys('put put_'.split(), (
        '(Tensor index, Tensor source, bool accumulate = False)',
    )),
    'qr': (
        '(bool some = True)',
    ),
    'random_': (
        '(*, torch.Generator? generator = None)',
        '(int from, int? to, *, torch.Generator? generator = None)',
        '(int to, *, torch.Generator? generator = None)',
    ),
    **dict.fromkeys('renorm renorm_'.split(), (
        '(Number p, int dim, Number maxnorm)',
    )),
    'repeat': (
        '(tuple of ints repeats)',
    ),
    'repeat_interleave': (
        '(Tensor repeats, int? dim = None, *, int? output_size = None)',
        '(int repeats, int? dim = None, *, int? output_size = None)',
    ),
    'requires_grad_': (
        '(bool requires_grad = True)',
    ),
    'reshape': (
        '(tuple of ints shape)',
    ),
    'resize_': (
        '(tuple of ints size, *, torch.memory_format? memory_format = None)',
    ),
    'resize_as_': (
        '(Tensor the_template, *, torch.memory_format? memory_format = None)',
    ),
    'roll': (
        '(tuple of ints shifts, tuple of ints dims = None)',
    ),
    'rot90': (
        '(int k = 1, tuple of ints dims = {0,1})',
    ),
    **dict.fromkeys('round round_'.split(), (
        '()',
        '(*, int decimals)',
    )),
    **dict.fromkeys('scatter scatter_'.split(), (
        '(int dim, Tensor index, Tensor src)',
        '(int dim, Tensor index, Tensor src, *, str reduce)',
        '(int dim, Tensor index, Number value)',
        '(int dim, Tensor index, Number value, *, str reduce)',
    )),
    **dict.fromkeys('scatter_add scatter_add_'.split(), (
        '(int dim, Tensor index, Tensor src)',
    )),
    **dict.fromkeys('scatter_reduce scatter_reduce_'.split(), (
        '(int dim, Tensor index, Tensor src, str reduce, *, bool include_self = True)',
    )),
    'select': (
        '(int dim, int index)',
    ),
    'select_scatter': (
        '(Tensor src, int dim, int index)',
    ),
    'set_': (
        '()',
        '(torch.Storage source)',
        '(torch.Storage source, int storage_offset, tuple of ints size, tuple of ints stride = None)',
        '(Tensor source)',
        '(Tensor source, int storage_offset, tuple of ints size, tuple of ints stride = None)',
    ),
    **dict.fromkeys('size stride'.split(), (
        '(int? dim = None)',
    )),
    'slice_scatter': (
        '(Tensor src, int dim = 0, int? start = None, int? end = None, int step = 1)',
    ),
    'sort': (
        '(*, bool? stable, int dim = -1, bool descending = False)',
        '(int dim = -1, bool descending = False)',
    ),
    **dict.fromkeys('split_with_sizes unsafe_split_with_sizes'.split(), (
        '(tuple of ints split_sizes, int dim = 0)',
    )),
    **dict.fromkeys('squeeze squeeze_'.split(), (
        '()',
        '(int dim)',
        '(tuple of ints dim)',
    )),
    **dict.fromkeys('std var'.split(), (
        '(tuple of ints? dim, bool unbiased = True, bool keepdim = False)',
        '(tuple of ints? dim = None, *, Number? correction = None, bool keepdim = False)',
        '(bool unbiased = True)',
    )),
    **dict.fromkeys('subtract subtract_'.split(), (
        '(Tensor other, *, Number alpha = 1)',
        '(Number other, Number alpha = 1)',
    )),
    'svd': (
        '(bool some = True, bool compute_uv = True)',
    ),
    **dict.fromkeys('swapaxes swapaxes_'.split(), (
        '(int axis0, int axis1)',
    )),
    **dict.fromkeys('swapdims swapdims_ transpose transpose_'.split(), (
        '(int dim0, int dim1)',
    )),
    'take': (
        '(Tensor index)',
    ),
    'take_along_dim': (
        '(Tensor indices, int? dim = None)',
    ),
    'tensor_split': (
        '(tuple of ints indices, int dim = 0)',
        '(Tensor tensor_indices_or_sections, int dim = 0)',
        '(int sections, int dim = 0)',
    ),
    'to': (
        '(torch.device device = None, torch.dtype dtype = None, bool non_blocking = False, bool copy = False, '
         '*, torch.memory_format? memory_format = None)',
        '(torch.dtype dtype, bool non_blocking = False, bool copy = False, *, torch.memory_format? '
         'memory_format = None)',
        '(Tensor tensor, bool non_blocking = False, bool copy = False, *, torch.memory_format? memory_format = None)',
    ),
    'to_dense': (
        '(torch.dtype? dtype = None, *, bool? masked_grad = None)',
    ),
    'to_sparse': (
        '(*, torch.layout? layout = None, tuple of ints? blocksize = None, int? dense_dim = None)',
        '(int sparse_dim)',
    ),
    'topk': (
        '(int k, int dim = -1, bool largest = True, bool sorted = True)',
    ),
    'triangular_solve': (
        '(Tensor A, bool upper = True, bool transpose = False, bool unitriangular = False)',
    ),
    'type': (
        '(object dtype = None, bool non_blocking = False, *, torch.memory_format? memory_format = None)',
        '(object dtype = None, bool async = False, *, torch.memory_format? memory_format = None)|hidden',
    ),
    'unbind': (
        '(int dim = 0)',
    ),
    'unfold': (
        '(int dimension, int size, int step)',
    ),
    'uniform_': (
        '(float from = 0, float to = 1, *, torch.Generator? generator = None)',
    ),
    'unsafe_split': (
        '(int split_size, int dim = 0)',
    ),
    'view': (
        '(torch.dtype dtype)',
        '(tuple of ints size)',
    ),
    'where': (
        '(Tensor condition, Tensor other)',
        '(Tensor condition, Number other)',
    ),
}

# (name, parameter) that ATen declares SymInt, in any signature of the parser (methods' and torch.* functions'):
# PyTorch also takes an integral tensor of one element there (is_int_or_symint: x.topk(torch.tensor([2])))
SYMINT = frozenset(tuple(p.split(".")) for p in (
    'as_strided.storage_offset as_strided_.storage_offset as_strided_copy.storage_offset '
    'as_strided_scatter.storage_offset bincount.minlength channel_shuffle.groups conv1d.groups conv2d.groups '
    'conv3d.groups conv_transpose1d.groups conv_transpose2d.groups conv_transpose3d.groups convolution.groups '
    'cross_entropy_loss.ignore_index cudnn_convolution.groups cudnn_convolution_add_relu.groups '
    'cudnn_convolution_relu.groups cudnn_convolution_transpose.groups embedding.padding_idx eye.m eye.n '
    'fft_fft.n fft_hfft.n fft_ifft.n fft_ihfft.n fft_irfft.n fft_rfft.n kthvalue.k linalg_vander.N '
    'miopen_convolution.groups miopen_convolution_add_relu.groups miopen_convolution_relu.groups '
    'miopen_convolution_transpose.groups miopen_depthwise_convolution.groups mkldnn_convolution.groups '
    'mkldnn_reorder_conv2d_weight.groups mkldnn_reorder_conv3d_weight.groups multinomial.num_samples '
    'narrow.length narrow.start narrow_copy.length narrow_copy.start native_channel_shuffle.groups '
    'native_group_norm.C native_group_norm.HxW native_group_norm.N nll_loss.ignore_index nll_loss2d.ignore_index '
    'nll_loss_nd.ignore_index nonzero_static.size randint.high randint.low randint_like.high randint_like.low '
    'randperm.n repeat_interleave.output_size repeat_interleave.repeats resize_storage_bytes_.ne select.index '
    'select_copy.index select_scatter.index set_.storage_offset slice_copy.end slice_copy.start slice_copy.step '
    'slice_inverse.end slice_inverse.start slice_inverse.step slice_scatter.end slice_scatter.start '
    'slice_scatter.step split.split_size split_copy.split_size tensor_split.sections topk.k tril.diagonal '
    'tril_.diagonal triu.diagonal triu_.diagonal unsafe_split.split_size'
).split())
