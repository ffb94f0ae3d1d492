"""The words the views show, in English and Korean: table headers, kinds, notes, graph legend, slider hints.

Chosen per cell with ``%%grad --lang ko`` or for the session with ``%config GradMagics.language = 'ko'``.
Numbers, PyTorch's names (``MulBackward0``, ``requires_grad``) and the source's names are never translated.

>>> text("gradient", "ko")
'기울기'
>>> text("ran_with", "en", changes="x = 0.5", source="0.123")
'ran with x = 0.5 (the cell says 0.123)'
"""

LANGUAGES = ("en", "ko")

_EN = {
    # table
    "name": "name", "kind": "kind", "shape": "shape", "dtype": "dtype", "value": "value", "gradient": "gradient",
    "note": "note", "over_the_passes": "over the passes",
    "leaf": "leaf", "output": "output", "intermediate": "intermediate",
    "no_grad": "no gradient yet",
    "no_grad_footnote": "no gradient yet: no backward() has reached this tensor",
    "computed": "computed by %%grad (PyTorch keeps it only after retain_grad())",
    "started": "where backward() started",
    "seed": "backward(gradient={v})",
    "no_tensors": "(no tensors that require grad in this cell)",
    "dtype_all": "every tensor here is {dtype}",
    "changed_after": "changed after backward(): now {v}",
    "changed_footnote": "value when backward() ran; the tensor was changed afterwards (e.g. optimizer.step() "
                        "or an in-place update under no_grad): its value now is in the note",
    # graph
    "legend_leaf": "leaf (requires_grad=True)", "legend_intermediate": "intermediate", "legend_output": "output",
    "legend_op": "op (grad_fn)",
    "arrows": "arrows: the way gradients flow in backward()",
    "no_gradients": "drawn before backward(): no gradients yet",
    "no_gradient_yet": "no gradient yet",
    "grad_line": "grad: {g}", "grad_glance": "grad {g}",
    "graph_alt": "computation graph",
    "value_then_now": "{then} at backward(), now {now}",
    "failed_here": "failed here",
    "repeats": "\u00d7{n}: {n} backward passes ran over graphs like this one; the {which} is drawn",
    "drawn_last": "last", "drawn_first": "first",
    "terminal_hint": "(graph not drawn in a terminal: use %%grad -o to get the result, then .save('graph.svg') "
                     "or print(result.outline()))",
    # sliders
    "slider_ranges": "slider ranges ({ranges}); --range NAME=MIN:MAX:STEP changes them",
    "slider_range": "{label}: {lo:g} to {hi:g}, step {step:g}",
    "slider_moved": "{label}'s range was moved to go through the cell's value {value:g}",
    "reset": "reset", "reset_tooltip": "restore the values written in the cell",
    "ran_with": "ran with {changes} (the cell says {source})",
    "too_big": "{name} has {size} elements: sliders are made for inputs of up to {limit} elements",
    "sliders_static": "sliders for {names}: run this cell in Jupyter to move them",
    "partial": "the cell raised {error}: the table and graph show what was built before it",
    # summarised tensors (nn parameters, tensors of more than 16 elements)
    "n_passes": "{n} passes", "norm_of": "norm",
    "figures": "norm {norm}, mean {mean}, min {min}, max {max}",
    "all_values": "all {n} values", "values_as_printed": "{n} values, summarised as print() does",
    "values_left_out": "{n} values: print the tensor to see them (this table already holds {k} KB of values, "
                       "its limit)",
    "summary_footnote": "parameters of more than 8 elements and tensors of more than 16 show the norm, mean, min "
                        "and max of their values; all values: open \"all N values\" under them (in a notebook), "
                        "or print the tensor",
}

