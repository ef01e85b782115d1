/**
 * One take from the microphone: MediaRecorder keeps the sound, a Web Audio
 * analyser reports its level for the meter. The browser's own APIs, so no
 * library is needed; the server decodes whatever container the browser writes.
 */
export interface Take {
  readonly blob: Blob;
  readonly seconds: number;
  readonly extension: string;
}

export interface TakeCallbacks {
  /** About 60 times a second: level 0..1 (−60 dBFS … 0 dBFS) and seconds recorded. */
  onTick(level: number, seconds: number): void;
  onDone(take: Take): void;
}

// Opus in WebM (Chromium, Firefox) or Ogg; AAC in MP4 (Safari).
const containers = [
  ['audio/webm;codecs=opus', 'webm'],
  ['audio/ogg;codecs=opus', 'ogg'],
  ['audio/webm', 'webm'],
  ['audio/mp4', 'm4a'],
] as const;

export class MicrophoneRecording {
  readonly #stream: MediaStream;
  readonly #recorder: MediaRecorder;
  readonly #audio: AudioContext;
  readonly #analyser: AnalyserNode;
  readonly #chunks: Blob[] = [];
  readonly #startedAt = performance.now();
  readonly #maxSeconds: number;
  #frame = 0;
  #seconds = 0;

  private constructor(stream: MediaStream, maxSeconds: number, callbacks: TakeCallbacks) {
    this.#stream = stream;
    this.#maxSeconds = maxSeconds;
    const [mimeType, extension] = containers.find(([type]) => MediaRecorder.isTypeSupported(type)) ?? ['', 'webm'];
    this.#recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    this.#recorder.ondataavailable = (event) => {
      if (event.data.size > 0) this.#chunks.push(event.data);
    };
    this.#recorder.onstop = () => {
      const type = this.#recorder.mimeType || mimeType || 'audio/webm';
      callbacks.onDone({ blob: new Blob(this.#chunks, { type }), seconds: this.#seconds, extension });
    };
    this.#audio = new AudioContext();
    this.#analyser = this.#audio.createAnalyser();
    this.#analyser.fftSize = 2048;
    this.#audio.createMediaStreamSource(stream).connect(this.#analyser);
    this.#recorder.start(250);
    const samples = new Float32Array(this.#analyser.fftSize);
    const tick = () => {
      this.#analyser.getFloatTimeDomainData(samples);
      this.#seconds = (performance.now() - this.#startedAt) / 1000;
      callbacks.onTick(levelOf(samples), this.#seconds);
      if (this.#seconds >= this.#maxSeconds) this.stop();
      else this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  /** Asks for the microphone (the browser shows its prompt) and starts recording. */
  static async start(maxSeconds: number, callbacks: TakeCallbacks): Promise<MicrophoneRecording> {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    return new MicrophoneRecording(stream, maxSeconds, callbacks);
  }

  stop(): void {
    cancelAnimationFrame(this.#frame);
    if (this.#recorder.state !== 'inactive') this.#recorder.stop();
    for (const track of this.#stream.getTracks()) track.stop();
    if (this.#audio.state !== 'closed') void this.#audio.close();
  }
}

/** RMS level on a −60…0 dBFS scale, as 0..1. */
function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  const dbfs = rms > 0 ? 20 * Math.log10(rms) : -Infinity;
  return Math.min(1, Math.max(0, (dbfs + 60) / 60));
}

/** Why the microphone could not be used, as a message key. */
export function microphoneProblem(error: unknown) {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'voice.recorder.denied' as const;
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'voice.recorder.noMicrophone' as const;
  if (typeof MediaRecorder === 'undefined') return 'voice.recorder.unsupported' as const;
  return 'voice.recorder.failed' as const;
}
