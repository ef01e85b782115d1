#!/usr/bin/python3
"""Deterministic generator for the tiny RANDOM-WEIGHT test models in tests/models/.

Usage (Debian 12: apt-get install python3-torch python3-onnx; use /usr/bin/python3):
    /usr/bin/python3 make_tiny_models.py [llm] [embed] [asr] [tts]     (no args = all)

Every model here has random weights (fixed seeds). They prove transformers.js code paths
(loading, generation, KV cache, streaming, batching, timestamps), never quality.
Generated with torch 1.13.1 / onnx 1.12 (Debian 12); other versions give other bytes.
"""
import json
import os
import re
import sys
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # tests/models
OPSET = 14


def wjson(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def export(module, args, path, input_names, output_names, dynamic_axes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    module.eval()
    with torch.no_grad():
        torch.onnx.export(module, args, path, input_names=input_names, output_names=output_names,
                          dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True)
    import onnx
    m = onnx.load(path)
    onnx.checker.check_model(m)
    # strip producer noise so bytes depend only on graph + weights
    m.producer_version = ""
    onnx.save(m, path)


# ----------------------------------------------------------------------------------------
# Byte-level BPE tokenizer (GPT-2 byte mapping), merges learned from a small EN+RU corpus
# ----------------------------------------------------------------------------------------
CORPUS = """
Hello world, this is a test of the avatar service. The quick brown fox jumps over the lazy dog.
How are you today? I am fine, thank you. What is the weather like? It is sunny and warm.
Please tell me a story about a cat and a dog who live in the city. They are good friends.
The model generates text one token at a time and streams it to the user interface.
We need to test loading, streaming, batching, timestamps and cancellation of the pipeline.
Привет, мир! Это тест сервиса аватара. Как дела? У меня всё хорошо, спасибо.
Какая сегодня погода? Сегодня солнечно и тепло. Расскажи мне историю о кошке и собаке.
Они живут в большом городе и очень дружат. Модель генерирует текст по одному токену.
Мы проверяем загрузку, потоковую передачу, пакетную обработку и отмену конвейера.
Пожалуйста, ответь на вопрос коротко и ясно. Спасибо за помощь! Здравствуйте, друзья.
one two three four five six seven eight nine ten 1 2 3 10 20 100 2024
один два три четыре пять шесть семь восемь девять десять
"""


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {b: chr(c) for b, c in zip(bs, cs)}


PRETOK = re.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?[^\W\d_]+| ?\d+| ?[^\s\w]+|\s+(?!\S)|\s+""")


def build_bpe(n_merges, specials):
    b2u = bytes_to_unicode()
    vocab = {b2u[b]: b for b in range(256)}
    words = Counter()
    for w in PRETOK.findall(CORPUS):
        words[tuple(b2u[b] for b in w.encode("utf-8"))] += 1
    merges = []
    for _ in range(n_merges):
        pairs = Counter()
        for w, c in words.items():
            for a, b in zip(w, w[1:]):
                pairs[(a, b)] += c
        if not pairs:
            break
        # deterministic: highest count, then lexicographic
        (a, b), cnt = max(pairs.items(), key=lambda kv: (kv[1], [-ord(ch) for ch in kv[0][0] + kv[0][1]]))
        if cnt < 2:
            break
        merges.append(f"{a} {b}")
        vocab[a + b] = len(vocab)
        nw = Counter()
        for w, c in words.items():
            out, i = [], 0
            while i < len(w):
                if i + 1 < len(w) and w[i] == a and w[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            nw[tuple(out)] += c
        words = nw
    added = []
    for s in specials:
        added.append({"id": len(vocab), "content": s, "single_word": False, "lstrip": False, "rstrip": False,
                      "normalized": False, "special": True})
        vocab[s] = len(vocab)
    bl = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    tok = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
        "pre_tokenizer": bl, "post_processor": bl, "decoder": bl,
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": merges},
    }
    u2b = {v: k for k, v in b2u.items()}
    token_bytes = {i: bytes(u2b[ch] for ch in t) for t, i in vocab.items() if t not in specials}
    return tok, vocab, token_bytes


def clean_token_mask(vocab, token_bytes, specials):
    """True for tokens that decode to complete, printable UTF-8 on their own."""
    ok = [False] * len(vocab)
    for i, bs in token_bytes.items():
        try:
            s = bs.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if all(ch == "\n" or ch == " " or (ch.isprintable()) for ch in s):
            ok[i] = True
    return ok


# ----------------------------------------------------------------------------------------
# 1. llm-tiny-random : Qwen2-style decoder-only LM with KV cache
# ----------------------------------------------------------------------------------------
class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat([-x[..., h:], x[..., :h]], dim=-1)


class QwenLayer(nn.Module):
    def __init__(self, d, nh, nkv, hd, inter):
        super().__init__()
        self.nh, self.nkv, self.hd = nh, nkv, hd
        self.ln1 = RMSNorm(d)
        self.q = nn.Linear(d, nh * hd, bias=True)
        self.k = nn.Linear(d, nkv * hd, bias=True)
        self.v = nn.Linear(d, nkv * hd, bias=True)
        self.o = nn.Linear(nh * hd, d, bias=False)
        self.ln2 = RMSNorm(d)
        self.gate = nn.Linear(d, inter, bias=False)
        self.up = nn.Linear(d, inter, bias=False)
        self.down = nn.Linear(inter, d, bias=False)

    def forward(self, x, cos, sin, mask, pk, pv):
        b, s = x.shape[0], x.shape[1]
        h = self.ln1(x)
        q = self.q(h).view(b, s, self.nh, self.hd).transpose(1, 2)
        k = self.k(h).view(b, s, self.nkv, self.hd).transpose(1, 2)
        v = self.v(h).view(b, s, self.nkv, self.hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = torch.cat([pk, k], dim=2)
        v = torch.cat([pv, v], dim=2)
        rep = self.nh // self.nkv
        t = k.shape[2]
        kk = k.unsqueeze(2).expand(b, self.nkv, rep, t, self.hd).reshape(b, self.nh, t, self.hd)
        vv = v.unsqueeze(2).expand(b, self.nkv, rep, t, self.hd).reshape(b, self.nh, t, self.hd)
        att = torch.matmul(q, kk.transpose(2, 3)) / (self.hd ** 0.5)
        att = torch.where(mask, att, torch.full_like(att, -1e9))
        att = torch.softmax(att, dim=-1)
        o = torch.matmul(att, vv).transpose(1, 2).reshape(b, s, self.nh * self.hd)
        x = x + self.o(o)
        h = self.ln2(x)
        x = x + self.down(F.silu(self.gate(h)) * self.up(h))
        return x, k, v


class TinyQwen(nn.Module):
    def __init__(self, V, d, L, nh, nkv, hd, inter, theta, logit_bias):
        super().__init__()
        self.embed = nn.Embedding(V, d)
        self.layers = nn.ModuleList([QwenLayer(d, nh, nkv, hd, inter) for _ in range(L)])
        self.norm = RMSNorm(d)
        self.lm_head = nn.Linear(d, V, bias=False)
        self.register_buffer("inv_freq", 1.0 / (theta ** (torch.arange(0, hd, 2).float() / hd)))
        self.register_buffer("logit_bias", logit_bias)
        self.L = L

    def forward(self, input_ids, attention_mask, position_ids, *past):
        x = self.embed(input_ids)
        s = input_ids.shape[1]
        t = attention_mask.shape[1]
        freqs = position_ids.unsqueeze(-1).float() * self.inv_freq  # [B,S,hd/2]
        emb = torch.cat([freqs, freqs], dim=-1).unsqueeze(1)  # [B,1,S,hd]
        cos, sin = emb.cos(), emb.sin()
        q_pos = torch.arange(s, device=input_ids.device) + (t - s)
        k_pos = torch.arange(t, device=input_ids.device)
        causal = k_pos.unsqueeze(0) <= q_pos.unsqueeze(1)  # [S,T]
        mask = causal.unsqueeze(0).unsqueeze(0) & attention_mask.bool().unsqueeze(1).unsqueeze(2)  # [B,1,S,T]
        presents = []
        for i, layer in enumerate(self.layers):
            x, k, v = layer(x, cos, sin, mask, past[2 * i], past[2 * i + 1])
            presents += [k, v]
        logits = self.lm_head(self.norm(x)) + self.logit_bias
        return (logits, *presents)


def make_llm():
    name = "llm-tiny-random"
    out = os.path.join(ROOT, name)
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    tok, vocab, token_bytes = build_bpe(300, specials)
    V = len(vocab)
    eot, ims, ime = vocab["<|endoftext|>"], vocab["<|im_start|>"], vocab["<|im_end|>"]
    d, L, nh, nkv, hd, inter = 64, 2, 4, 2, 16, 128
    torch.manual_seed(1234)
    ok = clean_token_mask(vocab, token_bytes, specials)
    # Random weights; the additive logit bias only keeps greedy/sampled output readable
    # (never emits special tokens or lone UTF-8 bytes/control chars).
    bias = torch.tensor([0.0 if ok[i] else -30.0 for i in range(V)])
    m = TinyQwen(V, d, L, nh, nkv, hd, inter, 10000.0, bias)
    with torch.no_grad():
        for p in m.parameters():
            if p.dim() > 1:
                p.normal_(0, 0.5)
        m.embed.weight.normal_(0, 1.0)
        m.lm_head.weight.normal_(0, 1.0)
    B, S, P = 2, 3, 4
    ids = torch.randint(0, 256, (B, S))
    am = torch.ones(B, P + S, dtype=torch.long)
    pos = torch.arange(P, P + S).unsqueeze(0).expand(B, S).contiguous()
    past = []
    in_names = ["input_ids", "attention_mask", "position_ids"]
    out_names = ["logits"]
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"},
           "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length"},
           "position_ids": {0: "batch_size", 1: "sequence_length"},
           "logits": {0: "batch_size", 1: "sequence_length"}}
    for i in range(L):
        for kv in ("key", "value"):
            past.append(torch.randn(B, nkv, P, hd))
            in_names.append(f"past_key_values.{i}.{kv}")
            out_names.append(f"present.{i}.{kv}")
            dyn[f"past_key_values.{i}.{kv}"] = {0: "batch_size", 2: "past_sequence_length"}
            dyn[f"present.{i}.{kv}"] = {0: "batch_size", 2: "past_sequence_length + sequence_length"}
    export(m, (ids, am, pos, *past), os.path.join(out, "onnx", "model.onnx"), in_names, out_names, dyn)

    wjson(os.path.join(out, "tokenizer.json"), tok)
    chat_template = (
        "{% for message in messages %}"
        "{% if loop.first and message['role'] != 'system' %}{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
        "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
        "{% endfor %}"
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
    )
    wjson(os.path.join(out, "tokenizer_config.json"), {
        "tokenizer_class": "Qwen2Tokenizer",
        "add_bos_token": False, "add_eos_token": False, "add_prefix_space": False,
        "bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>", "unk_token": None,
        "clean_up_tokenization_spaces": False, "errors": "replace", "model_max_length": 2048,
        "split_special_tokens": False,
        "added_tokens_decoder": {str(a["id"]): {k: a[k] for k in a if k != "id"} for a in tok["added_tokens"]},
        "additional_special_tokens": ["<|im_start|>", "<|im_end|>"],
        "chat_template": chat_template,
    })
    wjson(os.path.join(out, "special_tokens_map.json"), {
        "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>",
        "additional_special_tokens": ["<|im_start|>", "<|im_end|>"]})
    wjson(os.path.join(out, "config.json"), {
        "architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2",
        "vocab_size": V, "hidden_size": d, "intermediate_size": inter, "num_hidden_layers": L,
        "num_attention_heads": nh, "num_key_value_heads": nkv, "head_dim": hd,
        "max_position_embeddings": 2048, "rms_norm_eps": 1e-6, "rope_theta": 10000.0,
        "hidden_act": "silu", "tie_word_embeddings": False, "use_cache": True, "torch_dtype": "float32",
        "bos_token_id": eot, "eos_token_id": ime, "pad_token_id": eot,
        "transformers.js_config": {"dtype": "fp32"},
    })
    wjson(os.path.join(out, "generation_config.json"), {
        "bos_token_id": eot, "eos_token_id": [ime, eot], "pad_token_id": eot,
        "do_sample": False, "max_length": 2048})
    print(name, "vocab", V, "merges", len(tok["model"]["merges"]))


# ----------------------------------------------------------------------------------------
# 2. embed-tiny-random : BERT-style encoder for feature-extraction
# ----------------------------------------------------------------------------------------
LATIN = "abcdefghijklmnopqrstuvwxyz"
CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
DIGITS = "0123456789"
PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»—–…№"


class BertLayer(nn.Module):
    def __init__(self, d, nh, inter):
        super().__init__()
        self.nh, self.hd = nh, d // nh
        self.qkv = nn.Linear(d, 3 * d)
        self.o = nn.Linear(d, d)
        self.ln1 = nn.LayerNorm(d, eps=1e-12)
        self.fc1 = nn.Linear(d, inter)
        self.fc2 = nn.Linear(inter, d)
        self.ln2 = nn.LayerNorm(d, eps=1e-12)

    def forward(self, x, ext_mask):
        b, s, d = x.shape
        q, k, v = self.qkv(x).view(b, s, 3, self.nh, self.hd).permute(2, 0, 3, 1, 4)
        att = torch.matmul(q, k.transpose(-1, -2)) / (self.hd ** 0.5) + ext_mask
        o = torch.matmul(torch.softmax(att, -1), v).transpose(1, 2).reshape(b, s, d)
        x = self.ln1(x + self.o(o))
        return self.ln2(x + self.fc2(F.gelu(self.fc1(x))))


class TinyBert(nn.Module):
    def __init__(self, V, d, L, nh, inter, maxpos):
        super().__init__()
        self.word = nn.Embedding(V, d)
        self.pos = nn.Embedding(maxpos, d)
        self.typ = nn.Embedding(2, d)
        self.ln = nn.LayerNorm(d, eps=1e-12)
        self.layers = nn.ModuleList([BertLayer(d, nh, inter) for _ in range(L)])

    def forward(self, input_ids, attention_mask, token_type_ids):
        s = input_ids.shape[1]
        pos = torch.arange(s, device=input_ids.device).unsqueeze(0)
        x = self.ln(self.word(input_ids) + self.pos(pos) + self.typ(token_type_ids))
        ext = (1.0 - attention_mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers:
            x = layer(x, ext)
        return x


def make_embed():
    name = "embed-tiny-random"
    out = os.path.join(ROOT, name)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {}
    for t in specials:
        vocab[t] = len(vocab)
    chars = LATIN + CYR + DIGITS + PUNCT
    for c in chars:
        vocab.setdefault(c, len(vocab))
    for c in LATIN + CYR + DIGITS:
        vocab.setdefault("##" + c, len(vocab))
    words = Counter(w for w in re.findall(r"[^\W\d_]+", CORPUS.lower()) if len(w) > 1)
    for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:200]:
        vocab.setdefault(w, len(vocab))
    V = len(vocab)
    added = [{"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for t in specials]
    tok = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": False, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                           "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                           "special_tokens": {t: {"id": t, "ids": [vocab[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")}},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }
    d, L, nh, inter, maxpos = 64, 2, 4, 128, 512
    torch.manual_seed(2345)
    m = TinyBert(V, d, L, nh, inter, maxpos)
    ids = torch.randint(5, V, (2, 7))
    am = torch.ones(2, 7, dtype=torch.long)
    tt = torch.zeros(2, 7, dtype=torch.long)
    ax = {0: "batch_size", 1: "sequence_length"}
    export(m, (ids, am, tt), os.path.join(out, "onnx", "model.onnx"),
           ["input_ids", "attention_mask", "token_type_ids"], ["last_hidden_state"],
           {"input_ids": ax, "attention_mask": ax, "token_type_ids": ax, "last_hidden_state": ax})
    wjson(os.path.join(out, "tokenizer.json"), tok)
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(vocab, key=vocab.get)) + "\n")
    wjson(os.path.join(out, "tokenizer_config.json"), {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "strip_accents": False,
        "tokenize_chinese_chars": True, "clean_up_tokenization_spaces": True, "model_max_length": 512,
        "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]"})
    wjson(os.path.join(out, "special_tokens_map.json"), {
        "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]"})
    wjson(os.path.join(out, "config.json"), {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": V, "hidden_size": d,
        "num_hidden_layers": L, "num_attention_heads": nh, "intermediate_size": inter, "hidden_act": "gelu",
        "max_position_embeddings": maxpos, "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 0,
        "torch_dtype": "float32", "transformers.js_config": {"dtype": "fp32"}})
    print(name, "vocab", V)


# ----------------------------------------------------------------------------------------
# 4. asr-tiny-random : Whisper-architecture encoder + merged decoder, real whisper-tiny tokenizer
# ----------------------------------------------------------------------------------------
W_V = 51865          # whisper multilingual vocab
W_EOS = 50257        # <|endoftext|>
W_TS_BEGIN = 50364   # <|0.00|>  (= <|notimestamps|> + 1)
W_N_TS = 1501        # <|0.00|> .. <|30.00|>


class MHA(nn.Module):
    def __init__(self, d, nh, bias_k=False):
        super().__init__()
        self.nh, self.hd = nh, d // nh
        self.q = nn.Linear(d, d)
        self.k = nn.Linear(d, d, bias=bias_k)
        self.v = nn.Linear(d, d)
        self.o = nn.Linear(d, d)

    def split(self, x):
        b, t = x.shape[0], x.shape[1]
        return x.view(b, t, self.nh, self.hd).transpose(1, 2)

    def attend(self, q, k, v, mask=None):
        att = torch.matmul(q, k.transpose(-1, -2)) / (self.hd ** 0.5)
        if mask is not None:
            att = torch.where(mask, att, torch.full_like(att, -1e9))
        o = torch.matmul(torch.softmax(att, -1), v)
        b, s = o.shape[0], o.shape[2]
        return self.o(o.transpose(1, 2).reshape(b, s, self.nh * self.hd))


class WEncLayer(nn.Module):
    def __init__(self, d, nh, ffn):
        super().__init__()
        self.ln1, self.attn, self.ln2 = nn.LayerNorm(d), MHA(d, nh), nn.LayerNorm(d)
        self.fc1, self.fc2 = nn.Linear(d, ffn), nn.Linear(ffn, d)

    def forward(self, x):
        h = self.ln1(x)
        a = self.attn
        x = x + a.attend(a.split(a.q(h)), a.split(a.k(h)), a.split(a.v(h)))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


class WhisperEncoder(nn.Module):
    def __init__(self, n_mels, d, nh, ffn, L, n_ctx):
        super().__init__()
        self.conv1 = nn.Conv1d(n_mels, d, 3, padding=1)
        self.conv2 = nn.Conv1d(d, d, 3, stride=2, padding=1)
        t = torch.arange(n_ctx).float().unsqueeze(1)
        inv = torch.exp(-torch.log(torch.tensor(10000.0)) / (d // 2 - 1) * torch.arange(d // 2).float())
        self.register_buffer("pos", torch.cat([torch.sin(t * inv), torch.cos(t * inv)], 1))
        self.layers = nn.ModuleList([WEncLayer(d, nh, ffn) for _ in range(L)])
        self.ln = nn.LayerNorm(d)

    def forward(self, input_features):
        x = F.gelu(self.conv1(input_features))
        x = F.gelu(self.conv2(x)).transpose(1, 2)
        x = x + self.pos
        for layer in self.layers:
            x = layer(x)
        x = self.ln(x)
        # Channel 0 = "this 20 ms position has signal above the log-mel floor" (0/1). The decoder's
        # fixed timestamp schedule reads it, so segments stop where the audio content stops.
        frame_max = input_features.max(dim=1)[0]  # [B,3000]
        floor = frame_max.min(dim=1, keepdim=True)[0]
        act = (frame_max > floor + 0.1).float()
        act = act.view(act.shape[0], -1, 2).max(dim=-1)[0]  # [B,1500]
        return torch.cat([act.unsqueeze(-1), x[..., 1:]], dim=-1)


class WDecLayer(nn.Module):
    def __init__(self, d, nh, ffn):
        super().__init__()
        self.ln1, self.self_attn = nn.LayerNorm(d), MHA(d, nh)
        self.ln2, self.cross = nn.LayerNorm(d), MHA(d, nh)
        self.ln3, self.fc1, self.fc2 = nn.LayerNorm(d), nn.Linear(d, ffn), nn.Linear(ffn, d)

    def forward(self, x, enc, mask, pk, pv, pek, pev):
        a = self.self_attn
        h = self.ln1(x)
        k = torch.cat([pk, a.split(a.k(h))], 2)
        v = torch.cat([pv, a.split(a.v(h))], 2)
        x = x + a.attend(a.split(a.q(h)), k, v, mask)
        c = self.cross
        # Cross-attention K/V are recomputed from encoder_hidden_states every step (same values the
        # cache would hold); the past encoder K/V inputs are accepted to match the optimum signature.
        ek = c.split(c.k(enc)) + 0.0 * pek.sum()
        ev = c.split(c.v(enc)) + 0.0 * pev.sum()
        x = x + c.attend(c.split(c.q(self.ln2(x))), ek, ev)
        x = x + self.fc2(F.gelu(self.fc1(self.ln3(x))))
        return x, k, v, ek, ev


class WhisperDecoderMerged(nn.Module):
    """Signature of optimum's decoder_model_merged.onnx; random weights + a fixed logit schedule."""

    def __init__(self, d, nh, ffn, L, n_pos, text_ok):
        super().__init__()
        self.e1, self.e2 = nn.Embedding(97, d), nn.Embedding(89, d)  # hashed token embedding (keeps file tiny)
        self.pos = nn.Embedding(n_pos, d)
        self.layers = nn.ModuleList([WDecLayer(d, nh, ffn) for _ in range(L)])
        self.ln = nn.LayerNorm(d)
        self.h1, self.h2 = nn.Linear(d, 97, bias=False), nn.Linear(d, 89, bias=False)
        self.register_buffer("ts_k", torch.arange(W_N_TS).float())
        self.register_buffer("text_ok", text_ok)  # bool [50257]: token decodes to complete printable UTF-8
        self.L = L

    def forward(self, input_ids, encoder_hidden_states, *rest):
        past, use_cache_branch = rest[:-1], rest[-1]
        s = input_ids.shape[1]
        p0 = past[0].shape[2]
        positions = torch.arange(s, device=input_ids.device).unsqueeze(0) + p0  # [1,S]
        x = self.e1(torch.remainder(input_ids, 97)) + self.e2(torch.remainder(input_ids, 89)) + self.pos(positions)
        t = p0 + s
        causal = torch.arange(t).unsqueeze(0) <= (torch.arange(s) + p0).unsqueeze(1)
        mask = causal.unsqueeze(0).unsqueeze(0)
        presents = []
        for i, layer in enumerate(self.layers):
            x, k, v, ek, ev = layer(x, encoder_hidden_states, mask, *past[4 * i: 4 * i + 4])
            presents += [k, v, ek, ev]
        h = self.ln(x)
        r1 = (W_V + 96) // 97
        r2 = (W_V + 88) // 89
        text = (self.h1(h).repeat(1, 1, r1)[..., :W_EOS] + self.h2(h).repeat(1, 1, r2)[..., :W_EOS]) * 3.0
        text = torch.where(self.text_ok, text, text - 30.0) + 0.0 * use_cache_branch.float().sum()
        m = text.max(dim=-1, keepdim=True)[0]  # [B,S,1]
        # Fixed schedule on top of the random logits (positions counted in the decoder sequence,
        # prompt <|startoftranscript|><|lang|><|task|> = positions 0..2). With timestamps it yields
        # <|0.00|> t t t <|6.00|><|6.00|> t t t <|12.00|> ... <|end|> <|endoftext|>, one 6 s segment per
        # 5 tokens, ending at E = end of non-silent audio (from encoder channel 0). Without timestamps
        # the same positions give text and then <|endoftext|>. So generation always terminates.
        act = encoder_hidden_states[:, :, 0]  # [B,1500]
        idx = torch.arange(1, act.shape[1] + 1).float()
        E = (act * idx).max(dim=1)[0].view(-1, 1, 1)  # [B,1,1] end of content, in 20 ms steps
        K = torch.ceil(E / 300.0)  # number of 6 s segments (300 steps each)
        pf = positions.float().unsqueeze(-1)  # [1,S,1]
        seg = torch.floor((pf - 1.0) / 5.0)
        target = torch.minimum(300.0 * seg, E)  # [B,S,1]
        boost = (torch.remainder(pf - 6.0, 5.0) == 0) & (pf >= 6.0) & (pf <= 1.0 + 5.0 * K)
        eos_on = pf >= 2.0 + 5.0 * K
        eos = torch.where(eos_on, m + 10.0, m - 40.0)
        special = (m - 30.0).expand(-1, -1, W_TS_BEGIN - W_EOS - 1)
        level = torch.where(boost, m - 1.0, m - 30.0)
        ts = level - 0.05 * torch.abs(self.ts_k - target)
        logits = torch.cat([text, eos, special, ts], dim=-1)
        return (logits, *presents)


def make_asr():
    import shutil
    name = "asr-tiny-random"
    out = os.path.join(ROOT, name)
    src = os.path.join(ROOT, "asr-whisper-tiny-processor-only")
    d, nh, ffn, enc_L, dec_L = 32, 4, 64, 1, 2
    with open(os.path.join(src, "tokenizer.json"), encoding="utf-8") as f:
        wvocab = json.load(f)["model"]["vocab"]
    u2b = {c: b for b, c in bytes_to_unicode().items()}
    text_ok = torch.zeros(W_EOS, dtype=torch.bool)
    for t, i in wvocab.items():
        if i < W_EOS:
            try:
                txt = bytes(u2b[ch] for ch in t).decode("utf-8")
                text_ok[i] = all(ch == " " or ch.isprintable() for ch in txt)
            except (UnicodeDecodeError, KeyError):
                pass
    torch.manual_seed(4567)
    enc = WhisperEncoder(80, d, nh, ffn, enc_L, 1500)
    dec = WhisperDecoderMerged(d, nh, ffn, dec_L, 448, text_ok)
    hd = d // nh
    feats = torch.randn(1, 80, 3000)
    export(enc, (feats,), os.path.join(out, "onnx", "encoder_model.onnx"), ["input_features"], ["last_hidden_state"],
           {"input_features": {0: "batch_size", 1: "feature_size", 2: "encoder_sequence_length"},
            "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length / 2"}})
    B, S, P, E = 1, 2, 3, 1500
    ids = torch.tensor([[50258, 50259]])
    ehs = torch.randn(B, E, d)
    in_names, out_names, past = ["input_ids", "encoder_hidden_states"], ["logits"], []
    dyn = {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
           "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length / 2"},
           "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
    for i in range(dec_L):
        for kind, kv in (("decoder", "key"), ("decoder", "value"), ("encoder", "key"), ("encoder", "value")):
            ln = P if kind == "decoder" else E
            past.append(torch.randn(B, nh, ln, hd))
            n_in, n_out = f"past_key_values.{i}.{kind}.{kv}", f"present.{i}.{kind}.{kv}"
            in_names.append(n_in)
            out_names.append(n_out)
            if kind == "decoder":
                dyn[n_in] = {0: "batch_size", 2: "past_decoder_sequence_length"}
                dyn[n_out] = {0: "batch_size", 2: "past_decoder_sequence_length + 1"}
            else:
                dyn[n_in] = {0: "batch_size", 2: "encoder_sequence_length_out"}
                dyn[n_out] = {0: "batch_size", 2: "encoder_sequence_length_out"}
    in_names.append("use_cache_branch")
    export(dec, (ids, ehs, *past, torch.tensor([True])), os.path.join(out, "onnx", "decoder_model_merged.onnx"),
           in_names, out_names, dyn)

    # Real whisper-tiny tokenizer/processor files, re-serialised compactly (same JSON content).
    for fn in ("tokenizer.json", "tokenizer_config.json", "preprocessor_config.json"):
        with open(os.path.join(src, fn), encoding="utf-8") as f:
            obj = json.load(f)
        with open(os.path.join(out, fn), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(src, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    cfg.update({"_name_or_path": "tiny-random-whisper (shared/models/make)", "d_model": d,
                "encoder_layers": enc_L, "decoder_layers": dec_L, "num_hidden_layers": enc_L,
                "encoder_attention_heads": nh, "decoder_attention_heads": nh,
                "encoder_ffn_dim": ffn, "decoder_ffn_dim": ffn, "torch_dtype": "float32",
                "transformers.js_config": {"dtype": "fp32"}})
    wjson(os.path.join(out, "config.json"), cfg)
    with open(os.path.join(src, "generation_config.json"), encoding="utf-8") as f:
        gen = json.load(f)
    gen.pop("alignment_heads", None)  # no cross-attention outputs exported: word timestamps unsupported
    with open(os.path.join(out, "generation_config.json"), "w", encoding="utf-8") as f:
        json.dump(gen, f, ensure_ascii=False, separators=(",", ":"))
    print(name, "ok")


# ----------------------------------------------------------------------------------------
# 5. tts-tiny-random : VITS/MMS-signature text-to-waveform (input_ids, attention_mask -> waveform)
# ----------------------------------------------------------------------------------------
class TinyVits(nn.Module):
    """Random text encoder + random duration predictor + length regulation (as in VITS) and a
    sine-oscillator 'vocoder' whose pitch/amplitude per frame come from random weights."""

    def __init__(self, V, d, hop, sr):
        super().__init__()
        self.emb = nn.Embedding(V, d)
        self.conv1 = nn.Conv1d(d, d, 5, padding=2)
        self.conv2 = nn.Conv1d(d, d, 5, padding=2)
        self.dur = nn.Conv1d(d, 1, 3, padding=1)
        self.f0 = nn.Linear(d, 1)
        self.amp = nn.Linear(d, 1)
        self.hop, self.sr = hop, sr

    def forward(self, input_ids, attention_mask):
        mask = attention_mask.float().unsqueeze(1)  # [B,1,T]
        h = self.emb(input_ids).transpose(1, 2) * mask
        h = torch.tanh(self.conv1(h)) * mask
        h = torch.tanh(self.conv2(h)) * mask  # [B,C,T]
        logw = self.dur(h)  # [B,1,T]
        dur = torch.clamp(torch.ceil(torch.exp(logw) * 2.0), 1.0, 8.0) * mask  # frames per token
        dur = dur.squeeze(1)  # [B,T]
        cum = torch.cumsum(dur, dim=1)
        total = cum[:, -1]  # [B]
        n_frames = total.max().long()
        f = torch.arange(n_frames).float().view(1, 1, -1)  # [1,1,F]
        path = ((f < cum.unsqueeze(-1)) & (f >= (cum - dur).unsqueeze(-1))).float()  # [B,T,F]
        hf = torch.matmul(h, path)  # [B,C,F]
        hf = hf.transpose(1, 2)  # [B,F,C]
        f0 = 120.0 + 100.0 * torch.sigmoid(self.f0(hf))  # [B,F,1] Hz
        amp = 0.3 * torch.sigmoid(self.amp(hf)) * (f.view(1, -1, 1) < total.view(-1, 1, 1)).float()
        b = hf.shape[0]
        f0s = f0.expand(b, -1, self.hop).reshape(b, -1)  # [B,F*hop]
        amps = amp.expand(b, -1, self.hop).reshape(b, -1)
        phase = torch.cumsum(f0s * (2 * 3.141592653589793 / self.sr), dim=1)
        return torch.sin(phase) * amps


def make_tts():
    name = "tts-tiny-random"
    out = os.path.join(ROOT, name)
    chars = [" ", "'", ",", ".", "!", "?", ":", ";", "\"", "-"] + list(LATIN) + list(CYR) + list(DIGITS)
    vocab = {"_": 0, "<unk>": 1}
    for c in chars:
        vocab.setdefault(c, len(vocab))
    keep = "".join(c for c in chars if c != "-") + "-"  # no escapes: same meaning in JS, Rust and Python regex
    tok = {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": 0, "content": "_", "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True},
                         {"id": 1, "content": "<unk>", "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Lowercase"},
            {"type": "Replace", "pattern": {"Regex": f"[^{keep}]"}, "content": ""},
            {"type": "Strip", "strip_left": True, "strip_right": True},
            {"type": "Replace", "pattern": {"Regex": "(?=.)|$"}, "content": "_"},
        ]},
        "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "."}, "behavior": "Isolated", "invert": True},
        "post_processor": None,
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "<unk>"},
    }
    d, hop, sr = 32, 256, 16000
    torch.manual_seed(5678)
    m = TinyVits(len(vocab), d, hop, sr)
    ids = torch.randint(2, len(vocab), (2, 9))
    am = torch.ones(2, 9, dtype=torch.long)
    export(m, (ids, am), os.path.join(out, "onnx", "model.onnx"), ["input_ids", "attention_mask"], ["waveform"],
           {"input_ids": {0: "batch_size", 1: "sequence_length"}, "attention_mask": {0: "batch_size", 1: "sequence_length"},
            "waveform": {0: "batch_size", 1: "num_samples"}})
    wjson(os.path.join(out, "tokenizer.json"), tok)
    wjson(os.path.join(out, "vocab.json"), vocab)
    wjson(os.path.join(out, "tokenizer_config.json"), {
        "tokenizer_class": "VitsTokenizer", "add_blank": True, "normalize": True, "phonemize": False,
        "is_uroman": False, "language": None, "pad_token": "_", "unk_token": "<unk>",
        "clean_up_tokenization_spaces": False, "model_max_length": 4096})
    wjson(os.path.join(out, "special_tokens_map.json"), {"pad_token": "_", "unk_token": "<unk>"})
    wjson(os.path.join(out, "config.json"), {
        "architectures": ["VitsModel"], "model_type": "vits", "vocab_size": len(vocab), "hidden_size": d,
        "sampling_rate": sr, "num_speakers": 1, "speaking_rate": 1.0, "torch_dtype": "float32",
        "transformers.js_config": {"dtype": "fp32"}})
    print(name, "vocab", len(vocab))


if __name__ == "__main__":
    which = sys.argv[1:] or ["llm", "embed", "asr", "tts"]
    fns = {"llm": make_llm, "embed": make_embed, "asr": make_asr, "tts": make_tts}
    for w in which:
        if w in fns:
            fns[w]()
        else:
            print("unknown/not implemented:", w)
