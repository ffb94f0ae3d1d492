"""`from <module> import *` binds what PyTorch's binds, for every torch module a lesson star-imports (probe 105).

For each module, the names a star import binds on real PyTorch (its __all__, else its public globals, imported
modules such as math included) are compared with the engine's: (a) a name PyTorch binds that the engine does not is
either an engine name missing from the module's __all__ (a bug) or API the engine has not implemented, listed in
NOT_IMPLEMENTED below, which must stay exact (implementing a name means deleting it here); (b) a name the engine
binds that PyTorch does not is a leak of an engine helper or submodule (`from torch.nn import *` bound `conv`,
`loss`, `activation` ...; `from torch.optim import *` the modules `adam`, `sgd`; `from torch.special import *` `np`
and `OPS`; `from torch import *` `nn`, `optim`, `small_api`, `set_grad_enabled`), always a bug. The engine's
__all__ comes from PyTorch's own star-import names (engine/pytorch_names.py STARRED, written by
tools/pytorch_names.py; engine/argcheck.starred)."""
import warnings

import pytest

from helpers import require

MODULES = ["torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.nn.utils", "torch.nn.utils.rnn",
           "torch.optim", "torch.optim.lr_scheduler", "torch.special", "torch.linalg", "torch.fft", "torch.autograd",
           "torch.autograd.functional", "torch.utils.data", "torch.distributions", "torch.testing", "torch.func"]

# what PyTorch's star import binds and the engine has not implemented (a learner's star import leaves these unbound)
NOT_IMPLEMENTED = {
    "torch": set(
        # TorchScript / JIT, dispatcher and C++ runtime classes of torch._C
        """AVG AggregationType AliasDb AnyType Argument ArgumentSpec AwaitType BenchmarkConfig BenchmarkExecutionStats
        Block BoolType BufferDict CallStack Capsule ClassType Code CompilationUnit CompleteArgumentSpec ComplexType
        ConcreteModuleType ConcreteModuleTypeBuilder DeepCopyMemoTable DeserializationStorageContext DeviceObjType
        DictType DisableTorchFunction DisableTorchFunctionSubclass DispatchKey DispatchKeySet EnumType ErrorReport
        Event ExcludeDispatchKeyGuard ExecutionPlan FatalError FileCheck FloatType FunctionSchema Future FutureType
        Gradient Graph GraphExecutorState IODescriptor InferredType IntType InterfaceType JITException ListType
        LiteScriptModule LockingLogger ModuleDict Node NoneType NoopLogger NumberType OperatorInfo OptionalType
        ParameterDict PyObjectType PyTorchFileReader PyTorchFileWriter RRefType SUM ScriptClass ScriptClassFunction
        ScriptDict ScriptDictIterator ScriptDictKeyIterator ScriptFunction ScriptList ScriptListIterator ScriptMethod
        ScriptModule ScriptModuleSerializer ScriptObject ScriptObjectProperty SerializationStorageContext StaticModule
        Stream StreamObjType StringType SymBool SymBoolType SymFloat SymInt SymIntType Tag TensorType
        ThroughputBenchmark TracingState TupleType Type UnionType Use Value"""
        # dtypes the engine has not: sub-byte, float8, complex32, quantized packs
        """ bit bits16 bits1x8 bits2x4 bits4x2 bits8 chalf complex32 float4_e2m1fn_x2 float8_e4m3fn float8_e4m3fnuz
        float8_e5m2 float8_e5m2fnuz float8_e8m0fnu int1 int2 int3 int4 int5 int6 int7 quint2x4 quint4x2 uint1
        uint2 uint3 uint4 uint5 uint6 uint7"""
        # backend kernels (cuDNN, MIOpen, oneDNN, FBGEMM), SyncBatchNorm's and quantization's internals
        """ batch_norm_backward_elemt batch_norm_backward_reduce batch_norm_elemt batch_norm_gather_stats
        batch_norm_gather_stats_with_counts batch_norm_stats batch_norm_update_stats choose_qparams_optimized conv_tbc
        cudnn_affine_grid_generator cudnn_batch_norm cudnn_convolution cudnn_convolution_add_relu
        cudnn_convolution_relu cudnn_convolution_transpose cudnn_grid_sampler cudnn_is_acceptable empty_quantized
        fbgemm_linear_fp16_weight fbgemm_linear_fp16_weight_fp32_activation fbgemm_linear_int8_weight
        fbgemm_linear_int8_weight_fp32_activation fbgemm_linear_quantize_weight fbgemm_pack_gemm_matrix_fp16
        fbgemm_pack_quantized_matrix fused_moving_avg_obs_fake_quant grid_sampler_3d int_repr miopen_batch_norm
        miopen_convolution miopen_convolution_add_relu miopen_convolution_relu miopen_convolution_transpose
        miopen_ctc_loss miopen_depthwise_convolution miopen_rnn mkldnn_adaptive_avg_pool2d mkldnn_convolution
        mkldnn_linear_backward_weights mkldnn_max_pool2d mkldnn_max_pool3d mkldnn_rnn_layer native_group_norm
        native_norm q_per_channel_axis q_per_channel_scales q_per_channel_zero_points q_scale q_zero_point
        quantize_per_tensor_dynamic quantized_batch_norm quantized_gru_cell quantized_lstm_cell quantized_max_pool1d
        quantized_max_pool2d quantized_max_pool3d quantized_rnn_relu_cell quantized_rnn_tanh_cell"""
        # compressed sparse layouts, JIT parsing, export, control flow, symbolic shapes and the rest
        """ ccol_indices_copy col_indices_copy cond cpp crow_indices_copy dsmm export fork from_file hash_tensor hsmm
        hspmm import_ir_module import_ir_module_from_buffer indices_copy lobpcg merge_type_from_type_comment parse_ir
        parse_schema parse_type_comment resize_as_sparse_ row_indices_copy saddmm slice_inverse smm sparse_bsc_tensor
        sparse_bsr_tensor sparse_compressed_tensor sparse_csc_tensor sparse_csr_tensor sspaddmm sym_constrain_range
        sym_constrain_range_for_size sym_fresh_size thread_safe_generator unify_type_list values_copy wait""".split()),
    # fused linear + cross-entropy, and the quantization packages
    "torch.nn": {"LinearCrossEntropyLoss", "LinearCrossEntropyOptions", "common_types", "factory_kwargs", "intrinsic",
                 "qat", "quantizable", "quantized"},
    # TorchScript helpers and type aliases, grid_sample's mode tables, docstring fragments, grouped/scaled matmuls
    "torch.nn.functional": set("""BroadcastingList1 BroadcastingList2 BroadcastingList3 DType
        GRID_SAMPLE_INTERPOLATION_MODES GRID_SAMPLE_PADDING_MODES ScalingType SwizzleType assert_int_or_pair
        boolean_dispatch conv_tbc grouped_mm handle_torch_function has_torch_function has_torch_function_unary
        has_torch_function_variadic linear_cross_entropy reproducibility_notes scaled_grouped_mm scaled_mm
        sparse_support_notes tf32_notes""".split()),
    "torch.optim": {"swap_in_optimizer_params_and_state"},
    "torch.linalg": {"common_notes"},
    "torch.autograd": {"NestedIOFunction", "enforce_grad_layout_policy", "set_multithreading_enabled"},
    # DataPipes and the private _DatasetKind PyTorch's __all__ names
    "torch.utils.data": set("""DFIterDataPipe DataChunk IterDataPipe MapDataPipe _DatasetKind
        argument_validation functional_datapipe guaranteed_datapipes_determinism non_deterministic runtime_validation
        runtime_validation_disabled""".split()),
    "torch.testing": {"FileCheck"},
    "torch.func": {"debug_unwrap", "functionalize", "rearrange", "replace_all_batch_norm_modules_"},
}


