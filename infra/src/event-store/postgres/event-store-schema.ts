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

-- Where a stream stands against an expected revision, without raising. Plain SQL, so the batch
-- append's one query over all its streams inlines it. CASE keeps the bigint cast from seeing 'any'.
CREATE OR REPLACE FUNCTION ${s}.bishop_revision_state(p_stream text, p_expected text)
RETURNS TABLE (last_revision bigint, stream_exists boolean, conflict boolean) LANGUAGE sql STABLE AS $fn$
  SELECT st.last_revision, st.stream_exists,
         CASE p_expected
           WHEN 'any' THEN false
           WHEN 'no_stream' THEN st.stream_exists
           WHEN 'exists' THEN NOT st.stream_exists
           ELSE NOT st.stream_exists OR p_expected::bigint <> st.last_revision
         END
    FROM (SELECT r.last_revision,
                 r.last_revision >= coalesce(
                   (SELECT d.truncate_before FROM ${s}.bishop_stream_deletions d WHERE d.stream_name = p_stream), 0
                 ) AS stream_exists
            FROM (SELECT coalesce(max(e.revision), -1) AS last_revision
                    FROM ${s}.bishop_events e WHERE e.stream_name = p_stream) AS r) AS st
$fn$;

CREATE OR REPLACE FUNCTION ${s}.bishop_check_revision(
  p_stream text, p_expected text, OUT last_revision bigint, OUT stream_exists boolean
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_conflict boolean;
BEGIN
  SELECT r.last_revision, r.stream_exists, r.conflict INTO last_revision, stream_exists, v_conflict
    FROM ${s}.bishop_revision_state(p_stream, p_expected) r;
  IF v_conflict THEN
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
  v_conflict boolean;
  v_xid xid8;
  v_last_position bigint;
BEGIN
  -- One writer per stream; an advisory lock assigns no xid, which step 2 relies on.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
  SELECT r.last_revision, r.stream_exists, r.conflict INTO v_last, v_exists, v_conflict
    FROM ${s}.bishop_revision_state(p_stream, p_expected) r;
  IF v_conflict THEN
    RAISE EXCEPTION 'revision conflict on %', p_stream
      USING ERRCODE = '${REVISION_CONFLICT_SQLSTATE}', DETAIL = CASE WHEN v_exists THEN v_last ELSE -1 END::text;
  END IF;
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

-- Several appends, each to a different stream, in one transaction: one round trip and one commit
-- for all (the store coalesces concurrent appends). Each append is checked on its own; a conflict
-- fails only that one (conflict = true, last_revision = the stream's, -1 when it does not exist).
-- p_item/p_ordinal say, per event, which append it belongs to and its 1-based place in it; data and
-- metadata come as one JSON array each (parsed once, not escaped into and out of a text[] literal).
CREATE OR REPLACE FUNCTION ${s}.bishop_append_batch(
  p_streams text[], p_expected text[], p_counts int[],
  p_item int[], p_ordinal int[], p_event_ids uuid[], p_types text[], p_data jsonb, p_metadata jsonb
) RETURNS TABLE (item int, conflict boolean, last_revision bigint, last_position bigint) LANGUAGE plpgsql AS $fn$
DECLARE
  v_last bigint[];
  v_ok boolean[];
  v_total int;
  v_xid xid8;
  v_first bigint;
  v_cursor bigint;
BEGIN
  -- Every stream's lock, in one global order, so two batches can never wait on each other.
  PERFORM pg_advisory_xact_lock(k.key)
     FROM (SELECT DISTINCT hashtextextended(x, 0) AS key FROM unnest(p_streams) AS x ORDER BY 1) AS k;
  SELECT array_agg(CASE WHEN r.stream_exists OR NOT r.conflict THEN r.last_revision ELSE -1 END ORDER BY x.i),
         array_agg(NOT r.conflict ORDER BY x.i),
         coalesce(sum(p_counts[x.i]) FILTER (WHERE NOT r.conflict), 0)
    INTO v_last, v_ok, v_total
    FROM unnest(p_streams, p_expected) WITH ORDINALITY AS x(stream, expected, i)
    CROSS JOIN LATERAL ${s}.bishop_revision_state(x.stream, x.expected) AS r;
  IF v_total > 0 THEN
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      RAISE EXCEPTION 'bishop_append_batch must be the first write of its transaction';
    END IF;
    -- As in bishop_append: xid and positions taken together under the allocation lock.
    PERFORM pg_advisory_lock(${POSITION_ALLOCATION_LOCK});
    v_xid := pg_current_xact_id();
    SELECT max(nextval('${schema}.bishop_events_position_seq')) INTO v_cursor FROM generate_series(1, v_total);
    PERFORM pg_advisory_unlock(${POSITION_ALLOCATION_LOCK});
    v_first := v_cursor - v_total + 1;
    INSERT INTO ${s}.bishop_events (position, xid, stream_name, revision, event_id, type, data, metadata)
    SELECT v_first + row_number() OVER (ORDER BY e.k) - 1, v_xid, p_streams[e.owner], v_last[e.owner] + p_ordinal[e.k],
           p_event_ids[e.k], p_types[e.k], p_data -> (e.k - 1), p_metadata -> (e.k - 1)
      FROM (SELECT k, p_item[k] AS owner FROM generate_subscripts(p_item, 1) AS k) AS e
     WHERE v_ok[e.owner];
  END IF;
  RETURN QUERY
    SELECT k, NOT v_ok[k],
           CASE WHEN v_ok[k] THEN v_last[k] + p_counts[k] ELSE v_last[k] END,
           CASE WHEN v_ok[k] THEN
             v_first - 1 + sum(CASE WHEN v_ok[k] THEN p_counts[k] ELSE 0 END) OVER (ORDER BY k)
           END
      FROM generate_subscripts(p_streams, 1) AS k;
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
