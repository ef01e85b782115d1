import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface DepthLimits {
  /** Deepest selection of data (the schema's cycles would otherwise let a query nest without end). */
  readonly data: number;
  /** Deepest selection under `__schema` / `__type`: a standard introspection query nests about 15 levels. */
  readonly introspection: number;
}

/**
 * A validation rule refusing queries nested deeper than the limits. Introspection
 * has its own, higher limit, so tools that read the schema (code generators,
 * fuzzers) work while data queries stay shallow. Fragments are followed; a
 * fragment cycle (invalid anyway) counts as too deep.
 */
export function depthLimitRule(limits: DepthLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }

    /** Depth of a selection set, and whether it went past the limit that applies where it stands. */
    function depthOf(selectionSet: SelectionSetNode, depth: number, limit: number, visiting: Set<string>): number {
      if (depth > limit) return Number.POSITIVE_INFINITY;
      let deepest = depth;
      for (const selection of selectionSet.selections) {
        let below = depth;
        if (selection.kind === Kind.FIELD) {
          const nested = limit === limits.data && selection.name.value.startsWith('__') ? limits.introspection : limit;
          if (selection.selectionSet) below = depthOf(selection.selectionSet, depth + 1, nested, visiting);
          else below = depth + 1 > nested ? Number.POSITIVE_INFINITY : depth + 1;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          below = depthOf(selection.selectionSet, depth, limit, visiting);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (visiting.has(name)) return Number.POSITIVE_INFINITY;
          if (fragment) below = depthOf(fragment.selectionSet, depth, limit, new Set([...visiting, name]));
        }
        deepest = Math.max(deepest, below);
        if (deepest === Number.POSITIVE_INFINITY) return deepest;
      }
      return deepest;
    }

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, 0, limits.data, new Set());
        if (depth !== Number.POSITIVE_INFINITY) return;
        const name = operation.name?.value ?? 'the query';
        context.reportError(
          new GraphQLError(
            `${name} is nested too deep: the query depth limit is ${limits.data} (${limits.introspection} for introspection)`,
            { nodes: operation },
          ),
        );
      },
    };
  };
}
