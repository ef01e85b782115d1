import { type CorpusRef, type PersonaCard, type PersonaSnapshotHeader, personaSnapshotFormat } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';

/**
 * What the time-travel view shows of a persona version, read from its
 * snapshot blob (its readable part is the domain's PersonaSnapshotHeader,
 * written by ml-workers' training). Snapshots are immutable and content-addressed: a view, once read, is kept.
 */
export interface PersonaView {
  readonly card: PersonaCard;
  readonly style: PersonaSnapshotHeader['style'];
  readonly settings: PersonaSnapshotHeader['settings'];
  readonly corpus: readonly CorpusRef[];
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
  const snapshot: PersonaSnapshotHeader | null = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (snapshot?.format !== personaSnapshotFormat) {
    throw new Error(
      `Persona snapshot ${key} has format ${JSON.stringify(snapshot?.format)}, not ${personaSnapshotFormat}`,
    );
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