def _starred(module):
    """The names `from module import *` binds in a fresh namespace (torch resolving to whichever side is current)."""
    ns = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(f"from {module} import *", ns)  # noqa: S102 - the statement under test
    return set(ns) - {"__builtins__"}


@pytest.fixture(scope="module")
def both_sides():
    require("torch")
    real = {m: _starred(m) for m in MODULES}
    import autograd_magic.torch as ours
    from autograd_magic.trace.execute import torch_is_the_engine
    with torch_is_the_engine({"torch": ours}, bound=("torch",)):
        mine = {m: _starred(m) for m in MODULES}
    return real, mine


@pytest.mark.parametrize("module", MODULES)
def test_star_import_binds_what_pytorch_binds(module, both_sides):
    real, mine = (side[module] for side in both_sides)
    leaked = sorted(mine - real)
    assert not leaked, f"`from {module} import *` binds names PyTorch's does not (engine helpers): {leaked}"
    missing = real - mine
    allowed = NOT_IMPLEMENTED.get(module, set())
    assert sorted(missing - allowed) == [], f"`from {module} import *` misses PyTorch's names (add them to __all__ " \
                                            f"if the engine has them, else to NOT_IMPLEMENTED)"
    assert sorted(allowed - missing) == [], f"NOT_IMPLEMENTED[{module!r}] names what the star import binds now " \
                                            f"(or what PyTorch's no longer binds): delete them there"


def test_not_implemented_names_only_listed_modules():
    assert set(NOT_IMPLEMENTED) <= set(MODULES)
