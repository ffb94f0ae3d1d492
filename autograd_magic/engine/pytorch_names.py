"""The public names (dir() without a leading "_") of PyTorch 2.13.0's modules that the engine mirrors, and of
torch.Tensor: which attributes PyTorch has (see tools/pytorch_names.py, which writes this file; do not edit it)."""

NAMES = {
    "torch": frozenset("""
        AVG AcceleratorError AggregationType AliasDb AnyType Argument ArgumentSpec AwaitType BFloat16Storage
        BFloat16Tensor BenchmarkConfig BenchmarkExecutionStats Block BoolStorage BoolTensor BoolType BufferDict
        ByteStorage ByteTensor CallStack Capsule CharStorage CharTensor ClassType Code CompilationUnit
        CompleteArgumentSpec ComplexDoubleStorage ComplexFloatStorage ComplexType ConcreteModuleType
        ConcreteModuleTypeBuilder DeepCopyMemoTable DeserializationStorageContext DeviceObjType DictType
        DisableTorchFunction DisableTorchFunctionSubclass DispatchKey DispatchKeySet DoubleStorage DoubleTensor
        EnumType ErrorReport Event ExcludeDispatchKeyGuard ExecutionPlan FatalError FileCheck FloatStorage FloatTensor
        FloatType FunctionSchema Future FutureType Generator GradScaler Gradient Graph GraphExecutorState HalfStorage
        HalfTensor IODescriptor InferredType IntStorage IntTensor IntType InterfaceType JITException ListType
        LiteScriptModule LockingLogger LoggerBase LongStorage LongTensor ModuleDict Node NoneType NoopLogger
        NumberType OperatorInfo OptionalType OutOfMemoryError PRIVATE_OPS ParameterDict PyObjectType PyTorchFileReader
        PyTorchFileWriter QInt32Storage QInt8Storage QUInt2x4Storage QUInt4x2Storage QUInt8Storage RRefType SUM
        ScriptClass ScriptClassFunction ScriptDict ScriptDictIterator ScriptDictKeyIterator ScriptFunction ScriptList
        ScriptListIterator ScriptMethod ScriptModule ScriptModuleSerializer ScriptObject ScriptObjectProperty
        SerializationStorageContext ShortStorage ShortTensor Size StaticModule Storage StorageBase Stream
        StreamObjType StringType SymBool SymBoolType SymFloat SymInt SymIntType TYPE_CHECKING Tag Tensor TensorType
        ThroughputBenchmark TracingState TupleType Type TypedStorage USE_GLOBAL_DEPS USE_RTLD_GLOBAL_WITH_LIBTORCH
        UnionType UntypedStorage Use Value abs abs_ absolute accelerator acos acos_ acosh acosh_ adaptive_avg_pool1d
        adaptive_max_pool1d add addbmm addcdiv addcmul addmm addmv addmv_ addr adjoint affine_grid_generator
        alias_copy all allclose alpha_dropout alpha_dropout_ amax amin aminmax amp angle any ao arange arccos arccos_
        arccosh arccosh_ arcsin arcsin_ arcsinh arcsinh_ arctan arctan2 arctan_ arctanh arctanh_
        are_deterministic_algorithms_enabled argmax argmin argsort argwhere as_strided as_strided_ as_strided_copy
        as_strided_scatter as_tensor asarray asin asin_ asinh asinh_ atan atan2 atan_ atanh atanh_ atleast_1d
        atleast_2d atleast_3d autocast autocast_decrement_nesting autocast_increment_nesting autograd avg_pool1d
        backends baddbmm bartlett_window batch_norm batch_norm_backward_elemt batch_norm_backward_reduce
        batch_norm_elemt batch_norm_gather_stats batch_norm_gather_stats_with_counts batch_norm_stats
        batch_norm_update_stats bernoulli bfloat16 bilinear binary_cross_entropy_with_logits bincount binomial bit
        bits16 bits1x8 bits2x4 bits4x2 bits8 bitwise_and bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift
        bitwise_xor blackman_window block_diag bmm bool broadcast_shapes broadcast_tensors broadcast_to bucketize
        builtins can_cast cartesian_prod cat ccol_indices_copy cdist cdouble ceil ceil_ celu celu_ cfloat chain_matmul
        chalf channel_shuffle channels_last channels_last_3d cholesky cholesky_inverse cholesky_solve
        choose_qparams_optimized chunk clamp clamp_ clamp_max clamp_max_ clamp_min clamp_min_ classes classproperty
        clear_autocast_cache clip clip_ clone col_indices_copy column_stack combinations compile
        compiled_with_cxx11_abi compiler complex complex128 complex32 complex64 concat concatenate cond conj
        conj_physical conj_physical_ constant_pad_nd contiguous_format conv1d conv2d conv3d conv_tbc conv_transpose1d
        conv_transpose2d conv_transpose3d convolution copysign corrcoef cos cos_ cosh cosh_ cosine_embedding_loss
        cosine_similarity count_nonzero cov cpp cpu cross crow_indices_copy ctc_loss ctypes cuda
        cudnn_affine_grid_generator cudnn_batch_norm cudnn_convolution cudnn_convolution_add_relu
        cudnn_convolution_relu cudnn_convolution_transpose cudnn_grid_sampler cudnn_is_acceptable cummax cummin
        cumprod cumsum cumulative_trapezoid default_generator deg2rad deg2rad_ dequantize det detach detach_
        detach_copy device diag diag_embed diagflat diagonal diagonal_copy diagonal_scatter diff digamma dist
        distributed distributions div divide dot double dropout dropout_ dsmm dsplit dstack dtype e eig einsum
        embedding embedding_bag embedding_renorm_ empty empty_like empty_permuted empty_quantized empty_strided
        enable_grad eq equal erf erf_ erfc erfc_ erfinv exp exp2 exp2_ exp_ expand_copy expm1 expm1_ export eye
        fake_quantize_per_channel_affine fake_quantize_per_tensor_affine fbgemm_linear_fp16_weight
        fbgemm_linear_fp16_weight_fp32_activation fbgemm_linear_int8_weight fbgemm_linear_int8_weight_fp32_activation
        fbgemm_linear_quantize_weight fbgemm_pack_gemm_matrix_fp16 fbgemm_pack_quantized_matrix feature_alpha_dropout
        feature_alpha_dropout_ feature_dropout feature_dropout_ fft fill fill_ finfo fix fix_ flatten flip fliplr
        flipud float float16 float32 float4_e2m1fn_x2 float64 float8_e4m3fn float8_e4m3fnuz float8_e5m2
        float8_e5m2fnuz float8_e8m0fnu float_power floor floor_ floor_divide fmax fmin fmod fork frac frac_ frexp
        frobenius_norm from_dlpack from_file from_numpy frombuffer full full_like func functional functools
        fused_moving_avg_obs_fake_quant futures fx gather gcd gcd_ ge geqrf ger get_autocast_cpu_dtype
        get_autocast_dtype get_autocast_gpu_dtype get_autocast_ipu_dtype get_autocast_xla_dtype get_default_device
        get_default_dtype get_deterministic_debug_mode get_device get_device_module get_file_path
        get_float32_matmul_precision get_num_interop_threads get_num_threads get_rng_state glob gradient greater
        greater_equal grid_sampler grid_sampler_2d grid_sampler_3d group_norm gru gru_cell gt half hamming_window
        hann_window hardshrink has_lapack has_mkl has_openmp has_spectral hash_tensor heaviside hinge_embedding_loss
        histc histogram histogramdd hsmm hsplit hspmm hstack hub hypot i0 i0_ igamma igammac iinfo imag
        import_ir_module import_ir_module_from_buffer importlib index_add index_copy index_fill index_put index_put_
        index_reduce index_select indices_copy inf inference_mode init_num_threads initial_seed inner inspect
        instance_norm int int1 int16 int2 int3 int32 int4 int5 int6 int64 int7 int8 int_repr inverse
        is_anomaly_check_nan_enabled is_anomaly_enabled is_autocast_cache_enabled is_autocast_cpu_enabled
        is_autocast_enabled is_autocast_ipu_enabled is_autocast_xla_enabled is_complex is_conj
        is_deterministic_algorithms_warn_only_enabled is_distributed is_floating_point is_grad_enabled is_inference
        is_inference_mode_enabled is_neg is_nonzero is_same_size is_signed is_storage is_tensor is_vulkan_available
        is_warn_always_enabled isclose isfinite isin isinf isnan isneginf isposinf isreal istft jagged jit
        kaiser_window kl_div kron kthvalue layer_norm layout lcm lcm_ ldexp ldexp_ le legacy_contiguous_format lerp
        less less_equal lgamma library linalg linspace load lobpcg log log10 log10_ log1p log1p_ log2 log2_ log_
        log_softmax logaddexp logaddexp2 logcumsumexp logdet logical_and logical_not logical_or logical_xor logit
        logit_ logspace logsumexp long lstm lstm_cell lstsq lt lu lu_solve lu_unpack manual_seed margin_ranking_loss
        masked masked_fill masked_scatter masked_select math matmul matrix_exp matrix_power matrix_rank max max_pool1d
        max_pool1d_with_indices max_pool2d max_pool3d maximum mean median memory_format merge_type_from_type_comment
        meshgrid min minimum miopen_batch_norm miopen_convolution miopen_convolution_add_relu miopen_convolution_relu
        miopen_convolution_transpose miopen_ctc_loss miopen_depthwise_convolution miopen_rnn
        mkldnn_adaptive_avg_pool2d mkldnn_convolution mkldnn_linear_backward_weights mkldnn_max_pool2d
        mkldnn_max_pool3d mkldnn_rnn_layer mm mode monitor moveaxis movedim mps msort mtia mul multinomial multiply
        multiprocessing mv mvlgamma nan nan_to_num nan_to_num_ nanmean nanmedian nanquantile nansum narrow narrow_copy
        native_batch_norm native_channel_shuffle native_dropout native_group_norm native_layer_norm native_norm ne neg
        neg_ negative negative_ nested newaxis nextafter nn no_grad nonzero nonzero_static norm norm_except_dim normal
        not_equal nuclear_norm numel ones ones_like onnx ops optim orgqr ormqr os outer overrides package
        pairwise_distance parse_ir parse_schema parse_type_comment pca_lowrank pdist per_channel_affine
        per_channel_affine_float_qparams per_channel_symmetric per_tensor_affine per_tensor_symmetric permute
        permute_copy pi pinverse pixel_shuffle pixel_unshuffle platform poisson poisson_nll_loss polar polygamma
        positive pow prelu prepare_multiprocessing_environment preserve_format prod profiler
        profiler_allow_cudagraph_cupti_lazy_reinit_cuda12 promote_types put q_per_channel_axis q_per_channel_scales
        q_per_channel_zero_points q_scale q_zero_point qint32 qint8 qr qscheme quantile quantization
        quantize_per_channel quantize_per_tensor quantize_per_tensor_dynamic quantized_batch_norm quantized_gru
        quantized_gru_cell quantized_lstm quantized_lstm_cell quantized_max_pool1d quantized_max_pool2d
        quantized_max_pool3d quantized_rnn_relu_cell quantized_rnn_tanh_cell quasirandom quint2x4 quint4x2 quint8
        rad2deg rad2deg_ rand rand_like randint randint_like randn randn_like random randperm range ravel real
        reciprocal reciprocal_ relu relu_ remainder renorm repeat_interleave reshape resize_as_ resize_as_sparse_
        resolve_conj resolve_neg result_type return_types rms_norm rnn_relu rnn_relu_cell rnn_tanh rnn_tanh_cell roll
        rot90 round round_ row_indices_copy row_stack rrelu rrelu_ rsqrt rsqrt_ rsub saddmm save scalar_tensor scatter
        scatter_add scatter_reduce searchsorted seed segment_reduce select select_copy select_scatter selu selu_
        serialization set_anomaly_enabled set_autocast_cache_enabled set_autocast_cpu_dtype set_autocast_cpu_enabled
        set_autocast_dtype set_autocast_enabled set_autocast_gpu_dtype set_autocast_ipu_dtype set_autocast_ipu_enabled
        set_autocast_xla_dtype set_autocast_xla_enabled set_default_device set_default_dtype set_default_tensor_type
        set_deterministic_debug_mode set_float32_matmul_precision set_flush_denormal set_grad_enabled
        set_num_interop_threads set_num_threads set_printoptions set_rng_state set_warn_always sgn short sigmoid
        sigmoid_ sign signal signbit sin sin_ sinc sinc_ sinh sinh_ slice_copy slice_inverse slice_scatter slogdet smm
        softmax solve sort sparse sparse_bsc sparse_bsc_tensor sparse_bsr sparse_bsr_tensor sparse_compressed_tensor
        sparse_coo sparse_coo_tensor sparse_csc sparse_csc_tensor sparse_csr sparse_csr_tensor special split
        split_copy split_with_sizes split_with_sizes_copy spmm sqrt sqrt_ square square_ squeeze squeeze_copy sspaddmm
        stack std std_mean stft storage strided sub subtract sum svd svd_lowrank swapaxes swapdims sym_constrain_range
        sym_constrain_range_for_size sym_float sym_fresh_size sym_int sym_ite sym_max sym_min sym_not sym_sqrt sym_sum
        symeig sys t t_copy take take_along_dim tan tan_ tanh tanh_ tensor tensor_split tensordot testing textwrap
        thread_safe_generator threading threshold threshold_ tile to_dlpack topk torch torch_version trace transpose
        transpose_copy trapezoid trapz triangular_solve tril tril_indices triplet_margin_loss triu triu_indices
        true_divide trunc trunc_ typename types uint1 uint16 uint2 uint3 uint32 uint4 uint5 uint6 uint64 uint7 uint8
        unbind unbind_copy unflatten unfold_copy unify_type_list unique unique_consecutive unravel_index unsafe_chunk
        unsafe_split unsafe_split_with_sizes unsqueeze unsqueeze_copy use_deterministic_algorithms utils values_copy
        vander var var_mean vdot version view_as_complex view_as_complex_copy view_as_real view_as_real_copy view_copy
        vmap vsplit vstack wait warnings where while_loop windows xlogy xlogy_ xpu zero_ zeros zeros_like
        """.split()),
    "torch.accelerator": frozenset("""
        Any Graph cache current_accelerator current_device_idx current_device_index current_stream deprecated
        device_count device_index empty_cache empty_host_cache get_device_capability get_memory_info graphs
        is_available max_memory_allocated max_memory_reserved memory memory_allocated memory_reserved memory_stats
        reset_accumulated_memory_stats reset_peak_memory_stats set_device_idx set_device_index set_stream synchronize
        torch
        """.split()),
    "torch.amp": frozenset("""
        GradScaler autocast autocast_mode custom_bwd custom_fwd grad_scaler is_autocast_available
        """.split()),
    "torch.autograd": frozenset("""
        DeviceType Function Mapping NestedIOFunction ProfilerActivity ProfilerConfig ProfilerEvent ProfilerState
        SavedTensor Sequence Variable anomaly_mode backward cast detect_anomaly enable_grad enforce_grad_layout_policy
        forward_ad function functional grad grad_mode gradcheck gradgradcheck graph handle_torch_function
        has_torch_function inference_mode is_multithreading_enabled is_tensor_like is_view_replay_enabled
        kineto_available no_grad overload profiler profiler_legacy profiler_util set_detect_anomaly set_grad_enabled
        set_multithreading_enabled torch variable warnings
        """.split()),
    "torch.autograd._functions": frozenset("""
        Function Resize Type deprecated operator reduce tensor torch
        """.split()),
    "torch.autograd._functions.tensor": frozenset("""
        Function Resize Type deprecated operator reduce torch
        """.split()),
    "torch.autograd.anomaly_mode": frozenset("""
        detect_anomaly set_detect_anomaly torch warnings
        """.split()),
    "torch.autograd.forward_ad": frozenset("""
        Any NamedTuple UnpackedDualTensor dual_level enter_dual_level exit_dual_level make_dual os torch unpack_dual
        """.split()),
    "torch.autograd.function": frozenset("""
        AUTOGRAD_FUNCTION_COUNTER Any BackwardCFunction Callable Concatenate Function FunctionCtx FunctionMeta
        InplaceFunction NestedIOFunction OrderedDict ParamSpec TypeVar custom_function_call deprecated functools hooks
        inspect itertools once_differentiable torch warnings
        """.split()),
    "torch.autograd.functional": frozenset("""
        fwAD hessian hvp jacobian jvp torch vhp vjp
        """.split()),
    "torch.autograd.grad_mode": frozenset("""
        Any F enable_grad enforce_grad_layout_policy inference_mode no_grad set_grad_enabled
        set_multithreading_enabled torch
        """.split()),
    "torch.autograd.gradcheck": frozenset("""
        Callable FAILED_BATCHED_GRAD_MSG FAILED_BATCHED_GRAD_MSG_FWD_AD FAILED_NONDET_MSG FAST_FAIL_SLOW_OK_MSG
        GradcheckError Iterable collections deprecated functools get_analytical_jacobian get_numerical_jacobian
        get_numerical_jacobian_wrt_specific_input gradcheck gradgradcheck is_tensor_like product torch vmap warnings
        """.split()),
    "torch.autograd.graph": frozenset("""
        Any Callable Generator GradientEdge Iterable Iterator Literal MutableMapping NamedTuple Node Optional
        RemovableHandle Sequence TYPE_CHECKING TorchDispatchMode TypeAlias Union Variable WeakKeyDictionary
        WeakValueDictionary abc allow_mutation_on_saved_tensors cast contextlib contextvars defaultdict deque
        disable_saved_tensors_hooks functools get_gradient_edge increment_version log logging
        region_activation_memory_budget register_multi_grad_hook save_on_cpu saved_tensors_hooks
        set_override_stale_capture_stream set_warn_on_accumulate_grad_stream_mismatch threading torch
        """.split()),
    "torch.autograd.profiler": frozenset("""
        Any DeviceType EnforceUnique EventList FunctionEvent Future Iterable KinetoStepTracker MEMORY_EVENT_NAME
        MemRecordsAcc OUT_OF_MEMORY_EVENT_NAME Optional ProfilerActivity ProfilerConfig ProfilerState copy dataclass
        defaultdict emit_itt emit_nvtx kineto_available load_nvprof log logging parse_nvprof_trace perf_counter_ns
        profile record_function torch uuid warn
        """.split()),
    "torch.autograd.variable": frozenset("""
        ImperativeEngine Variable VariableMeta torch
        """.split()),
    "torch.compiler": frozenset("""
        Any CacheInfo Callable F FuncType NestedCompileRegionOptions ParamSpec TypeVar allow_in_graph
        assume_constant_result compile config contextlib cudagraph_mark_step_begin disable get_default_backend io
        is_compiling is_dynamo_compiling is_exporting keep_portable_guards_unsafe keep_tensor_guards_unsafe
        list_backends load_cache_artifacts load_compiled_function nested_compile_region reset save_cache_artifacts
        set_default_backend set_enable_guard_collectives set_stance skip_all_guards_unsafe
        skip_guard_on_all_nn_modules_unsafe skip_guard_on_globals_unsafe skip_guard_on_inbuilt_nn_modules_unsafe
        substitute_in_graph torch wrap_numpy
        """.split()),
    "torch.cpu": frozenset("""
        AbstractContextManager Any Event Mapping MappingProxyType Stream StreamContext amp current_device
        current_stream device_count get_capabilities is_available is_initialized lru_cache set_device stream
        synchronize torch
        """.split()),
    "torch.cpu.amp": frozenset("""
        GradScaler autocast autocast_mode grad_scaler
        """.split()),
    "torch.cuda": frozenset("""
        AcceleratorError Any BFloat16Storage BFloat16Tensor BoolStorage BoolTensor ByteStorage ByteTensor CUDAGraph
        CUDAPluggableAllocator Callable CharStorage CharTensor ComplexDoubleStorage ComplexFloatStorage CudaError
        DEVICE_REQUIREMENT DeferredCudaCallError Device DoubleStorage DoubleTensor Event ExternalStream FloatStorage
        FloatTensor GreenContext HalfStorage HalfTensor IntStorage IntTensor LongStorage LongTensor MemPool NewType
        Optional OutOfMemoryError PYTORCH_RELEASES_CODE_CC ShortStorage ShortTensor Stream StreamContext TYPE_CHECKING
        amp caching_allocator_alloc caching_allocator_delete caching_allocator_disabled caching_allocator_enable
        can_device_access_peer cast change_current_allocator check_error classproperty clock_rate cudaStatus cudart
        current_blas_handle current_device current_solver_handle current_stream default_generators default_stream
        device device_count device_memory_used device_of empty_cache gds get_allocator_backend get_arch_list
        get_device_capability get_device_name get_device_properties get_gencode_flags get_per_process_memory_fraction
        get_rng_state get_rng_state_all get_stream_from_external get_sync_debug_mode graph graph_pool_handle graphs
        green_contexts has_half has_magma host_memory_stats host_memory_stats_as_nested_dict importlib init
        initial_seed ipc_collect is_available is_bf16_supported is_current_stream_capturing is_initialized
        is_tf32_supported jiterator list_gpu_processes lru_cache make_graphed_callables manual_seed manual_seed_all
        max_memory_allocated max_memory_cached max_memory_reserved mem_get_info memory memory_allocated memory_cached
        memory_reserved memory_snapshot memory_stats memory_stats_as_nested_dict memory_summary memory_usage nccl nvtx
        os platform power_draw profiler random reset_accumulated_host_memory_stats reset_accumulated_memory_stats
        reset_max_memory_allocated reset_max_memory_cached reset_peak_host_memory_stats reset_peak_memory_stats seed
        seed_all set_device set_per_process_memory_fraction set_rng_state set_rng_state_all set_stream
        set_sync_debug_mode sparse stream streams synchronize temperature threading torch traceback tunable
        use_mem_pool utilization warnings
        """.split()),
    "torch.cuda.amp": frozenset("""
        GradScaler amp_definitely_not_available autocast autocast_mode common custom_bwd custom_fwd grad_scaler
        """.split()),
    "torch.distributed": frozenset("""
        AllToAllOptions AllreduceCoalescedOptions AllreduceOptions Backend BackendConfig BarrierOptions
        BroadcastOptions BuiltinCommHookType DebugLevel DeviceMesh DistBackendError DistError DistNetworkError
        DistStoreError FileStore GatherOptions GradBucket GroupMember GroupName HashStore Logger P2POp PrefixStore
        ProcessGroup ProcessGroupGloo QueueEmptyError RankType ReduceOp ReduceOptions ReduceScatterOptions Reducer
        ScatterOptions Store TCPStore Work algorithms all_gather all_gather_coalesced all_gather_into_tensor
        all_gather_object all_gather_single all_reduce all_reduce_coalesced all_to_all all_to_all_single autograd
        barrier batch_isend_irecv breakpoint broadcast broadcast_object_list c10d_logger config constants
        default_pg_timeout destroy_process_group device_mesh distributed_c10d gather gather_object get_backend
        get_backend_config get_debug_level get_default_backend_for_device get_global_rank get_group_rank
        get_node_local_rank get_pg_count get_process_group_ranks get_rank get_world_size group init_device_mesh
        init_process_group irecv is_available is_backend_available is_gloo_available is_initialized is_mpi_available
        is_nccl_available is_torchelastic_launched is_ucc_available is_xccl_available isend log logging
        logging_handlers monitored_barrier new_group new_subgroups new_subgroups_by_enumeration record_comm recv
        recv_object_list reduce reduce_op reduce_scatter reduce_scatter_single reduce_scatter_tensor
        register_rendezvous_handler remote_device rendezvous rpc scatter scatter_object_list send send_object_list
        set_debug_level set_debug_level_from_env shrink_group split_group supports_complex sys timedelta torch
        traceback typing utils
        """.split()),
    "torch.distributions": frozenset("""
        AbsTransform AffineTransform Bernoulli Beta Binomial CatTransform Categorical Cauchy Chi2 ComposeTransform
        ContinuousBernoulli CorrCholeskyTransform CumulativeDistributionTransform Dirichlet Distribution ExpTransform
        Exponential ExponentialFamily FisherSnedecor Gamma GeneralizedPareto Geometric Gumbel HalfCauchy HalfNormal
        Independent IndependentTransform InverseGamma Kumaraswamy LKJCholesky Laplace LogNormal LogisticNormal
        LowRankMultivariateNormal LowerCholeskyTransform MixtureSameFamily Multinomial MultivariateNormal
        NegativeBinomial Normal OneHotCategorical OneHotCategoricalStraightThrough Pareto Poisson
        PositiveDefiniteTransform PowerTransform RelaxedBernoulli RelaxedOneHotCategorical ReshapeTransform
        SigmoidTransform SoftmaxTransform SoftplusTransform StackTransform StickBreakingTransform StudentT
        TanhTransform Transform TransformedDistribution Uniform VonMises Weibull Wishart bernoulli beta biject_to
        binomial categorical cauchy chi2 constraint_registry constraints continuous_bernoulli dirichlet distribution
        exp_family exponential fishersnedecor gamma generalized_pareto geometric gumbel half_cauchy half_normal
        identity_transform independent inverse_gamma kl kl_divergence kumaraswamy laplace lkj_cholesky log_normal
        logistic_normal lowrank_multivariate_normal mixture_same_family multinomial multivariate_normal
        negative_binomial normal one_hot_categorical pareto poisson register_kl relaxed_bernoulli relaxed_categorical
        studentT transform_to transformed_distribution transforms uniform utils von_mises weibull wishart
        """.split()),
    "torch.distributions.bernoulli": frozenset("""
        Bernoulli ExponentialFamily Number Tensor binary_cross_entropy_with_logits broadcast_all constraints
        lazy_property logits_to_probs nan probs_to_logits torch
        """.split()),
    "torch.distributions.categorical": frozenset("""
        Categorical Distribution Tensor constraints lazy_property logits_to_probs nan probs_to_logits torch
        """.split()),
    "torch.distributions.constraint_registry": frozenset("""
        ConstraintRegistry biject_to constraints transform_to transforms
        """.split()),
    "torch.distributions.constraints": frozenset("""
        Any Callable Constraint MixtureSameFamilyConstraint boolean cat corr_cholesky dependent dependent_property
        greater_than greater_than_eq half_open_interval independent integer_interval interval is_dependent less_than
        lower_cholesky lower_triangular multinomial nonnegative nonnegative_integer one_hot positive positive_definite
        positive_integer positive_semidefinite real real_vector simplex square stack symmetric torch unit_interval
        """.split()),
    "torch.distributions.continuous_bernoulli": frozenset("""
        ContinuousBernoulli ExponentialFamily Number Tensor binary_cross_entropy_with_logits broadcast_all clamp_probs
        constraints lazy_property logits_to_probs math probs_to_logits torch
        """.split()),
    "torch.distributions.dirichlet": frozenset("""
        Dirichlet ExponentialFamily Function Tensor constraints once_differentiable torch
        """.split()),
    "torch.distributions.distribution": frozenset("""
        Distribution Tensor constraints deprecated lazy_property torch warnings
        """.split()),
    "torch.distributions.exp_family": frozenset("""
        Distribution ExponentialFamily Tensor torch
        """.split()),
    "torch.distributions.exponential": frozenset("""
        Exponential ExponentialFamily Tensor broadcast_all constraints torch
        """.split()),
    "torch.distributions.gamma": frozenset("""
        ExponentialFamily Gamma Tensor broadcast_all constraints torch
        """.split()),
    "torch.distributions.generalized_pareto": frozenset("""
        Distribution GeneralizedPareto Number Real broadcast_all constraints inf math nan torch
        """.split()),
    "torch.distributions.independent": frozenset("""
        D Distribution Generic Independent Size Tensor TypeVar constraints torch
        """.split()),
    "torch.distributions.kl": frozenset("""
        Bernoulli Beta Binomial Callable Categorical Cauchy ContinuousBernoulli Dirichlet Distribution Exponential
        ExponentialFamily Gamma Geometric Gumbel HalfNormal Independent Laplace LowRankMultivariateNormal
        MultivariateNormal Normal OneHotCategorical Pareto Poisson Tensor TransformedDistribution Uniform inf
        kl_divergence math register_kl torch total_ordering warnings
        """.split()),
    "torch.distributions.lkj_cholesky": frozenset("""
        Beta Distribution LKJCholesky Tensor broadcast_all constraints math torch
        """.split()),
    "torch.distributions.lowrank_multivariate_normal": frozenset("""
        Distribution LowRankMultivariateNormal Tensor constraints lazy_property math torch
        """.split()),
    "torch.distributions.mixture_same_family": frozenset("""
        Categorical Distribution MixtureSameFamily MixtureSameFamilyConstraint Tensor constraints torch
        """.split()),
    "torch.distributions.multinomial": frozenset("""
        Binomial Categorical Distribution Multinomial Tensor broadcast_all constraints inf torch
        """.split()),
    "torch.distributions.multivariate_normal": frozenset("""
        Distribution MultivariateNormal Tensor constraints lazy_property math torch
        """.split()),
    "torch.distributions.normal": frozenset("""
        ExponentialFamily Normal Tensor broadcast_all constraints math torch
        """.split()),
    "torch.distributions.transformed_distribution": frozenset("""
        ComposeTransform Distribution Independent Tensor Transform TransformedDistribution constraints torch
        """.split()),
    "torch.distributions.transforms": frozenset("""
        AbsTransform AffineTransform CatTransform ComposeTransform CorrCholeskyTransform
        CumulativeDistributionTransform Distribution ExpTransform F IndependentTransform LowerCholeskyTransform
        PositiveDefiniteTransform PowerTransform ReshapeTransform Sequence SigmoidTransform SoftmaxTransform
        SoftplusTransform StackTransform StickBreakingTransform TanhTransform Tensor Transform broadcast_all
        constraints functools identity_transform lazy_property math operator pad softplus torch tril_matrix_to_vec
        vec_to_tril_matrix
        """.split()),
    "torch.distributions.uniform": frozenset("""
        Distribution Tensor Uniform broadcast_all constraints nan torch
        """.split()),
    "torch.distributions.utils": frozenset("""
        Any Callable Device F Final Generic Number R Sequence SymInt T Tensor TypeVar broadcast_all clamp_probs
        euler_constant is_tensor_like lazy_property logits_to_probs overload probs_to_logits torch tril_matrix_to_vec
        update_wrapper vec_to_tril_matrix
        """.split()),
    "torch.distributions.von_mises": frozenset("""
        Distribution Tensor VonMises broadcast_all constraints lazy_property math torch
        """.split()),
    "torch.distributions.wishart": frozenset("""
        ExponentialFamily Number Tensor Wishart constraints lazy_property math nan torch warnings
        """.split()),
    "torch.fft": frozenset("""
        Tensor common_args factory_common_args fft fft2 fftfreq fftn fftshift hfft hfft2 hfftn ifft ifft2 ifftn
        ifftshift ihfft ihfft2 ihfftn irfft irfft2 irfftn rfft rfft2 rfftfreq rfftn torch
        """.split()),
    "torch.func": frozenset("""
        debug_unwrap functional_call functionalize grad grad_and_value hessian jacfwd jacrev jvp linearize rearrange
        replace_all_batch_norm_modules_ stack_module_state vjp vmap
        """.split()),
    "torch.functional": frozenset("""
        Any F Sequence TYPE_CHECKING Tensor atleast_1d atleast_2d atleast_3d block_diag boolean_dispatch
        broadcast_shapes broadcast_tensors cartesian_prod cdist chain_matmul einsum handle_torch_function
        has_torch_function has_torch_function_unary has_torch_function_variadic istft itertools lu meshgrid norm
        operator overload pca_lowrank split stft svd_lowrank tensordot torch unique unique_consecutive unravel_index
        """.split()),
    "torch.fx": frozenset("""
        CodeGen Graph GraphModule Interpreter Node PH Proxy ProxyableClassMeta Tracer Transformer config experimental
        graph graph_module has_side_effect immutable_collections interpreter map_arg node operator_schemas passes
        proxy replace_pattern subgraph_rewriter symbolic_trace tensor_type traceback wrap
        """.split()),
    "torch.jit": frozenset("""
        Attribute CompilationUnit Error Final Future Iterator ONNXTracedModule RecursiveScriptClass
        RecursiveScriptModule ScriptFunction ScriptModule ScriptWarning TopLevelTracedModule TracedModule
        TracerWarning TracingCheckError annotate annotations contextmanager enable_onednn_fusion export export_opnames
        fork freeze frontend fuser ignore interface is_scripting is_tracing isinstance jit_module_from_flatbuffer
        last_executed_optimized_graph load onednn_fusion_enabled optimize_for_inference optimized_execution
        run_frozen_optimizations save save_jit_module_to_flatbuffer script script_if_tracing script_method
        set_fusion_strategy set_module strict_fusion torch trace trace_module unused wait warnings
        """.split()),
    "torch.library": frozenset("""
        Any Callable CustomOpDef EffectType Library NAMELESS_SCHEMA OpOverload ParamSpec Sequence TYPE_CHECKING
        TypeVar Union contextlib custom_op define deprecated device_types_t fallthrough_kernel functools get_ctx
        get_kernel impl impl_abstract infer_schema inspect opcheck overload re register_autocast register_autograd
        register_fake register_kernel register_torch_dispatch register_vmap sys torch triton_op weakref wrap_triton
        """.split()),
    "torch.linalg": frozenset("""
        LinAlgError cholesky cholesky_ex common_notes cond cross det diagonal eig eigh eigvals eigvalsh
        householder_product inv inv_ex ldl_factor ldl_factor_ex ldl_solve lstsq lu lu_factor lu_factor_ex lu_solve
        matmul matrix_exp matrix_norm matrix_power matrix_rank multi_dot norm pinv qr slogdet solve solve_ex
        solve_triangular svd svdvals tensorinv tensorsolve vander vecdot vector_norm
        """.split()),
    "torch.mps": frozenset("""
        Event Tensor compile_shader current_allocated_memory device_count driver_allocated_memory empty_cache event
        get_rng_state is_available load_metallib manual_seed profiler recommended_max_memory seed
        set_per_process_memory_fraction set_rng_state synchronize torch
        """.split()),
    "torch.nn": frozenset("""
        AdaptiveAvgPool1d AdaptiveAvgPool2d AdaptiveAvgPool3d AdaptiveLogSoftmaxWithLoss AdaptiveMaxPool1d
        AdaptiveMaxPool2d AdaptiveMaxPool3d AlphaDropout AvgPool1d AvgPool2d AvgPool3d BCELoss BCEWithLogitsLoss
        BatchNorm1d BatchNorm2d BatchNorm3d Bilinear Buffer CELU CTCLoss ChannelShuffle CircularPad1d CircularPad2d
        CircularPad3d ConstantPad1d ConstantPad2d ConstantPad3d Container Conv1d Conv2d Conv3d ConvTranspose1d
        ConvTranspose2d ConvTranspose3d CosineEmbeddingLoss CosineSimilarity CrossEntropyLoss CrossMapLRN2d
        DataParallel Dropout Dropout1d Dropout2d Dropout3d ELU Embedding EmbeddingBag FeatureAlphaDropout Flatten Fold
        FractionalMaxPool2d FractionalMaxPool3d GELU GLU GRU GRUCell GaussianNLLLoss GroupNorm Hardshrink Hardsigmoid
        Hardswish Hardtanh HingeEmbeddingLoss HuberLoss Identity InstanceNorm1d InstanceNorm2d InstanceNorm3d
        KLDivLoss L1Loss LPPool1d LPPool2d LPPool3d LSTM LSTMCell LayerNorm LazyBatchNorm1d LazyBatchNorm2d
        LazyBatchNorm3d LazyConv1d LazyConv2d LazyConv3d LazyConvTranspose1d LazyConvTranspose2d LazyConvTranspose3d
        LazyInstanceNorm1d LazyInstanceNorm2d LazyInstanceNorm3d LazyLinear LeakyReLU Linear LinearCrossEntropyLoss
        LinearCrossEntropyOptions LocalResponseNorm LogSigmoid LogSoftmax MSELoss MarginRankingLoss MaxPool1d
        MaxPool2d MaxPool3d MaxUnpool1d MaxUnpool2d MaxUnpool3d Mish Module ModuleDict ModuleList MultiLabelMarginLoss
        MultiLabelSoftMarginLoss MultiMarginLoss MultiheadAttention NLLLoss NLLLoss2d PReLU PairwiseDistance Parameter
        ParameterDict ParameterList PixelShuffle PixelUnshuffle PoissonNLLLoss RMSNorm RNN RNNBase RNNCell RNNCellBase
        RReLU ReLU ReLU6 ReflectionPad1d ReflectionPad2d ReflectionPad3d ReplicationPad1d ReplicationPad2d
        ReplicationPad3d SELU Sequential SiLU Sigmoid SmoothL1Loss SoftMarginLoss Softmax Softmax2d Softmin Softplus
        Softshrink Softsign SyncBatchNorm Tanh Tanhshrink Threshold Transformer TransformerDecoder
        TransformerDecoderLayer TransformerEncoder TransformerEncoderLayer TripletMarginLoss
        TripletMarginWithDistanceLoss Unflatten Unfold UninitializedBuffer UninitializedParameter Upsample
        UpsamplingBilinear2d UpsamplingNearest2d ZeroPad1d ZeroPad2d ZeroPad3d attention common_types factory_kwargs
        functional grad init intrinsic modules parallel parameter qat quantizable quantized utils
        """.split()),
    "torch.nn.attention": frozenset("""
        Iterable SDPAParams SDPBackend Union WARN_FOR_UNFUSED_KERNELS activate_flash_attention_impl
        can_use_efficient_attention can_use_flash_attention contextlib current_flash_attention_impl
        list_flash_attention_impls register_flash_attention_impl restore_flash_attention_impl sdpa_kernel torch warn
        """.split()),
    "torch.nn.functional": frozenset("""
        BroadcastingList1 BroadcastingList2 BroadcastingList3 Callable DType GRID_SAMPLE_INTERPOLATION_MODES
        GRID_SAMPLE_PADDING_MODES Optional ScalingType SwizzleType TYPE_CHECKING Tensor adaptive_avg_pool1d
        adaptive_avg_pool2d adaptive_avg_pool3d adaptive_max_pool1d adaptive_max_pool1d_with_indices
        adaptive_max_pool2d adaptive_max_pool2d_with_indices adaptive_max_pool3d adaptive_max_pool3d_with_indices
        affine_grid alpha_dropout assert_int_or_pair avg_pool1d avg_pool2d avg_pool3d batch_norm bilinear
        binary_cross_entropy binary_cross_entropy_with_logits boolean_dispatch celu celu_ channel_shuffle conv1d
        conv2d conv3d conv_tbc conv_transpose1d conv_transpose2d conv_transpose3d cosine_embedding_loss
        cosine_similarity cross_entropy ctc_loss dataclasses dropout dropout1d dropout2d dropout3d elu elu_ embedding
        embedding_bag feature_alpha_dropout fold fractional_max_pool2d fractional_max_pool2d_with_indices
        fractional_max_pool3d fractional_max_pool3d_with_indices gaussian_nll_loss gelu glu grad grid_sample
        group_norm grouped_mm gumbel_softmax handle_torch_function hardshrink hardsigmoid hardswish hardtanh hardtanh_
        has_torch_function has_torch_function_unary has_torch_function_variadic hinge_embedding_loss huber_loss
        importlib instance_norm interpolate kl_div l1_loss layer_norm leaky_relu leaky_relu_ linear
        linear_cross_entropy local_response_norm log_softmax logsigmoid lp_pool1d lp_pool2d lp_pool3d
        margin_ranking_loss math max_pool1d max_pool1d_with_indices max_pool2d max_pool2d_with_indices max_pool3d
        max_pool3d_with_indices max_unpool1d max_unpool2d max_unpool3d mish mse_loss multi_head_attention_forward
        multi_margin_loss multilabel_margin_loss multilabel_soft_margin_loss native_channel_shuffle nll_loss normalize
        np one_hot pad pairwise_distance pdist pixel_shuffle pixel_unshuffle poisson_nll_loss prelu relu relu6 relu_
        reproducibility_notes rms_norm rrelu rrelu_ scaled_dot_product_attention scaled_grouped_mm scaled_mm selu
        selu_ sigmoid silu smooth_l1_loss soft_margin_loss softmax softmin softplus softshrink softsign
        sparse_support_notes tanh tanhshrink tf32_notes threshold threshold_ torch triplet_margin_loss
        triplet_margin_with_distance_loss unfold upsample upsample_bilinear upsample_nearest warnings
        """.split()),
    "torch.nn.grad": frozenset("""
        conv1d_input conv1d_weight conv2d_input conv2d_weight conv3d_input conv3d_weight torch
        """.split()),
    "torch.nn.init": frozenset("""
        Callable Literal ParamSpec Tensor TypeVar calculate_gain constant constant_ dirac dirac_ eye eye_
        kaiming_normal kaiming_normal_ kaiming_uniform kaiming_uniform_ math normal normal_ ones_ orthogonal
        orthogonal_ sparse sparse_ torch trunc_normal_ uniform uniform_ warnings xavier_normal xavier_normal_
        xavier_uniform xavier_uniform_ zeros_
        """.split()),
    "torch.nn.modules": frozenset("""
        AdaptiveAvgPool1d AdaptiveAvgPool2d AdaptiveAvgPool3d AdaptiveLogSoftmaxWithLoss AdaptiveMaxPool1d
        AdaptiveMaxPool2d AdaptiveMaxPool3d AlphaDropout AvgPool1d AvgPool2d AvgPool3d BCELoss BCEWithLogitsLoss
        BatchNorm1d BatchNorm2d BatchNorm3d Bilinear CELU CTCLoss ChannelShuffle CircularPad1d CircularPad2d
        CircularPad3d ConstantPad1d ConstantPad2d ConstantPad3d Container Conv1d Conv2d Conv3d ConvTranspose1d
        ConvTranspose2d ConvTranspose3d CosineEmbeddingLoss CosineSimilarity CrossEntropyLoss CrossMapLRN2d Dropout
        Dropout1d Dropout2d Dropout3d ELU Embedding EmbeddingBag FeatureAlphaDropout Flatten Fold FractionalMaxPool2d
        FractionalMaxPool3d GELU GLU GRU GRUCell GaussianNLLLoss GroupNorm Hardshrink Hardsigmoid Hardswish Hardtanh
        HingeEmbeddingLoss HuberLoss Identity InstanceNorm1d InstanceNorm2d InstanceNorm3d KLDivLoss L1Loss LPPool1d
        LPPool2d LPPool3d LSTM LSTMCell LayerNorm LazyBatchNorm1d LazyBatchNorm2d LazyBatchNorm3d LazyConv1d
        LazyConv2d LazyConv3d LazyConvTranspose1d LazyConvTranspose2d LazyConvTranspose3d LazyInstanceNorm1d
        LazyInstanceNorm2d LazyInstanceNorm3d LazyLinear LeakyReLU Linear LinearCrossEntropyLoss
        LinearCrossEntropyOptions LocalResponseNorm LogSigmoid LogSoftmax MSELoss MarginRankingLoss MaxPool1d
        MaxPool2d MaxPool3d MaxUnpool1d MaxUnpool2d MaxUnpool3d Mish Module ModuleDict ModuleList MultiLabelMarginLoss
        MultiLabelSoftMarginLoss MultiMarginLoss MultiheadAttention NLLLoss NLLLoss2d PReLU PairwiseDistance
        ParameterDict ParameterList PixelShuffle PixelUnshuffle PoissonNLLLoss RMSNorm RNN RNNBase RNNCell RNNCellBase
        RReLU ReLU ReLU6 ReflectionPad1d ReflectionPad2d ReflectionPad3d ReplicationPad1d ReplicationPad2d
        ReplicationPad3d SELU Sequential SiLU Sigmoid SmoothL1Loss SoftMarginLoss Softmax Softmax2d Softmin Softplus
        Softshrink Softsign SyncBatchNorm Tanh Tanhshrink Threshold Transformer TransformerDecoder
        TransformerDecoderLayer TransformerEncoder TransformerEncoderLayer TripletMarginLoss
        TripletMarginWithDistanceLoss Unflatten Unfold Upsample UpsamplingBilinear2d UpsamplingNearest2d ZeroPad1d
        ZeroPad2d ZeroPad3d activation adaptive batchnorm channelshuffle container conv distance dropout flatten fold
        instancenorm lazy linear linear_cross_entropy_options loss module normalization padding pixelshuffle pooling
        rnn sparse transformer upsampling utils
        """.split()),
    "torch.nn.modules.utils": frozenset("""
        Any collections consume_prefix_in_state_dict_if_present repeat
        """.split()),
    "torch.nn.parallel": frozenset("""
        DataParallel DistributedDataParallel DistributedDataParallelCPU comm data_parallel deprecated distributed
        gather parallel_apply replicate scatter scatter_gather
        """.split()),
    "torch.nn.parameter": frozenset("""
        Any Buffer OrderedDict Parameter UninitializedBuffer UninitializedParameter UninitializedTensorMixin is_lazy
        torch
        """.split()),
    "torch.nn.utils": frozenset("""
        clip_grad clip_grad_norm clip_grad_norm_ clip_grad_value_ clip_grads_with_norm_
        convert_conv2d_weight_memory_format convert_conv3d_weight_memory_format convert_parameters fuse_conv_bn_eval
        fuse_conv_bn_weights fuse_linear_bn_eval fuse_linear_bn_weights fusion get_total_norm init memory_format
        parameters_to_vector parametrizations parametrize remove_spectral_norm remove_weight_norm rnn skip_init
        spectral_norm stateless vector_to_parameters weight_norm
        """.split()),
    "torch.nn.utils.clip_grad": frozenset("""
        Callable ParamSpec Tensor TypeAlias TypeVar cast clip_grad_norm clip_grad_norm_ clip_grad_value_ deprecated
        functools torch types typing warnings
        """.split()),
    "torch.nn.utils.convert_parameters": frozenset("""
        Iterable parameters_to_vector torch vector_to_parameters
        """.split()),
    "torch.nn.utils.fusion": frozenset("""
        ConvT LinearT TypeVar annotations copy fuse_conv_bn_eval fuse_conv_bn_weights fuse_linear_bn_eval
        fuse_linear_bn_weights torch
        """.split()),
    "torch.nn.utils.init": frozenset("""
        inspect skip_init torch
        """.split()),
    "torch.nn.utils.memory_format": frozenset("""
        TypeVar annotations convert_conv2d_weight_memory_format convert_conv3d_weight_memory_format torch
        """.split()),
    "torch.nn.utils.parametrizations": frozenset("""
        Enum F Module Tensor auto orthogonal parametrize spectral_norm torch weight_norm
        """.split()),
    "torch.nn.utils.parametrize": frozenset("""
        Module ModuleDict ModuleList OpaqueBase Parameter ParametrizationList Sequence Tensor cached collections
        contextmanager copyreg deepcopy get_swap_module_params_on_conversion is_opaque_reference_type is_parametrized
        is_traceable_wrapper_subclass register_parametrization remove_parametrizations torch
        transfer_parametrizations_and_params type_before_parametrizations
        """.split()),
    "torch.nn.utils.prune": frozenset("""
        ABC BasePruningMethod CustomFromMask Identity Iterable L1Unstructured LnStructured PruningContainer
        RandomStructured RandomUnstructured abstractmethod custom_from_mask global_unstructured identity is_pruned
        l1_unstructured ln_structured numbers random_structured random_unstructured remove torch
        """.split()),
    "torch.nn.utils.rnn": frozenset("""
        Any Callable Iterable NamedTuple PackedSequence PackedSequence_ Self Tensor TypeVar bind copy_method_params
        invert_permutation pack_padded_sequence pack_sequence pad_packed_sequence pad_sequence torch unpack_sequence
        unpad_sequence warnings
        """.split()),
    "torch.nn.utils.spectral_norm": frozenset("""
        Any F Module SpectralNorm SpectralNormLoadStateDictPreHook SpectralNormStateDictHook T_module TypeVar
        remove_spectral_norm spectral_norm torch
        """.split()),
    "torch.nn.utils.stateless": frozenset("""
        Any NamedMemberAccessor Tensor contextlib deprecated functional_call torch
        """.split()),
    "torch.nn.utils.weight_norm": frozenset("""
        Any Module Parameter T_module TypeVar UninitializedParameter WeightNorm deprecated norm_except_dim
        remove_weight_norm weight_norm
        """.split()),
    "torch.optim": frozenset("""
        ASGD Adadelta Adafactor Adagrad Adam AdamW Adamax LBFGS Muon NAdam Optimizer RAdam RMSprop Rprop SGD
        SparseAdam lr_scheduler swa_utils swap_in_optimizer_params_and_state
        """.split()),
    "torch.optim.adadelta": frozenset("""
        Adadelta Any Optimizer ParamsT Tensor adadelta cast torch
        """.split()),
    "torch.optim.adagrad": frozenset("""
        Adagrad DeviceDict Optimizer ParamsT Tensor adagrad cast torch
        """.split()),
    "torch.optim.adam": frozenset("""
        Adam DeviceDict DeviceDtypeDict Optimizer ParamsT Tensor adam cast torch
        """.split()),
    "torch.optim.adamax": frozenset("""
        Adamax Optimizer ParamsT Tensor adamax cast torch
        """.split()),
    "torch.optim.adamw": frozenset("""
        Adam AdamW ParamsT Tensor adam adamw
        """.split()),
    "torch.optim.asgd": frozenset("""
        ASGD Optimizer ParamsT Tensor asgd cast torch
        """.split()),
    "torch.optim.lbfgs": frozenset("""
        LBFGS Optimizer ParamsT Tensor torch
        """.split()),
    "torch.optim.lr_scheduler": frozenset("""
        Any ChainedScheduler ConstantLR CosineAnnealingLR CosineAnnealingWarmRestarts Counter CyclicLR
        EPOCH_DEPRECATION_WARNING ExponentialLR LRScheduler LambdaLR LinearLR Literal MultiStepLR MultiplicativeLR
        OneCycleLR Optimizer PolynomialLR ReduceLROnPlateau Self SequentialLR StepLR SupportsFloat TYPE_CHECKING
        Tensor TypedDict annotations bisect_right cast inf math override partial ref types warnings wraps
        """.split()),
    "torch.optim.nadam": frozenset("""
        NAdam Optimizer ParamsT Tensor cast nadam torch
        """.split()),
    "torch.optim.optimizer": frozenset("""
        Any Args Callable DeviceDict DeviceDtypeDict GlobalOptimizerPostHook GlobalOptimizerPreHook Hashable Indices
        Iterable Kwargs Optimizer OrderedDict ParamSpec ParamsT R RemovableHandle Self Sequence StateDict T
        TensorListList TypeAlias TypeVar cast chain deepcopy defaultdict deprecated functools hooks overload
        register_optimizer_step_post_hook register_optimizer_step_pre_hook required torch warnings
        """.split()),
    "torch.optim.radam": frozenset("""
        Optimizer ParamsT RAdam Tensor cast radam torch
        """.split()),
    "torch.optim.rmsprop": frozenset("""
        Optimizer ParamsT RMSprop Tensor cast rmsprop torch
        """.split()),
    "torch.optim.rprop": frozenset("""
        Optimizer ParamsT Rprop Tensor cast rprop torch
        """.split()),
    "torch.optim.sgd": frozenset("""
        DeviceDict Optimizer ParamsT SGD Tensor cast sgd torch
        """.split()),
    "torch.optim.sparse_adam": frozenset("""
        F Optimizer ParamsT SparseAdam Tensor torch
        """.split()),
    "torch.optim.swa_utils": frozenset("""
        Any AveragedModel LRScheduler Literal Module PARAM_LIST SWALR TYPE_CHECKING Tensor annotations cast deepcopy
        get_ema_avg_fn get_ema_multi_avg_fn get_swa_avg_fn get_swa_multi_avg_fn itertools math override torch
        update_bn warnings
        """.split()),
    "torch.overrides": frozenset("""
        Any BaseTorchFunctionMode Callable Iterable ParamSpec TorchFunctionMode TypeVar cast collections contextlib
        enable_reentrant_dispatch functools get_default_nowrap_functions get_ignored_functions
        get_overridable_functions get_testing_overrides handle_torch_function has_torch_function
        has_torch_function_unary has_torch_function_variadic is_tensor_like is_tensor_method_or_property
        redispatch_function resolve_name sys torch types warnings wrap_torch_function wraps
        """.split()),
    "torch.profiler": frozenset("""
        Any DeviceType ExecutionTraceObserver KinetoStepTracker Optimizer ProfilerAction ProfilerActivity RecordScope
        TypeVarTuple Unpack is_fbcode itt kineto_available os profile profiler record_function
        register_optimizer_step_post_hook schedule supported_activities tensorboard_trace_handler
        """.split()),
    "torch.quasirandom": frozenset("""
        SobolEngine torch
        """.split()),
    "torch.random": frozenset("""
        Generator TYPE_CHECKING contextlib default_generator fork_rng get_rng_state initial_seed manual_seed seed
        set_rng_state thread_safe_generator torch warnings
        """.split()),
    "torch.return_types": frozenset("""
        SequenceKey all_return_types aminmax aminmax_out cummax cummax_out cummin cummin_out frexp frexp_out geqrf
        geqrf_out histogram histogram_out histogramdd inspect kthvalue kthvalue_out linalg_cholesky_ex
        linalg_cholesky_ex_out linalg_eig linalg_eig_out linalg_eigh linalg_eigh_out linalg_inv_ex linalg_inv_ex_out
        linalg_ldl_factor linalg_ldl_factor_ex linalg_ldl_factor_ex_out linalg_ldl_factor_out linalg_lstsq
        linalg_lstsq_out linalg_lu linalg_lu_factor linalg_lu_factor_ex linalg_lu_factor_ex_out linalg_lu_factor_out
        linalg_lu_out linalg_qr linalg_qr_out linalg_slogdet linalg_slogdet_out linalg_solve_ex linalg_solve_ex_out
        linalg_svd linalg_svd_out lu_unpack lu_unpack_out max max_out median median_out min min_out mode mode_out name
        nanmedian nanmedian_out pytree_register_structseq qr qr_out register_pytree_node return_types slogdet
        slogdet_out sort sort_out svd svd_out topk topk_out torch triangular_solve triangular_solve_out
        """.split()),
    "torch.serialization": frozenset("""
        Any Callable DEFAULT_PROTOCOL Enum FileLike Generic INT_SIZE IO IS_WINDOWS LONG_SIZE LoadEndianness
        MAGIC_NUMBER MAP_LOCATION MAP_PRIVATE MAP_SHARED PROTOCOL_VERSION SHORT_SIZE STORAGE STORAGE_KEY_SEPARATOR
        SourceChangeWarning Storage StorageType T TypeAlias TypeIs TypeVar UNSAFE_MESSAGE add_safe_globals cast
        check_module_version_greater_or_equal clear_safe_globals closing contextmanager copyreg
        default_restore_location difflib functools get_crc32_options get_default_load_endianness
        get_default_mmap_options get_safe_globals get_source_lines_and_file get_unsafe_globals_in_checkpoint io load
        location_tag mkdtemp normalize_storage_type os pickle re register_package safe_globals save set_crc32_options
        set_default_load_endianness set_default_mmap_options shutil skip_data storage_to_tensor_type struct sys
        tarfile tempfile threading torch validate_cuda_device validate_hpu_device warnings
        """.split()),
    "torch.signal": frozenset("""
        windows
        """.split()),
    "torch.signal.windows": frozenset("""
        bartlett blackman cosine exponential gaussian general_cosine general_hamming hamming hann kaiser nuttall
        windows
        """.split()),
    "torch.sparse": frozenset("""
        Any BFloat16Tensor ByteTensor CharTensor DType DimOrDims DoubleTensor FloatTensor HalfTensor IntTensor
        LongTensor ShortTensor SparseSemiStructuredTensor SparseSemiStructuredTensorCUSPARSELT
        SparseSemiStructuredTensorCUTLASS TYPE_CHECKING Tensor addmm as_sparse_gradcheck
        check_sparse_tensor_invariants log_softmax mm sampled_addmm semi_structured softmax spdiags spsolve sum
        to_sparse_semi_structured torch
        """.split()),
    "torch.special": frozenset("""
        Tensor airy_ai bessel_j0 bessel_j1 bessel_y0 bessel_y1 chebyshev_polynomial_t chebyshev_polynomial_u
        chebyshev_polynomial_v chebyshev_polynomial_w common_args digamma entr erf erfc erfcx erfinv exp2 expit expm1
        gammainc gammaincc gammaln hermite_polynomial_h hermite_polynomial_he i0 i0e i1 i1e laguerre_polynomial_l
        legendre_polynomial_p log1p log_ndtr log_softmax logit logsumexp modified_bessel_i0 modified_bessel_i1
        modified_bessel_k0 modified_bessel_k1 multi_dim_common multigammaln ndtr ndtri polygamma psi round
        scaled_modified_bessel_k0 scaled_modified_bessel_k1 shifted_chebyshev_polynomial_t
        shifted_chebyshev_polynomial_u shifted_chebyshev_polynomial_v shifted_chebyshev_polynomial_w sinc softmax
        spherical_bessel_j0 torch xlog1py xlogy zeta
        """.split()),
    "torch.testing": frozenset("""
        FileCheck assert_allclose assert_close make_tensor
        """.split()),
    "torch.utils": frozenset("""
        ThroughputBenchmark backcompat backend_registration checkpoint cmake_prefix_path collect_env copyreg
        cpp_backtrace data deterministic dlpack generate_methods_for_privateuse1_backend get_cpp_backtrace hooks
        rename_privateuse1_backend set_module swap_tensors throughput_benchmark torch weak weakref
        """.split()),
    "torch.utils.benchmark": frozenset("""
        CallgrindStats Colorize Compare CopyIfCallgrind FunctionCount FunctionCounts FuzzedParameter
        FuzzedSparseTensor FuzzedTensor Fuzzer Language Measurement Number ParameterAlias TaskSpec Timer math
        ordered_unique select_unit set_torch_threads timer torch trim_sigfig unit_to_english utils
        """.split()),
    "torch.utils.checkpoint": frozenset("""
        AbstractSet Annotated Any AnyStr AsyncContextManager AsyncGenerator AsyncIterable AsyncIterator Awaitable
        BinaryIO ByteString Callable ChainMap CheckpointError CheckpointFunction CheckpointPolicy ClassVar Collection
        Concatenate Container ContextManager Coroutine Counter DefaultDeviceType DefaultDict Deque Dict Final
        ForwardRef FrozenSet Generator Generic GraphExecGroup Hashable IO ItemsView Iterable Iterator KeysView List
        Literal LiteralString LoggingTensorMode Mapping MappingView Match MutableMapping MutableSequence MutableSet
        NamedTuple Never NewType NoReturn NotRequired Optional OrderedDict ParamSpec ParamSpecArgs ParamSpecKwargs
        Pattern Protocol ReferenceType Required Reversible SAC_IGNORED_OPS SavedTensor SelectiveCheckpointContext Self
        Sequence Set Sized SupportsAbs SupportsBytes SupportsComplex SupportsFloat SupportsIndex SupportsInt
        SupportsRound TYPE_CHECKING Text TextIO TorchDispatchMode Tuple Type TypeAlias TypeGuard TypeVar TypeVarTuple
        TypedDict Union Unpack ValuesView annotations assert_never assert_type capture_logs cast
        check_backward_validity checkpoint checkpoint_sequential clear_overloads contextlib
        create_selective_checkpoint_contexts dataclass_transform defaultdict detach_variable enum final fx_traceback
        get_args get_device_states get_origin get_overloads get_type_hints is_typeddict itertools no_type_check
        no_type_check_decorator noop_context_fn overload platform reveal_type runtime_checkable
        set_checkpoint_debug_enabled set_checkpoint_early_stop set_device_states torch tree_map uuid warnings weakref
        """.split()),
    "torch.utils.data": frozenset("""
        BatchSampler ChainDataset ConcatDataset DFIterDataPipe DataChunk DataLoader Dataset DistributedSampler
        IterDataPipe IterableDataset MapDataPipe RandomSampler Sampler SequentialSampler StackDataset Subset
        SubsetRandomSampler TensorDataset WeightedRandomSampler argument_validation dataloader datapipes dataset
        default_collate default_convert distributed functional_datapipe get_worker_info graph graph_settings
        guaranteed_datapipes_determinism non_deterministic random_split runtime_validation runtime_validation_disabled
        sampler
        """.split()),
    "torch.utils.data._utils": frozenset("""
        ExceptionWrapper HAS_NUMPY IS_WINDOWS MP_STATUS_CHECK_INTERVAL atexit collate fetch numpy pin_memory
        python_exit_status signal_handling sys worker
        """.split()),
    "torch.utils.data._utils.collate": frozenset("""
        Callable collate collate_float_fn collate_int_fn collate_numpy_array_fn collate_numpy_scalar_fn collate_str_fn
        collate_tensor_fn collections contextlib copy default_collate default_collate_err_msg_format
        default_collate_fn_map default_convert np np_str_obj_array_pattern re torch
        """.split()),
    "torch.utils.data.dataloader": frozenset("""
        Any BatchSampler Callable DataLoader Dataset ExceptionWrapper Generic IterDataPipe IterableDataset MapDataPipe
        NoReturn RandomSampler Sampler Self SequentialSampler TYPE_CHECKING TypeVar annotations contextlib
        default_collate default_convert dist functools get_worker_info itertools logger logging os
        python_multiprocessing queue threading torch warnings weakref
        """.split()),
    "torch.utils.data.dataset": frozenset("""
        ChainDataset ConcatDataset Dataset Generator Generic Iterable IterableDataset Sequence StackDataset Subset
        Tensor TensorDataset TypeVar bisect cast default_generator deprecated itertools math random_split randperm
        warnings
        """.split()),
    "torch.utils.data.distributed": frozenset("""
        Dataset DistributedSampler Iterator Sampler TypeVar dist math torch
        """.split()),
    "torch.utils.data.sampler": frozenset("""
        BatchSampler Generic Iterable Iterator RandomSampler Sampler Sequence SequentialSampler Sized
        SubsetRandomSampler TypeVar WeightedRandomSampler itertools torch
        """.split()),
    "torch.utils.deterministic": frozenset("""
        sys torch types
        """.split()),
    "torch.utils.hooks": frozenset("""
        Any BackwardHook OrderedDict RemovableHandle torch unserializable_hook warn_if_has_hooks warnings weakref
        """.split()),
    "torch.version": frozenset("""
        Optional cuda debug git_version hip rocm xpu
        """.split()),
    "torch.xpu": frozenset("""
        Any Event MemPool NewType Stream StreamContext TYPE_CHECKING XPUGraph XPUPluggableAllocator annotations byref
        c_double c_uint32 c_void_p can_device_access_peer cast change_current_allocator clock_rate current_device
        current_stream dataclasses default_generators device device_count device_memory_used device_of empty_cache
        get_arch_list get_device_capability get_device_name get_device_properties get_gencode_flags
        get_per_process_memory_fraction get_rng_state get_rng_state_all get_stream_from_external graph
        graph_pool_handle graphs init initial_seed is_available is_bf16_supported is_current_stream_capturing
        is_initialized is_tf32_supported lru_cache make_graphed_callables manual_seed manual_seed_all
        max_memory_allocated max_memory_reserved mem_get_info memory memory_allocated memory_reserved memory_snapshot
        memory_stats memory_stats_as_nested_dict memory_usage os pointer power_draw random
        reset_accumulated_memory_stats reset_peak_memory_stats seed seed_all set_device
        set_per_process_memory_fraction set_rng_state set_rng_state_all set_stream stream streams synchronize
        temperature threading torch traceback use_mem_pool utilization warnings
        """.split()),
    "Tensor": frozenset("""
        H T abs abs_ absolute absolute_ acos acos_ acosh acosh_ add add_ addbmm addbmm_ addcdiv addcdiv_ addcmul
        addcmul_ addmm addmm_ addmv addmv_ addr addr_ adjoint all allclose amax amin aminmax angle any apply_ arccos
        arccos_ arccosh arccosh_ arcsin arcsin_ arcsinh arcsinh_ arctan arctan2 arctan2_ arctan_ arctanh arctanh_
        argmax argmin argsort argwhere as_strided as_strided_ as_strided_scatter as_subclass asin asin_ asinh asinh_
        atan atan2 atan2_ atan_ atanh atanh_ backward baddbmm baddbmm_ bernoulli bernoulli_ bfloat16 bincount
        bitwise_and bitwise_and_ bitwise_left_shift bitwise_left_shift_ bitwise_not bitwise_not_ bitwise_or
        bitwise_or_ bitwise_right_shift bitwise_right_shift_ bitwise_xor bitwise_xor_ bmm bool broadcast_to byte
        cauchy_ ccol_indices cdouble ceil ceil_ cfloat chalf char cholesky cholesky_inverse cholesky_solve chunk clamp
        clamp_ clamp_max clamp_max_ clamp_min clamp_min_ clip clip_ clone coalesce col_indices conj conj_physical
        conj_physical_ const_data_ptr contiguous copy_ copysign copysign_ corrcoef cos cos_ cosh cosh_ count_nonzero
        cov cpu cross crow_indices cuda cummax cummin cumprod cumprod_ cumsum cumsum_ data data_ptr deg2rad deg2rad_
        dense_dim dequantize det detach detach_ device diag diag_embed diagflat diagonal diagonal_scatter diff digamma
        digamma_ dim dim_order dist div div_ divide divide_ dot double dsplit dtype eig element_size eq eq_ equal erf
        erf_ erfc erfc_ erfinv erfinv_ exp exp2 exp2_ exp_ expand expand_as expm1 expm1_ exponential_ fill_
        fill_diagonal_ fix fix_ flatten flip fliplr flipud float float_power float_power_ floor floor_ floor_divide
        floor_divide_ fmax fmin fmod fmod_ frac frac_ frexp gather gcd gcd_ ge ge_ geometric_ geqrf ger get_device
        grad grad_dtype grad_fn greater greater_ greater_equal greater_equal_ gt gt_ half hardshrink hash_tensor
        heaviside heaviside_ histc histogram hsplit hypot hypot_ i0 i0_ igamma igamma_ igammac igammac_ imag index
        index_add index_add_ index_copy index_copy_ index_fill index_fill_ index_put index_put_ index_reduce
        index_reduce_ index_select indices inner int int_repr inverse ipu is_coalesced is_complex is_conj
        is_contiguous is_cpu is_cuda is_distributed is_floating_point is_inference is_ipu is_leaf is_maia is_meta
        is_mkldnn is_mps is_mtia is_neg is_nested is_nonzero is_pinned is_quantized is_same_size is_set_to is_shared
        is_signed is_sparse is_sparse_csr is_vulkan is_xla is_xpu isclose isfinite isinf isnan isneginf isposinf
        isreal istft item itemsize kron kthvalue layout lcm lcm_ ldexp ldexp_ le le_ lerp lerp_ less less_ less_equal
        less_equal_ lgamma lgamma_ log log10 log10_ log1p log1p_ log2 log2_ log_ log_normal_ log_softmax logaddexp
        logaddexp2 logcumsumexp logdet logical_and logical_and_ logical_not logical_not_ logical_or logical_or_
        logical_xor logical_xor_ logit logit_ logsumexp long lstsq lt lt_ lu lu_solve mH mT map2_ map_ masked_fill
        masked_fill_ masked_scatter masked_scatter_ masked_select matmul matrix_exp matrix_power max maximum mean
        median min minimum mm mode module_load moveaxis movedim msort mtia mul mul_ multinomial multiply multiply_ mv
        mvlgamma mvlgamma_ name nan_to_num nan_to_num_ nanmean nanmedian nanquantile nansum narrow narrow_copy nbytes
        ndim ndimension ne ne_ neg neg_ negative negative_ nelement new new_empty new_empty_strided new_full new_ones
        new_tensor new_zeros nextafter nextafter_ nonzero nonzero_static norm normal_ not_equal not_equal_ numel numpy
        orgqr ormqr outer output_nr permute pin_memory pinverse polygamma polygamma_ positive pow pow_ prelu prod put
        put_ q_per_channel_axis q_per_channel_scales q_per_channel_zero_points q_scale q_zero_point qr qscheme
        quantile rad2deg rad2deg_ random_ ravel real reciprocal reciprocal_ record_stream register_hook
        register_post_accumulate_grad_hook reinforce relu relu_ remainder remainder_ renorm renorm_ repeat
        repeat_interleave requires_grad requires_grad_ reshape reshape_as resize resize_ resize_as resize_as_
        resize_as_sparse_ resolve_conj resolve_neg retain_grad retains_grad roll rot90 round round_ row_indices rsqrt
        rsqrt_ scatter scatter_ scatter_add scatter_add_ scatter_reduce scatter_reduce_ select select_scatter set_ sgn
        sgn_ shape share_memory_ short sigmoid sigmoid_ sign sign_ signbit sin sin_ sinc sinc_ sinh sinh_ size
        slice_inverse slice_scatter slogdet smm softmax solve sort sparse_dim sparse_mask sparse_resize_
        sparse_resize_and_clear_ split split_with_sizes sqrt sqrt_ square square_ squeeze squeeze_ sspaddmm std stft
        storage storage_offset storage_type stride sub sub_ subtract subtract_ sum sum_to_size svd swapaxes swapaxes_
        swapdims swapdims_ symeig t t_ take take_along_dim tan tan_ tanh tanh_ tensor_split tile to to_dense to_mkldnn
        to_padded_tensor to_sparse to_sparse_bsc to_sparse_bsr to_sparse_coo to_sparse_csc to_sparse_csr tolist topk
        trace transpose transpose_ triangular_solve tril tril_ triu triu_ true_divide true_divide_ trunc trunc_ type
        type_as unbind unflatten unfold uniform_ unique unique_consecutive unsafe_chunk unsafe_split
        unsafe_split_with_sizes unsqueeze unsqueeze_ untyped_storage values var vdot view view_as volatile vsplit
        where xlogy xlogy_ xpu zero_
        """.split()),
}

