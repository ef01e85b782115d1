import type { BlobStore } from '@bishop/domain/ports';
import { type OpenedPersona, openPersona, type PersonaEmbedder } from '../persona/index.ts';

/**
 * Opened persona versions by snapshot key. A snapshot never changes (it is
 * content-addressed), so an opened one stays right for as long as it is kept;
 * only the few most recently used are kept.
 */
export function personaCache(
  blobs: BlobStore,
  embedder: () => Promise<PersonaEmbedder | null>,
  capacity = 8,
): (snapshotKey: string) => Promise<OpenedPersona> {
  const opened = new Map<string, Promise<OpenedPersona>>();
  return (snapshotKey) => {
    let persona = opened.get(snapshotKey);
    if (persona) opened.delete(snapshotKey);
    else {
      persona = embedder().then((found) => openPersona(blobs, snapshotKey, found ? { embedder: found } : {}));
      // A failed open is not kept: the next reply tries again.
      persona.catch(() => opened.delete(snapshotKey));
    }
    opened.set(snapshotKey, persona);
    if (opened.size > capacity) opened.delete(opened.keys().next().value as string);
    return persona;
  };
}
