import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** The limit unless the app is built with another: a page of 100 items costs 100 times one item. */
export const DEFAULT_MAX_COMPLEXITY = 5000;

/** A list field costs its page size times what each item costs: nested pages are priced as what they fetch. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : undefined;
  return first === undefined ? undefined : 1 + first * Math.max(childComplexity, 1);
};

/**
 * Refuses a query whose cost (with its actual variables) exceeds the limit.
 * Runs before execution rather than as a validation rule, because validation
 * results are cached per query text and cannot see variables.
 */
export function assertQueryComplexity(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  maximum: number,
): void {
  const cost = costOf(schema, query, variables);
  if (cost !== undefined && cost > maximum) {
    throw new GraphQLError(
      `This query is too complex (${cost} points, at most ${maximum}); ask for fewer or smaller pages`,
      {
        extensions: { code: 'BAD_REQUEST' },
      },
    );
  }
}

/**
 * Mercurius hands out the same parsed document for the same query text, and a
 * client sends the same few queries with the same few variables all day: the
 * cost is remembered per document and variables (walking the query costs more
 * than the rest of a small request's checks together).
 */
const costs = new WeakMap<DocumentNode, Map<string, number | undefined>>();
const COSTS_PER_DOCUMENT = 100;

function costOf(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
): number | undefined {
  const key = cacheKey(variables);
  if (key === undefined) return undefined;
  let known = costs.get(query);
  if (known?.has(key)) return known.get(key);
  let cost: number | undefined;
  try {
    cost = getComplexity({
      schema,
      query,
      variables: variables ?? {},
      estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    // Variables that do not fit are execution's to report, with the precise message.
    cost = undefined;
  }
  if (!known) {
    known = new Map();
    costs.set(query, known);
  }
  if (known.size >= COSTS_PER_DOCUMENT) known.clear();
  known.set(key, cost);
  return cost;
}

/** Variables as a cache key; undefined when they cannot be one (nested past what JSON.stringify can walk): execution refuses those. */
function cacheKey(variables: Record<string, unknown> | undefined): string | undefined {
  try {
    return JSON.stringify(variables ?? {});
  } catch {
    return undefined;
  }
}
