import type { DecodedMedia, MaterialFile } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { type AudioTools, type MediaInfo, probeMedia } from '../audio/index.ts';
import { withBlobAsFile } from './blob-files.ts';

/** The figures a person checks to tell a recording that decoded but held no speech from one that did not decode. */
export function decodedMediaOf(info: MediaInfo, decodedSec?: number): DecodedMedia {
  return {
    durationSec: decodedSec ?? info.durationSec ?? null,
    channels: info.channels ?? null,
    sampleRate: info.sampleRate ?? null,
  };
}

/**
 * What ffprobe reads of a failed recording, shown beside the failure; null for
 * other kinds and when the file does not open as media at all.
 */
export async function probeFailedRecording(
  material: MaterialFile,
  blobs: BlobStore,
  tools?: AudioTools,
): Promise<DecodedMedia | null> {
  if (material.kind !== 'audio' && material.kind !== 'video') return null;
  try {
    return await withBlobAsFile(blobs, material.blobKey, async (path) =>
      decodedMediaOf(await probeMedia(path, tools ? { tools } : {})),
    );
  } catch {
    return null;
  }
}
