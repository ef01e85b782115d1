"""The Whisper tokenizer, feature extractor and generation config for a model from a faster-whisper pack.

A faster-whisper pack holds tokenizer.json (without the 1501 timestamp tokens <|0.00|>..<|30.00|>,
which CTranslate2 adds itself) and config.json (suppressed ids, language ids, alignment heads).
transformers' WhisperProcessor files are rebuilt from those: the timestamp tokens are added back
as in openai/whisper-* on the Hugging Face hub (ids after <|notimestamps|>, not special).
"""
import json
from pathlib import Path

from tokenizers import AddedToken
from transformers import GenerationConfig, WhisperFeatureExtractor, WhisperTokenizerFast

TIMESTAMPS = 1501  # 0.00 .. 30.00 s in 0.02 s steps


def special_ids(tokenizer_json: Path) -> dict:
    data = json.loads(tokenizer_json.read_text(encoding="utf-8"))
    return {t["content"]: t["id"] for t in data["added_tokens"] if t.get("special")}


def whisper_tokenizer(tokenizer_json: Path, vocab_size: int) -> WhisperTokenizerFast:
    tokenizer = WhisperTokenizerFast(
        tokenizer_file=str(tokenizer_json),
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        unk_token="<|endoftext|>",
        pad_token="<|endoftext|>",
        model_max_length=1024,
    )
    first_timestamp = tokenizer.convert_tokens_to_ids("<|notimestamps|>") + 1
    if len(tokenizer) == first_timestamp:
        tokenizer.add_tokens(
            [AddedToken(f"<|{i * 0.02:.2f}|>", normalized=True, special=False) for i in range(TIMESTAMPS)]
        )
    if len(tokenizer) != vocab_size:
        raise ValueError(f"the tokenizer has {len(tokenizer)} tokens, the model {vocab_size}")
    if tokenizer.convert_tokens_to_ids("<|0.00|>") != first_timestamp:
        raise ValueError("timestamp tokens do not follow <|notimestamps|>")
    return tokenizer


def generation_config(ct2_config: dict, tokenizer: WhisperTokenizerFast, max_length: int) -> GenerationConfig:
    ids = tokenizer.convert_tokens_to_ids
    lang_to_id = {tokenizer.convert_ids_to_tokens(i): i for i in ct2_config["lang_ids"]}
    return GenerationConfig(
        alignment_heads=ct2_config["alignment_heads"],
        begin_suppress_tokens=ct2_config["suppress_ids_begin"],
        suppress_tokens=ct2_config["suppress_ids"],
        bos_token_id=ids("<|endoftext|>"),
        eos_token_id=ids("<|endoftext|>"),
        pad_token_id=ids("<|endoftext|>"),
        decoder_start_token_id=ids("<|startoftranscript|>"),
        forced_decoder_ids=[[1, None], [2, ids("<|transcribe|>")]],
        is_multilingual=len(lang_to_id) > 0,
        lang_to_id=lang_to_id,
        task_to_id={"translate": ids("<|translate|>"), "transcribe": ids("<|transcribe|>")},
        no_timestamps_token_id=ids("<|notimestamps|>"),
        prev_sot_token_id=ids("<|startofprev|>"),
        max_initial_timestamp_index=50,
        max_length=max_length,
        return_timestamps=False,
    )


def feature_extractor(num_mel_bins: int) -> WhisperFeatureExtractor:
    # Whisper's front end: 16 kHz, 25 ms windows every 10 ms, 30 s chunks.
    return WhisperFeatureExtractor(feature_size=num_mel_bins, sampling_rate=16000, hop_length=160, chunk_length=30, n_fft=400)
