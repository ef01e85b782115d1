import type { BlobStore } from '@bishop/domain/ports';
import { type OpenedPersona, openPersona, type PersonaEmbedder } from '../persona/index.ts';

/**
 * Opened persona versions by snapshot key. A snapshot never changes (it is
 * content-addressed), so an opened one stays right for as long as it is kept;
 * only the few most recently used are kept.
 */
export function personaCache(blobs: BlobStore, embedder: () => Promise<PersonaEmbedder | null>, capacity = 8) {
  const opened = new Map<string, Promise<OpenedPersona>>();
  const personaOf = (snapshotKey: string): Promise<OpenedPersona> => {
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
  /** Drops every opened persona under a blob prefix (a shredded avatar's `avatars/<id>`). */
  const forget = (prefix: string) => {
    for (const key of opened.keys()) if (key.startsWith(`${prefix}/`)) opened.delete(key);
  };
  return Object.assign(personaOf, { forget });
}
