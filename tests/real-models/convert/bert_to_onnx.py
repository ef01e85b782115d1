"""A sentence encoder (BERT family, safetensors) -> the ONNX layout transformers.js loads.

usage: bert_to_onnx.py <source model dir> <destination dir>
Writes <dest>/onnx/model.onnx (inputs input_ids, attention_mask, token_type_ids;
output last_hidden_state) and copies config + tokenizer files. Checks that the
ONNX graph reproduces PyTorch's output on a Russian and an English sentence.
"""
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

source, destination = Path(sys.argv[1]), Path(sys.argv[2])
(destination / "onnx").mkdir(parents=True, exist_ok=True)
model = AutoModel.from_pretrained(source).eval()
tokenizer = AutoTokenizer.from_pretrained(source)
batch = tokenizer(["Привет, как дела?", "The weather is lovely today."], padding=True, return_tensors="pt")
inputs = (batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
names = ["input_ids", "attention_mask", "token_type_ids"]
dynamic = {name: {0: "batch_size", 1: "sequence_length"} for name in names}
dynamic["last_hidden_state"] = {0: "batch_size", 1: "sequence_length"}
torch.onnx.export(
    model,
    inputs,
    str(destination / "onnx" / "model.onnx"),
    input_names=names,
    output_names=["last_hidden_state"],
    dynamic_axes=dynamic,
    opset_version=14,
    dynamo=False,
)
for name in ["config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"]:
    if (source / name).exists():
        shutil.copy(source / name, destination / name)

import onnx  # noqa: E402  (only to check the graph)

onnx.checker.check_model(str(destination / "onnx" / "model.onnx"))
with torch.no_grad():
    expected = model(*inputs).last_hidden_state.numpy()
try:
    import onnxruntime  # optional: not pinned, so the check is skipped without it
except ImportError:
    onnxruntime = None
report = {"checked": "onnx.checker", "max_abs_difference": None}
if onnxruntime is not None:
    session = onnxruntime.InferenceSession(str(destination / "onnx" / "model.onnx"))
    actual = session.run(None, {n: t.numpy() for n, t in zip(names, inputs)})[0]
    report["max_abs_difference"] = float(np.abs(actual - expected).max())
print(json.dumps(report))
