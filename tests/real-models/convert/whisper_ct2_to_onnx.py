"""A faster-whisper (CTranslate2) Whisper -> the ONNX layout transformers.js loads.

usage: whisper_ct2_to_onnx.py <pack dir: model.bin (or model.bin.part1, .part2…), config.json, tokenizer.json> <destination dir>

1. reads model.bin (ctranslate2_model.py) and maps its variables onto
   WhisperForConditionalGeneration (whisper_weights.py), loading them strictly;
2. rebuilds the tokenizer, feature extractor and generation config (whisper_processor.py);
3. checks the PyTorch model hears espeak-ng speech in English and Russian (the conversion is
   wrong, not merely imprecise, when it does not);
4. exports onnx/encoder_model.onnx + onnx/decoder_model_merged.onnx with optimum's exporter and
   checks them step by step against PyTorch (whisper_onnx_check.py); writes the processor files beside them.
Prints a JSON report (the transcripts, their error rates, the largest ONNX-vs-PyTorch logit difference).
"""
import json
import shutil
import sys
import tempfile
from pathlib import Path

import torch
from transformers import WhisperForConditionalGeneration

from ctranslate2_model import read_model
from speech_check import espeak_clip, word_error_rate, character_error_rate
from whisper_onnx_check import check_onnx_whisper
from whisper_processor import feature_extractor, generation_config, special_ids, whisper_tokenizer
from whisper_weights import whisper_config, whisper_state_dict

CHECKS = [
    ("en", "en-us", "I would like to book a table for two people at seven o'clock tonight.", word_error_rate, 0.4),
    ("ru", "ru", "Сегодня хорошая погода, и мы пойдём гулять в парк.", character_error_rate, 0.4),
]


def model_bytes(pack: Path) -> bytes:
    """model.bin, or its parts joined in order (packs split it to stay under PyPI's file size limit)."""
    if (pack / "model.bin").exists():
        return (pack / "model.bin").read_bytes()
    parts = sorted(pack.glob("model.bin.part*"), key=lambda p: int(p.suffix.removeprefix(".part")))
    if not parts:
        raise SystemExit(f"{pack}: no model.bin nor model.bin.part1…")
    return b"".join(p.read_bytes() for p in parts)


source, destination = Path(sys.argv[1]), Path(sys.argv[2])
torch.manual_seed(0)
ct2_config = json.loads((source / "config.json").read_text(encoding="utf-8"))
weights = read_model(model_bytes(source))
config = whisper_config(weights, special_ids(source / "tokenizer.json"))
model = WhisperForConditionalGeneration(config).eval()
missing, unexpected = model.load_state_dict(whisper_state_dict(weights, config), strict=False)
# proj_out is tied to the token embeddings; everything else must come from model.bin.
if [m for m in missing if m != "proj_out.weight"] or unexpected:
    raise SystemExit(f"the weights do not fit WhisperForConditionalGeneration: missing {missing}, unexpected {unexpected}")
del weights
tokenizer = whisper_tokenizer(source / "tokenizer.json", config.vocab_size)
features = feature_extractor(config.num_mel_bins)
model.generation_config = generation_config(ct2_config, tokenizer, config.max_target_positions)

report = {"model": {"d_model": config.d_model, "layers": [config.encoder_layers, config.decoder_layers]}, "checks": []}
heard_ids = []
with torch.no_grad():
    for language, voice, text, metric, ceiling in CHECKS:
        audio = espeak_clip(voice, text)
        input_features = features(audio, sampling_rate=16000, return_tensors="pt").input_features
        ids = model.generate(input_features, language=language, task="transcribe")
        heard = tokenizer.batch_decode(ids, skip_special_tokens=True)[0].strip()
        error = metric(text, heard)
        report["checks"].append({"language": language, "said": text, "heard": heard, metric.__name__: round(error, 3)})
        if error > ceiling:
            raise SystemExit(f"the converted Whisper mishears {language} speech ({metric.__name__} {error:.2f}): {heard!r}")
        heard_ids.append((input_features, ids[0].tolist()))

with tempfile.TemporaryDirectory() as work:
    pytorch_dir, onnx_dir = Path(work) / "pytorch", Path(work) / "onnx"
    model.save_pretrained(pytorch_dir)
    tokenizer.save_pretrained(pytorch_dir)
    features.save_pretrained(pytorch_dir)
    from optimum.exporters.onnx import main_export  # imported late: it is slow to import

    main_export(
        str(pytorch_dir),
        output=str(onnx_dir),
        task="automatic-speech-recognition-with-past",
        library_name="transformers",
        device="cpu",
        do_validation=False,  # whisper_onnx_check below runs the decoder the way transformers.js does
    )
    report["onnx_max_logit_difference"] = max(check_onnx_whisper(onnx_dir, model, f, ids) for f, ids in heard_ids)
    (destination / "onnx").mkdir(parents=True, exist_ok=True)
    for name in ("encoder_model.onnx", "decoder_model_merged.onnx"):
        shutil.move(onnx_dir / name, destination / "onnx" / name)
    for path in pytorch_dir.iterdir():
        if path.suffix == ".json" or path.name in ("vocab.json", "merges.txt"):
            shutil.copy(path, destination / path.name)
print(json.dumps(report, ensure_ascii=False))
