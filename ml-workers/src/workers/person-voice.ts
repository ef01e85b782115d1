import { avatarStream, voiceSampleBlobKey } from '@bishop/domain';
import type { BlobStore, EventStore } from '@bishop/domain/ports';
import { type AudioTools, readAudio } from '../audio/index.ts';
import { loadSpeakerEmbedder, type ModelSettings } from '../models/index.ts';
import { withBlobAsFile } from './blob-files.ts';

/**
 * The speaker embedding of the avatar's accepted voice sample (the last one
 * set), or null when it has none: the reference speaker-aware ingestion
 * compares recordings against.
 */
export async function personVoiceOf(
  avatarId: string,
  dependencies: { eventStore: EventStore; blobs: BlobStore; models: ModelSettings; audioTools?: AudioTools },
): Promise<Float32Array | null> {
  const events = await dependencies.eventStore.readStream(avatarStream(avatarId));
  const accepted = events.filter((event) => event.type === 'VoiceSampleSet').at(-1);
  const sampleId = accepted?.data.sampleId;
  if (typeof sampleId !== 'string') return null;
  const embedder = await loadSpeakerEmbedder(dependencies.models);
  return withBlobAsFile(dependencies.blobs, voiceSampleBlobKey(avatarId, sampleId), async (path) => {
    const samples = await readAudio(path, 61, dependencies.audioTools ? { tools: dependencies.audioTools } : {});
    return embedder.embed(samples);
  });
}
