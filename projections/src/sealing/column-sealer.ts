import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { ReadModels, ReadModelTable } from '../schema/read-models.ts';
import { personalColumns, type SealedColumnKind } from './personal-columns.ts';

/**
 * Seals and opens personal read-model values with the data subject's key
 * (infra implements it over the key store). A sealed value is a string that
 * names its subject; `open` returns null once the subject's key is destroyed.
 */
export interface ColumnSealer {
  /** Every sealed value starts with it (and no value that must be searched in SQL does). */
  readonly marker: string;
  isSealed(value: string): boolean;
  /** Seals the JSON text of a value; null when the subject's key was destroyed (the value is erased). */
  seal(subject: string, json: string): Promise<string | null>;
  /** The JSON text again, or null when its key is gone. */
  open(sealed: string): Promise<string | null>;
  /**
   * Looks up these subjects' keys ahead of a transaction that will seal or open
   * their values: on embedded PGlite the key store shares the one connection, so
   * a lookup from inside the transaction would wait for it forever. The keys
   * are held until the returned release is called (when the transaction ends).
   */
  prepare(subjects: Iterable<string>): Promise<() => void>;
}

/**
 * The one place read models meet encryption. As a Kysely plugin it opens every
 * sealed value in every result (the gateway's queries and the projector's own
 * loads alike); the projector's row writer seals rows with it before writing
 * (sealRowsFor). A Kysely without the plugin reads and writes plaintext.
 */
export class SealedColumnsPlugin implements KyselyPlugin {
  readonly sealer: ColumnSealer;
  constructor(sealer: ColumnSealer) {
    this.sealer = sealer;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const { rows } = args.result;
    if (!rows.some((row) => Object.values(row).some((value) => this.#sealedText(value) !== null))) return args.result;
    return { ...args.result, rows: await Promise.all(rows.map((row) => this.#openRow(row))) };
  }

  /** A row as stored, personal values opened (for checksums over raw `to_jsonb` rows too). */
  async openRow(row: UnknownRow): Promise<UnknownRow> {
    return this.#openRow(row);
  }

  async #openRow(row: UnknownRow): Promise<UnknownRow> {
    let opened: UnknownRow | undefined;
    for (const [column, value] of Object.entries(row)) {
      const sealed = this.#sealedText(value);
      if (sealed === null) continue;
      opened ??= { ...row };
      const json = await this.sealer.open(sealed);
      opened[column] = json === null ? null : JSON.parse(json);
    }
    return opened ?? row;
  }

  /** The sealed string of a stored value in any of the three shapes, else null. */
  #sealedText(value: unknown): string | null {
    if (typeof value === 'string') return this.sealer.isSealed(value) ? value : null;
    if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') {
      return this.sealer.isSealed(value[0]) ? value[0] : null;
    }
    return null;
  }

  /** The row with its personal columns sealed in their stored shape (null where the key is gone). */
  async sealRow(table: ReadModelTable, row: Record<string, unknown>): Promise<Record<string, unknown>> {
    const personal = personalColumns[table];
    if (!personal) return row;
    const sealed: Record<string, unknown> = { ...row };
    for (const [column, kind] of Object.entries(personal.columns) as [string, SealedColumnKind][]) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      const text = await this.sealer.seal(personal.subjectOf(row), JSON.stringify(value));
      sealed[column] = text === null ? null : storedShape(kind, text);
    }
    return sealed;
  }
}

function storedShape(kind: SealedColumnKind, sealed: string): unknown {
  // Rows travel as one JSON text (row-writer.ts): a jsonb column takes the sealed string as a JSON string.
  return kind === 'array' ? [sealed] : sealed;
}

/** The sealing plugin a Kysely instance carries (through withSchema and transactions), if any. */
export function sealingOf(db: Kysely<ReadModels>): SealedColumnsPlugin | undefined {
  return db
    .getExecutor()
    .plugins.find((plugin): plugin is SealedColumnsPlugin => plugin instanceof SealedColumnsPlugin);
}

/** Rows as the table stores them: sealed when the database seals, as given otherwise. */
export async function sealRowsFor(
  db: Kysely<ReadModels>,
  table: ReadModelTable,
  rows: readonly object[],
): Promise<readonly object[]> {
  const sealing = sealingOf(db);
  if (!sealing || !personalColumns[table]) return rows;
  return Promise.all(rows.map((row) => sealing.sealRow(table, row as Record<string, unknown>)));
}

/** Runs `work` (a transaction) with the keys of the subjects a batch of events touches readied before it. */
export async function withSealingPrepared<T>(
  db: Kysely<ReadModels>,
  events: readonly { readonly metadata: { readonly dataSubject?: string } }[],
  work: () => Promise<T>,
): Promise<T> {
  const sealing = sealingOf(db);
  if (!sealing) return work();
  const subjects = new Set<string>();
  for (const event of events) if (event.metadata.dataSubject) subjects.add(event.metadata.dataSubject);
  const release = await sealing.sealer.prepare(subjects);
  try {
    return await work();
  } finally {
    release();
  }
}
