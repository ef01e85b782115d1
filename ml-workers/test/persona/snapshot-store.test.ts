import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { styleProfileOf } from '@bishop/domain';
import {
  buildPersonaSnapshot,
  heldOutPairHashesOf,
  openPersona,
  PersonaSnapshotError,
  writePersonaSnapshot,
} from '../../src/persona/index.ts';
import { memoryBlobs } from './memory-blobs.ts';
import { card, fillerPassages, pairs, snapshotHeader } from './persona-fixtures.ts';

const snapshotParts = {
  ...snapshotHeader,
  settings: {},
  passages: fillerPassages(20),
  pairs: pairs(5),
  heldOutPairIds: ['chat-a:pair1'],
  style: styleProfileOf(['Привет!']),
};
const snapshot = buildPersonaSnapshot(snapshotParts);

describe('persona snapshot in the BlobStore', () => {
  it('is written under the SHA-256 of its bytes, the same snapshot always on the same key', async () => {
    const blobs = memoryBlobs();
    const first = await writePersonaSnapshot(blobs, snapshot);
    const second = await writePersonaSnapshot(blobs, snapshot);
    assert.match(first.key, /^avatars\/avatar-1\/persona\/[0-9a-f]{64}$/);
    assert.equal(first.key, `avatars/avatar-1/persona/${first.sha256}`);
    assert.equal(second.key, first.key);
    assert.equal(blobs.entries.size, 1);
  });

  it('opens for retrieval from its key', async () => {
    const blobs = memoryBlobs();
    const { key } = await writePersonaSnapshot(blobs, snapshot);
    const persona = await openPersona(blobs, key);
    assert.equal(persona.runId, 'run-1');
    assert.equal(persona.snapshotKey, key);
    assert.deepEqual(persona.card, card);
    assert.deepEqual(
      persona.heldOut.map((pair) => pair.id),
      ['chat-a:pair1'],
    );
    const [hit] = await persona.knowledge('огород', 1);
    assert.match(hit?.item.text ?? '', /огород/);
  });

  it('tells the next run which pairs it held out: its carried-forward list, or (older snapshots) its held-out pairs', () => {
    assert.deepEqual([...heldOutPairHashesOf(snapshot)], ['pair1']);
    const carried = buildPersonaSnapshot({ ...snapshotParts, heldOutPairHashes: ['gone', 'pair1'] });
    assert.deepEqual([...heldOutPairHashesOf(carried)].sort(), ['gone', 'pair1']);
  });

  it('refuses a damaged snapshot', async () => {
    const blobs = memoryBlobs();
    const { key } = await writePersonaSnapshot(blobs, snapshot);
    const bytes = blobs.entries.get(key) ?? new Uint8Array();
    blobs.entries.set(key, Buffer.from(new TextDecoder().decode(bytes).replace('огород', 'огурец')));
    await assert.rejects(openPersona(blobs, key), PersonaSnapshotError);
    await assert.rejects(openPersona(blobs, key), /is damaged/);
  });
});
