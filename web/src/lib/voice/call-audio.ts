/** 16 kHz mono, what the call's VAD and Whisper take; the browser resamples the microphone to it. */
export const CALL_INPUT_RATE = 16_000;

/**
 * The microphone as 16-bit PCM chunks at 16 kHz, with its level. A
 * ScriptProcessorNode rather than an AudioWorklet: a worklet module must be
 * a script URL, which the app's strict CSP (script-src 'self', hashed) makes
 * awkward for a few lines; the processor is enough for 64 ms chunks.
 */
export async function captureMicrophone(onChunk: (pcm: Int16Array<ArrayBuffer>, level: number) => void) {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
  });
  const context = new AudioContext({ sampleRate: CALL_INPUT_RATE });
  const source = context.createMediaStreamSource(stream);
  const processor = context.createScriptProcessor(1024, 1, 1);
  const mute = context.createGain();
  mute.gain.value = 0;
  processor.onaudioprocess = (event) => {
    const samples = event.inputBuffer.getChannelData(0);
    const pcm = new Int16Array(samples.length);
    let sum = 0;
    for (let i = 0; i < samples.length; i++) {
      const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
      pcm[i] = s < 0 ? s * 0x8000 : s * 0x7fff;
      sum += s * s;
    }
    onChunk(pcm, Math.min(1, Math.sqrt(sum / samples.length) * 4));
  };
  source.connect(processor);
  processor.connect(mute);
  mute.connect(context.destination);
  return {
    async stop() {
      processor.disconnect();
      for (const track of stream.getTracks()) track.stop();
      await context.close();
    },
  };
}

/** Plays the avatar's PCM frames back to back as they arrive; `flush` stops at once (barge-in). */
export function createPlayer() {
  const context = new AudioContext();
  let nextAt = 0;
  const playing = new Set<AudioBufferSourceNode>();
  return {
    play(pcm: Int16Array, sampleRate: number): void {
      if (pcm.length === 0) return;
      const buffer = context.createBuffer(1, pcm.length, sampleRate);
      const channel = buffer.getChannelData(0);
      for (let i = 0; i < pcm.length; i++) channel[i] = (pcm[i] ?? 0) / 0x8000;
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      const at = Math.max(context.currentTime + 0.02, nextAt);
      source.start(at);
      nextAt = at + buffer.duration;
      playing.add(source);
      source.onended = () => playing.delete(source);
    },
    flush(): void {
      for (const source of playing) source.stop();
      playing.clear();
      nextAt = 0;
    },
    async close(): Promise<void> {
      this.flush();
      await context.close();
    },
  };
}