_KO = {
    "name": "이름", "kind": "종류", "shape": "모양", "dtype": "자료형", "value": "값", "gradient": "기울기",
    "note": "비고", "over_the_passes": "backward 횟수에 따라",
    "leaf": "리프", "output": "출력", "intermediate": "중간값",
    "no_grad": "아직 기울기 없음",
    "no_grad_footnote": "아직 기울기 없음: backward()가 이 텐서까지 오지 않았습니다",
    "computed": "%%grad가 계산한 값 (PyTorch는 retain_grad() 뒤에만 보관합니다)",
    "started": "backward()를 시작한 곳",
    "seed": "backward(gradient={v})",
    "no_tensors": "(이 셀에는 requires_grad인 텐서가 없습니다)",
    "dtype_all": "여기 있는 텐서는 모두 {dtype}입니다",
    "changed_after": "backward() 뒤에 바뀜: 지금 {v}",
    "changed_footnote": "backward()가 실행될 때의 값입니다. 텐서는 그 뒤에 바뀌었고 (예: optimizer.step(), "
                        "no_grad 안의 제자리 연산) 지금 값은 비고 열에 있습니다",
    "legend_leaf": "리프 (requires_grad=True)", "legend_intermediate": "중간값", "legend_output": "출력",
    "legend_op": "연산 (grad_fn)",
    "arrows": "화살표: backward()에서 기울기가 흐르는 방향",
    "no_gradients": "backward() 전에 그린 그래프: 아직 기울기 없음",
    "no_gradient_yet": "아직 기울기 없음",
    "grad_line": "기울기: {g}", "grad_glance": "기울기 {g}",
    "graph_alt": "연산 그래프",
    "value_then_now": "backward() 때 {then}, 지금 {now}",
    "failed_here": "여기서 실패",
    "repeats": "\u00d7{n}: 이런 그래프로 backward가 {n}번 실행되었습니다. 그중 {which}을 그렸습니다",
    "drawn_last": "마지막 것", "drawn_first": "첫 번째 것",
    "terminal_hint": "(터미널에서는 그래프를 그리지 않습니다: %%grad -o 로 결과를 받아 .save('graph.svg') 또는 "
                     "print(result.outline()))",
    "slider_ranges": "슬라이더 범위 ({ranges}); --range NAME=MIN:MAX:STEP 로 바꿀 수 있습니다",
    "slider_range": "{label}: {lo:g}부터 {hi:g}까지, 간격 {step:g}",
    "slider_moved": "{label}의 범위를 셀의 값 {value:g}을 지나도록 옮겼습니다",
    "reset": "되돌리기", "reset_tooltip": "셀에 쓰인 값으로 되돌립니다",
    "ran_with": "{changes} 로 실행함 (셀에는 {source})",
    "too_big": "{name}은(는) 원소가 {size}개입니다: 슬라이더는 원소 {limit}개까지인 입력에만 만듭니다",
    "sliders_static": "{names}의 슬라이더: Jupyter에서 이 셀을 실행하면 움직일 수 있습니다",
    "partial": "셀에서 {error} 예외가 났습니다: 표와 그래프는 그 전까지 만든 것입니다",
    "n_passes": "backward {n}번", "norm_of": "노름",
    "figures": "노름 {norm}, 평균 {mean}, 최소 {min}, 최대 {max}",
    "all_values": "값 {n}개 전부", "values_as_printed": "값 {n}개 (print()처럼 줄여서)",
    "values_left_out": "값 {n}개: 텐서를 print하면 보입니다 (이 표에 넣는 값은 {k} KB까지입니다)",
    "summary_footnote": "원소가 8개보다 많은 파라미터와 16개보다 많은 텐서는 값의 노름(norm), 평균, 최소, 최대를 "
                        "보여 줍니다. "
                        "모든 값은 그 아래 \"값 N개 전부\"를 누르거나 (노트북에서) 텐서를 print하면 보입니다",
}

STRINGS = {"en": _EN, "ko": _KO}
assert set(_EN) == set(_KO), set(_EN) ^ set(_KO)  # noqa: S101 - a missing translation is a bug here, not input


def text(key, lang="en", **fields):
    """The string for key in lang (English when lang is unknown), with fields filled in."""
    words = STRINGS.get(lang, _EN)[key]
    return words.format(**fields) if fields else words