# what `from <module> import *` binds in PyTorch where that is not the module's NAMES (its __all__)
STARRED = {
    "torch": frozenset("""
        AVG AcceleratorError AggregationType AliasDb AnyType Argument ArgumentSpec AwaitType BenchmarkConfig
        BenchmarkExecutionStats Block BoolStorage BoolTensor BoolType BufferDict ByteStorage ByteTensor CallStack
        Capsule CharStorage CharTensor ClassType Code CompilationUnit CompleteArgumentSpec ComplexType
        ConcreteModuleType ConcreteModuleTypeBuilder DeepCopyMemoTable DeserializationStorageContext DeviceObjType
        DictType DisableTorchFunction DisableTorchFunctionSubclass DispatchKey DispatchKeySet DoubleStorage
        DoubleTensor EnumType ErrorReport Event ExcludeDispatchKeyGuard ExecutionPlan FatalError FileCheck
        FloatStorage FloatTensor FloatType FunctionSchema Future FutureType Generator GradScaler Gradient Graph
        GraphExecutorState IODescriptor InferredType IntStorage IntTensor IntType InterfaceType JITException ListType
        LiteScriptModule LockingLogger LongStorage LongTensor ModuleDict Node NoneType NoopLogger NumberType
        OperatorInfo OptionalType OutOfMemoryError ParameterDict PyObjectType PyTorchFileReader PyTorchFileWriter
        RRefType SUM ScriptClass ScriptClassFunction ScriptDict ScriptDictIterator ScriptDictKeyIterator
        ScriptFunction ScriptList ScriptListIterator ScriptMethod ScriptModule ScriptModuleSerializer ScriptObject
        ScriptObjectProperty SerializationStorageContext ShortStorage ShortTensor Size StaticModule Stream
        StreamObjType StringType SymBool SymBoolType SymFloat SymInt SymIntType Tag Tensor TensorType
        ThroughputBenchmark TracingState TupleType Type TypedStorage UnionType UntypedStorage Use Value abs abs_
        absolute acos acos_ acosh acosh_ adaptive_avg_pool1d adaptive_max_pool1d add addbmm addcdiv addcmul addmm
        addmv addmv_ addr adjoint affine_grid_generator alias_copy all allclose alpha_dropout alpha_dropout_ amax amin
        aminmax angle any arange arccos arccos_ arccosh arccosh_ arcsin arcsin_ arcsinh arcsinh_ arctan arctan2
        arctan_ arctanh arctanh_ are_deterministic_algorithms_enabled argmax argmin argsort argwhere as_strided
        as_strided_ as_strided_copy as_strided_scatter as_tensor asarray asin asin_ asinh asinh_ atan atan2 atan_
        atanh atanh_ atleast_1d atleast_2d atleast_3d autocast autocast_decrement_nesting autocast_increment_nesting
        avg_pool1d baddbmm bartlett_window batch_norm batch_norm_backward_elemt batch_norm_backward_reduce
        batch_norm_elemt batch_norm_gather_stats batch_norm_gather_stats_with_counts batch_norm_stats
        batch_norm_update_stats bernoulli bfloat16 bilinear binary_cross_entropy_with_logits bincount binomial bit
        bits16 bits1x8 bits2x4 bits4x2 bits8 bitwise_and bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift
        bitwise_xor blackman_window block_diag bmm bool broadcast_tensors broadcast_to bucketize can_cast
        cartesian_prod cat ccol_indices_copy cdist cdouble ceil ceil_ celu celu_ cfloat chain_matmul chalf
        channel_shuffle cholesky cholesky_inverse cholesky_solve choose_qparams_optimized chunk clamp clamp_ clamp_max
        clamp_max_ clamp_min clamp_min_ clear_autocast_cache clip clip_ clone col_indices_copy column_stack
        combinations compile complex complex128 complex32 complex64 concat concatenate cond conj conj_physical
        conj_physical_ constant_pad_nd conv1d conv2d conv3d conv_tbc conv_transpose1d conv_transpose2d
        conv_transpose3d convolution copysign corrcoef cos cos_ cosh cosh_ cosine_embedding_loss cosine_similarity
        count_nonzero cov cpp cross crow_indices_copy ctc_loss cudnn_affine_grid_generator cudnn_batch_norm
        cudnn_convolution cudnn_convolution_add_relu cudnn_convolution_relu cudnn_convolution_transpose
        cudnn_grid_sampler cudnn_is_acceptable cummax cummin cumprod cumsum cumulative_trapezoid default_generator
        deg2rad deg2rad_ dequantize det detach detach_ detach_copy device diag diag_embed diagflat diagonal
        diagonal_copy diagonal_scatter diff digamma dist div divide dot double dropout dropout_ dsmm dsplit dstack
        dtype e einsum embedding embedding_bag embedding_renorm_ empty empty_like empty_permuted empty_quantized
        empty_strided enable_grad eq equal erf erf_ erfc erfc_ erfinv exp exp2 exp2_ exp_ expand_copy expm1 expm1_
        export eye fake_quantize_per_channel_affine fake_quantize_per_tensor_affine fbgemm_linear_fp16_weight
        fbgemm_linear_fp16_weight_fp32_activation fbgemm_linear_int8_weight fbgemm_linear_int8_weight_fp32_activation
        fbgemm_linear_quantize_weight fbgemm_pack_gemm_matrix_fp16 fbgemm_pack_quantized_matrix feature_alpha_dropout
        feature_alpha_dropout_ feature_dropout feature_dropout_ fill fill_ finfo fix fix_ flatten flip fliplr flipud
        float float16 float32 float4_e2m1fn_x2 float64 float8_e4m3fn float8_e4m3fnuz float8_e5m2 float8_e5m2fnuz
        float8_e8m0fnu float_power floor floor_ floor_divide fmax fmin fmod fork frac frac_ frexp frobenius_norm
        from_file from_numpy frombuffer full full_like fused_moving_avg_obs_fake_quant gather gcd gcd_ ge geqrf ger
        get_autocast_cpu_dtype get_autocast_dtype get_autocast_gpu_dtype get_autocast_ipu_dtype get_autocast_xla_dtype
        get_default_device get_default_dtype get_deterministic_debug_mode get_device get_device_module
        get_float32_matmul_precision get_num_interop_threads get_num_threads get_rng_state gradient greater
        greater_equal grid_sampler grid_sampler_2d grid_sampler_3d group_norm gru gru_cell gt half hamming_window
        hann_window hardshrink has_lapack has_mkl has_openmp has_spectral hash_tensor heaviside hinge_embedding_loss
        histc histogram histogramdd hsmm hsplit hspmm hstack hypot i0 i0_ igamma igammac iinfo imag import_ir_module
        import_ir_module_from_buffer index_add index_copy index_fill index_put index_put_ index_reduce index_select
        indices_copy inf inference_mode init_num_threads initial_seed inner instance_norm int int1 int16 int2 int3
        int32 int4 int5 int6 int64 int7 int8 int_repr inverse is_anomaly_check_nan_enabled is_anomaly_enabled
        is_autocast_cache_enabled is_autocast_cpu_enabled is_autocast_enabled is_autocast_ipu_enabled
        is_autocast_xla_enabled is_complex is_conj is_deterministic_algorithms_warn_only_enabled is_distributed
        is_floating_point is_grad_enabled is_inference is_inference_mode_enabled is_neg is_nonzero is_same_size
        is_signed is_storage is_tensor is_vulkan_available is_warn_always_enabled isclose isfinite isin isinf isnan
        isneginf isposinf isreal istft kaiser_window kl_div kron kthvalue layer_norm layout lcm lcm_ ldexp ldexp_ le
        lerp less less_equal lgamma linspace load lobpcg log log10 log10_ log1p log1p_ log2 log2_ log_ log_softmax
        logaddexp logaddexp2 logcumsumexp logdet logical_and logical_not logical_or logical_xor logit logit_ logspace
        logsumexp long lstm lstm_cell lt lu_solve lu_unpack manual_seed margin_ranking_loss masked_fill masked_scatter
        masked_select matmul matrix_exp matrix_power max max_pool1d max_pool1d_with_indices max_pool2d max_pool3d
        maximum mean median memory_format merge_type_from_type_comment meshgrid min minimum miopen_batch_norm
        miopen_convolution miopen_convolution_add_relu miopen_convolution_relu miopen_convolution_transpose
        miopen_ctc_loss miopen_depthwise_convolution miopen_rnn mkldnn_adaptive_avg_pool2d mkldnn_convolution
        mkldnn_linear_backward_weights mkldnn_max_pool2d mkldnn_max_pool3d mkldnn_rnn_layer mm mode moveaxis movedim
        msort mul multinomial multiply mv mvlgamma nan nan_to_num nan_to_num_ nanmean nanmedian nanquantile nansum
        narrow narrow_copy native_batch_norm native_channel_shuffle native_dropout native_group_norm native_layer_norm
        native_norm ne neg neg_ negative negative_ newaxis nextafter no_grad nonzero nonzero_static norm
        norm_except_dim normal not_equal nuclear_norm numel ones ones_like orgqr ormqr outer pairwise_distance
        parse_ir parse_schema parse_type_comment pdist permute permute_copy pi pinverse pixel_shuffle pixel_unshuffle
        poisson poisson_nll_loss polar polygamma positive pow prelu prod promote_types put q_per_channel_axis
        q_per_channel_scales q_per_channel_zero_points q_scale q_zero_point qint32 qint8 qr qscheme quantile
        quantize_per_channel quantize_per_tensor quantize_per_tensor_dynamic quantized_batch_norm quantized_gru_cell
        quantized_lstm_cell quantized_max_pool1d quantized_max_pool2d quantized_max_pool3d quantized_rnn_relu_cell
        quantized_rnn_tanh_cell quint2x4 quint4x2 quint8 rad2deg rad2deg_ rand rand_like randint randint_like randn
        randn_like randperm range ravel real reciprocal reciprocal_ relu relu_ remainder renorm repeat_interleave
        reshape resize_as_ resize_as_sparse_ resolve_conj resolve_neg result_type rms_norm rnn_relu rnn_relu_cell
        rnn_tanh rnn_tanh_cell roll rot90 round round_ row_indices_copy row_stack rrelu rrelu_ rsqrt rsqrt_ rsub
        saddmm save scalar_tensor scatter scatter_add scatter_reduce searchsorted seed select select_copy
        select_scatter selu selu_ set_anomaly_enabled set_autocast_cache_enabled set_autocast_cpu_dtype
        set_autocast_cpu_enabled set_autocast_dtype set_autocast_enabled set_autocast_gpu_dtype set_autocast_ipu_dtype
        set_autocast_ipu_enabled set_autocast_xla_dtype set_autocast_xla_enabled set_default_device
        set_default_tensor_type set_deterministic_debug_mode set_float32_matmul_precision set_flush_denormal
        set_num_interop_threads set_num_threads set_printoptions set_rng_state set_warn_always sgn short sigmoid
        sigmoid_ sign signbit sin sin_ sinc sinc_ sinh sinh_ slice_copy slice_inverse slice_scatter slogdet smm
        softmax sort sparse_bsc_tensor sparse_bsr_tensor sparse_compressed_tensor sparse_coo_tensor sparse_csc_tensor
        sparse_csr_tensor split split_copy split_with_sizes split_with_sizes_copy spmm sqrt sqrt_ square square_
        squeeze squeeze_copy sspaddmm stack std std_mean stft sub subtract sum svd swapaxes swapdims
        sym_constrain_range sym_constrain_range_for_size sym_float sym_fresh_size sym_int sym_ite sym_max sym_min
        sym_not sym_sqrt sym_sum t t_copy take take_along_dim tan tan_ tanh tanh_ tensor tensor_split tensordot
        thread_safe_generator threshold threshold_ tile topk trace transpose transpose_copy trapezoid trapz
        triangular_solve tril tril_indices triplet_margin_loss triu triu_indices true_divide trunc trunc_ typename
        uint1 uint16 uint2 uint3 uint32 uint4 uint5 uint6 uint64 uint7 uint8 unbind unbind_copy unflatten unfold_copy
        unify_type_list unique_consecutive unravel_index unsafe_chunk unsafe_split unsafe_split_with_sizes unsqueeze
        unsqueeze_copy use_deterministic_algorithms values_copy vander var var_mean vdot view_as_complex
        view_as_complex_copy view_as_real view_as_real_copy view_copy vmap vsplit vstack wait where xlogy xlogy_ zero_
        zeros zeros_like
        """.split()),
    "torch.accelerator": frozenset("""
        Graph current_accelerator current_device_idx current_device_index current_stream device_count device_index
        empty_cache empty_host_cache get_device_capability get_memory_info is_available max_memory_allocated
        max_memory_reserved memory_allocated memory_reserved memory_stats reset_accumulated_memory_stats
        reset_peak_memory_stats set_device_idx set_device_index set_stream synchronize
        """.split()),
    "torch.amp": frozenset("""
        GradScaler autocast custom_bwd custom_fwd is_autocast_available
        """.split()),
    "torch.autograd": frozenset("""
        Function NestedIOFunction Variable backward detect_anomaly enable_grad enforce_grad_layout_policy grad
        grad_mode gradcheck gradgradcheck inference_mode no_grad set_detect_anomaly set_grad_enabled
        set_multithreading_enabled variable
        """.split()),
    "torch.autograd.anomaly_mode": frozenset("""
        detect_anomaly set_detect_anomaly
        """.split()),
    "torch.autograd.forward_ad": frozenset("""
        UnpackedDualTensor dual_level enter_dual_level exit_dual_level make_dual unpack_dual
        """.split()),
    "torch.autograd.function": frozenset("""
        BackwardCFunction Function FunctionCtx FunctionMeta InplaceFunction NestedIOFunction once_differentiable
        """.split()),
    "torch.autograd.functional": frozenset("""
        hessian hvp jacobian jvp vhp vjp
        """.split()),
    "torch.autograd.grad_mode": frozenset("""
        enable_grad enforce_grad_layout_policy inference_mode no_grad set_grad_enabled set_multithreading_enabled
        """.split()),
    "torch.autograd.gradcheck": frozenset("""
        GradcheckError get_analytical_jacobian get_numerical_jacobian get_numerical_jacobian_wrt_specific_input
        gradcheck gradgradcheck
        """.split()),
    "torch.autograd.graph": frozenset("""
        GradientEdge Node allow_mutation_on_saved_tensors disable_saved_tensors_hooks get_gradient_edge
        increment_version region_activation_memory_budget register_multi_grad_hook save_on_cpu saved_tensors_hooks
        set_override_stale_capture_stream set_warn_on_accumulate_grad_stream_mismatch
        """.split()),
    "torch.autograd.profiler": frozenset("""
        EnforceUnique EventList FunctionEvent KinetoStepTracker MemRecordsAcc emit_itt emit_nvtx load_nvprof
        parse_nvprof_trace profile record_function
        """.split()),
    "torch.autograd.variable": frozenset("""
        Variable VariableMeta
        """.split()),
    "torch.compiler": frozenset("""
        allow_in_graph assume_constant_result compile config cudagraph_mark_step_begin disable get_default_backend
        is_compiling is_dynamo_compiling is_exporting keep_portable_guards_unsafe keep_tensor_guards_unsafe
        list_backends load_cache_artifacts load_compiled_function nested_compile_region reset save_cache_artifacts
        set_default_backend set_enable_guard_collectives set_stance skip_all_guards_unsafe
        skip_guard_on_all_nn_modules_unsafe skip_guard_on_globals_unsafe skip_guard_on_inbuilt_nn_modules_unsafe
        substitute_in_graph wrap_numpy
        """.split()),
    "torch.cpu": frozenset("""
        Event Stream StreamContext current_device current_stream device_count get_capabilities is_available
        is_initialized set_device stream synchronize
        """.split()),
    "torch.cuda": frozenset("""
        BFloat16Storage BFloat16Tensor BoolStorage BoolTensor ByteStorage ByteTensor CUDAGraph CUDAPluggableAllocator
        CharStorage CharTensor ComplexDoubleStorage ComplexFloatStorage CudaError DeferredCudaCallError DoubleStorage
        DoubleTensor Event ExternalStream FloatStorage FloatTensor GreenContext HalfStorage HalfTensor IntStorage
        IntTensor LongStorage LongTensor MemPool ShortStorage ShortTensor Stream StreamContext amp
        caching_allocator_alloc caching_allocator_delete caching_allocator_disabled caching_allocator_enable
        can_device_access_peer change_current_allocator check_error clock_rate cudaStatus cudart current_blas_handle
        current_device current_solver_handle current_stream default_generators default_stream device device_count
        device_memory_used device_of empty_cache get_allocator_backend get_arch_list get_device_capability
        get_device_name get_device_properties get_gencode_flags get_per_process_memory_fraction get_rng_state
        get_rng_state_all get_stream_from_external get_sync_debug_mode graph graph_pool_handle graphs has_half
        has_magma host_memory_stats host_memory_stats_as_nested_dict init initial_seed ipc_collect is_available
        is_bf16_supported is_current_stream_capturing is_initialized is_tf32_supported jiterator list_gpu_processes
        make_graphed_callables manual_seed manual_seed_all max_memory_allocated max_memory_cached max_memory_reserved
        mem_get_info memory memory_allocated memory_cached memory_reserved memory_snapshot memory_stats
        memory_stats_as_nested_dict memory_summary memory_usage nccl nvtx power_draw profiler random
        reset_accumulated_host_memory_stats reset_accumulated_memory_stats reset_max_memory_allocated
        reset_max_memory_cached reset_peak_host_memory_stats reset_peak_memory_stats seed seed_all set_device
        set_per_process_memory_fraction set_rng_state set_rng_state_all set_stream set_sync_debug_mode sparse stream
        streams synchronize temperature tunable use_mem_pool utilization
        """.split()),
    "torch.cuda.amp": frozenset("""
        GradScaler amp_definitely_not_available autocast custom_bwd custom_fwd
        """.split()),
    "torch.distributions": frozenset("""
        AbsTransform AffineTransform Bernoulli Beta Binomial CatTransform Categorical Cauchy Chi2 ComposeTransform
        ContinuousBernoulli CorrCholeskyTransform CumulativeDistributionTransform Dirichlet Distribution ExpTransform
        Exponential ExponentialFamily FisherSnedecor Gamma GeneralizedPareto Geometric Gumbel HalfCauchy HalfNormal
        Independent IndependentTransform InverseGamma Kumaraswamy LKJCholesky Laplace LogNormal LogisticNormal
        LowRankMultivariateNormal LowerCholeskyTransform MixtureSameFamily Multinomial MultivariateNormal
        NegativeBinomial Normal OneHotCategorical OneHotCategoricalStraightThrough Pareto Poisson
        PositiveDefiniteTransform PowerTransform RelaxedBernoulli RelaxedOneHotCategorical ReshapeTransform
        SigmoidTransform SoftmaxTransform SoftplusTransform StackTransform StickBreakingTransform StudentT
        TanhTransform Transform TransformedDistribution Uniform VonMises Weibull Wishart biject_to identity_transform
        kl_divergence register_kl transform_to
        """.split()),
    "torch.distributions.bernoulli": frozenset("""
        Bernoulli
        """.split()),
    "torch.distributions.categorical": frozenset("""
        Categorical
        """.split()),
    "torch.distributions.constraint_registry": frozenset("""
        ConstraintRegistry biject_to transform_to
        """.split()),
    "torch.distributions.constraints": frozenset("""
        Constraint MixtureSameFamilyConstraint boolean cat corr_cholesky dependent dependent_property greater_than
        greater_than_eq half_open_interval independent integer_interval interval is_dependent less_than lower_cholesky
        lower_triangular multinomial nonnegative nonnegative_integer one_hot positive positive_definite
        positive_integer positive_semidefinite real real_vector simplex square stack symmetric unit_interval
        """.split()),
    "torch.distributions.continuous_bernoulli": frozenset("""
        ContinuousBernoulli
        """.split()),
    "torch.distributions.dirichlet": frozenset("""
        Dirichlet
        """.split()),
    "torch.distributions.distribution": frozenset("""
        Distribution
        """.split()),
    "torch.distributions.exp_family": frozenset("""
        ExponentialFamily
        """.split()),
    "torch.distributions.exponential": frozenset("""
        Exponential
        """.split()),
    "torch.distributions.gamma": frozenset("""
        Gamma
        """.split()),
    "torch.distributions.generalized_pareto": frozenset("""
        GeneralizedPareto
        """.split()),
    "torch.distributions.independent": frozenset("""
        Independent
        """.split()),
    "torch.distributions.kl": frozenset("""
        kl_divergence register_kl
        """.split()),
    "torch.distributions.lkj_cholesky": frozenset("""
        LKJCholesky
        """.split()),
    "torch.distributions.lowrank_multivariate_normal": frozenset("""
        LowRankMultivariateNormal
        """.split()),
    "torch.distributions.mixture_same_family": frozenset("""
        MixtureSameFamily
        """.split()),
    "torch.distributions.multinomial": frozenset("""
        Multinomial
        """.split()),
    "torch.distributions.multivariate_normal": frozenset("""
        MultivariateNormal
        """.split()),
    "torch.distributions.normal": frozenset("""
        Normal
        """.split()),
    "torch.distributions.transformed_distribution": frozenset("""
        TransformedDistribution
        """.split()),
    "torch.distributions.transforms": frozenset("""
        AbsTransform AffineTransform CatTransform ComposeTransform CorrCholeskyTransform
        CumulativeDistributionTransform ExpTransform IndependentTransform LowerCholeskyTransform
        PositiveDefiniteTransform PowerTransform ReshapeTransform SigmoidTransform SoftmaxTransform SoftplusTransform
        StackTransform StickBreakingTransform TanhTransform Transform identity_transform
        """.split()),
    "torch.distributions.uniform": frozenset("""
        Uniform
        """.split()),
    "torch.distributions.utils": frozenset("""
        broadcast_all clamp_probs lazy_property logits_to_probs probs_to_logits tril_matrix_to_vec vec_to_tril_matrix
        """.split()),
    "torch.distributions.von_mises": frozenset("""
        VonMises
        """.split()),
    "torch.distributions.wishart": frozenset("""
        Wishart
        """.split()),
    "torch.fft": frozenset("""
        Tensor fft fft2 fftfreq fftn fftshift hfft ifft ifft2 ifftn ifftshift ihfft irfft irfft2 irfftn rfft rfft2
        rfftfreq rfftn
        """.split()),
    "torch.functional": frozenset("""
        atleast_1d atleast_2d atleast_3d block_diag broadcast_shapes broadcast_tensors cartesian_prod cdist
        chain_matmul einsum istft lu meshgrid norm pca_lowrank split stft svd_lowrank tensordot unique
        unique_consecutive unravel_index
        """.split()),
    "torch.fx": frozenset("""
        Graph GraphModule Interpreter Node Proxy Tracer Transformer has_side_effect map_arg replace_pattern
        symbolic_trace wrap
        """.split()),
    "torch.jit": frozenset("""
        Attribute CompilationUnit Error Future ScriptFunction ScriptModule annotate enable_onednn_fusion export
        export_opnames fork freeze ignore interface isinstance load onednn_fusion_enabled optimize_for_inference save
        script script_if_tracing set_fusion_strategy strict_fusion trace trace_module unused wait
        """.split()),
    "torch.library": frozenset("""
        Library custom_op define fallthrough_kernel get_ctx get_kernel impl impl_abstract infer_schema
        register_autocast register_fake register_torch_dispatch register_vmap triton_op wrap_triton
        """.split()),
    "torch.mps": frozenset("""
        Event compile_shader current_allocated_memory device_count driver_allocated_memory empty_cache get_rng_state
        is_available load_metallib manual_seed profiler recommended_max_memory seed set_per_process_memory_fraction
        set_rng_state synchronize
        """.split()),
    "torch.nn.attention": frozenset("""
        SDPBackend WARN_FOR_UNFUSED_KERNELS activate_flash_attention_impl current_flash_attention_impl
        list_flash_attention_impls register_flash_attention_impl restore_flash_attention_impl sdpa_kernel
        """.split()),
    "torch.nn.init": frozenset("""
        calculate_gain constant constant_ dirac dirac_ eye eye_ kaiming_normal kaiming_normal_ kaiming_uniform
        kaiming_uniform_ normal normal_ ones_ orthogonal orthogonal_ sparse sparse_ trunc_normal_ uniform uniform_
        xavier_normal xavier_normal_ xavier_uniform xavier_uniform_ zeros_
        """.split()),
    "torch.nn.modules": frozenset("""
        AdaptiveAvgPool1d AdaptiveAvgPool2d AdaptiveAvgPool3d AdaptiveLogSoftmaxWithLoss AdaptiveMaxPool1d
        AdaptiveMaxPool2d AdaptiveMaxPool3d AlphaDropout AvgPool1d AvgPool2d AvgPool3d BCELoss BCEWithLogitsLoss
        BatchNorm1d BatchNorm2d BatchNorm3d Bilinear CELU CTCLoss ChannelShuffle CircularPad1d CircularPad2d
        CircularPad3d ConstantPad1d ConstantPad2d ConstantPad3d Container Conv1d Conv2d Conv3d ConvTranspose1d
        ConvTranspose2d ConvTranspose3d CosineEmbeddingLoss CosineSimilarity CrossEntropyLoss CrossMapLRN2d Dropout
        Dropout1d Dropout2d Dropout3d ELU Embedding EmbeddingBag FeatureAlphaDropout Flatten Fold FractionalMaxPool2d
        FractionalMaxPool3d GELU GLU GRU GRUCell GaussianNLLLoss GroupNorm Hardshrink Hardsigmoid Hardswish Hardtanh
        HingeEmbeddingLoss HuberLoss Identity InstanceNorm1d InstanceNorm2d InstanceNorm3d KLDivLoss L1Loss LPPool1d
        LPPool2d LPPool3d LSTM LSTMCell LayerNorm LazyBatchNorm1d LazyBatchNorm2d LazyBatchNorm3d LazyConv1d
        LazyConv2d LazyConv3d LazyConvTranspose1d LazyConvTranspose2d LazyConvTranspose3d LazyInstanceNorm1d
        LazyInstanceNorm2d LazyInstanceNorm3d LazyLinear LeakyReLU Linear LinearCrossEntropyLoss
        LinearCrossEntropyOptions LocalResponseNorm LogSigmoid LogSoftmax MSELoss MarginRankingLoss MaxPool1d
        MaxPool2d MaxPool3d MaxUnpool1d MaxUnpool2d MaxUnpool3d Mish Module ModuleDict ModuleList MultiLabelMarginLoss
        MultiLabelSoftMarginLoss MultiMarginLoss MultiheadAttention NLLLoss NLLLoss2d PReLU PairwiseDistance
        ParameterDict ParameterList PixelShuffle PixelUnshuffle PoissonNLLLoss RMSNorm RNN RNNBase RNNCell RNNCellBase
        RReLU ReLU ReLU6 ReflectionPad1d ReflectionPad2d ReflectionPad3d ReplicationPad1d ReplicationPad2d
        ReplicationPad3d SELU Sequential SiLU Sigmoid SmoothL1Loss SoftMarginLoss Softmax Softmax2d Softmin Softplus
        Softshrink Softsign SyncBatchNorm Tanh Tanhshrink Threshold Transformer TransformerDecoder
        TransformerDecoderLayer TransformerEncoder TransformerEncoderLayer TripletMarginLoss
        TripletMarginWithDistanceLoss Unflatten Unfold Upsample UpsamplingBilinear2d UpsamplingNearest2d ZeroPad1d
        ZeroPad2d ZeroPad3d
        """.split()),
    "torch.nn.modules.utils": frozenset("""
        consume_prefix_in_state_dict_if_present
        """.split()),
    "torch.nn.parallel": frozenset("""
        DataParallel DistributedDataParallel data_parallel gather parallel_apply replicate scatter
        """.split()),
    "torch.nn.parameter": frozenset("""
        Buffer Parameter UninitializedBuffer UninitializedParameter UninitializedTensorMixin is_lazy
        """.split()),
    "torch.nn.utils": frozenset("""
        clip_grad_norm clip_grad_norm_ clip_grad_value_ clip_grads_with_norm_ convert_conv2d_weight_memory_format
        convert_conv3d_weight_memory_format fuse_conv_bn_eval fuse_conv_bn_weights fuse_linear_bn_eval
        fuse_linear_bn_weights get_total_norm parameters_to_vector parametrizations parametrize remove_spectral_norm
        remove_weight_norm rnn skip_init spectral_norm stateless vector_to_parameters weight_norm
        """.split()),
    "torch.nn.utils.clip_grad": frozenset("""
        clip_grad_norm clip_grad_norm_ clip_grad_value_
        """.split()),
    "torch.nn.utils.fusion": frozenset("""
        fuse_conv_bn_eval fuse_conv_bn_weights fuse_linear_bn_eval fuse_linear_bn_weights
        """.split()),
    "torch.nn.utils.memory_format": frozenset("""
        convert_conv2d_weight_memory_format convert_conv3d_weight_memory_format
        """.split()),
    "torch.nn.utils.parametrizations": frozenset("""
        orthogonal spectral_norm weight_norm
        """.split()),
    "torch.nn.utils.parametrize": frozenset("""
        ParametrizationList cached is_parametrized register_parametrization remove_parametrizations
        transfer_parametrizations_and_params type_before_parametrizations
        """.split()),
    "torch.nn.utils.rnn": frozenset("""
        PackedSequence invert_permutation pack_padded_sequence pack_sequence pad_packed_sequence pad_sequence
        unpack_sequence unpad_sequence
        """.split()),
    "torch.nn.utils.spectral_norm": frozenset("""
        SpectralNorm SpectralNormLoadStateDictPreHook SpectralNormStateDictHook remove_spectral_norm spectral_norm
        """.split()),
    "torch.nn.utils.stateless": frozenset("""
        functional_call
        """.split()),
    "torch.nn.utils.weight_norm": frozenset("""
        WeightNorm remove_weight_norm weight_norm
        """.split()),
    "torch.optim.adadelta": frozenset("""
        Adadelta adadelta
        """.split()),
    "torch.optim.adagrad": frozenset("""
        Adagrad adagrad
        """.split()),
    "torch.optim.adam": frozenset("""
        Adam adam
        """.split()),
    "torch.optim.adamax": frozenset("""
        Adamax adamax
        """.split()),
    "torch.optim.adamw": frozenset("""
        AdamW adamw
        """.split()),
    "torch.optim.asgd": frozenset("""
        ASGD asgd
        """.split()),
    "torch.optim.lbfgs": frozenset("""
        LBFGS
        """.split()),
    "torch.optim.lr_scheduler": frozenset("""
        ChainedScheduler ConstantLR CosineAnnealingLR CosineAnnealingWarmRestarts CyclicLR ExponentialLR LRScheduler
        LambdaLR LinearLR MultiStepLR MultiplicativeLR OneCycleLR PolynomialLR ReduceLROnPlateau SequentialLR StepLR
        """.split()),
    "torch.optim.nadam": frozenset("""
        NAdam nadam
        """.split()),
    "torch.optim.optimizer": frozenset("""
        Optimizer register_optimizer_step_post_hook register_optimizer_step_pre_hook
        """.split()),
    "torch.optim.radam": frozenset("""
        RAdam radam
        """.split()),
    "torch.optim.rmsprop": frozenset("""
        RMSprop rmsprop
        """.split()),
    "torch.optim.rprop": frozenset("""
        Rprop rprop
        """.split()),
    "torch.optim.sgd": frozenset("""
        SGD sgd
        """.split()),
    "torch.optim.sparse_adam": frozenset("""
        SparseAdam
        """.split()),
    "torch.optim.swa_utils": frozenset("""
        AveragedModel SWALR get_ema_avg_fn get_ema_multi_avg_fn get_swa_avg_fn get_swa_multi_avg_fn update_bn
        """.split()),
    "torch.overrides": frozenset("""
        enable_reentrant_dispatch get_ignored_functions get_overridable_functions get_testing_overrides
        handle_torch_function has_torch_function is_tensor_like is_tensor_method_or_property redispatch_function
        resolve_name wrap_torch_function
        """.split()),
    "torch.profiler": frozenset("""
        DeviceType ExecutionTraceObserver ProfilerAction ProfilerActivity kineto_available profile record_function
        schedule supported_activities tensorboard_trace_handler
        """.split()),
    "torch.random": frozenset("""
        fork_rng get_rng_state initial_seed manual_seed seed set_rng_state thread_safe_generator
        """.split()),
    "torch.return_types": frozenset("""
        all_return_types aminmax aminmax_out cummax cummax_out cummin cummin_out frexp frexp_out geqrf geqrf_out
        histogram histogram_out histogramdd kthvalue kthvalue_out linalg_cholesky_ex linalg_cholesky_ex_out linalg_eig
        linalg_eig_out linalg_eigh linalg_eigh_out linalg_inv_ex linalg_inv_ex_out linalg_ldl_factor
        linalg_ldl_factor_ex linalg_ldl_factor_ex_out linalg_ldl_factor_out linalg_lstsq linalg_lstsq_out linalg_lu
        linalg_lu_factor linalg_lu_factor_ex linalg_lu_factor_ex_out linalg_lu_factor_out linalg_lu_out linalg_qr
        linalg_qr_out linalg_slogdet linalg_slogdet_out linalg_solve_ex linalg_solve_ex_out linalg_svd linalg_svd_out
        lu_unpack lu_unpack_out max max_out median median_out min min_out mode mode_out nanmedian nanmedian_out
        pytree_register_structseq qr qr_out slogdet slogdet_out sort sort_out svd svd_out topk topk_out
        triangular_solve triangular_solve_out
        """.split()),
    "torch.serialization": frozenset("""
        LoadEndianness SourceChangeWarning StorageType add_safe_globals check_module_version_greater_or_equal
        clear_safe_globals default_restore_location get_crc32_options get_default_load_endianness
        get_default_mmap_options get_safe_globals get_unsafe_globals_in_checkpoint load location_tag mkdtemp
        normalize_storage_type register_package safe_globals save set_crc32_options set_default_load_endianness
        set_default_mmap_options skip_data storage_to_tensor_type validate_cuda_device validate_hpu_device
        """.split()),
    "torch.signal.windows": frozenset("""
        bartlett blackman cosine exponential gaussian general_cosine general_hamming hamming hann kaiser nuttall
        """.split()),
    "torch.special": frozenset("""
        airy_ai bessel_j0 bessel_j1 bessel_y0 bessel_y1 chebyshev_polynomial_t chebyshev_polynomial_u
        chebyshev_polynomial_v chebyshev_polynomial_w digamma entr erf erfc erfcx erfinv exp2 expit expm1 gammainc
        gammaincc gammaln hermite_polynomial_h hermite_polynomial_he i0 i0e i1 i1e laguerre_polynomial_l
        legendre_polynomial_p log1p log_ndtr log_softmax logit logsumexp modified_bessel_i0 modified_bessel_i1
        modified_bessel_k0 modified_bessel_k1 multigammaln ndtr ndtri polygamma psi round scaled_modified_bessel_k0
        scaled_modified_bessel_k1 shifted_chebyshev_polynomial_t shifted_chebyshev_polynomial_u
        shifted_chebyshev_polynomial_v shifted_chebyshev_polynomial_w sinc softmax spherical_bessel_j0 xlog1py xlogy
        zeta
        """.split()),
    "torch.utils.checkpoint": frozenset("""
        CheckpointError CheckpointFunction CheckpointPolicy DefaultDeviceType GraphExecGroup SAC_IGNORED_OPS
        SelectiveCheckpointContext check_backward_validity checkpoint checkpoint_sequential
        create_selective_checkpoint_contexts detach_variable get_device_states noop_context_fn
        set_checkpoint_debug_enabled set_checkpoint_early_stop set_device_states
        """.split()),
    "torch.utils.data": frozenset("""
        BatchSampler ChainDataset ConcatDataset DFIterDataPipe DataChunk DataLoader Dataset DistributedSampler
        IterDataPipe IterableDataset MapDataPipe RandomSampler Sampler SequentialSampler StackDataset Subset
        SubsetRandomSampler TensorDataset WeightedRandomSampler _DatasetKind argument_validation default_collate
        default_convert functional_datapipe get_worker_info guaranteed_datapipes_determinism non_deterministic
        random_split runtime_validation runtime_validation_disabled
        """.split()),
    "torch.utils.data.dataloader": frozenset("""
        DataLoader default_collate default_convert get_worker_info
        """.split()),
    "torch.utils.data.dataset": frozenset("""
        ChainDataset ConcatDataset Dataset IterableDataset StackDataset Subset TensorDataset random_split
        """.split()),
    "torch.utils.data.distributed": frozenset("""
        DistributedSampler
        """.split()),
    "torch.utils.data.sampler": frozenset("""
        BatchSampler RandomSampler Sampler SequentialSampler SubsetRandomSampler WeightedRandomSampler
        """.split()),
    "torch.utils.hooks": frozenset("""
        BackwardHook RemovableHandle unserializable_hook warn_if_has_hooks
        """.split()),
    "torch.version": frozenset("""
        __version__ cuda debug git_version hip rocm xpu
        """.split()),
    "torch.xpu": frozenset("""
        Event MemPool Stream StreamContext XPUGraph XPUPluggableAllocator can_device_access_peer
        change_current_allocator clock_rate current_device current_stream default_generators device device_count
        device_memory_used device_of empty_cache get_arch_list get_device_capability get_device_name
        get_device_properties get_gencode_flags get_per_process_memory_fraction get_rng_state get_rng_state_all
        get_stream_from_external graph graph_pool_handle init initial_seed is_available is_bf16_supported
        is_current_stream_capturing is_initialized is_tf32_supported make_graphed_callables manual_seed
        manual_seed_all max_memory_allocated max_memory_reserved mem_get_info memory_allocated memory_reserved
        memory_snapshot memory_stats memory_stats_as_nested_dict memory_usage power_draw
        reset_accumulated_memory_stats reset_peak_memory_stats seed seed_all set_device
        set_per_process_memory_fraction set_rng_state set_rng_state_all set_stream stream streams synchronize
        temperature use_mem_pool utilization
        """.split()),
}

