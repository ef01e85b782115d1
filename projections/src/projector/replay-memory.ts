import type { CachedTable } from './row-notices.ts';

/** Rows held across a replay's batches (≈ 100–200 MB); beyond it the memory is emptied and the database asked again. */
const DEFAULT_REPLAY_MEMORY_ROWS = 100_000;

/**
 * What a replay into fresh tables already knows, kept from batch to batch: the
 * rows it wrote (as written, personal values in plaintext) and which reply
 * belongs to which message. The replay is the fresh schema's only writer, so
 * while nothing was forgotten (`complete`) a row missing here does not exist
 * and a batch need not ask the database for it: no lookup, no opening of sealed
 * values only to seal them again. Erasures change rows in SQL, and the memory
 * is bounded, so either empties it and from then on a batch asks the database
 * for what is missing, as the live projector does.
 */
export class ReplayMemory {
  readonly rows = new Map<CachedTable, Map<string, object | null>>();
  readonly messageOfReply = new Map<string, string>();
  #complete = true;
  readonly #maxRows: number;

  constructor(maxRows = DEFAULT_REPLAY_MEMORY_ROWS) {
    this.#maxRows = maxRows;
  }

  /** True while every row the replay wrote is held here. */
  get complete(): boolean {
    return this.#complete;
  }

  /** Called after each batch: forgets everything when the batch erased rows in SQL or memory is full. */
  afterBatch(erasedInSql: boolean): void {
    let held = this.messageOfReply.size;
    for (const rows of this.rows.values()) held += rows.size;
    if (!erasedInSql && held <= this.#maxRows) return;
    this.rows.clear();
    this.messageOfReply.clear();
    this.#complete = false;
  }
}
