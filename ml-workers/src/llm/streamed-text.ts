/**
 * Turns a model's raw output pieces into reply pieces that join to exactly the
 * text the chat records. The domain stores a reply trimmed, NFC-normalised and
 * without control characters, so this holds back what could still change:
 * trailing whitespace, a possible start of a stop string, and the last
 * character (a following combining mark would recompose it).
 */
export class StreamedText {
  readonly #stops: readonly string[];
  readonly #emit: (piece: string) => void;
  #pending = '';
  #text = '';
  #started = false;
  #stopped = false;

  constructor(stops: readonly string[], emit: (piece: string) => void) {
    this.#stops = stops.filter((stop) => stop !== '');
    this.#emit = emit;
  }

  /** True once a stop string appeared: the reply ends before it and further pieces are ignored. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Adds raw model output; returns true when it completed a stop string (stop generating). */
  push(raw: string): boolean {
    if (this.#stopped) return true;
    let clean = cleanPiece(raw);
    if (!this.#started) {
      clean = clean.trimStart();
      if (clean === '') return false;
      this.#started = true;
    }
    this.#pending += clean;
    const stopAt = this.#firstStop();
    if (stopAt !== null) {
      this.#pending = this.#pending.slice(0, stopAt);
      this.#stopped = true;
      return true;
    }
    const end = this.#safeEnd();
    if (end > 0) {
      this.#send(this.#pending.slice(0, end));
      this.#pending = this.#pending.slice(end);
    }
    return false;
  }

  /** Sends what was held back (minus trailing whitespace) and returns the whole reply. */
  finish(): string {
    this.#send(this.#pending.trimEnd());
    this.#pending = '';
    return this.#text;
  }

  #send(piece: string): void {
    const normal = piece.normalize('NFC');
    if (normal === '') return;
    this.#text += normal;
    this.#emit(normal);
  }

  #firstStop(): number | null {
    let first: number | null = null;
    for (const stop of this.#stops) {
      const at = this.#pending.indexOf(stop);
      if (at >= 0 && (first === null || at < first)) first = at;
    }
    return first;
  }

  /** How much of the pending text can be sent without a later piece changing it. */
  #safeEnd(): number {
    const pending = this.#pending;
    let end = pending.trimEnd().length;
    for (const stop of this.#stops) {
      for (let k = Math.min(stop.length - 1, pending.length); k > 0; k -= 1) {
        if (pending.endsWith(stop.slice(0, k))) {
          end = Math.min(end, pending.length - k);
          break;
        }
      }
    }
    // Keep the last character, and never cut just before a character that composes with the one before it.
    end = Math.min(end, lastCharStart(pending));
    while (end > 0 && COMPOSES_BACKWARDS.test(pending.slice(end, end + 2))) end = previousCharStart(pending, end);
    return end;
  }
}

// C0/C1 controls (but tab and line breaks), DEL, bidi overrides (as the domain forbids), and U+FFFD
// that a decoder leaves for an incomplete UTF-8 sequence.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/gu;
const COMPOSES_BACKWARDS = /^[\p{M}\u1160-\u11ff]/u;

function cleanPiece(raw: string): string {
  return raw.toWellFormed().replace(FORBIDDEN, '');
}

function lastCharStart(text: string): number {
  return previousCharStart(text, text.length);
}

function previousCharStart(text: string, end: number): number {
  if (end <= 0) return 0;
  const low = text.charCodeAt(end - 1);
  const high = text.charCodeAt(end - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return end - (pair ? 2 : 1);
}
