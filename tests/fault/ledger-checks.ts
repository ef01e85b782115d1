import { deterministicUuid } from '@bishop/commands';
import type { SqlClient } from '@bishop/infra';
import type { SentCommand } from './load-generator.ts';

const expectedType: Record<SentCommand['kind'], string> = {
  createAvatar: 'AvatarCreated',
  renameAvatar: 'AvatarRenamed',
  editPersonaCard: 'PersonaCardEdited',
  openChat: 'ChatOpened',
  upload: 'MaterialUploaded',
};

export interface LedgerVerdict {
  readonly sent: number;
  readonly accepted: number;
  /** Accepted commands whose event is not in the store. */
  readonly lost: string[];
  /** Commands whose events are in the store more than once. */
  readonly duplicated: string[];
  readonly jobs: number;
  readonly jobsCompleted: number;
  readonly jobsFailedWithReason: number;
  /** Jobs that did not end, ended twice, or failed without a reason. */
  readonly jobProblems: string[];
}

interface EventRow {
  position: string;
  type: string;
  stream_name: string;
  command_id: string | null;
  material_id: string | null;
  reason: string | null;
}

/** Compares what the clients were told with what the event store holds. */
export async function checkLedger(
  sql: SqlClient,
  schema: string,
  sent: readonly SentCommand[],
): Promise<LedgerVerdict> {
  const rows = await sql.query<EventRow>(
    `SELECT position::text, type, stream_name, metadata->>'commandId' AS command_id,
            data->>'materialId' AS material_id, data->>'reason' AS reason
       FROM "${schema}".bishop_events`,
  );
  const byPosition = new Map(rows.map((row) => [row.position, row]));
  const byCommand = new Map<string, EventRow[]>();
  for (const row of rows)
    if (row.command_id) byCommand.set(row.command_id, [...(byCommand.get(row.command_id) ?? []), row]);
  const byMaterial = new Map<string, EventRow[]>();
  for (const row of rows) {
    if (row.material_id) byMaterial.set(row.material_id, [...(byMaterial.get(row.material_id) ?? []), row]);
  }

  const lost: string[] = [];
  const duplicated: string[] = [];
  const accepted = sent.filter((command) => command.accepted);
  for (const command of accepted) {
    const type = expectedType[command.kind];
    if (command.kind === 'upload') {
      const uploaded = (byMaterial.get(command.materialId as string) ?? []).filter((row) => row.type === type);
      if (uploaded.length === 0) lost.push(`upload ${command.materialId}`);
      if (uploaded.length > 1) duplicated.push(`upload ${command.materialId} ×${uploaded.length}`);
      continue;
    }
    // An idempotent command is found by its id; the others by the position the gateway answered with.
    const commandId = command.clientMutationId
      ? deterministicUuid('client-mutation', command.userId, command.clientMutationId)
      : byPosition.get(command.position as string)?.command_id;
    const events = commandId ? (byCommand.get(commandId) ?? []).filter((row) => row.type === type) : [];
    if (events.length === 0 || (command.position && !events.some((e) => e.position === command.position))) {
      lost.push(`${command.kind} at ${command.position}`);
    }
    if (events.length > 1) duplicated.push(`${command.kind} ${commandId} ×${events.length}`);
  }
  // Beyond what clients saw: no command's event appears twice anywhere (workers' commands included).
  for (const [commandId, events] of byCommand) {
    const seen = new Set<string>();
    for (const event of events) {
      const key = `${event.stream_name}/${event.type}/${event.material_id ?? ''}`;
      if (seen.has(key)) duplicated.push(`command ${commandId}: ${key} twice`);
      seen.add(key);
    }
  }

  const jobProblems: string[] = [];
  let jobsCompleted = 0;
  let jobsFailedWithReason = 0;
  const jobs = accepted.filter((command) => command.kind === 'upload');
  for (const job of jobs) {
    const events = byMaterial.get(job.materialId as string) ?? [];
    const ends = events.filter((e) => e.type === 'MaterialExtracted' || e.type === 'MaterialExtractionFailed');
    if (ends.length !== 1) {
      jobProblems.push(`material ${job.materialId}: ${ends.length} endings (${events.map((e) => e.type)})`);
      continue;
    }
    const [end] = ends as [EventRow];
    if (end.type === 'MaterialExtracted') jobsCompleted++;
    else if (end.reason?.trim()) jobsFailedWithReason++;
    else jobProblems.push(`material ${job.materialId} failed without a reason`);
  }
  return {
    sent: sent.length,
    accepted: accepted.length,
    lost,
    duplicated,
    jobs: jobs.length,
    jobsCompleted,
    jobsFailedWithReason,
    jobProblems,
  };
}

/** True once every accepted upload has ended (extracted or failed). */
export async function jobsSettled(sql: SqlClient, schema: string, sent: readonly SentCommand[]): Promise<boolean> {
  const wanted = sent.filter((c) => c.accepted && c.kind === 'upload').map((c) => c.materialId as string);
  const [row] = await sql.query<{ ended: string }>(
    `SELECT count(DISTINCT data->>'materialId') AS ended FROM "${schema}".bishop_events
      WHERE type IN ('MaterialExtracted', 'MaterialExtractionFailed') AND data->>'materialId' = ANY($1)`,
    [wanted],
  );
  return Number(row?.ended) === wanted.length;
}
