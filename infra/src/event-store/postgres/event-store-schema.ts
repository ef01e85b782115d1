import { sqlIdentifier } from '../../sql/sql-client.ts';

/** SQLSTATE raised by bishop_append / bishop_delete_stream when the expected revision does not hold. */
export const REVISION_CONFLICT_SQLSTATE = 'BS001';

/** Session advisory lock key that makes "take an xid, take positions" one atomic step (see below). */
const POSITION_ALLOCATION_LOCK = 0x6269_7368_6f70; // "bishop"

/**
 * Why positions need care (the sequence-gap problem): positions come from a
 * sequence, so transaction A may take position 10 and commit *after* B took 11
 * and committed. A reader that saw 11 and checkpointed would skip 10 forever.
 *
 * Our fix, in two parts:
 * 1. Writers take their transaction id (xid) and their positions together
 *    under a short session lock, so a smaller xid always means smaller
 *    positions. The lock is released before the insert and the commit, so
 *    commits still run concurrently (and share WAL flushes).
 * 2. Readers only return rows whose xid is below the oldest transaction still
 *    running (`pg_snapshot_xmin`). Every such transaction has ended, and any
 *    later writer has a larger xid, hence larger positions: nothing can ever
 *    appear below a position a reader has passed.
 */
export function eventStoreSchemaSql(schema: string): string {
  const s = sqlIdentifier(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};

CREATE SEQUENCE IF NOT EXISTS ${s}.bishop_events_position_seq AS bigint;

CREATE TABLE IF NOT EXISTS ${s}.bishop_events (
  position     bigint      PRIMARY KEY,
  xid          xid8        NOT NULL,
  stream_name  text        NOT NULL,
  revision     bigint      NOT NULL,
  event_id     uuid        NOT NULL UNIQUE,
  type         text        NOT NULL,
  data         jsonb       NOT NULL,
  metadata     jsonb       NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_name, revision)
);

-- Events a migration had to repair to store them as jsonb, each with its original text (nothing is lost).
CREATE TABLE IF NOT EXISTS ${s}.bishop_event_repairs (
  position          bigint      PRIMARY KEY,
  original_data     text        NOT NULL,
  original_metadata text        NOT NULL,
  reason            text        NOT NULL,
  repaired_at       timestamptz NOT NULL DEFAULT now()
);

-- Soft deletes: a stream reads as empty below truncate_before; revisions continue after it.
CREATE TABLE IF NOT EXISTS ${s}.bishop_stream_deletions (
  stream_name     text   PRIMARY KEY,
  truncate_before bigint NOT NULL
);

CREATE OR REPLACE FUNCTION ${s}.bishop_check_revision(
  p_stream text, p_expected text, OUT last_revision bigint, OUT stream_exists boolean
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_truncate bigint;
BEGIN
  SELECT coalesce(max(revision), -1) INTO last_revision FROM ${s}.bishop_events WHERE stream_name = p_stream;
  SELECT truncate_before INTO v_truncate FROM ${s}.bishop_stream_deletions WHERE stream_name = p_stream;
  stream_exists := last_revision >= coalesce(v_truncate, 0);
  IF (p_expected = 'no_stream' AND stream_exists)
     OR (p_expected = 'exists' AND NOT stream_exists)
     OR (p_expected NOT IN ('any', 'no_stream', 'exists')
         AND (NOT stream_exists OR p_expected::bigint <> last_revision)) THEN
    RAISE EXCEPTION 'revision conflict on %', p_stream
      USING ERRCODE = '${REVISION_CONFLICT_SQLSTATE}',
            DETAIL = CASE WHEN stream_exists THEN last_revision ELSE -1 END::text;
  END IF;
END
$fn$;

CREATE OR REPLACE FUNCTION ${s}.bishop_append(
  p_stream text, p_expected text, p_event_ids uuid[], p_types text[], p_data text[], p_metadata text[]
) RETURNS TABLE (next_revision bigint, last_position bigint) LANGUAGE plpgsql AS $fn$
DECLARE
  v_count int := coalesce(cardinality(p_event_ids), 0);
  v_last bigint;
  v_exists boolean;
  v_xid xid8;
  v_last_position bigint;
BEGIN
  -- One writer per stream; an advisory lock assigns no xid, which step 2 relies on.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
  SELECT c.last_revision, c.stream_exists INTO v_last, v_exists FROM ${s}.bishop_check_revision(p_stream, p_expected) c;
  IF v_count = 0 THEN
    RETURN QUERY SELECT v_last, coalesce(
      (SELECT e.position FROM ${s}.bishop_events e WHERE e.stream_name = p_stream ORDER BY e.revision DESC LIMIT 1), 0);
    RETURN;
  END IF;
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'bishop_append must be the first write of its transaction';
  END IF;
  -- Step 2: xid and positions are taken together, so xid order = position order.
  PERFORM pg_advisory_lock(${POSITION_ALLOCATION_LOCK});
  v_xid := pg_current_xact_id();
  -- Under the lock these values are contiguous; nextval logs WAL only every 32 values, setval on every call.
  SELECT max(nextval('${schema}.bishop_events_position_seq')) INTO v_last_position FROM generate_series(1, v_count);
  PERFORM pg_advisory_unlock(${POSITION_ALLOCATION_LOCK});
  INSERT INTO ${s}.bishop_events (position, xid, stream_name, revision, event_id, type, data, metadata)
  SELECT v_last_position - v_count + i, v_xid, p_stream, v_last + i,
         p_event_ids[i], p_types[i], p_data[i]::jsonb, p_metadata[i]::jsonb
  FROM generate_series(1, v_count) AS i;
  RETURN QUERY SELECT v_last + v_count, v_last_position;
END
$fn$;

CREATE OR REPLACE FUNCTION ${s}.bishop_delete_stream(p_stream text, p_expected text)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  v_last bigint;
  v_exists boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
  SELECT c.last_revision, c.stream_exists INTO v_last, v_exists FROM ${s}.bishop_check_revision(p_stream, p_expected) c;
  IF v_exists THEN
    INSERT INTO ${s}.bishop_stream_deletions (stream_name, truncate_before) VALUES (p_stream, v_last + 1)
    ON CONFLICT (stream_name) DO UPDATE SET truncate_before = excluded.truncate_before;
  END IF;
END
$fn$;
`;
}
