"""Checks an exported Whisper (encoder_model.onnx + decoder_model_merged.onnx) against the PyTorch model.

The decoder runs as transformers.js runs it: the first step without a cache (use_cache_branch false,
empty past), every later step one token with the cache it returned. Each step's logits must match
PyTorch's teacher-forced logits for the same tokens, and pick the same next token.
"""
from pathlib import Path

import numpy as np
import onnxruntime
import torch


def check_onnx_whisper(onnx_dir: Path, model, input_features: torch.Tensor, token_ids: list) -> float:
    encoder = onnxruntime.InferenceSession(str(onnx_dir / "encoder_model.onnx"))
    decoder = onnxruntime.InferenceSession(str(onnx_dir / "decoder_model_merged.onnx"))
    (hidden,) = encoder.run(["last_hidden_state"], {"input_features": input_features.numpy()})
    with torch.no_grad():
        expected = model(input_features, decoder_input_ids=torch.tensor([token_ids])).logits[0].numpy()
    config = model.config
    head_dim = config.d_model // config.decoder_attention_heads
    past = {
        i.name: np.zeros((1, config.decoder_attention_heads, 0, head_dim), np.float32)
        for i in decoder.get_inputs()
        if i.name.startswith("past_key_values.")
    }
    outputs = [o.name for o in decoder.get_outputs()]
    worst = 0.0
    for step, token in enumerate(token_ids):
        feeds = {
            "input_ids": np.array([[token]], dtype=np.int64),
            "encoder_hidden_states": hidden,
            "use_cache_branch": np.array([step > 0]),
            **past,
        }
        result = dict(zip(outputs, decoder.run(outputs, feeds)))
        logits = result["logits"][0, -1]
        worst = max(worst, float(np.abs(logits - expected[step]).max()))
        if int(logits.argmax()) != int(expected[step].argmax()):
            raise SystemExit(f"ONNX and PyTorch choose different tokens at step {step}")
        for name, value in result.items():
            if name.startswith("present."):
                key = "past_key_values." + name.removeprefix("present.")
                # The cache branch passes the cross-attention keys through unchanged.
                if step == 0 or ".decoder." in name:
                    past[key] = value
    if worst > 1e-2:
        raise SystemExit(f"ONNX logits differ from PyTorch's by {worst} (more than 1e-2)")
    return worst
