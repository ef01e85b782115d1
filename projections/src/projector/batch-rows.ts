import type { ChangeNotice } from '@bishop/domain';
import { type CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import type { EventFacts } from '../events/projected-event.ts';
import type { PersonaVersionRow } from '../persona-versions/persona-versions.table.ts';
import { type ReadModels, readModelTables } from '../schema/read-models.ts';
import type { TimelineRow } from '../timeline/timeline.table.ts';
import { eraseDeletedData } from './erase-deleted-data.ts';
import type { ReplayMemory } from './replay-memory.ts';
import { type CachedTable, type Notice, rowNotices } from './row-notices.ts';
import { insertStatements, upsertStatements } from './row-writer.ts';

export type RowOf<Table extends CachedTable> = Selectable<ReadModels[Table]>;
type Next<Table extends CachedTable> = (row: RowOf<Table> | undefined) => RowOf<Table> | undefined;

/**
 * The unit of work of one batch: the rows its events touch are loaded up front
 * (one query per table), changed in memory by the pure `…After` functions, and
 * written back at the end in a few multi-row statements. This is what makes a
 * rebuild run at bulk-insert speed instead of one round trip per event.
 */
export class BatchRows {
  readonly #db: Kysely<ReadModels>;
  readonly #memory: ReplayMemory | undefined;
  /** Loaded or changed rows; `null` = looked up and absent. */
  readonly #rows: Map<CachedTable, Map<string, object | null>>;
  readonly #wanted = new Map<CachedTable, Set<string>>();
  readonly #dirty = new Map<CachedTable, Set<string>>();
  /** Dirty rows a replay's complete memory knows the tables lack: plain INSERTs, no conflict check. */
  readonly #created = new Map<CachedTable, Set<string>>();
  readonly #wantedReplies = new Set<string>();
  readonly #messageOfReply: Map<string, string>;
  readonly #timeline: TimelineRow[] = [];
  readonly #personaVersions: PersonaVersionRow[] = [];
  readonly #erasedAvatars = new Set<string>();
  readonly #erasedChats = new Set<string>();
  readonly #deletedAccounts = new Map<string, Date>();
  readonly #notices = new Map<string, ChangeNotice>();

  /**
   * `db` runs inside the batch's transaction, scoped to the read schema. A replay into fresh
   * tables passes its memory: rows from its earlier batches are then taken from there.
   */
  constructor(db: Kysely<ReadModels>, memory?: ReplayMemory) {
    this.#db = db;
    this.#memory = memory;
    this.#rows = memory?.rows ?? new Map();
    this.#messageOfReply = memory?.messageOfReply ?? new Map();
  }

  /** Declares a row the batch will read or write, so `load()` fetches it. */
  want(table: CachedTable, id: string): void {
    if (this.#rows.get(table)?.has(id)) return;
    setOf(this.#wanted, table).add(id);
  }

  /** Dubs name a reply, not a message: the message row is found by its reply id. */
  wantMessageOfReply(replyId: string): void {
    if (!this.#messageOfReply.has(replyId)) this.#wantedReplies.add(replyId);
  }

  /** Fetches every wanted row not yet known, one query per table. */
  async load(): Promise<void> {
    // A replay that remembers every row it wrote knows that the rest do not exist.
    const nothingElseStored = this.#memory?.complete === true;
    for (const [table, ids] of this.#wanted) {
      this.#wanted.delete(table);
      const rows = mapOf(this.#rows, table);
      if (nothingElseStored) {
        for (const id of ids) rows.set(id, null);
        continue;
      }
      const key = readModelTables[table][0];
      // biome-ignore lint/suspicious/noExplicitAny: one loader serves every table; rows are cast back by `get`
      const found: Record<string, unknown>[] = await (this.#db as Kysely<any>)
        .selectFrom(table)
        .selectAll()
        .where(key, '=', anyOf(ids))
        .execute();
      for (const id of ids) rows.set(id, null);
      for (const row of found) rows.set(row[key] as string, row);
    }
    if (nothingElseStored) this.#wantedReplies.clear();
    if (this.#wantedReplies.size > 0) {
      const replies = [...this.#wantedReplies];
      this.#wantedReplies.clear();
      const found = await this.#db.selectFrom('messages').selectAll().where('reply_id', '=', anyOf(replies)).execute();
      const messages = mapOf(this.#rows, 'messages');
      for (const row of found) {
        if (!messages.get(row.message_id)) messages.set(row.message_id, row);
        this.#messageOfReply.set(row.reply_id as string, row.message_id);
      }
    }
  }

  /** A loaded row, or `undefined` when it does not exist (yet). */
  get<Table extends CachedTable>(table: Table, id: string): RowOf<Table> | undefined {
    const rows = this.#rows.get(table);
    if (!rows?.has(id)) throw new Error(`Read model ${table} row ${id} was not loaded before its events were applied`);
    return (rows.get(id) ?? undefined) as RowOf<Table> | undefined;
  }

  /** Like `get`, but for rows the batch may not have asked for (while declaring what it wants). */
  peek<Table extends CachedTable>(table: Table, id: string): RowOf<Table> | undefined {
    return (this.#rows.get(table)?.get(id) ?? undefined) as RowOf<Table> | undefined;
  }

  /**
   * Replaces the row with `next(row)` — unless the row already carries this
   * event (`last_position` at or past it): replaying an event is a no-op.
   * Returns the row as it now is.
   */
  update<Table extends CachedTable>(
    table: Table,
    id: string,
    event: EventFacts,
    next: Next<Table>,
  ): RowOf<Table> | undefined {
    const current = this.get(table, id);
    // Every kept-in-place table has `last_position` (see row-notices.ts for which tables those are).
    if (current !== undefined && (current as { last_position: bigint }).last_position >= event.position) return current;
    const updated = next(current);
    if (updated === undefined) return current;
    mapOf(this.#rows, table).set(id, updated);
    setOf(this.#dirty, table).add(id);
    if (current === undefined && this.#memory?.complete) setOf(this.#created, table).add(id);
    if (table === 'messages') {
      const replyId = (updated as RowOf<'messages'>).reply_id;
      if (replyId !== null) this.#messageOfReply.set(replyId, id);
    }
    this.notify((rowNotices[table] as (row: RowOf<Table>) => Notice)(updated), event.position);
    return updated;
  }

  messageIdOfReply(replyId: string): string | undefined {
    return this.#messageOfReply.get(replyId);
  }

  addTimelineEntry(entry: TimelineRow): void {
    this.#timeline.push(entry);
    const { owner_id: ownerId, avatar_id: avatarId, chat_id: chatId, position } = entry;
    this.notify({ kind: 'timeline', ownerId, avatarId, ...(chatId ? { chatId } : {}), id: String(position) }, position);
  }

  addPersonaVersion(version: PersonaVersionRow): void {
    this.#personaVersions.push(version);
    this.notifyPersonaVersion(version.owner_id, version.avatar_id, version.version, version.last_position);
  }

  notifyPersonaVersion(ownerId: string, avatarId: string, version: number, position: bigint): void {
    this.notify({ kind: 'personaVersion', ownerId, avatarId, id: String(version) }, position);
  }

  /** Erases the avatar's personal data in every table once the batch's rows are written. */
  eraseAvatar(avatarId: string): void {
    this.#erasedAvatars.add(avatarId);
  }

  eraseChat(chatId: string): void {
    this.#erasedChats.add(chatId);
  }

  /** Revokes and erases every API token of a deleted account (its avatars get their own AvatarDeleted). */
  eraseAccount(userId: string, deletedAt: Date): void {
    this.#deletedAccounts.set(userId, deletedAt);
  }

  /** One notice per changed thing, carrying the latest position that changed it. */
  notify(notice: Notice, position: bigint): void {
    const key = `${notice.kind}:${notice.id}`;
    this.#notices.delete(key);
    this.#notices.set(key, { ...notice, position: String(position) });
  }

  get notices(): ChangeNotice[] {
    return [...this.#notices.values()];
  }

  /** Writes what changed: kept rows, then new immutable rows, then erasures (which must see both). */
  async flush(): Promise<void> {
    await (await this.prepareWrites())(this.#db);
  }

  /**
   * flush() in two steps: the rows are sealed and the statements compiled now; the returned
   * function runs them (in the caller's transaction, on `db` scoped to the same schema).
   */
  async prepareWrites(): Promise<(db: Kysely<ReadModels>) => Promise<void>> {
    const statements: CompiledQuery[] = [];
    for (const [table, ids] of this.#dirty) {
      const rows = mapOf(this.#rows, table);
      const created = this.#created.get(table);
      const [fresh, kept] = partition([...ids], (id) => created?.has(id) === true);
      const rowsOf = (some: string[]) => some.map((id) => rows.get(id) as object);
      statements.push(...(await insertStatements(this.#db, table, rowsOf(fresh), 'plain')));
      statements.push(...(await upsertStatements(this.#db, table, rowsOf(kept))));
    }
    // A replay meets each event once: its timeline rows (keyed by the event's position) are all new.
    const timeline = this.#memory ? 'plain' : 'ifAbsent';
    statements.push(...(await insertStatements(this.#db, 'avatar_timeline', this.#timeline, timeline)));
    statements.push(...(await insertStatements(this.#db, 'persona_versions', this.#personaVersions, 'ifAbsent')));
    const erasures = {
      avatarIds: [...this.#erasedAvatars],
      chatIds: [...this.#erasedChats],
      accounts: this.#deletedAccounts,
    };
    this.#memory?.afterBatch(erasures.avatarIds.length + erasures.chatIds.length + erasures.accounts.size > 0);
    return async (db) => {
      for (const statement of statements) await db.executeQuery(statement);
      await eraseDeletedData(db, erasures);
    };
  }
}

/**
 * `= ANY($1)`: the ids travel as one array parameter. A batch wants thousands of rows, and an
 * `IN ($1, …, $n)` list of thousands of parameters cost more to compile, bind and plan than the lookup.
 */
function anyOf(ids: Iterable<string>) {
  return sql<string>`any(${[...ids]})`;
}

function partition<Item>(items: readonly Item[], test: (item: Item) => boolean): [Item[], Item[]] {
  const [yes, no]: [Item[], Item[]] = [[], []];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

function mapOf<Key, Value>(maps: Map<Key, Map<string, Value>>, key: Key): Map<string, Value> {
  const map = maps.get(key) ?? new Map<string, Value>();
  maps.set(key, map);
  return map;
}

function setOf<Key>(sets: Map<Key, Set<string>>, key: Key): Set<string> {
  const set = sets.get(key) ?? new Set<string>();
  sets.set(key, set);
  return set;
}
