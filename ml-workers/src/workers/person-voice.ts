import { voiceSampleBlobKey } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { type AudioTools, readAudio } from '../audio/index.ts';
import { loadSpeakerEmbedder, type ModelSettings } from '../models/index.ts';
import { withBlobAsFile } from './blob-files.ts';

/**
 * The speaker embedding of one accepted voice sample: the reference
 * speaker-aware ingestion compares recordings against.
 */
export async function voiceSampleEmbedding(
  avatarId: string,
  sampleId: string,
  dependencies: { blobs: BlobStore; models: ModelSettings; audioTools?: AudioTools },
): Promise<Float32Array> {
  const embedder = await loadSpeakerEmbedder(dependencies.models);
  return withBlobAsFile(dependencies.blobs, voiceSampleBlobKey(avatarId, sampleId), async (path) => {
    const samples = await readAudio(path, 61, dependencies.audioTools ? { tools: dependencies.audioTools } : {});
    return embedder.embed(samples);
  });
}
