/**
 * One material extracted alone in its own process, as the extract worker does it (extraction, then its blobs
 * written), on a filesystem blob store: prints the process's peak resident memory and the time as JSON.
 * Arguments: the file, its name as uploaded, its material kind ('chatExport' or 'audio').
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materialBlobKey } from '@bishop/domain';
import { createFsBlobStore, defaultExtractHeapMb, heapLimitMb, restartWithHeapCap } from '@bishop/infra';
import { extractMaterial, storeExtraction, withScratchDirectory } from '@bishop/ml-workers';
import { modelSettings } from '@bishop/ml-workers/models';
import { testModelEnvironment, testModelsDir } from './test-env.ts';

// With the heap `bishop run worker extract` gets (a --max-old-space-size given to this process is kept).
restartWithHeapCap(defaultExtractHeapMb, (message) => console.error(message));
const [path, fileName, kind] = process.argv.slice(2);
if (!path || !fileName || (kind !== 'chatExport' && kind !== 'audio' && kind !== 'text')) {
  throw new Error('usage: extraction-memory-process.ts FILE NAME chatExport|audio|text');
}
// Documents are told by their name (as uploads are); the rest by their kind.
const documentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};
const mediaTypes = { audio: 'audio/flac', chatExport: 'application/json' } as const;
const root = await mkdtemp(join(tmpdir(), 'bishop-memory-'));
try {
  const blobs = await createFsBlobStore({ root });
  const ids = { avatarId: 'memory-avatar', materialId: 'memory-material' };
  const blobKey = materialBlobKey(ids.avatarId, ids.materialId);
  await blobs.put(blobKey, createReadStream(path));
  const material = {
    materialId: ids.materialId,
    fileName,
    mediaType: kind === 'text' ? (documentTypes[fileName.split('.').at(-1) ?? ''] ?? 'text/plain') : mediaTypes[kind],
    kind,
    sizeBytes: (await stat(path)).size,
    sha256: '',
    blobKey,
  } as const;
  const startRssMb = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  // As the extract worker does: a chat's messages spilled to a scratch directory until they are stored.
  const { extracted, stored } = await withScratchDirectory(async (spillDir) => {
    const extracted = await extractMaterial(material, {
      blobs,
      avatarId: ids.avatarId,
      models: modelSettings(testModelsDir, testModelEnvironment()),
      spillDir,
    });
    return { extracted, stored: await storeExtraction(blobs, ids, extracted) };
  });
  console.log(
    JSON.stringify({
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      startRssMb,
      heapLimitMb: heapLimitMb(),
      seconds: (performance.now() - started) / 1000,
      charCount: stored.charCount,
      participants: extracted.participants,
      durationSec: extracted.durationSec,
      notes: extracted.notes,
    }),
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
