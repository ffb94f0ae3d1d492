"""The argument signatures of PyTorch 2.13's torch.* functions written in C, as its parser prints them (``?``
after a type: it takes None; ``|hidden``: a deprecated overload the parser takes but never lists); torch.linalg,
special and fft functions under their ATen names (linalg_inv). Written by tools/function_signatures.py from
PyTorch itself; read by torch/argument_errors.py."""

# torch.* functions of no arguments (C functions: torch.get_num_threads() takes no arguments (1 given))
NOARGS = frozenset('autocast_decrement_nesting autocast_increment_nesting clear_autocast_cache '
                   'get_autocast_cpu_dtype get_autocast_gpu_dtype get_autocast_ipu_dtype get_autocast_xla_dtype '
                   'get_default_dtype get_num_interop_threads get_num_threads is_anomaly_check_nan_enabled '
                   'is_anomaly_enabled is_autocast_cache_enabled is_autocast_cpu_enabled is_autocast_ipu_enabled '
                   'is_autocast_xla_enabled is_grad_enabled is_inference_mode_enabled'.split())

# torch.nn.functional's C functions: {attribute: the name PyTorch's messages give it}
FUNCTIONAL = {
    'adaptive_avg_pool1d': 'adaptive_avg_pool1d',
    'avg_pool1d': 'avg_pool1d',
    'avg_pool2d': 'avg_pool2d',
    'avg_pool3d': 'avg_pool3d',
    'bilinear': 'bilinear',
    'celu_': 'celu_',
    'channel_shuffle': 'channel_shuffle',
    'conv1d': 'conv1d',
    'conv2d': 'conv2d',
    'conv3d': 'conv3d',
    'conv_transpose1d': 'conv_transpose1d',
    'conv_transpose2d': 'conv_transpose2d',
    'conv_transpose3d': 'conv_transpose3d',
    'cosine_similarity': 'cosine_similarity',
    'elu_': 'elu_',
    'gelu': 'gelu',
    'hardshrink': 'hardshrink',
    'hardtanh_': 'hardtanh_',
    'leaky_relu_': 'leaky_relu_',
    'linear': 'linear',
    'logsigmoid': 'log_sigmoid',
    'native_channel_shuffle': 'native_channel_shuffle',
    'one_hot': 'one_hot',
    'pairwise_distance': 'pairwise_distance',
    'pdist': 'pdist',
    'pixel_shuffle': 'pixel_shuffle',
    'pixel_unshuffle': 'pixel_unshuffle',
    'prelu': 'prelu',
    'relu_': 'relu_',
    'rrelu_': 'rrelu_',
    'scaled_dot_product_attention': 'scaled_dot_product_attention',
    'selu_': 'selu_',
    'softplus': 'softplus',
    'softshrink': 'softshrink',
    'threshold_': 'threshold_',
}

