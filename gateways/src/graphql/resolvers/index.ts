import type { GraphQLServices } from '../services.ts';
import { avatarResolvers } from './avatar.resolvers.ts';
import { blindTestResolvers } from './blind-test.resolvers.ts';
import { chatLoaders, chatResolvers } from './chat.resolvers.ts';
import { materialResolvers } from './material.resolvers.ts';
import { replyActionResolvers, replySourceLoaders } from './reply-action.resolvers.ts';
import { rootResolvers } from './root.resolvers.ts';
import { DateTimeScalar, JsonScalar, PositionScalar } from './scalars.ts';
import { subscriptionResolvers } from './subscription.resolvers.ts';
import { trainingLoaders, trainingResolvers } from './training.resolvers.ts';
import { apiTokenLoaders, userResolvers } from './user.resolvers.ts';
import { voiceLoaders, voiceResolvers } from './voice.resolvers.ts';

type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges per-area maps type by type (each area adds fields to Query, Mutation, …). */
function merge(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

export function createResolvers(services: GraphQLServices): ResolverMap {
  return merge(
    // A scalar joins the map as its own fields (serialize, parseValue, parseLiteral), as merging always did.
    { DateTime: { ...DateTimeScalar }, JSON: { ...JsonScalar }, Position: { ...PositionScalar } },
    rootResolvers(services),
    userResolvers(services),
    avatarResolvers(services) as ResolverMap,
    materialResolvers(services),
    voiceResolvers(services),
    trainingResolvers(services),
    chatResolvers(services),
    replyActionResolvers(services),
    blindTestResolvers(services),
    subscriptionResolvers(services),
  );
}

export function createLoaders(services: GraphQLServices): ResolverMap {
  return merge(
    apiTokenLoaders(services),
    trainingLoaders(services),
    chatLoaders(services),
    voiceLoaders(services),
    replySourceLoaders(services),
  );
}
