import { DomainError } from '@bishop/domain';
import type { FieldAccess } from './access-rules.ts';
import type { OwnershipCheck } from './ownership.ts';
import type { RequestContext } from './request-context.ts';

type Resolver = (root: unknown, args: Record<string, unknown>, context: RequestContext, info: unknown) => unknown;
type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * The one place where access is enforced: every root field (and every field
 * with an @owned argument) runs only after the caller is signed in (unless
 * @public) and owns every id it names. Resolvers below can trust their input.
 */
export function guardResolvers(
  resolvers: ResolverMap,
  rules: Map<string, FieldAccess>,
  owns: OwnershipCheck,
): ResolverMap {
  for (const key of rules.keys()) {
    const [type, field] = key.split('.') as [string, string];
    if (!(field in (resolvers[type] ?? {}))) throw new Error(`No resolver for ${key}`);
  }
  const guarded: ResolverMap = {};
  for (const [type, fields] of Object.entries(resolvers)) {
    guarded[type] = {};
    for (const [field, resolver] of Object.entries(fields)) {
      const rule = rules.get(`${type}.${field}`);
      guarded[type][field] = rule ? guard(resolver, rule, owns) : resolver;
    }
  }
  return guarded;
}

function guard(resolver: unknown, rule: FieldAccess, owns: OwnershipCheck): unknown {
  const check = async (args: Record<string, unknown>, context: RequestContext) => {
    if (rule.public) return;
    if (context.actor?.kind !== 'user') {
      throw new DomainError('BISHOP_ERR_UNAUTHENTICATED', 'Sign in to do this');
    }
    for (const { argument, kind } of rule.owned) {
      const value = args[argument];
      if (value === null || value === undefined) continue;
      for (const id of Array.isArray(value) ? value : [value]) await owns(kind, String(id), context.actor.userId);
    }
  };
  const wrap =
    (fn: Resolver): Resolver =>
    async (root, args, context, info) => {
      await check(args, context);
      return fn(root, args, context, info);
    };
  if (typeof resolver === 'function') return wrap(resolver as Resolver);
  // Subscriptions: guard `subscribe`, keep `resolve`.
  const subscription = resolver as { subscribe: Resolver; resolve?: Resolver };
  return { ...subscription, subscribe: wrap(subscription.subscribe) };
}