# the functions of the parser: {name: its signatures}
SIGNATURES = {
    **dict.fromkeys('abs absolute acos acosh alias_copy angle arccos arccosh arcsin arcsinh arctan arctanh asin '
                     'asinh atan atanh bitwise_not ceil conj_physical cos cosh deg2rad detach_copy digamma erf '
                     'erfc erfinv exp exp2 expm1 fix floor frac i0 inverse isneginf isposinf lgamma log log10 '
                     'log1p log2 logical_not msort neg negative rad2deg reciprocal rsqrt sgn sigmoid sign '
                     'signbit sin sinc sinh sqrt square t_copy tan tanh trunc view_as_complex_copy '
                     'view_as_real_copy linalg_eigvals special_bessel_j0 special_bessel_j1 special_bessel_y0 '
                     'special_bessel_y1 special_digamma special_entr special_erf special_erfc special_erfcx '
                     'special_erfinv special_exp2 special_expit special_expm1 special_gammaln special_i0 '
                     'special_i0e special_i1 special_i1e special_log1p special_log_ndtr '
                     'special_modified_bessel_i0 special_modified_bessel_i1 special_modified_bessel_k0 '
                     'special_modified_bessel_k1 special_ndtr special_ndtri special_psi special_sinc log_sigmoid'.split(), (
        '(Tensor input, *, Tensor out = None)',
    )),
    **dict.fromkeys('abs_ acos_ acosh_ adjoint arccos_ arccosh_ arcsin_ arcsinh_ arctan_ arctanh_ argwhere '
                     'asin_ asinh_ atan_ atanh_ ceil_ conj conj_physical_ corrcoef cos_ cosh_ deg2rad_ det '
                     'detach detach_ erf_ erfc_ exp2_ exp_ expm1_ fix_ fliplr flipud floor_ frac_ get_device i0_ '
                     'imag is_complex is_conj is_distributed is_floating_point is_inference is_neg is_nonzero '
                     'is_signed isfinite isinf isnan isreal log10_ log1p_ log2_ log_ logdet matrix_exp neg_ '
                     'negative_ numel positive rad2deg_ ravel real reciprocal_ relu relu_ resolve_conj '
                     'resolve_neg rsqrt_ selu selu_ sigmoid_ sin_ sinc_ sinh_ sqrt_ square_ t tan_ tanh_ trace '
                     'trunc_ view_as_complex view_as_real zero_ linalg_matrix_exp'.split(), (
        '(Tensor input)',
    )),
    **dict.fromkeys('adaptive_avg_pool1d adaptive_max_pool1d'.split(), (
        '(Tensor input, tuple of ints output_size)',
    )),
    **dict.fromkeys('add sub'.split(), (
        '(Tensor input, Tensor other, *, Number alpha = 1, Tensor out = None)',
        '(Tensor input, Number alpha, Tensor other, *, Tensor out = None)|hidden',
    )),
    'addbmm': (
        '(Tensor input, Tensor batch1, Tensor batch2, *, Number beta = 1, Number alpha = 1, Tensor out = None)',
        '(Number beta, Tensor input, Number alpha, Tensor batch1, Tensor batch2, *, Tensor out = None)|hidden',
        '(Number beta, Tensor input, Tensor batch1, Tensor batch2, *, Tensor out = None)|hidden',
    ),
    **dict.fromkeys('addcdiv addcmul'.split(), (
        '(Tensor input, Tensor tensor1, Tensor tensor2, *, Number value = 1, Tensor out = None)',
        '(Tensor input, Number value, Tensor tensor1, Tensor tensor2, *, Tensor out = None)|hidden',
    )),
    'addmm': (
        '(Tensor input, Tensor mat1, Tensor mat2, *, Number beta = 1, Number alpha = 1, Tensor out = None)',
        '(Tensor input, Tensor mat1, Tensor mat2, torch.dtype out_dtype, *, Number beta = 1, Number alpha = 1, '
         'Tensor out = None)',
        '(Number beta, Tensor input, Number alpha, Tensor mat1, Tensor mat2, *, Tensor out = None)|hidden',
        '(Number beta, Tensor input, Tensor mat1, Tensor mat2, *, Tensor out = None)|hidden',
    ),
    'addmv': (
        '(Tensor input, Tensor mat, Tensor vec, *, Number beta = 1, Number alpha = 1, Tensor out = None)',
        '(Number beta, Tensor input, Number alpha, Tensor mat, Tensor vec, *, Tensor out = None)|hidden',
        '(Number beta, Tensor input, Tensor mat, Tensor vec, *, Tensor out = None)|hidden',
    ),
    'addmv_': (
        '(Tensor input, Tensor mat, Tensor vec, *, Number beta = 1, Number alpha = 1)',
        '(Number beta, Tensor input, Number alpha, Tensor mat, Tensor vec)|hidden',
        '(Number beta, Tensor input, Tensor mat, Tensor vec)|hidden',
    ),
    'addr': (
        '(Tensor input, Tensor vec1, Tensor vec2, *, Number beta = 1, Number alpha = 1, Tensor out = None)',
        '(Number beta, Tensor input, Number alpha, Tensor vec1, Tensor vec2, *, Tensor out = None)|hidden',
        '(Number beta, Tensor input, Tensor vec1, Tensor vec2, *, Tensor out = None)|hidden',
    ),
    'affine_grid_generator': (
        '(Tensor theta, tuple of ints size, bool align_corners)',
    ),
    **dict.fromkeys('all any'.split(), (
        '(Tensor input, *, Tensor out = None)',
        '(Tensor input, tuple of ints? dim = None, bool keepdim = False, *, Tensor out = None)',
        '(Tensor input, int dim, bool keepdim = False, *, Tensor out = None)',
    )),
    **dict.fromkeys('allclose isclose'.split(), (
        '(Tensor input, Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False)',
    )),
    **dict.fromkeys('alpha_dropout alpha_dropout_ dropout dropout_ feature_alpha_dropout feature_alpha_dropout_ '
                     'feature_dropout feature_dropout_'.split(), (
        '(Tensor input, float p, bool train)',
    )),
    **dict.fromkeys('amax amin'.split(), (
        '(Tensor input, tuple of ints dim = None, bool keepdim = False, *, Tensor out = None)',
    )),
    'aminmax': (
        '(Tensor input, *, int? dim = None, bool keepdim = False, tuple of Tensors out = None)',
    ),
    'arange': (
        '(Number end, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(Number start, Number end, *, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? '
         'device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(Number start, Number end, Number step = 1, *, Tensor out = None, torch.dtype? dtype = None, '
         'torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
    ),
    **dict.fromkeys('arctan2 atan2 fmax fmin gcd hypot igamma igammac inner kron lcm ldexp logaddexp logaddexp2 '
                     'logical_and logical_or logical_xor matmul maximum minimum mul nextafter vdot linalg_matmul '
                     'special_gammainc special_gammaincc'.split(), (
        '(Tensor input, Tensor other, *, Tensor out = None)',
    )),
    **dict.fromkeys('argmax argmin'.split(), (
        '(Tensor input, int? dim = None, bool keepdim = False, *, Tensor out = None)',
    )),
    'argsort': (
        '(Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None)',
        '(Tensor input, int dim = -1, bool descending = False)',
    ),
    **dict.fromkeys('as_strided as_strided_'.split(), (
        '(Tensor input, tuple of ints size, tuple of ints stride, int? storage_offset = None)',
    )),
    'as_strided_copy': (
        '(Tensor input, tuple of ints size, tuple of ints stride, int? storage_offset = None, *, Tensor out = None)',
    ),
    'as_strided_scatter': (
        '(Tensor input, Tensor src, tuple of ints size, tuple of ints stride, int? storage_offset = None)',
    ),
    'as_tensor': (
        '(object data, *, torch.dtype dtype = None, torch.device? device = None)',
    ),
    'asarray': (
        '(object obj, *, torch.dtype? dtype = None, torch.device? device = None, bool? copy = None, bool? '
         'requires_grad = None)',
    ),
    'avg_pool1d': (
        '(Tensor input, tuple of ints kernel_size, tuple of ints stride = None, tuple of ints padding = 0, bool '
         'ceil_mode = False, bool count_include_pad = True)',
    ),
    **dict.fromkeys('avg_pool2d avg_pool3d'.split(), (
        '(Tensor input, tuple of ints kernel_size, tuple of ints stride = None, tuple of ints padding = 0, bool '
         'ceil_mode = False, bool count_include_pad = True, int? divisor_override = None, *, Tensor out = None)',
    )),
    'baddbmm': (
        '(Tensor input, Tensor batch1, Tensor batch2, *, Number beta = 1, Number alpha = 1, Tensor out = None)',
        '(Tensor input, Tensor batch1, Tensor batch2, torch.dtype out_dtype, *, Number beta = 1, Number alpha = '
         '1, Tensor out = None)',
        '(Number beta, Tensor input, Number alpha, Tensor batch1, Tensor batch2, *, Tensor out = None)|hidden',
        '(Number beta, Tensor input, Tensor batch1, Tensor batch2, *, Tensor out = None)|hidden',
    ),
    **dict.fromkeys('bartlett_window blackman_window hann_window'.split(), (
        '(int window_length, *, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = '
         'None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int window_length, bool periodic, *, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    'batch_norm': (
        '(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, bool training, '
         'float momentum, float eps, bool cudnn_enabled)',
    ),
    'bernoulli': (
        '(Tensor input, *, torch.Generator? generator = None, Tensor out = None)',
        '(Tensor input, float p, *, torch.Generator? generator = None)',
    ),
    'bilinear': (
        '(Tensor input1, Tensor input2, Tensor weight, Tensor? bias = None)',
    ),
    'binary_cross_entropy_with_logits': (
        '(Tensor input, Tensor target, Tensor? weight = None, Tensor? pos_weight = None, int reduction = '
         'at::Reduction::Mean)',
    ),
    'bincount': (
        '(Tensor input, Tensor? weights = None, int minlength = 0)',
    ),
    'binomial': (
        '(Tensor count, Tensor prob, torch.Generator? generator = None)',
    ),
    **dict.fromkeys('bitwise_and bitwise_left_shift bitwise_or bitwise_right_shift bitwise_xor remainder'.split(), (
        '(Tensor input, Tensor other, *, Tensor out = None)',
        '(Number self, Tensor other)',
        '(Tensor input, Number other, *, Tensor out = None)',
    )),
    **dict.fromkeys('bmm mm'.split(), (
        '(Tensor input, Tensor mat2, *, Tensor out = None)',
        '(Tensor input, Tensor mat2, torch.dtype out_dtype, *, Tensor out = None)',
    )),
    'broadcast_to': (
        '(Tensor input, tuple of ints size)',
    ),
    'bucketize': (
        '(Tensor input, Tensor boundaries, *, bool out_int32 = False, bool right = False, Tensor out = None)',
        '(Number self, Tensor boundaries, *, bool out_int32 = False, bool right = False)',
    ),
    'can_cast': (
        '(torch.dtype from_, torch.dtype to)',
    ),
    **dict.fromkeys('cat concat concatenate stack'.split(), (
        '(tuple of Tensors tensors, int dim = 0, *, Tensor out = None)',
    )),
    **dict.fromkeys('celu celu_'.split(), (
        '(Tensor input, Number alpha = 1.0)',
    )),
    **dict.fromkeys('channel_shuffle native_channel_shuffle'.split(), (
        '(Tensor input, int groups)',
    )),
    **dict.fromkeys('cholesky cholesky_inverse'.split(), (
        '(Tensor input, bool upper = False, *, Tensor out = None)',
    )),
    'cholesky_solve': (
        '(Tensor input, Tensor input2, bool upper = False, *, Tensor out = None)',
    ),
    **dict.fromkeys('chunk unsafe_chunk'.split(), (
        '(Tensor input, int chunks, int dim = 0)',
    )),
    **dict.fromkeys('clamp clip'.split(), (
        '(Tensor input, Tensor? min = None, Tensor? max = None, *, Tensor out = None)',
        '(Tensor input, Number? min = None, Number? max = None, *, Tensor out = None)',
    )),
    **dict.fromkeys('clamp_ clip_'.split(), (
        '(Tensor input, Tensor? min = None, Tensor? max = None)',
        '(Tensor input, Number? min = None, Number? max = None)',
    )),
    'clamp_max': (
        '(Tensor input, Tensor max, *, Tensor out = None)',
        '(Tensor input, Number max, *, Tensor out = None)',
    ),
    'clamp_max_': (
        '(Tensor input, Tensor max)',
        '(Tensor input, Number max)',
    ),
    'clamp_min': (
        '(Tensor input, Tensor min, *, Tensor out = None)',
        '(Tensor input, Number min, *, Tensor out = None)',
    ),
    'clamp_min_': (
        '(Tensor input, Tensor min)',
        '(Tensor input, Number min)',
    ),
    'clone': (
        '(Tensor input, *, torch.memory_format? memory_format = None)',
    ),
    **dict.fromkeys('column_stack dstack hstack row_stack vstack linalg_multi_dot'.split(), (
        '(tuple of Tensors tensors, *, Tensor out = None)',
    )),
    'combinations': (
        '(Tensor input, int r = 2, bool with_replacement = False)',
    ),
    'complex': (
        '(Tensor real, Tensor imag, *, Tensor out = None)',
    ),
    'constant_pad_nd': (
        '(Tensor input, tuple of ints pad, Number value = 0)',
    ),
    **dict.fromkeys('conv1d conv2d conv3d'.split(), (
        '(Tensor input, Tensor weight, Tensor? bias = None, tuple of ints stride = 1, tuple of ints padding = '
         '0, tuple of ints dilation = 1, int groups = 1)',
        '(Tensor input, Tensor weight, Tensor? bias = None, tuple of ints stride = 1, str padding = "valid", '
         'tuple of ints dilation = 1, int groups = 1)',
    )),
    **dict.fromkeys('conv_transpose1d conv_transpose2d conv_transpose3d'.split(), (
        '(Tensor input, Tensor weight, Tensor? bias = None, tuple of ints stride = 1, tuple of ints padding = '
         '0, tuple of ints output_padding = 0, int groups = 1, tuple of ints dilation = 1)',
    )),
    'convolution': (
        '(Tensor input, Tensor weight, Tensor? bias, tuple of ints stride, tuple of ints padding, tuple of ints '
         'dilation, bool transposed, tuple of ints output_padding, int groups)',
    ),
    **dict.fromkeys('copysign eq fmod ge greater greater_equal gt le less less_equal lt ne not_equal'.split(), (
        '(Tensor input, Tensor other, *, Tensor out = None)',
        '(Tensor input, Number other, *, Tensor out = None)',
    )),
    **dict.fromkeys('cosine_embedding_loss margin_ranking_loss'.split(), (
        '(Tensor input1, Tensor input2, Tensor target, float margin = 0.0, int reduction = at::Reduction::Mean)',
    )),
    'cosine_similarity': (
        '(Tensor x1, Tensor x2, int dim = 1, float eps = 1e-08)',
    ),
    'count_nonzero': (
        '(Tensor input, int? dim = None)',
        '(Tensor input, tuple of ints dim)',
    ),
    'cov': (
        '(Tensor input, *, int correction = 1, Tensor? fweights = None, Tensor? aweights = None)',
    ),
    'cross': (
        '(Tensor input, Tensor other, int? dim = None, *, Tensor out = None)',
    ),
    'ctc_loss': (
        '(Tensor log_probs, Tensor targets, tuple of ints input_lengths, tuple of ints target_lengths, int '
         'blank = 0, int reduction = at::Reduction::Mean, bool zero_infinity = False)',
        '(Tensor log_probs, Tensor targets, Tensor input_lengths, Tensor target_lengths, int blank = 0, int '
         'reduction = at::Reduction::Mean, bool zero_infinity = False)',
    ),
    **dict.fromkeys('cummax cummin'.split(), (
        '(Tensor input, int dim, *, tuple of Tensors out = None)',
    )),
    **dict.fromkeys('cumprod cumsum'.split(), (
        '(Tensor input, int dim, *, torch.dtype? dtype = None, Tensor out = None)',
    )),
    **dict.fromkeys('cumulative_trapezoid trapezoid'.split(), (
        '(Tensor y, Tensor x, *, int dim = -1)',
        '(Tensor y, *, Number dx = 1, int dim = -1)',
    )),
    'dequantize': (
        '(Tensor input)',
        '(tuple of Tensors tensors)',
    ),
    **dict.fromkeys('diag tril triu'.split(), (
        '(Tensor input, int diagonal = 0, *, Tensor out = None)',
    )),
    'diag_embed': (
        '(Tensor input, int offset = 0, int dim1 = -2, int dim2 = -1)',
    ),
    'diagflat': (
        '(Tensor input, int offset = 0)',
    ),
    'diagonal': (
        '(Tensor input, int offset = 0, int dim1 = 0, int dim2 = 1)',
    ),
    'diagonal_copy': (
        '(Tensor input, int offset = 0, int dim1 = 0, int dim2 = 1, *, Tensor out = None)',
    ),
    'diagonal_scatter': (
        '(Tensor input, Tensor src, int offset = 0, int dim1 = 0, int dim2 = 1)',
    ),
    'diff': (
        '(Tensor input, int n = 1, int dim = -1, Tensor? prepend = None, Tensor? append = None, *, Tensor out = None)',
    ),
    'dist': (
        '(Tensor input, Tensor other, Number p = 2)',
    ),
    'div': (
        '(Tensor input, Tensor other, *, Tensor out = None)',
        '(Tensor input, Tensor other, *, str? rounding_mode, Tensor out = None)',
        '(Tensor input, Number other, *, str? rounding_mode)',
    ),
    'divide': (
        '(Tensor input, Tensor other, *, Tensor out = None)',
        '(Tensor input, Tensor other, *, str? rounding_mode, Tensor out = None)',
        '(Tensor input, Number other)',
        '(Tensor input, Number other, *, str? rounding_mode)',
    ),
    'dot': (
        '(Tensor input, Tensor tensor, *, Tensor out = None)',
    ),
    **dict.fromkeys('dsplit hsplit vsplit'.split(), (
        '(Tensor input, int sections)',
        '(Tensor input, tuple of ints indices)',
    )),
    'elu_': (
        '(Tensor input, Number alpha = 1, Number scale = 1, Number input_scale = 1)',
    ),
    'embedding': (
        '(Tensor weight, Tensor indices, int padding_idx = -1, bool scale_grad_by_freq = False, bool sparse = False)',
    ),
    'embedding_bag': (
        '(Tensor weight, Tensor indices, Tensor offsets, bool scale_grad_by_freq, int mode, bool sparse, '
         'Tensor? per_sample_weights, bool include_last_offset, int? padding_idx)',
        '(Tensor weight, Tensor indices, Tensor offsets, bool scale_grad_by_freq = False, int mode = 0, bool '
         'sparse = False, Tensor? per_sample_weights = None, bool include_last_offset = False)',
    ),
    'embedding_renorm_': (
        '(Tensor input, Tensor indices, float max_norm, float norm_type)',
    ),
    'empty': (
        '(tuple of ints size, *, torch.memory_format? memory_format = None, Tensor out = None, torch.dtype? '
         'dtype = None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, '
         'bool? requires_grad = False)',
    ),
    **dict.fromkeys('empty_like ones_like zeros_like'.split(), (
        '(Tensor input, *, torch.memory_format? memory_format = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    'empty_permuted': (
        '(tuple of ints size, tuple of ints physical_layout, *, torch.dtype? dtype = None, torch.layout? layout '
         '= None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'empty_strided': (
        '(tuple of ints size, tuple of ints stride, *, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    **dict.fromkeys('equal gcd_ is_same_size lcm_ ldexp_'.split(), (
        '(Tensor input, Tensor other)',
    )),
    'expand_copy': (
        '(Tensor input, tuple of ints size, *, bool implicit = False, Tensor out = None)',
    ),
    'eye': (
        '(int n, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? '
         'device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int n, int m, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'fake_quantize_per_channel_affine': (
        '(Tensor input, Tensor scale, Tensor zero_point, int axis, int quant_min, int quant_max)',
    ),
    'fake_quantize_per_tensor_affine': (
        '(Tensor input, Tensor scale, Tensor zero_point, int quant_min, int quant_max)',
        '(Tensor input, float scale, int zero_point, int quant_min, int quant_max)',
    ),
    **dict.fromkeys('fft_fft fft_hfft fft_ifft fft_ihfft fft_irfft fft_rfft'.split(), (
        '(Tensor input, int? n = None, int dim = -1, str? norm = None, *, Tensor out = None)',
    )),
    **dict.fromkeys('fft_fft2 fft_hfft2 fft_ifft2 fft_ihfft2 fft_irfft2 fft_rfft2'.split(), (
        '(Tensor input, tuple of ints? s = None, tuple of ints dim = {-2,-1}, str? norm = None, *, Tensor out = None)',
    )),
    **dict.fromkeys('fft_fftfreq fft_rfftfreq'.split(), (
        '(int n, float d = 1.0, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    **dict.fromkeys('fft_fftn fft_hfftn fft_ifftn fft_ihfftn fft_irfftn fft_rfftn'.split(), (
        '(Tensor input, tuple of ints? s = None, tuple of ints? dim = None, str? norm = None, *, Tensor out = None)',
    )),
    **dict.fromkeys('fft_fftshift fft_ifftshift'.split(), (
        '(Tensor input, tuple of ints? dim = None)',
    )),
    **dict.fromkeys('fill fill_'.split(), (
        '(Tensor input, Tensor value)',
        '(Tensor input, Number value)',
    )),
    'flatten': (
        '(Tensor input, int start_dim = 0, int end_dim = -1)',
    ),
    **dict.fromkeys('flip permute tile'.split(), (
        '(Tensor input, tuple of ints dims)',
    )),
    **dict.fromkeys('float_power pow'.split(), (
        '(Tensor input, Tensor exponent, *, Tensor out = None)',
        '(Number self, Tensor exponent, *, Tensor out = None)',
        '(Tensor input, Number exponent, *, Tensor out = None)',
    )),
    **dict.fromkeys('floor_divide multiply true_divide'.split(), (
        '(Tensor input, Tensor other, *, Tensor out = None)',
        '(Tensor input, Number other)',
    )),
    **dict.fromkeys('frexp geqrf slogdet linalg_eig'.split(), (
        '(Tensor input, *, tuple of Tensors out = None)',
    )),
    **dict.fromkeys('frobenius_norm logsumexp special_logsumexp'.split(), (
        '(Tensor input, tuple of ints dim, bool keepdim = False, *, Tensor out = None)',
    )),
    'frombuffer': (
        '(object buffer, *, torch.dtype dtype, int count = -1, int offset = 0, bool requires_grad = False)',
    ),
    'full': (
        '(tuple of ints size, Number fill_value, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'full_like': (
        '(Tensor input, Number fill_value, *, torch.memory_format? memory_format = None, torch.dtype? dtype = '
         'None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
    ),
    'gather': (
        '(Tensor input, int dim, Tensor index, *, bool sparse_grad = False, Tensor out = None)',
    ),
    'gelu': (
        '(Tensor input, *, str approximate = "none", Tensor out = None)',
    ),
    **dict.fromkeys('ger outer'.split(), (
        '(Tensor input, Tensor vec2, *, Tensor out = None)',
    )),
    'get_autocast_dtype': (
        '(str device_type)',
    ),
    'gradient': (
        '(Tensor input, *, tuple of ints dim, int edge_order = 1)',
        '(Tensor input, *, Number spacing, tuple of ints dim, int edge_order = 1)',
        '(Tensor input, *, Number? spacing = None, int? dim = None, int edge_order = 1)',
        '(Tensor input, *, tuple of Scalars spacing, int? dim = None, int edge_order = 1)',
        '(Tensor input, *, tuple of Scalars spacing, tuple of ints dim, int edge_order = 1)',
        '(Tensor input, *, tuple of Tensors spacing, int? dim = None, int edge_order = 1)',
        '(Tensor input, *, tuple of Tensors spacing, tuple of ints dim, int edge_order = 1)',
    ),
    **dict.fromkeys('grid_sampler grid_sampler_2d'.split(), (
        '(Tensor input, Tensor grid, int interpolation_mode, int padding_mode, bool align_corners)',
    )),
    'group_norm': (
        '(Tensor input, int num_groups, Tensor? weight = None, Tensor? bias = None, float eps = 1e-05, bool '
         'cudnn_enabled = True)',
    ),
    **dict.fromkeys('gru rnn_relu rnn_tanh'.split(), (
        '(Tensor data, Tensor batch_sizes, Tensor hx, tuple of Tensors params, bool has_biases, int num_layers, '
         'float dropout, bool train, bool bidirectional)',
        '(Tensor input, Tensor hx, tuple of Tensors params, bool has_biases, int num_layers, float dropout, '
         'bool train, bool bidirectional, bool batch_first)',
    )),
    **dict.fromkeys('gru_cell rnn_relu_cell rnn_tanh_cell'.split(), (
        '(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih = None, Tensor? b_hh = None)',
    )),
    'hamming_window': (
        '(int window_length, *, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = '
         'None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int window_length, bool periodic, *, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int window_length, bool periodic, float alpha, *, torch.dtype? dtype = None, torch.layout? layout = '
         'None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int window_length, bool periodic, float alpha, float beta, *, torch.dtype? dtype = None, '
         'torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
    ),
    **dict.fromkeys('hardshrink softshrink'.split(), (
        '(Tensor input, Number lambd = 0.5, *, Tensor out = None)',
    )),
    'hardtanh_': (
        '(Tensor input, Number min_val = -1, Number max_val = 1)',
    ),
    'heaviside': (
        '(Tensor input, Tensor values, *, Tensor out = None)',
    ),
    'hinge_embedding_loss': (
        '(Tensor input, Tensor target, float margin = 1.0, int reduction = at::Reduction::Mean)',
    ),
    'histc': (
        '(Tensor input, int bins = 100, Number min = 0, Number max = 0, *, Tensor out = None)',
    ),
    'histogram': (
        '(Tensor input, Tensor bins, *, Tensor? weight = None, bool density = False, tuple of Tensors out = None)',
        '(Tensor input, int bins = 100, *, tuple of floats? range = None, Tensor? weight = None, bool density = '
         'False, tuple of Tensors out = None)',
    ),
    'histogramdd': (
        '(Tensor input, int bins, tuple of floats? range = None, Tensor? weight = None, bool density = False)',
        '(Tensor input, tuple of ints bins, tuple of floats? range = None, Tensor? weight = None, bool density '
         '= False)',
        '(Tensor input, tuple of Tensors bins, tuple of floats? range = None, Tensor? weight = None, bool '
         'density = False)',
    ),
    'index_add': (
        '(Tensor input, int dim, Tensor index, Tensor source, *, Number alpha = 1, Tensor out = None)',
    ),
    'index_copy': (
        '(Tensor input, int dim, Tensor index, Tensor source, *, Tensor out = None)',
    ),
    'index_fill': (
        '(Tensor input, int dim, Tensor index, Tensor value)',
        '(Tensor input, int dim, Tensor index, Number value)',
    ),
    **dict.fromkeys('index_put index_put_'.split(), (
        '(Tensor input, tuple of Tensors indices, Tensor values, bool accumulate = False)',
    )),
    'index_reduce': (
        '(Tensor input, int dim, Tensor index, Tensor source, str reduce, *, bool include_self = True, Tensor '
         'out = None)',
    ),
    'index_select': (
        '(Tensor input, int dim, Tensor index, *, Tensor out = None)',
    ),
    'instance_norm': (
        '(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, bool '
         'use_input_stats, float momentum, float eps, bool cudnn_enabled)',
    ),
    'is_autocast_enabled': (
        '(str device_type)',
        '()',
    ),
    'isin': (
        '(Tensor elements, Tensor test_elements, *, bool assume_unique = False, bool invert = False, Tensor out '
         '= None)',
        '(Number element, Tensor test_elements, *, bool assume_unique = False, bool invert = False, Tensor out = None)',
        '(Tensor elements, Number test_element, *, bool assume_unique = False, bool invert = False, Tensor out = None)',
    ),
    'istft': (
        '(Tensor input, int n_fft, int? hop_length = None, int? win_length = None, Tensor? window = None, bool '
         'center = True, bool normalized = False, bool? onesided = None, int? length = None, bool return_complex '
         '= False)',
    ),
    'kaiser_window': (
        '(int window_length, *, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = '
         'None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int window_length, bool periodic, *, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int window_length, bool periodic, float beta, *, torch.dtype? dtype = None, torch.layout? layout = '
         'None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'kl_div': (
        '(Tensor input, Tensor target, int reduction = at::Reduction::Mean, *, bool log_target = False)',
    ),
    'kthvalue': (
        '(Tensor input, int k, int dim = -1, bool keepdim = False, *, tuple of Tensors out = None)',
    ),
    'layer_norm': (
        '(Tensor input, tuple of ints normalized_shape, Tensor? weight = None, Tensor? bias = None, float eps = '
         '1e-05, bool cudnn_enable = True)',
    ),
    'leaky_relu_': (
        '(Tensor input, Number negative_slope = 0.01)',
    ),
    'lerp': (
        '(Tensor input, Tensor end, Tensor weight, *, Tensor out = None)',
        '(Tensor input, Tensor end, Number weight, *, Tensor out = None)',
    ),
    'linalg_cholesky': (
        '(Tensor input, *, bool upper = False, Tensor out = None)',
    ),
    'linalg_cholesky_ex': (
        '(Tensor input, *, bool upper = False, bool check_errors = False, tuple of Tensors out = None)',
    ),
    'linalg_cond': (
        '(Tensor input, Number? p = None, *, Tensor out = None)',
        '(Tensor input, str p, *, Tensor out = None)',
    ),
    'linalg_cross': (
        '(Tensor input, Tensor other, *, int dim = -1, Tensor out = None)',
    ),
    **dict.fromkeys('linalg_det linalg_inv'.split(), (
        '(Tensor A, *, Tensor out = None)',
    )),
    'linalg_diagonal': (
        '(Tensor A, *, int offset = 0, int dim1 = -2, int dim2 = -1)',
    ),
    'linalg_eigh': (
        '(Tensor input, str UPLO = "L", *, tuple of Tensors out = None)',
    ),
    'linalg_eigvalsh': (
        '(Tensor input, str UPLO = "L", *, Tensor out = None)',
    ),
    'linalg_householder_product': (
        '(Tensor input, Tensor tau, *, Tensor out = None)',
    ),
    'linalg_inv_ex': (
        '(Tensor A, *, bool check_errors = False, tuple of Tensors out = None)',
    ),
    'linalg_ldl_factor': (
        '(Tensor input, *, bool hermitian = False, tuple of Tensors out = None)',
    ),
    'linalg_ldl_factor_ex': (
        '(Tensor input, *, bool hermitian = False, bool check_errors = False, tuple of Tensors out = None)',
    ),
    'linalg_ldl_solve': (
        '(Tensor LD, Tensor pivots, Tensor B, *, bool hermitian = False, Tensor out = None)',
    ),
    'linalg_lstsq': (
        '(Tensor input, Tensor b, float? rcond = None, *, str? driver = None, tuple of Tensors out = None)',
    ),
    **dict.fromkeys('linalg_lu linalg_lu_factor'.split(), (
        '(Tensor A, *, bool pivot = True, tuple of Tensors out = None)',
    )),
    'linalg_lu_factor_ex': (
        '(Tensor A, *, bool pivot = True, bool check_errors = False, tuple of Tensors out = None)',
    ),
    'linalg_lu_solve': (
        '(Tensor LU, Tensor pivots, Tensor B, *, bool left = True, bool adjoint = False, Tensor out = None)',
    ),
    'linalg_matrix_norm': (
        '(Tensor input, Number ord, tuple of ints dim = {-2,-1}, bool keepdim = False, *, torch.dtype? dtype = '
         'None, Tensor out = None)',
        '(Tensor input, str ord = "fro", tuple of ints dim = {-2,-1}, bool keepdim = False, *, torch.dtype? '
         'dtype = None, Tensor out = None)',
    ),
    'linalg_matrix_rank': (
        '(Tensor input, *, Tensor? atol = None, Tensor? rtol = None, bool hermitian = False, Tensor out = None)',
        '(Tensor input, *, float? atol = None, float? rtol = None, bool hermitian = False, Tensor out = None)',
        '(Tensor input, Tensor tol, bool hermitian = False, *, Tensor out = None)',
        '(Tensor input, float tol, bool hermitian = False, *, Tensor out = None)',
    ),
    'linalg_norm': (
        '(Tensor input, Number? ord = None, tuple of ints? dim = None, bool keepdim = False, *, torch.dtype? '
         'dtype = None, Tensor out = None)',
        '(Tensor input, str ord, tuple of ints? dim = None, bool keepdim = False, *, torch.dtype? dtype = None, '
         'Tensor out = None)',
    ),
    'linalg_pinv': (
        '(Tensor input, *, Tensor? atol = None, Tensor? rtol = None, bool hermitian = False, Tensor out = None)',
        '(Tensor input, *, float? atol = None, float? rtol = None, bool hermitian = False, Tensor out = None)',
        '(Tensor input, Tensor rcond, bool hermitian = False, *, Tensor out = None)',
        '(Tensor input, float rcond, bool hermitian = False, *, Tensor out = None)',
    ),
    'linalg_qr': (
        '(Tensor A, str mode = "reduced", *, tuple of Tensors out = None)',
    ),
    'linalg_slogdet': (
        '(Tensor A, *, tuple of Tensors out = None)',
    ),
    'linalg_solve': (
        '(Tensor A, Tensor B, *, bool left = True, Tensor out = None)',
    ),
    'linalg_solve_ex': (
        '(Tensor A, Tensor B, *, bool left = True, bool check_errors = False, tuple of Tensors out = None)',
    ),
    'linalg_solve_triangular': (
        '(Tensor input, Tensor B, *, bool upper, bool left = True, bool unitriangular = False, Tensor out = None)',
    ),
    'linalg_svd': (
        '(Tensor A, bool full_matrices = True, *, str? driver = None, tuple of Tensors out = None)',
    ),
    'linalg_svdvals': (
        '(Tensor A, *, str? driver = None, Tensor out = None)',
    ),
    'linalg_tensorinv': (
        '(Tensor input, int ind = 2, *, Tensor out = None)',
    ),
    'linalg_tensorsolve': (
        '(Tensor input, Tensor other, tuple of ints? dims = None, *, Tensor out = None)',
    ),
    'linalg_vander': (
        '(Tensor x, *, int? N = None)',
    ),
    'linalg_vecdot': (
        '(Tensor x, Tensor y, *, int dim = -1, Tensor out = None)',
    ),
    'linalg_vector_norm': (
        '(Tensor input, Number ord = 2, tuple of ints? dim = None, bool keepdim = False, *, torch.dtype? dtype '
         '= None, Tensor out = None)',
    ),
    'linear': (
        '(Tensor input, Tensor weight, Tensor? bias = None, *, Tensor out = None)',
    ),
    'linspace': (
        '(Tensor start, Tensor end, int steps, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(Number start, Tensor end, int steps, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(Tensor start, Number end, int steps, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(Number start, Number end, int steps, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    **dict.fromkeys('log_softmax softmax'.split(), (
        '(Tensor input, int dim, torch.dtype? dtype = None, *, Tensor out = None)',
    )),
    **dict.fromkeys('logcumsumexp unsqueeze_copy'.split(), (
        '(Tensor input, int dim, *, Tensor out = None)',
    )),
    **dict.fromkeys('logit special_logit'.split(), (
        '(Tensor input, float? eps = None, *, Tensor out = None)',
    )),
    'logit_': (
        '(Tensor input, float? eps = None)',
    ),
    'logspace': (
        '(Tensor start, Tensor end, int steps, float base = 10.0, *, Tensor out = None, torch.dtype? dtype = '
         'None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
        '(Number start, Tensor end, int steps, float base = 10.0, *, Tensor out = None, torch.dtype? dtype = '
         'None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
        '(Tensor start, Number end, int steps, float base = 10.0, *, Tensor out = None, torch.dtype? dtype = '
         'None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
        '(Number start, Number end, int steps, float base = 10.0, *, Tensor out = None, torch.dtype? dtype = '
         'None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
    ),
    'lstm': (
        '(Tensor data, Tensor batch_sizes, tuple of Tensors hx, tuple of Tensors params, bool has_biases, int '
         'num_layers, float dropout, bool train, bool bidirectional)',
        '(Tensor input, tuple of Tensors hx, tuple of Tensors params, bool has_biases, int num_layers, float '
         'dropout, bool train, bool bidirectional, bool batch_first)',
    ),
    'lstm_cell': (
        '(Tensor input, tuple of Tensors hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih = None, Tensor? b_hh = None)',
    ),
    'lu_solve': (
        '(Tensor input, Tensor LU_data, Tensor LU_pivots, *, Tensor out = None)',
    ),
    'lu_unpack': (
        '(Tensor LU_data, Tensor LU_pivots, bool unpack_data = True, bool unpack_pivots = True, *, tuple of '
         'Tensors out = None)',
    ),
    'masked_fill': (
        '(Tensor input, Tensor mask, Tensor value)',
        '(Tensor input, Tensor mask, Number value)',
    ),
    'masked_scatter': (
        '(Tensor input, Tensor mask, Tensor source)',
    ),
    'masked_select': (
        '(Tensor input, Tensor mask, *, Tensor out = None)',
    ),
    **dict.fromkeys('matrix_power linalg_matrix_power'.split(), (
        '(Tensor input, int n, *, Tensor out = None)',
    )),
    **dict.fromkeys('max min'.split(), (
        '(Tensor input, *, Tensor out = None)',
        '(Tensor input, Tensor other, *, Tensor out = None)',
        '(Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)',
    )),
    **dict.fromkeys('max_pool1d max_pool1d_with_indices max_pool2d max_pool3d'.split(), (
        '(Tensor input, tuple of ints kernel_size, tuple of ints stride = None, tuple of ints padding = 0, '
         'tuple of ints dilation = 1, bool ceil_mode = False)',
    )),
    'mean': (
        '(Tensor input, *, torch.dtype? dtype = None, Tensor out = None)',
        '(Tensor input, tuple of ints? dim, bool keepdim = False, *, torch.dtype? dtype = None, Tensor out = None)',
    ),
    **dict.fromkeys('median nanmedian'.split(), (
        '(Tensor input)',
        '(Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)',
    )),
    'mode': (
        '(Tensor input, int dim = -1, bool keepdim = False, *, tuple of Tensors out = None)',
    ),
    **dict.fromkeys('moveaxis movedim'.split(), (
        '(Tensor input, int source, int destination)',
        '(Tensor input, tuple of ints source, tuple of ints destination)',
    )),
    'multinomial': (
        '(Tensor input, int num_samples, bool replacement = False, *, torch.Generator? generator = None, Tensor '
         'out = None)',
    ),
    'mv': (
        '(Tensor input, Tensor vec, *, Tensor out = None)',
    ),
    **dict.fromkeys('mvlgamma special_multigammaln'.split(), (
        '(Tensor input, int p, *, Tensor out = None)',
    )),
    'nan_to_num': (
        '(Tensor input, float? nan = None, float? posinf = None, float? neginf = None, *, Tensor out = None)',
    ),
    'nan_to_num_': (
        '(Tensor input, float? nan = None, float? posinf = None, float? neginf = None)',
    ),
    **dict.fromkeys('nanmean nansum'.split(), (
        '(Tensor input, tuple of ints? dim = None, bool keepdim = False, *, torch.dtype? dtype = None, Tensor '
         'out = None)',
    )),
    **dict.fromkeys('nanquantile quantile'.split(), (
        '(Tensor input, Tensor q, int? dim = None, bool keepdim = False, *, str interpolation = "linear", '
         'Tensor out = None)',
        '(Tensor input, float q, int? dim = None, bool keepdim = False, *, str interpolation = "linear", Tensor '
         'out = None)',
    )),
    'narrow': (
        '(Tensor input, int dim, Tensor start, int length)',
        '(Tensor input, int dim, int start, int length)',
    ),
    'narrow_copy': (
        '(Tensor input, int dim, int start, int length, *, Tensor out = None)',
    ),
    'native_batch_norm': (
        '(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, bool training, '
         'float momentum, float eps, *, tuple of Tensors out = None)',
    ),
    'native_dropout': (
        '(Tensor input, float p, bool? train)',
    ),
    'native_layer_norm': (
        '(Tensor input, tuple of ints normalized_shape, Tensor? weight, Tensor? bias, float eps)',
    ),
    'nonzero': (
        '(Tensor input, *, bool as_tuple = False, Tensor out = None)',
    ),
    'nonzero_static': (
        '(Tensor input, *, int size, int fill_value = -1, Tensor out = None)',
    ),
    'norm_except_dim': (
        '(Tensor v, int pow = 2, int dim = 0)',
    ),
    'normal': (
        '(Tensor mean, Tensor std, *, torch.Generator? generator = None, Tensor out = None)',
        '(Tensor mean, float std = 1, *, torch.Generator? generator = None, Tensor out = None)',
        '(float mean, Tensor std, *, torch.Generator? generator = None, Tensor out = None)',
        '(float mean, float std, tuple of ints size, *, torch.Generator? generator = None, Tensor out = None, '
         'torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory '
         '= False, bool? requires_grad = False)',
    ),
    'nuclear_norm': (
        '(Tensor input, tuple of ints dim, bool keepdim = False, *, Tensor out = None)',
        '(Tensor input, bool keepdim = False, *, Tensor out = None)',
    ),
    'one_hot': (
        '(Tensor input, int num_classes = -1)',
    ),
    **dict.fromkeys('ones zeros'.split(), (
        '(tuple of ints size, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    'orgqr': (
        '(Tensor input, Tensor input2, *, Tensor out = None)',
    ),
    'ormqr': (
        '(Tensor input, Tensor input2, Tensor input3, bool left = True, bool transpose = False, *, Tensor out = None)',
    ),
    'pairwise_distance': (
        '(Tensor x1, Tensor x2, float p = 2, float eps = 1e-06, bool keepdim = False)',
    ),
    'pdist': (
        '(Tensor input, float p = 2)',
    ),
    'permute_copy': (
        '(Tensor input, tuple of ints dims, *, Tensor out = None)',
    ),
    'pinverse': (
        '(Tensor input, float rcond = 1e-15)',
    ),
    'pixel_shuffle': (
        '(Tensor input, int upscale_factor)',
    ),
    'pixel_unshuffle': (
        '(Tensor input, int downscale_factor)',
    ),
    'poisson': (
        '(Tensor input, torch.Generator? generator = None)',
    ),
    'poisson_nll_loss': (
        '(Tensor input, Tensor target, bool log_input, bool full, float eps, int reduction)',
    ),
    'polar': (
        '(Tensor abs, Tensor angle, *, Tensor out = None)',
    ),
    **dict.fromkeys('polygamma special_polygamma'.split(), (
        '(int n, Tensor input, *, Tensor out = None)',
    )),
    'prelu': (
        '(Tensor input, Tensor weight)',
    ),
    'prod': (
        '(Tensor input, *, torch.dtype? dtype = None)',
        '(Tensor input, int dim, bool keepdim = False, *, torch.dtype? dtype = None, Tensor out = None)',
    ),
    'promote_types': (
        '(torch.dtype type1, torch.dtype type2)',
    ),
    'put': (
        '(Tensor input, Tensor index, Tensor source, bool accumulate = False)',
    ),
    'qr': (
        '(Tensor input, bool some = True, *, tuple of Tensors out = None)',
    ),
    'quantize_per_channel': (
        '(Tensor input, Tensor scales, Tensor zero_points, int axis, torch.dtype dtype)',
    ),
    'quantize_per_tensor': (
        '(Tensor input, Tensor scale, Tensor zero_point, torch.dtype dtype)',
        '(Tensor input, float scale, int zero_point, torch.dtype dtype)',
        '(tuple of Tensors tensors, Tensor scales, Tensor zero_points, torch.dtype dtype)',
    ),
    **dict.fromkeys('rand randn'.split(), (
        '(tuple of ints size, *, torch.Generator? generator, Tensor out = None, torch.dtype? dtype = None, '
         'torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
        '(tuple of ints size, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    **dict.fromkeys('rand_like randn_like'.split(), (
        '(Tensor input, *, torch.Generator? generator, torch.memory_format? memory_format = None, torch.dtype? '
         'dtype = None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, '
         'bool? requires_grad = False)',
        '(Tensor input, *, torch.memory_format? memory_format = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    'randint': (
        '(int high, tuple of ints size, *, torch.Generator? generator, Tensor out = None, torch.dtype? dtype = '
         'None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
        '(int high, tuple of ints size, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = '
         'None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int low, int high, tuple of ints size, *, torch.Generator? generator, Tensor out = None, torch.dtype? '
         'dtype = None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, '
         'bool? requires_grad = False)',
        '(int low, int high, tuple of ints size, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'randint_like': (
        '(Tensor input, int low, int high, *, torch.Generator? generator, torch.memory_format? memory_format = '
         'None, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = None, bool? '
         'pin_memory = False, bool? requires_grad = False)',
        '(Tensor input, int low, int high, *, torch.memory_format? memory_format = None, torch.dtype? dtype = '
         'None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
        '(Tensor input, Tensor high, *, torch.Generator? generator, torch.memory_format? memory_format = None, '
         'torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory '
         '= False, bool? requires_grad = False)',
        '(Tensor input, Tensor high, *, torch.memory_format? memory_format = None, torch.dtype? dtype = None, '
         'torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
        '(Tensor input, int high, *, torch.Generator? generator, torch.memory_format? memory_format = None, '
         'torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = None, bool? pin_memory '
         '= False, bool? requires_grad = False)',
        '(Tensor input, int high, *, torch.memory_format? memory_format = None, torch.dtype? dtype = None, '
         'torch.layout? layout = None, torch.device? device = None, bool? pin_memory = False, bool? '
         'requires_grad = False)',
    ),
    'randperm': (
        '(int n, *, torch.Generator? generator, Tensor out = None, torch.dtype? dtype = None, torch.layout? '
         'layout = None, torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
        '(int n, *, Tensor out = None, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? '
         'device = None, bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'range': (
        '(Number start, Number end, Number step = 1, *, Tensor out = None, torch.dtype dtype = None, '
         'torch.layout layout = torch.strided, torch.device device = None, bool requires_grad = False)',
    ),
    'renorm': (
        '(Tensor input, Number p, int dim, Number maxnorm, *, Tensor out = None)',
    ),
    'repeat_interleave': (
        '(Tensor input, Tensor repeats, int? dim = None, *, int? output_size = None)',
        '(Tensor repeats, *, int output_size = None)',
        '(Tensor input, int repeats, int? dim = None, *, int? output_size = None)',
    ),
    'reshape': (
        '(Tensor input, tuple of ints shape)',
    ),
    'resize_as_': (
        '(Tensor input, Tensor the_template, *, torch.memory_format? memory_format = None)',
    ),
    'result_type': (
        '(Tensor tensor, Tensor other)',
        '(Number scalar, Tensor tensor)',
        '(Tensor tensor, Number other)',
        '(Number scalar1, Number scalar2)',
    ),
    'rms_norm': (
        '(Tensor input, tuple of ints normalized_shape, Tensor? weight = None, float? eps = None)',
    ),
    'roll': (
        '(Tensor input, tuple of ints shifts, tuple of ints dims = None)',
    ),
    'rot90': (
        '(Tensor input, int k = 1, tuple of ints dims = {0,1})',
    ),
    'round': (
        '(Tensor input, *, Tensor out = None)',
        '(Tensor input, *, int decimals, Tensor out = None)',
    ),
    'round_': (
        '(Tensor input)',
        '(Tensor input, *, int decimals)',
    ),
    **dict.fromkeys('rrelu rrelu_'.split(), (
        '(Tensor input, Number lower = 0.125, Number upper = 0.3333333333333333, bool training = False, '
         'torch.Generator? generator = None)',
    )),
    'rsub': (
        '(Tensor input, Tensor other, *, Number alpha = 1)',
        '(Tensor input, Number other, Number alpha = 1)',
    ),
    'scalar_tensor': (
        '(Number s, *, torch.dtype? dtype = None, torch.layout? layout = None, torch.device? device = None, '
         'bool? pin_memory = False, bool? requires_grad = False)',
    ),
    'scaled_dot_product_attention': (
        '(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = None, float dropout_p = 0.0, bool '
         'is_causal = False, *, float? scale = None, bool enable_gqa = False)',
    ),
    'scatter': (
        '(Tensor input, int dim, Tensor index, Tensor src, *, Tensor out = None)',
        '(Tensor input, int dim, Tensor index, Tensor src, *, str reduce, Tensor out = None)',
        '(Tensor input, int dim, Tensor index, Number value, *, Tensor out = None)',
        '(Tensor input, int dim, Tensor index, Number value, *, str reduce, Tensor out = None)',
    ),
    'scatter_add': (
        '(Tensor input, int dim, Tensor index, Tensor src, *, Tensor out = None)',
    ),
    'scatter_reduce': (
        '(Tensor input, int dim, Tensor index, Tensor src, str reduce, *, bool include_self = True, Tensor out = None)',
    ),
    'searchsorted': (
        '(Tensor sorted_sequence, Tensor input, *, bool out_int32 = False, bool right = False, str? side = '
         'None, Tensor? sorter = None, Tensor out = None)',
        '(Tensor sorted_sequence, Number self, *, bool out_int32 = False, bool right = False, str? side = None, '
         'Tensor? sorter = None, Tensor out = None)',
    ),
    'select': (
        '(Tensor input, int dim, int index)',
    ),
    'select_copy': (
        '(Tensor input, int dim, int index, *, Tensor out = None)',
    ),
    'select_scatter': (
        '(Tensor input, Tensor src, int dim, int index)',
    ),
    'set_anomaly_enabled': (
        '(bool enabled, bool check_nan = True)',
    ),
    'set_autocast_dtype': (
        '(str device_type, torch.dtype dtype)',
    ),
    'set_autocast_enabled': (
        '(str device_type, bool enabled)',
        '(bool enabled)',
    ),
    'slice_copy': (
        '(Tensor input, int dim = 0, int? start = None, int? end = None, int step = 1, *, Tensor out = None)',
    ),
    'slice_scatter': (
        '(Tensor input, Tensor src, int dim = 0, int? start = None, int? end = None, int step = 1, *, Tensor '
         'out = None)',
    ),
    'softplus': (
        '(Tensor input, Number beta = 1, Number threshold = 20, *, Tensor out = None)',
    ),
    'sort': (
        '(Tensor input, *, bool? stable, int dim = -1, bool descending = False, tuple of Tensors out = None)',
        '(Tensor input, int dim = -1, bool descending = False, *, tuple of Tensors out = None)',
    ),
    'sparse_coo_tensor': (
        '(object indices, object values, *, torch.dtype dtype = None, torch.device? device = None, bool '
         'pin_memory = False, bool requires_grad = False, bool check_invariants = None, bool is_coalesced = None)',
        '(object indices, object values, tuple of ints size, *, torch.dtype dtype = None, torch.device? device '
         '= None, bool pin_memory = False, bool requires_grad = False, bool check_invariants = None, bool '
         'is_coalesced = None)',
        '(tuple of ints size, *, torch.dtype dtype = None, torch.device? device = None, bool requires_grad = '
         'False, bool check_invariants = None)',
    ),
    **dict.fromkeys('special_airy_ai special_scaled_modified_bessel_k0 special_scaled_modified_bessel_k1 '
                     'special_spherical_bessel_j0'.split(), (
        '(Tensor x, *, Tensor out = None)',
    )),
    **dict.fromkeys('special_chebyshev_polynomial_t special_chebyshev_polynomial_u '
                     'special_chebyshev_polynomial_v special_chebyshev_polynomial_w special_hermite_polynomial_h '
                     'special_hermite_polynomial_he special_laguerre_polynomial_l special_legendre_polynomial_p '
                     'special_shifted_chebyshev_polynomial_t special_shifted_chebyshev_polynomial_u '
                     'special_shifted_chebyshev_polynomial_v special_shifted_chebyshev_polynomial_w'.split(), (
        '(Tensor x, Tensor n, *, Tensor out = None)',
        '(Number x, Tensor n, *, Tensor out = None)',
        '(Tensor x, Number n, *, Tensor out = None)',
    )),
    'special_log_softmax': (
        '(Tensor input, int dim, *, torch.dtype? dtype = None)',
    ),
    'special_round': (
        '(Tensor input, *, int decimals = 0, Tensor out = None)',
    ),
    'special_softmax': (
        '(Tensor input, int dim, torch.dtype? dtype = None)',
    ),
    'split_copy': (
        '(Tensor input, int split_size, int dim = 0, *, tuple of Tensors out = None)',
    ),
    **dict.fromkeys('split_with_sizes unsafe_split_with_sizes'.split(), (
        '(Tensor input, tuple of ints split_sizes, int dim = 0)',
    )),
    'split_with_sizes_copy': (
        '(Tensor input, tuple of ints split_sizes, int dim = 0, *, tuple of Tensors out = None)',
    ),
    'squeeze': (
        '(Tensor input)',
        '(Tensor input, int dim)',
        '(Tensor input, tuple of ints dim)',
    ),
    'squeeze_copy': (
        '(Tensor input, *, Tensor out = None)',
        '(Tensor input, int dim, *, Tensor out = None)',
        '(Tensor input, tuple of ints dim, *, Tensor out = None)',
    ),
    **dict.fromkeys('std var'.split(), (
        '(Tensor input, tuple of ints? dim, bool unbiased = True, bool keepdim = False, *, Tensor out = None)',
        '(Tensor input, tuple of ints? dim = None, *, Number? correction = None, bool keepdim = False, Tensor '
         'out = None)',
        '(Tensor input, bool unbiased = True)',
    )),
    **dict.fromkeys('std_mean var_mean'.split(), (
        '(Tensor input, tuple of ints? dim, bool unbiased = True, bool keepdim = False)',
        '(Tensor input, tuple of ints? dim = None, *, Number? correction = None, bool keepdim = False)',
        '(Tensor input, bool unbiased = True)',
    )),
    'subtract': (
        '(Tensor input, Tensor other, *, Number alpha = 1, Tensor out = None)',
        '(Tensor input, Number other, Number alpha = 1)',
    ),
    'sum': (
        '(Tensor input, *, torch.dtype? dtype = None)',
        '(Tensor input, tuple of ints? dim, bool keepdim = False, *, torch.dtype? dtype = None, Tensor out = None)',
    ),
    'svd': (
        '(Tensor input, bool some = True, bool compute_uv = True, *, tuple of Tensors out = None)',
    ),
    'swapaxes': (
        '(Tensor input, int axis0, int axis1)',
    ),
    **dict.fromkeys('swapdims transpose'.split(), (
        '(Tensor input, int dim0, int dim1)',
    )),
    'take': (
        '(Tensor input, Tensor index, *, Tensor out = None)',
    ),
    'take_along_dim': (
        '(Tensor input, Tensor indices, int? dim = None, *, Tensor out = None)',
    ),
    'tensor': (
        '(object data, *, torch.dtype dtype = None, torch.device? device = None, bool pin_memory = False, bool '
         'requires_grad = False)',
    ),
    'tensor_split': (
        '(Tensor input, tuple of ints indices, int dim = 0)',
        '(Tensor input, Tensor tensor_indices_or_sections, int dim = 0)',
        '(Tensor input, int sections, int dim = 0)',
    ),
    'threshold': (
        '(Tensor input, Number threshold, Number value, *, Tensor out = None)',
    ),
    'threshold_': (
        '(Tensor input, Number threshold, Number value)',
    ),
    'topk': (
        '(Tensor input, int k, int dim = -1, bool largest = True, bool sorted = True, *, tuple of Tensors out = None)',
    ),
    'transpose_copy': (
        '(Tensor input, int dim0, int dim1, *, Tensor out = None)',
    ),
    'trapz': (
        '(Tensor y, *, float dx = 1, int dim = -1)',
        '(Tensor y, Tensor x, *, int dim = -1)',
    ),
    'triangular_solve': (
        '(Tensor input, Tensor A, bool upper = True, bool transpose = False, bool unitriangular = False, *, '
         'tuple of Tensors out = None)',
    ),
    **dict.fromkeys('tril_indices triu_indices'.split(), (
        '(int row, int col, int offset = 0, *, torch.dtype? dtype = None, torch.layout? layout = None, '
         'torch.device? device = None, bool? pin_memory = False, bool? requires_grad = False)',
    )),
    'triplet_margin_loss': (
        '(Tensor anchor, Tensor positive, Tensor negative, float margin = 1.0, float p = 2, float eps = 1e-06, '
         'bool swap = False, int reduction = at::Reduction::Mean)',
    ),
    'unbind': (
        '(Tensor input, int dim = 0)',
    ),
    'unbind_copy': (
        '(Tensor input, int dim = 0, *, tuple of Tensors out = None)',
    ),
    'unflatten': (
        '(Tensor input, int dim, tuple of ints sizes)',
    ),
    'unfold_copy': (
        '(Tensor input, int dimension, int size, int step, *, Tensor out = None)',
    ),
    'unsafe_split': (
        '(Tensor input, int split_size, int dim = 0)',
    ),
    'unsqueeze': (
        '(Tensor input, int dim)',
    ),
    'vander': (
        '(Tensor x, int? N = None, bool increasing = False)',
    ),
    'view_copy': (
        '(Tensor input, torch.dtype dtype, *, Tensor out = None)',
        '(Tensor input, tuple of ints size, *, Tensor out = None)',
    ),
    'where': (
        '(Tensor condition)',
        '(Tensor condition, Tensor input, Tensor other, *, Tensor out = None)',
        '(Tensor condition, Number self, Tensor other)',
        '(Tensor condition, Tensor input, Number other)',
        '(Tensor condition, Number self, Number other)',
    ),
    **dict.fromkeys('xlogy special_xlog1py special_xlogy special_zeta'.split(), (
        '(Tensor input, Tensor other, *, Tensor out = None)',
        '(Number self, Tensor other, *, Tensor out = None)',
        '(Tensor input, Number other, *, Tensor out = None)',
    )),
    'xlogy_': (
        '(Tensor input, Tensor other)',
        '(Tensor input, Number other)',
    ),
}
