import type { PersonaCard } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';

/**
 * What the time-travel view shows of a persona version, read from its
 * snapshot blob (format `bishop.persona/1`, written by ml-workers' training;
 * gateways may not import ml-workers, so only the few fields shown here are
 * read). Snapshots are immutable and content-addressed: a view, once read, is kept.
 */
export interface PersonaView {
  readonly card: PersonaCard;
  readonly style: unknown;
  readonly settings: unknown;
  readonly corpus: readonly {
    readonly materialId: string;
    readonly fileName: string;
    readonly kind: string;
    readonly sha256: string;
    readonly participant: string | null;
    readonly passages: number;
    readonly pairs: number;
  }[];
  readonly embedder: string | null;
  readonly heldOutPairs: number;
}

const views = new Map<string, Promise<PersonaView>>();
const REMEMBERED = 200;

export function readPersonaView(blobs: BlobStore, snapshotKey: string): Promise<PersonaView> {
  let view = views.get(snapshotKey);
  if (!view) {
    view = load(blobs, snapshotKey);
    view.catch(() => views.delete(snapshotKey));
    if (views.size >= REMEMBERED) views.delete(views.keys().next().value as string);
    views.set(snapshotKey, view);
  }
  return view;
}

async function load(blobs: BlobStore, key: string): Promise<PersonaView> {
  const blob = await blobs.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of blob.body) chunks.push(Buffer.from(chunk));
  const snapshot = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (snapshot?.format !== 'bishop.persona/1') {
    throw new Error(`Persona snapshot ${key} has format ${JSON.stringify(snapshot?.format)}, not bishop.persona/1`);
  }
  return {
    card: snapshot.card,
    style: snapshot.style,
    settings: snapshot.settings,
    corpus: snapshot.corpus,
    embedder: snapshot.embedder?.name ?? null,
    heldOutPairs: snapshot.heldOutPairIds.length,
  };
}
