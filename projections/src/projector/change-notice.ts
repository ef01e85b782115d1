import type { ChangeNotice as WireChangeNotice } from '@bishop/domain';

export { type ChangeKind, changeKinds } from '@bishop/domain';

/**
 * A committed read-model change, as the projector hands it to `onCommitted`:
 * the domain's change notice (what the bus carries to gateways) with its
 * position still a bigint. Subscribers re-read the row through the owner-checked queries.
 * `id` is the changed thing's id; for `voice` the avatar's, for `personaVersion`
 * the version number, for `timeline` the entry's position.
 */
export type ChangeNotice = Omit<WireChangeNotice, 'position'> & {
  /** `$all` position of the event that caused it: the read models include it. */
  readonly position: bigint;
};
