"""Turn a dynamically quantised ONNX encoder into one that stores int8 weights but computes in float.

Why: with dynamic int8 quantisation ONNX Runtime also quantises every activation, and its integer matrix kernels
differ by CPU: on a CPU with AVX512-VNNI the int8 products are exact, on one with only AVX2 pairs of products
saturate at 16 bits. The same sentence then gets a different embedding on different machines (enough to flip
a judged pack's rating and to make `make evaluate` disagree with the model card), and a different one again
inside a batch, since the activation scale is set per run. Here each MatMulInteger (with the
DynamicQuantizeLinear before it and the Cast and Mul after it) becomes a DequantizeLinear of the stored weight
followed by a float MatMul. The file keeps its int8 size; ONNX Runtime folds the weights to float once, at
load (see pipeline/encoder.py), and float matrix products agree across CPUs to about 1e-6.

    python -m tools.weight_only models/text-encoder.onnx            # rewrites it in place
    python -m tools.weight_only IN.onnx OUT.onnx

It needs the `onnx` package (the `finetune` extra). `tools/finetune.py` applies it to every export; after
rewriting a model by hand, update `sha256` and `parameters.quantisation` in its card and run `make train`.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

WEIGHT_ONLY = "int8 weights, per channel; float compute (weights dequantised once at load)"


def weight_only(model):
    """Rewrite `model` (an onnx.ModelProto from quantize_dynamic) in place; returns how many products changed."""
    from onnx import helper

    graph = model.graph
    initialisers = {i.name for i in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    consumers = collections.defaultdict(list)
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)

    dropped, added = set(), []
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        x_quantised, weight, _, weight_zero = node.input
        quantise = producer[x_quantised]
        cast = _only(consumers[node.output[0]], "Cast")
        rescale = _only(consumers[cast.output[0]], "Mul")
        scales = producer[next(i for i in rescale.input if i != cast.output[0])]  # activation scale x weight scale
        weight_scale = next(i for i in scales.input if i in initialisers)
        if quantise.op_type != "DynamicQuantizeLinear" or weight not in initialisers:
            raise ValueError(f"{node.name}: not the pattern quantize_dynamic writes")
        float_weight = f"{weight}_dequantised"
        added.append(helper.make_node("DequantizeLinear", [weight, weight_scale, weight_zero], [float_weight],
                                      axis=1, name=f"{node.name}_weight"))
        added.append(helper.make_node("MatMul", [quantise.input[0], float_weight], [rescale.output[0]],
                                      name=f"{node.name}_float"))
        dropped |= {id(node), id(cast), id(rescale)}

    nodes = [n for n in graph.node if id(n) not in dropped] + added
    nodes = _without_dead(nodes, {o.name for o in graph.output})
    sources = {i.name for i in graph.input} | initialisers
    del graph.node[:]
    graph.node.extend(_topological(nodes, sources))
    used = {name for node in graph.node for name in node.input}
    kept = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    return len(added) // 2


def _only(nodes, op_type: str):
    if len(nodes) != 1 or nodes[0].op_type != op_type:
        raise ValueError(f"expected a single {op_type} after MatMulInteger")
    return nodes[0]


def _without_dead(nodes, outputs: set[str]):
    while True:  # the activations' quantisers and scale products are now read by nobody
        used = {name for node in nodes for name in node.input} | outputs
        alive = [n for n in nodes if any(out in used for out in n.output)]
        if len(alive) == len(nodes):
            return nodes
        nodes = alive


def _topological(nodes, available: set[str]):
    ordered, pending, available = [], list(nodes), set(available)
    while pending:
        ready = [n for n in pending if all(not i or i in available for i in n.input)]
        if not ready:
            raise ValueError("the rewritten graph has a cycle or a missing input")
        for node in ready:
            available.update(node.output)
        ordered += ready
        ready_ids = {id(n) for n in ready}
        pending = [n for n in pending if id(n) not in ready_ids]
    return ordered


def rewrite(source: Path, target: Path) -> int:
    """weight_only() on the model in `source`, checked and saved to `target`; returns how many products changed."""
    import onnx

    model = onnx.load(str(source))
    changed = weight_only(model)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path, nargs="?")
    args = parser.parse_args()
    changed = rewrite(args.source, args.target or args.source)
    print(f"{changed} matrix products now float; saved {args.target or args.source}")


if __name__ == "__main__":
    main()
