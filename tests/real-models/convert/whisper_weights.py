"""CTranslate2 WhisperSpec variables -> Hugging Face WhisperForConditionalGeneration (config + state dict).

The inverse of CTranslate2's WhisperLoader (converters/transformers.py): self-attention q/k/v are one
fused linear (k has no bias in Whisper, so its third of the fused bias must be zero), cross-attention
keeps q apart and fuses k/v, the output projection is an alias of the token embeddings.
"""
import re

import numpy as np
import torch
from transformers import WhisperConfig

from ctranslate2_model import CTranslate2Model

# ctranslate2 common_spec.Activation: RELU, GELUTanh, SWISH, GELU, GELUSigmoid, Tanh
_ACTIVATIONS = {0: "relu", 1: "gelu_new", 3: "gelu"}


def _layer_count(model: CTranslate2Model, stack: str) -> int:
    pattern = re.compile(rf"^{stack}/layer_(\d+)/")
    return 1 + max(int(m.group(1)) for name in model.variables if (m := pattern.match(name)))


def whisper_config(model: CTranslate2Model, special_ids: dict) -> WhisperConfig:
    if model.spec != "WhisperSpec":
        raise ValueError(f"model.bin holds a {model.spec}, not a WhisperSpec")
    if "decoder/pre_norm" in model and model.scalar("decoder/pre_norm") != 1:
        raise ValueError("only pre-norm Whisper is supported")
    activation = model.scalar("decoder/activation")
    if activation not in _ACTIVATIONS:
        raise ValueError(f"CTranslate2 activation {activation} has no Whisper equivalent")
    vocab_size, d_model = model["decoder/embeddings/weight"].shape
    return WhisperConfig(
        vocab_size=vocab_size,
        num_mel_bins=model["encoder/conv1/weight"].shape[1],
        d_model=d_model,
        encoder_layers=_layer_count(model, "encoder"),
        decoder_layers=_layer_count(model, "decoder"),
        encoder_attention_heads=model.scalar("encoder/num_heads"),
        decoder_attention_heads=model.scalar("decoder/num_heads"),
        encoder_ffn_dim=model["encoder/layer_0/ffn/linear_0/weight"].shape[0],
        decoder_ffn_dim=model["decoder/layer_0/ffn/linear_0/weight"].shape[0],
        max_source_positions=model["encoder/position_encodings/encodings"].shape[0],
        max_target_positions=model["decoder/position_encodings/encodings"].shape[0],
        activation_function=_ACTIVATIONS[activation],
        scale_embedding=False,
        decoder_start_token_id=special_ids["<|startoftranscript|>"],
        bos_token_id=special_ids["<|endoftext|>"],
        eos_token_id=special_ids["<|endoftext|>"],
        pad_token_id=special_ids["<|endoftext|>"],
        architectures=["WhisperForConditionalGeneration"],
    )


def _tensor(array: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(array.astype(np.float32))


def _split(array: np.ndarray, parts: int) -> list:
    return np.split(array, parts, axis=0)


def whisper_state_dict(model: CTranslate2Model, config: WhisperConfig) -> dict:
    state = {}

    def put(name: str, array: np.ndarray):
        state[name] = _tensor(array)

    def linear(target: str, source: str):
        put(f"{target}.weight", model[f"{source}/weight"])
        put(f"{target}.bias", model[f"{source}/bias"])

    def layer_norm(target: str, source: str):
        put(f"{target}.weight", model[f"{source}/gamma"])
        put(f"{target}.bias", model[f"{source}/beta"])

    def no_bias_key(bias: np.ndarray, where: str):
        # Whisper's k_proj has no bias; CTranslate2 fused it in as zeros.
        if np.any(bias != 0):
            raise ValueError(f"{where}: the key projection has a non-zero bias, which Whisper cannot hold")

    def self_attention(target: str, source: str):
        q, k, v = _split(model[f"{source}/linear_0/weight"], 3)
        qb, kb, vb = _split(model[f"{source}/linear_0/bias"], 3)
        no_bias_key(kb, source)
        put(f"{target}.q_proj.weight", q)
        put(f"{target}.q_proj.bias", qb)
        put(f"{target}.k_proj.weight", k)
        put(f"{target}.v_proj.weight", v)
        put(f"{target}.v_proj.bias", vb)
        linear(f"{target}.out_proj", f"{source}/linear_1")

    def cross_attention(target: str, source: str):
        linear(f"{target}.q_proj", f"{source}/linear_0")
        k, v = _split(model[f"{source}/linear_1/weight"], 2)
        kb, vb = _split(model[f"{source}/linear_1/bias"], 2)
        no_bias_key(kb, source)
        put(f"{target}.k_proj.weight", k)
        put(f"{target}.v_proj.weight", v)
        put(f"{target}.v_proj.bias", vb)
        linear(f"{target}.out_proj", f"{source}/linear_2")

    def feed_forward(target: str, source: str):
        linear(f"{target}.fc1", f"{source}/linear_0")
        linear(f"{target}.fc2", f"{source}/linear_1")
        layer_norm(f"{target}.final_layer_norm", f"{source}/layer_norm")

    linear("model.encoder.conv1", "encoder/conv1")
    linear("model.encoder.conv2", "encoder/conv2")
    put("model.encoder.embed_positions.weight", model["encoder/position_encodings/encodings"])
    for i in range(config.encoder_layers):
        target, source = f"model.encoder.layers.{i}", f"encoder/layer_{i}"
        self_attention(f"{target}.self_attn", f"{source}/self_attention")
        layer_norm(f"{target}.self_attn_layer_norm", f"{source}/self_attention/layer_norm")
        feed_forward(target, f"{source}/ffn")
    layer_norm("model.encoder.layer_norm", "encoder/layer_norm")

    put("model.decoder.embed_tokens.weight", model["decoder/embeddings/weight"])
    put("model.decoder.embed_positions.weight", model["decoder/position_encodings/encodings"])
    for i in range(config.decoder_layers):
        target, source = f"model.decoder.layers.{i}", f"decoder/layer_{i}"
        self_attention(f"{target}.self_attn", f"{source}/self_attention")
        layer_norm(f"{target}.self_attn_layer_norm", f"{source}/self_attention/layer_norm")
        cross_attention(f"{target}.encoder_attn", f"{source}/attention")
        layer_norm(f"{target}.encoder_attn_layer_norm", f"{source}/attention/layer_norm")
        feed_forward(target, f"{source}/ffn")
    layer_norm("model.decoder.layer_norm", "decoder/layer_norm")
    put("proj_out.weight", model["decoder/projection/weight"])
    return state
