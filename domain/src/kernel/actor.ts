/** Who asks: a signed-in person, or a part of the platform acting on its own. */
export type Actor =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'system'; readonly service: string };

/** The `actorId` stored in event metadata. */
export function actorIdOf(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : `system:${actor.service}`;
}

export function userActor(userId: string): Actor {
  return { kind: 'user', userId };
}

export function systemActor(service: string): Actor {
  return { kind: 'system', service };
}
