"""Resemblyzer's voice encoder (resemblyzer/pretrained.pt) -> two ONNX graphs Bishop's speaker capability runs.

usage: resemblyzer_to_onnx.py <resemblyzer package dir (pretrained.pt)> <destination dir>

Resemblyzer embeds a 16 kHz utterance as the normalised mean of d-vectors of 1.6 s partials (160 frames
of a 40-band mel power spectrogram, 25 ms windows every 10 ms, librosa's Slaney mel scale and norm) fed
through a 3-layer LSTM (256) + linear + ReLU, each L2-normalised. The kit writes:
  onnx/mel.onnx      waveform [1, samples] -> mel power frames [frames, 40] (centred, reflect-padded
                     STFT as a convolution with the windowed DFT basis, then the mel filter bank);
  onnx/encoder.onnx  mel partials [partials, 160, 40] -> unit d-vectors [partials, 256];
  config.json        model_type "resemblyzer" and the front end's settings (partials, rate, volume target).
Checks: the mel graph against transformers' librosa-compatible spectrogram, the encoder graph against
the PyTorch module holding pretrained.pt (loaded strictly). Prints a JSON report.
"""
import json
import sys
from pathlib import Path

import numpy as np
import onnxruntime
import torch
from torch import nn
from transformers.audio_utils import mel_filter_bank, spectrogram, window_function

SAMPLE_RATE, N_FFT, HOP, N_MELS, PARTIAL_FRAMES = 16000, 400, 160, 40, 160


class VoiceEncoder(nn.Module):
    """resemblyzer.VoiceEncoder's network (the same module names, so pretrained.pt loads strictly)."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(N_MELS, 256, 3, batch_first=True)
        self.linear = nn.Linear(256, 256)
        self.relu = nn.ReLU()

    def forward(self, mels):
        _, (hidden, _) = self.lstm(mels)
        embeds = self.relu(self.linear(hidden[-1]))
        return embeds / torch.norm(embeds, dim=1, keepdim=True)


class MelFrontEnd(nn.Module):
    def __init__(self):
        super().__init__()
        window = window_function(N_FFT, "hann")  # periodic, as librosa's
        k = np.arange(N_FFT // 2 + 1)[:, None] * np.arange(N_FFT)[None, :] * 2 * np.pi / N_FFT
        basis = np.concatenate([np.cos(k), -np.sin(k)]) * window[None, :]
        self.register_buffer("basis", torch.tensor(basis, dtype=torch.float32)[:, None, :])
        mel = mel_filter_bank(N_FFT // 2 + 1, N_MELS, 0.0, SAMPLE_RATE / 2, SAMPLE_RATE, "slaney", "slaney")
        self.register_buffer("mel", torch.tensor(mel.T, dtype=torch.float32))

    def forward(self, waveform):
        padded = nn.functional.pad(waveform[:, None, :], (N_FFT // 2, N_FFT // 2), mode="reflect")
        spectrum = nn.functional.conv1d(padded, self.basis, stride=HOP)[0]
        half = N_FFT // 2 + 1
        power = spectrum[:half] ** 2 + spectrum[half:] ** 2
        return (self.mel @ power).transpose(0, 1)


package, destination = Path(sys.argv[1]), Path(sys.argv[2])
encoder = VoiceEncoder().eval()
checkpoint = torch.load(package / "pretrained.pt", map_location="cpu", weights_only=False)
# similarity_weight/_bias belong to the GE2E training loss, not to the encoder (resemblyzer loads non-strictly).
state = {k: v for k, v in checkpoint["model_state"].items() if not k.startswith("similarity_")}
encoder.load_state_dict(state, strict=True)
front_end = MelFrontEnd().eval()
(destination / "onnx").mkdir(parents=True, exist_ok=True)

rng = np.random.default_rng(0)
t = np.arange(SAMPLE_RATE * 3) / SAMPLE_RATE
# A voiced test signal: harmonics of a gliding pitch with noise (speech-like energy in every band).
wave = sum(np.sin(2 * np.pi * (120 + 40 * t) * h * t) / h for h in range(1, 12)) * 0.1 + rng.normal(0, 0.01, t.size)
wave = wave.astype(np.float32)

torch.onnx.export(front_end, (torch.from_numpy(wave)[None],), str(destination / "onnx" / "mel.onnx"),
                  input_names=["waveform"], output_names=["mel"],
                  dynamic_axes={"waveform": {1: "samples"}, "mel": {0: "frames"}}, opset_version=17, dynamo=False)
mel_session = onnxruntime.InferenceSession(str(destination / "onnx" / "mel.onnx"))
(mel,) = mel_session.run(None, {"waveform": wave[None]})
reference = spectrogram(wave, window_function(N_FFT, "hann"), N_FFT, HOP, power=2.0, center=True, pad_mode="reflect",
                        mel_filters=mel_filter_bank(N_FFT // 2 + 1, N_MELS, 0.0, SAMPLE_RATE / 2, SAMPLE_RATE,
                                                    "slaney", "slaney")).T
mel_difference = float(np.abs(mel - reference).max() / np.abs(reference).max())
if mel.shape != reference.shape or mel_difference > 1e-4:
    raise SystemExit(f"the mel graph differs from the reference: {mel.shape} vs {reference.shape}, {mel_difference}")

partials = np.stack([mel[i : i + PARTIAL_FRAMES] for i in (0, 60, 120)]).astype(np.float32)
torch.onnx.export(encoder, (torch.from_numpy(partials),), str(destination / "onnx" / "encoder.onnx"),
                  input_names=["mels"], output_names=["embeddings"],
                  dynamic_axes={"mels": {0: "partials"}, "embeddings": {0: "partials"}}, opset_version=17, dynamo=False)
encoder_session = onnxruntime.InferenceSession(str(destination / "onnx" / "encoder.onnx"))
(embeddings,) = encoder_session.run(None, {"mels": partials})
with torch.no_grad():
    expected = encoder(torch.from_numpy(partials)).numpy()
encoder_difference = float(np.abs(embeddings - expected).max())
if encoder_difference > 1e-4:
    raise SystemExit(f"the encoder graph differs from PyTorch by {encoder_difference}")

config = {
    "model_type": "resemblyzer",
    "sampling_rate": SAMPLE_RATE,
    "hop_length": HOP,
    "partial_frames": PARTIAL_FRAMES,
    "partials_per_second": 1.3,
    "min_coverage": 0.75,
    "volume_target_dbfs": -30,
    "embedding_size": 256,
}
(destination / "config.json").write_text(json.dumps(config, indent=2) + "\n")
print(json.dumps({"mel_max_relative_difference": mel_difference, "encoder_max_difference": encoder_difference}))
