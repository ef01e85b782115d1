import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { styleProfileOf } from '@bishop/domain';
import {
  buildPersonaSnapshot,
  decodePersonaSnapshot,
  encodePersonaSnapshot,
  loadPersonaEmbedder,
  type PersonaEmbedder,
  type PersonaPassage,
  PersonaSnapshotError,
  personaFromSnapshot,
  type SnapshotParts,
} from '../../src/persona/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { card, denseParts, fillerPassages, pairs } from './persona-fixtures.ts';

const rare: PersonaPassage = {
  id: 'lecture:rare',
  materialId: 'lecture',
  text: 'Мой учитель Вержбицкий объяснял нам оптику на примере мыльных пузырей.',
  language: 'ru',
  startSec: 12.5,
  endSec: 19,
};

async function snapshotParts(embedder: PersonaEmbedder | null): Promise<SnapshotParts> {
  const passages = [...fillerPassages(300).slice(0, 150), rare, ...fillerPassages(300).slice(150)];
  const dialogue = pairs(40);
  const base = {
    avatarId: 'avatar-1',
    runId: 'run-1',
    builtAt: '2026-01-02T03:04:05.000Z',
    card,
    settings: { holdOutShare: 0.1 },
    corpus: [],
    passages,
    pairs: dialogue,
    heldOutPairIds: dialogue.slice(0, 4).map((pair) => pair.id),
    style: styleProfileOf(dialogue.map((pair) => pair.reply)),
  };
  if (!embedder) return base;
  return { ...base, dense: await denseParts(embedder, passages, dialogue) };
}

describe('persona retrieval (BM25 fused with dense vectors)', () => {
  let embedder: PersonaEmbedder;
  before(async () => {
    embedder = await loadPersonaEmbedder(testModelSettings());
  });

  it('round-trips a snapshot through its bytes, vectors exactly', async () => {
    const snapshot = buildPersonaSnapshot(await snapshotParts(embedder));
    const reopened = decodePersonaSnapshot(encodePersonaSnapshot(snapshot));
    assert.deepEqual(reopened, snapshot);
    assert.equal(reopened.embedder?.dims, 64);
    assert.equal(reopened.format, 'bishop.persona/1');
    const query = 'Кто такой Вержбицкий?';
    const before = await personaFromSnapshot(snapshot, 'k', { embedder }).knowledge(query, 5);
    const after = await personaFromSnapshot(reopened, 'k', { embedder }).knowledge(query, 5);
    assert.deepEqual(after, before);
  });

  it('finds a rare name lexically even though the random embedder ranks by noise, in another inflection', async () => {
    const persona = personaFromSnapshot(buildPersonaSnapshot(await snapshotParts(embedder)), 'k', { embedder });
    assert.equal(persona.retrieval, 'hybrid');
    const found = await persona.knowledge('Что ты думаешь о Вержбицком?', 3);
    assert.ok(
      found.some((hit) => hit.item.id === rare.id),
      `the passage naming Вержбицкий is in the top 3: ${found.map((h) => h.item.id)}`,
    );
    assert.deepEqual(
      found.map((hit) => hit.score),
      [...found.map((hit) => hit.score)].sort((a, b) => b - a),
    );
  });

  it('works without an embedder (lexical only) and ranks the rare name first', async () => {
    const persona = personaFromSnapshot(buildPersonaSnapshot(await snapshotParts(null)), 'k');
    assert.equal(persona.retrieval, 'lexical');
    const [first] = await persona.knowledge('вержбицкого', 5);
    assert.equal(first?.item.id, rare.id);
    assert.equal(first?.item.startSec, 12.5);
  });

  it('falls back to lexical retrieval when the embedder is not the one the version was trained with', async () => {
    const other: PersonaEmbedder = { ...embedder, model: { ...embedder.model, name: 'someone/else' } };
    const persona = personaFromSnapshot(buildPersonaSnapshot(await snapshotParts(embedder)), 'k', { embedder: other });
    assert.equal(persona.retrieval, 'lexical');
    const [first] = await persona.knowledge('Вержбицкий', 1);
    assert.equal(first?.item.id, rare.id);
  });

  it('never offers held-out pairs as exemplars, and lists them apart', async () => {
    const parts = await snapshotParts(embedder);
    const persona = personaFromSnapshot(buildPersonaSnapshot(parts), 'k', { embedder });
    assert.deepEqual(
      persona.heldOut.map((pair) => pair.id),
      parts.heldOutPairIds,
    );
    const exemplars = await persona.exemplars('Как дела с погода? Вопрос 0', 40);
    assert.ok(exemplars.length > 0);
    for (const hit of exemplars) assert.ok(!parts.heldOutPairIds.includes(hit.item.id), `${hit.item.id} is held out`);
    assert.equal(persona.pairCount, 36);
  });

  it('answers an empty query or a zero limit with nothing', async () => {
    const persona = personaFromSnapshot(buildPersonaSnapshot(await snapshotParts(null)), 'k');
    assert.deepEqual(await persona.knowledge('   ', 5), []);
    assert.deepEqual(await persona.knowledge('погода', 0), []);
  });

  it('refuses bytes of another format with a clear error', () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ format: 'bishop.persona/0' }));
    assert.throws(() => decodePersonaSnapshot(bytes), PersonaSnapshotError);
    assert.throws(() => decodePersonaSnapshot(bytes), /Unknown persona snapshot format "bishop.persona\/0"/);
    assert.throws(() => decodePersonaSnapshot(new Uint8Array([0xff, 0xfe])), /not valid UTF-8 JSON/);
  });
});
