import { watchLevel } from './level-meter.ts';

/** What MediaRecorder can write here, best first (Chromium: WebM/Opus; Firefox: Ogg/Opus; Safari: MP4/AAC). */
const RECORDING_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm'];
const EXTENSIONS: Record<string, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a' };

/**
 * One voice message being recorded in the browser: the microphone through
 * MediaRecorder, with a level meter and the elapsed time; `finish` gives the
 * recording as a file to upload, `cancel` drops it.
 */
export class VoiceRecorder {
  recording = $state(false);
  level = $state(0);
  elapsedSec = $state(0);
  #recorder: MediaRecorder | null = null;
  #chunks: Blob[] = [];
  #stopLevel: (() => void) | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  async start(): Promise<void> {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 },
    });
    const mimeType = RECORDING_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    this.#recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    this.#chunks = [];
    this.#recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) this.#chunks.push(event.data);
    });
    this.#stopLevel = watchLevel(stream, (level) => {
      this.level = level;
    });
    const started = performance.now();
    this.elapsedSec = 0;
    this.#timer = setInterval(() => {
      this.elapsedSec = (performance.now() - started) / 1000;
    }, 200);
    this.#recorder.start(250);
    this.recording = true;
  }

  /** Stops and returns the recording as a file named for its container. */
  async finish(): Promise<File> {
    const recorder = this.#recorder;
    if (!recorder) throw new Error('not recording');
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
    recorder.stop();
    await stopped;
    this.#release();
    const type = (recorder.mimeType || 'audio/webm').split(';')[0] ?? 'audio/webm';
    return new File(this.#chunks, `voice-message.${EXTENSIONS[type] ?? 'webm'}`, { type });
  }

  cancel(): void {
    if (this.#recorder?.state === 'recording') this.#recorder.stop();
    this.#release();
    this.#chunks = [];
  }

  #release(): void {
    for (const track of this.#recorder?.stream.getTracks() ?? []) track.stop();
    this.#stopLevel?.();
    if (this.#timer) clearInterval(this.#timer);
    this.#recorder = null;
    this.#stopLevel = null;
    this.#timer = null;
    this.recording = false;
    this.level = 0;
  }
}
