import pg from 'pg';

/**
 * Both read-store drivers return bigint columns (positions, sizes, counts) as
 * JS bigints, as the EventStore port does: `pg` would return strings and
 * PGlite numbers, and the read models must not depend on the driver.
 */
const INT8_OID = 20;
const toBigInt = (value: string): bigint => BigInt(value);

/** Per-query parsers for PGlite. */
export const pgliteParsers = { [INT8_OID]: toBigInt };

/** Type overrides for a `pg.Pool`, leaving every other type as `pg` parses it. */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? toBigInt
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
