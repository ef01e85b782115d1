"""Synthetic speech for conversion checks (espeak-ng) and the error rates that judge what a model heard."""
import io
import re
import subprocess
import wave

import numpy as np


def espeak_clip(voice: str, text: str, rate: int = 16000) -> np.ndarray:
    """espeak-ng's speech of `text` as mono float32 at `rate` Hz (resampled linearly: espeak speaks at 22.05 kHz)."""
    wav = subprocess.run(["espeak-ng", "-v", voice, "--stdout", text], check=True, capture_output=True).stdout
    with wave.open(io.BytesIO(wav)) as clip:
        source_rate = clip.getframerate()
        samples = np.frombuffer(clip.readframes(clip.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    times = np.arange(0, len(samples) / source_rate, 1 / rate)
    return np.interp(times, np.arange(len(samples)) / source_rate, samples).astype(np.float32)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w ]", " ", text.lower().replace("ё", "е"))).strip()


def _edit_distance(a: list, b: list) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def word_error_rate(reference: str, hypothesis: str) -> float:
    words = _normal(reference).split()
    return _edit_distance(words, _normal(hypothesis).split()) / len(words)


def character_error_rate(reference: str, hypothesis: str) -> float:
    characters = list(_normal(reference))
    return _edit_distance(characters, list(_normal(hypothesis))) / len(characters)
