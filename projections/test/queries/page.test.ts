import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@bishop/domain';
import { oneRowPerId, rowsPerId } from '../../src/queries/by-ids.ts';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../../src/queries/page.ts';

const invalid = (field: string) => (error: unknown) =>
  error instanceof DomainError && error.code === 'BISHOP_ERR_INVALID_VALUE' && error.details.field === field;

describe('page cursors', () => {
  it('round-trip positions, also beyond 2^53', () => {
    for (const position of [0n, 1n, 9_007_199_254_740_993n])
      assert.equal(decodeCursor(encodeCursor(position)), position);
    assert.equal(decodeCursor(undefined), null);
    assert.equal(decodeCursor(null), null);
  });

  it('are opaque: not the bare number', () => {
    assert.notEqual(encodeCursor(42n), '42');
  });

  it('refuse anything they did not produce', () => {
    for (const cursor of [
      '',
      '42',
      Buffer.from('p:-1').toString('base64url'),
      Buffer.from('p:01').toString('base64url'),
    ]) {
      assert.throws(() => decodeCursor(cursor), invalid('after'), cursor);
    }
  });
});

describe('pages', () => {
  it('use the extra row only to say there is more', () => {
    const rows = [{ p: 5n }, { p: 4n }, { p: 3n }];
    const page = toPage(rows, 2, (row) => row.p);
    assert.deepEqual(page.items, [{ p: 5n }, { p: 4n }]);
    assert.equal(page.hasNextPage, true);
    assert.equal(decodeCursor(page.endCursor), 4n);
    assert.deepEqual(
      toPage([], 2, (row: { p: bigint }) => row.p),
      { items: [], endCursor: null, hasNextPage: false },
    );
  });

  it('are 1 to 100 rows', () => {
    assert.equal(pageSize({}), 20);
    assert.equal(pageSize({ first: 100 }), 100);
    for (const first of [0, 101, 2.5, Number.NaN]) assert.throws(() => pageSize({ first }), invalid('first'));
  });
});

describe('batch loader results', () => {
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';
  const rows = [
    { id: b, n: 1 },
    { id: a, n: 2 },
    { id: b, n: 3 },
  ];

  it('follow the order of the ids asked for, repeats and misses included', async () => {
    const asked: string[][] = [];
    const fetch = async (ids: string[]) => {
      asked.push(ids);
      return rows;
    };
    const grouped = await rowsPerId([a, 'not-an-id', b, a], fetch, (row) => row.id);
    assert.deepEqual(
      grouped.map((list) => list.map((row) => row.n)),
      [[2], [], [1, 3], [2]],
    );
    assert.deepEqual(asked, [[a, b]], 'each possible id fetched once; malformed ones never reach SQL');
    const single = await oneRowPerId([b, a], fetch, (row) => row.id);
    assert.deepEqual(
      single.map((row) => row?.n),
      [1, 2],
    );
  });

  it('do not query at all when no id can exist', async () => {
    const found = await oneRowPerId(
      ['', 'nope'],
      async () => {
        throw new Error('queried');
      },
      (row: { id: string }) => row.id,
    );
    assert.deepEqual(found, [null, null]);
  });
});
