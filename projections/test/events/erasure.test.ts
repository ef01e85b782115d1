import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erasedColumnsAfter, personal, withFieldsErased } from '../../src/events/erasure.ts';
import type { EventFacts } from '../../src/events/projected-event.ts';

const facts = (erased: string[]): EventFacts => ({
  position: 1n,
  stream: 'avatar',
  streamId: 'a',
  occurredAt: new Date(0),
  actorId: 'user:u',
  revision: 0n,
  chainHash: null,
  erased: new Set(erased),
});

describe('erased personal fields', () => {
  it('read as null where the event says they were erased', () => {
    assert.equal(personal(facts(['name']), 'name', ''), null);
    assert.equal(personal(facts([]), 'name', 'Anna'), 'Anna');
  });

  it('are listed by column, sorted, and unlisted again when a later event brings a value', () => {
    const columns = { fileName: 'file_name', preview: 'preview' };
    const erased = erasedColumnsAfter(['title'], facts(['preview', 'fileName']), columns);
    assert.deepEqual(erased, ['file_name', 'preview', 'title']);
    assert.deepEqual(erasedColumnsAfter(erased, facts([]), { preview: 'preview' }), ['file_name', 'title']);
  });

  it('can be forced, e.g. for text arriving after its chat was deleted', () => {
    assert.deepEqual([...withFieldsErased(facts(['a']), ['text']).erased], ['a', 'text']);
  });
});