# torch.typename of the functions of torch and torch.nn.functional where it is not the usual one
# (TYPENAME_DEFAULT: a builtin of torch, a Python function of torch.nn.functional); read by
# nn.Sequential's "... is not a Module subclass" when a learner passes F.relu instead of nn.ReLU()
TYPENAME_DEFAULT = {'torch': 'torch._VariableFunctionsClass.{}', 'torch.nn.functional': 'torch.nn.functional.{}'}
TYPENAMES = {
    "torch": {
        "are_deterministic_algorithms_enabled": "torch.are_deterministic_algorithms_enabled",
        "atleast_1d": "torch.functional.atleast_1d",
        "atleast_2d": "torch.functional.atleast_2d",
        "atleast_3d": "torch.functional.atleast_3d",
        "autocast_decrement_nesting": "torch.autocast_decrement_nesting",
        "autocast_increment_nesting": "torch.autocast_increment_nesting",
        "block_diag": "torch.functional.block_diag",
        "broadcast_shapes": "torch.functional.broadcast_shapes",
        "broadcast_tensors": "torch.functional.broadcast_tensors",
        "cartesian_prod": "torch.functional.cartesian_prod",
        "cdist": "torch.functional.cdist",
        "chain_matmul": "torch.functional.chain_matmul",
        "classproperty": "torch._utils.classproperty",
        "clear_autocast_cache": "torch.clear_autocast_cache",
        "compile": "torch.compile",
        "compiled_with_cxx11_abi": "torch.compiled_with_cxx11_abi",
        "cond": "torch.cond",
        "eig": "torch._linalg_utils.eig",
        "einsum": "torch.functional.einsum",
        "fork": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.fork",
        "from_dlpack": "torch.utils.dlpack.from_dlpack",
        "get_autocast_cpu_dtype": "torch.get_autocast_cpu_dtype",
        "get_autocast_dtype": "torch.get_autocast_dtype",
        "get_autocast_gpu_dtype": "torch.get_autocast_gpu_dtype",
        "get_autocast_ipu_dtype": "torch.get_autocast_ipu_dtype",
        "get_autocast_xla_dtype": "torch.get_autocast_xla_dtype",
        "get_default_device": "torch.get_default_device",
        "get_default_dtype": "torch.get_default_dtype",
        "get_deterministic_debug_mode": "torch.get_deterministic_debug_mode",
        "get_device_module": "torch.get_device_module",
        "get_file_path": "torch._utils_internal.get_file_path",
        "get_float32_matmul_precision": "torch.get_float32_matmul_precision",
        "get_num_interop_threads": "torch.get_num_interop_threads",
        "get_num_threads": "torch.get_num_threads",
        "get_rng_state": "torch.random.get_rng_state",
        "import_ir_module": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.import_ir_module",
        "import_ir_module_from_buffer": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.import_ir_module_from_buffer",
        "init_num_threads": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.init_num_threads",
        "initial_seed": "torch.random.initial_seed",
        "is_anomaly_check_nan_enabled": "torch.is_anomaly_check_nan_enabled",
        "is_anomaly_enabled": "torch.is_anomaly_enabled",
        "is_autocast_cache_enabled": "torch.is_autocast_cache_enabled",
        "is_autocast_cpu_enabled": "torch.is_autocast_cpu_enabled",
        "is_autocast_enabled": "torch.is_autocast_enabled",
        "is_autocast_ipu_enabled": "torch.is_autocast_ipu_enabled",
        "is_autocast_xla_enabled": "torch.is_autocast_xla_enabled",
        "is_deterministic_algorithms_warn_only_enabled": "torch.is_deterministic_algorithms_warn_only_enabled",
        "is_grad_enabled": "torch.is_grad_enabled",
        "is_inference_mode_enabled": "torch.is_inference_mode_enabled",
        "is_storage": "torch.is_storage",
        "is_tensor": "torch.is_tensor",
        "is_warn_always_enabled": "torch.is_warn_always_enabled",
        "load": "torch.serialization.load",
        "lobpcg": "torch._lobpcg.lobpcg",
        "lstsq": "torch._linalg_utils.lstsq",
        "lu": "torch.functional.boolean_dispatch.<locals>.fn",
        "manual_seed": "torch.random.manual_seed",
        "matrix_rank": "torch._linalg_utils.matrix_rank",
        "merge_type_from_type_comment": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.merge_type_from_type_comment",
        "meshgrid": "torch.functional.meshgrid",
        "norm": "torch.functional.norm",
        "parse_ir": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.parse_ir",
        "parse_schema": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.parse_schema",
        "parse_type_comment": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.parse_type_comment",
        "pca_lowrank": "torch._lowrank.pca_lowrank",
        "prepare_multiprocessing_environment": "torch._utils_internal.prepare_multiprocessing_environment",
        "profiler_allow_cudagraph_cupti_lazy_reinit_cuda12": "torch._utils_internal.profiler_allow_cudagraph_cupti_lazy_reinit_cuda12",
        "quantized_gru": "torch._ops.aten.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.quantized_gru",
        "quantized_lstm": "torch._ops.aten.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.quantized_lstm",
        "save": "torch.serialization.save",
        "seed": "torch.random.seed",
        "set_anomaly_enabled": "torch.set_anomaly_enabled",
        "set_autocast_cache_enabled": "torch.set_autocast_cache_enabled",
        "set_autocast_cpu_dtype": "torch.set_autocast_cpu_dtype",
        "set_autocast_cpu_enabled": "torch.set_autocast_cpu_enabled",
        "set_autocast_dtype": "torch.set_autocast_dtype",
        "set_autocast_enabled": "torch.set_autocast_enabled",
        "set_autocast_gpu_dtype": "torch.set_autocast_gpu_dtype",
        "set_autocast_ipu_dtype": "torch.set_autocast_ipu_dtype",
        "set_autocast_ipu_enabled": "torch.set_autocast_ipu_enabled",
        "set_autocast_xla_dtype": "torch.set_autocast_xla_dtype",
        "set_autocast_xla_enabled": "torch.set_autocast_xla_enabled",
        "set_default_device": "torch.set_default_device",
        "set_default_dtype": "torch.set_default_dtype",
        "set_default_tensor_type": "torch.set_default_tensor_type",
        "set_deterministic_debug_mode": "torch.set_deterministic_debug_mode",
        "set_float32_matmul_precision": "torch.set_float32_matmul_precision",
        "set_flush_denormal": "torch.set_flush_denormal",
        "set_num_interop_threads": "torch.set_num_interop_threads",
        "set_num_threads": "torch.set_num_threads",
        "set_printoptions": "torch._tensor_str.set_printoptions",
        "set_rng_state": "torch.random.set_rng_state",
        "set_warn_always": "torch.set_warn_always",
        "solve": "torch._linalg_utils.solve",
        "split": "torch.functional.split",
        "stft": "torch.functional.stft",
        "svd_lowrank": "torch._lowrank.svd_lowrank",
        "sym_float": "torch.sym_float",
        "sym_fresh_size": "torch.sym_fresh_size",
        "sym_int": "torch.sym_int",
        "sym_ite": "torch.sym_ite",
        "sym_max": "torch.sym_max",
        "sym_min": "torch.sym_min",
        "sym_not": "torch.sym_not",
        "sym_sqrt": "torch._sym_sqrt",
        "sym_sum": "torch.sym_sum",
        "symeig": "torch._linalg_utils._symeig",
        "tensordot": "torch.functional.tensordot",
        "thread_safe_generator": "torch.random.thread_safe_generator",
        "to_dlpack": "torch._C._to_dlpack",
        "typename": "torch.typename",
        "unify_type_list": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.unify_type_list",
        "unique": "torch.functional.boolean_dispatch.<locals>.fn",
        "unique_consecutive": "torch.functional.boolean_dispatch.<locals>.fn",
        "unravel_index": "torch.functional.unravel_index",
        "use_deterministic_algorithms": "torch.use_deterministic_algorithms",
        "vmap": "torch.func.vmap",
        "wait": "torch.pybind11_detail_function_record_v1_system_libstdcpp_gxx_abi_1xxx_use_cxx11_abi_1.wait",
        "while_loop": "torch._higher_order_ops.while_loop.while_loop",
    },
    "torch.nn.functional": {
        "Optional": "typing.Optional",
        "adaptive_avg_pool1d": "torch._VariableFunctionsClass.adaptive_avg_pool1d",
        "adaptive_max_pool1d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "adaptive_max_pool2d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "adaptive_max_pool3d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "avg_pool1d": "torch._VariableFunctionsClass.avg_pool1d",
        "avg_pool2d": "torch._C._nn.avg_pool2d",
        "avg_pool3d": "torch._C._nn.avg_pool3d",
        "bilinear": "torch._VariableFunctionsClass.bilinear",
        "boolean_dispatch": "torch._jit_internal.boolean_dispatch",
        "celu_": "torch._VariableFunctionsClass.celu_",
        "channel_shuffle": "torch._VariableFunctionsClass.channel_shuffle",
        "conv1d": "torch._VariableFunctionsClass.conv1d",
        "conv2d": "torch._VariableFunctionsClass.conv2d",
        "conv3d": "torch._VariableFunctionsClass.conv3d",
        "conv_tbc": "torch._VariableFunctionsClass.conv_tbc",
        "conv_transpose1d": "torch._VariableFunctionsClass.conv_transpose1d",
        "conv_transpose2d": "torch._VariableFunctionsClass.conv_transpose2d",
        "conv_transpose3d": "torch._VariableFunctionsClass.conv_transpose3d",
        "cosine_similarity": "torch._VariableFunctionsClass.cosine_similarity",
        "elu_": "torch._C._nn.elu_",
        "fractional_max_pool2d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "fractional_max_pool3d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "gelu": "torch._C._nn.gelu",
        "handle_torch_function": "torch.overrides.handle_torch_function",
        "hardshrink": "torch._VariableFunctionsClass.hardshrink",
        "hardtanh_": "torch._C._nn.hardtanh_",
        "has_torch_function": "torch._C._has_torch_function",
        "has_torch_function_unary": "torch._C._has_torch_function_unary",
        "has_torch_function_variadic": "torch._C._has_torch_function_variadic",
        "leaky_relu_": "torch._C._nn.leaky_relu_",
        "linear": "torch._C._nn.linear",
        "logsigmoid": "torch._C._nn.log_sigmoid",
        "max_pool1d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "max_pool2d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "max_pool3d": "torch.nn.functional.boolean_dispatch.<locals>.fn",
        "native_channel_shuffle": "torch._VariableFunctionsClass.native_channel_shuffle",
        "one_hot": "torch._C._nn.one_hot",
        "pairwise_distance": "torch._VariableFunctionsClass.pairwise_distance",
        "pdist": "torch._VariableFunctionsClass.pdist",
        "pixel_shuffle": "torch._VariableFunctionsClass.pixel_shuffle",
        "pixel_unshuffle": "torch._VariableFunctionsClass.pixel_unshuffle",
        "prelu": "torch._VariableFunctionsClass.prelu",
        "relu_": "torch._VariableFunctionsClass.relu_",
        "rrelu_": "torch._VariableFunctionsClass.rrelu_",
        "scaled_dot_product_attention": "torch._C._nn.scaled_dot_product_attention",
        "selu_": "torch._VariableFunctionsClass.selu_",
        "softplus": "torch._C._nn.softplus",
        "softshrink": "torch._C._nn.softshrink",
        "threshold": "torch.nn.functional._threshold",
        "threshold_": "torch._VariableFunctionsClass.threshold_",
    },
}
