import type { RecordedEvent } from '@bishop/domain/ports';
import { chainHashOf } from './event-hash.ts';
import type { SignedHead } from './signed-heads.ts';

export const chainProblemKinds = ['altered', 'missing', 'unchained', 'witnessMismatch', 'forged', 'unsigned'] as const;
export type ChainProblemKind = (typeof chainProblemKinds)[number];

export interface ChainProblem {
  readonly stream: string;
  readonly revision: bigint;
  readonly kind: ChainProblemKind;
  readonly message: string;
}

/** A link someone else saw (the projector, or a head a user wrote down): the stored event must still match it. */
export interface ChainWitness {
  readonly stream: string;
  readonly revision: bigint;
  readonly hash: string;
}

export interface StreamVerification {
  readonly stream: string;
  readonly events: number;
  readonly head: { readonly revision: bigint; readonly hash: string } | null;
  readonly problems: readonly ChainProblem[];
}

/**
 * Recomputes a stream's chain from its stored events (in revision order, as
 * written: sealed). Each link must equal the hash of the previous link plus the
 * event; a gap in revisions is a removed event; a witness whose revision is
 * gone or whose hash differs shows a truncated or rewritten tail, which the
 * chain alone could not reveal. Verification goes on past a broken link
 * (from the stored hash), so every problem is reported, not only the first.
 */
export function verifyStreamChain(
  stream: string,
  events: readonly RecordedEvent[],
  witnesses: readonly ChainWitness[] = [],
  /** The stream's signed head (null: none stored); omitted, signatures are not checked. */
  signedHead?: SignedHead | null,
): StreamVerification {
  const problems: ChainProblem[] = [];
  const problem = (revision: bigint, kind: ChainProblemKind, message: string) =>
    problems.push({ stream, revision, kind, message });
  let previous: string | null = null;
  let expectedRevision = 0n;
  for (const [index, event] of events.entries()) {
    const stored = event.metadata.chainHash;
    // After a soft delete a stream's first visible event opens a fresh chain: that is no gap.
    const freshStart = index === 0 && stored !== undefined && chainHashOf(null, event) === stored;
    if (event.revision !== expectedRevision && !freshStart) {
      const missing =
        event.revision - expectedRevision === 1n
          ? `revision ${expectedRevision} is`
          : `revisions ${expectedRevision}–${event.revision - 1n} are`;
      problem(expectedRevision, 'missing', `${missing} missing: events were removed`);
    }
    if (stored === undefined) {
      problem(event.revision, 'unchained', `revision ${event.revision} (${event.type}) carries no chain hash`);
    } else if (!freshStart && chainHashOf(previous, event) !== stored) {
      problem(
        event.revision,
        'altered',
        `revision ${event.revision} (${event.type}) does not match the chain: it was altered, replaced or moved`,
      );
    }
    // Go on from the stored link, so one broken event does not hide the state of the rest.
    previous = stored ?? null;
    expectedRevision = event.revision + 1n;
  }
  const byRevision = new Map(events.map((event) => [event.revision, event]));
  for (const witness of witnesses) {
    const event = byRevision.get(witness.revision);
    if (!event) {
      problem(witness.revision, 'missing', `revision ${witness.revision} was seen by the read models but is gone`);
    } else if (event.metadata.chainHash !== witness.hash) {
      problem(
        witness.revision,
        'witnessMismatch',
        `revision ${witness.revision} differs from what the read models saw (history was rewritten)`,
      );
    }
  }
  const last = events.at(-1);
  if (signedHead !== undefined && last) {
    for (const found of checkSignedHead(events, signedHead)) problem(found.revision, found.kind, found.message);
  }
  return {
    stream,
    events: events.length,
    head: last?.metadata.chainHash ? { revision: last.revision, hash: last.metadata.chainHash } : null,
    problems,
  };
}

/**
 * The chain can be recomputed by anyone; the signed head cannot. A head whose
 * signature fails, or whose event no longer carries the signed hash, means the
 * history was rewritten by someone without the master key.
 */
function checkSignedHead(
  events: readonly RecordedEvent[],
  head: SignedHead | null,
): { revision: bigint; kind: ChainProblemKind; message: string }[] {
  const last = events.at(-1) as RecordedEvent;
  if (head === null) {
    return [
      {
        revision: last.revision,
        kind: 'unsigned',
        message: 'the stream has no signed head: its history cannot be proven',
      },
    ];
  }
  if (!head.authentic) {
    return [
      {
        revision: head.revision,
        kind: 'forged',
        message: `the signed head at revision ${head.revision} has a wrong signature: it was forged without the master key`,
      },
    ];
  }
  const signed = events.find((event) => event.revision === head.revision);
  if (!signed) {
    return [
      { revision: head.revision, kind: 'missing', message: `revision ${head.revision}, the signed head, is gone` },
    ];
  }
  if (signed.metadata.chainHash !== head.hash) {
    return [
      {
        revision: head.revision,
        kind: 'forged',
        message: `revision ${head.revision} does not match its signed head: the history was forged`,
      },
    ];
  }
  if (last.revision > head.revision) {
    return [
      {
        revision: head.revision + 1n,
        kind: 'unsigned',
        message: `revisions ${head.revision + 1n}–${last.revision} come after the signed head: they cannot be proven`,
      },
    ];
  }
  return [];
}
