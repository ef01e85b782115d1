/**
 * A growable run of PCM samples with a hard capacity: the open chunk of the
 * speech chunker. Dropping a prefix moves the rest down, so memory stays at
 * the capacity however long the stream runs.
 */
export class SampleBuffer {
  readonly #samples: Float32Array;
  #length = 0;

  constructor(capacity: number) {
    this.#samples = new Float32Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  append(samples: Float32Array): void {
    if (this.#length + samples.length > this.#samples.length) {
      throw new RangeError(`SampleBuffer holds at most ${this.#samples.length} samples`);
    }
    this.#samples.set(samples, this.#length);
    this.#length += samples.length;
  }

  /** A copy of samples [from, to). */
  copy(from: number, to: number): Float32Array {
    return this.#samples.slice(from, Math.min(to, this.#length));
  }

  dropFirst(count: number): void {
    const kept = Math.max(0, this.#length - count);
    this.#samples.copyWithin(0, this.#length - kept, this.#length);
    this.#length = kept;
  }

  dropLast(count: number): void {
    this.#length = Math.max(0, this.#length - count);
  }

  clear(): void {
    this.#length = 0;
  }
}
