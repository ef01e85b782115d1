import { setTimeout as sleep } from 'node:timers/promises';

/** Audio goes out in frames of this length… */
const FRAME_MS = 40;
/** …kept at most this far ahead of where the listener's playback is, so a barge-in leaves little queued. */
const LEAD_MS = 240;

/**
 * Sends the avatar's speech at the pace it is played: a virtual playback
 * clock (the client plays each frame as it arrives, after the one before)
 * says how much the listener has heard, which is where a barge-in cuts the reply.
 */
export function createPacedSpeaker(sendAudio: (pcm: Uint8Array) => void) {
  let playbackEndsAt = 0;
  let sentSec = 0;
  let stopped = false;
  let firstByteAt: number | null = null;

  return {
    /** Speaks one piece (a sentence); resolves once it is all sent, or at once after stop(). */
    async speak(samples: Float32Array, sampleRate: number): Promise<void> {
      const frame = Math.round((sampleRate * FRAME_MS) / 1000);
      for (let start = 0; start < samples.length && !stopped; start += frame) {
        const now = performance.now();
        const ahead = playbackEndsAt - now;
        if (ahead > LEAD_MS) await sleep(ahead - LEAD_MS);
        if (stopped) return;
        const piece = samples.subarray(start, Math.min(samples.length, start + frame));
        sendAudio(toPcm16(piece));
        firstByteAt ??= performance.now();
        const pieceMs = (piece.length / sampleRate) * 1000;
        playbackEndsAt = Math.max(performance.now(), playbackEndsAt) + pieceMs;
        sentSec += piece.length / sampleRate;
      }
    },
    /** Seconds of the reply the listener has heard by now. */
    heardSec(): number {
      const queuedSec = Math.max(0, playbackEndsAt - performance.now()) / 1000;
      return Math.max(0, sentSec - queuedSec);
    },
    get sentSec(): number {
      return sentSec;
    },
    get firstByteAt(): number | null {
      return firstByteAt;
    },
    /** Seconds until what was sent has been played. */
    remainingMs(): number {
      return Math.max(0, playbackEndsAt - performance.now());
    },
    stop(): void {
      stopped = true;
    },
  };
}

export type PacedSpeaker = ReturnType<typeof createPacedSpeaker>;

export function toPcm16(samples: Float32Array): Uint8Array {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    pcm[i] = s < 0 ? s * 0x8000 : s * 0x7fff;
  }
  return new Uint8Array(pcm.buffer);
}

export function fromPcm16(pcm: Int16Array): Float32Array {
  const samples = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) samples[i] = (pcm[i] ?? 0) / 0x8000;
  return samples;
}
