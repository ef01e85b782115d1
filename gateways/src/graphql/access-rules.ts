import {
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
} from 'graphql';

export type OwnedKind = 'AVATAR' | 'CHAT' | 'API_TOKEN';

export interface FieldAccess {
  /** Works without signing in. */
  readonly public: boolean;
  /** ID arguments whose owner must be the caller. */
  readonly owned: readonly { readonly argument: string; readonly kind: OwnedKind; readonly list: boolean }[];
}

const rootTypes = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * Reads @public/@owned/@unowned from the schema. Refuses a schema where any
 * ID argument says neither @owned nor @unowned: a new operation cannot skip
 * the ownership check by forgetting it.
 */
export function readAccessRules(schema: GraphQLSchema): Map<string, FieldAccess> {
  const rules = new Map<string, FieldAccess>();
  const unmarked: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = (rootTypes as readonly string[]).includes(type.name);
    for (const field of Object.values(type.getFields())) {
      const owned = [];
      for (const argument of field.args) {
        if (getNamedType(argument.type).name !== 'ID') continue;
        const kind = ownedKindOf(argument);
        if (kind) owned.push({ argument: argument.name, kind, list: isListType(getNullableType(argument.type)) });
        else if (!hasDirective(argument.astNode?.directives, 'unowned'))
          unmarked.push(`${type.name}.${field.name}(${argument.name})`);
      }
      if (isRoot || owned.length > 0) {
        rules.set(`${type.name}.${field.name}`, { public: isPublic(field), owned });
      }
    }
  }
  if (unmarked.length > 0) {
    throw new Error(`Every ID argument needs @owned or @unowned; missing on: ${unmarked.join(', ')}`);
  }
  return rules;
}

function isPublic(field: GraphQLField<unknown, unknown>): boolean {
  return hasDirective(field.astNode?.directives, 'public');
}

function ownedKindOf(argument: GraphQLArgument): OwnedKind | null {
  const directive = argument.astNode?.directives?.find((d) => d.name.value === 'owned');
  const kind = directive?.arguments?.find((a) => a.name.value === 'kind')?.value;
  return kind?.kind === 'EnumValue' ? (kind.value as OwnedKind) : null;
}

function hasDirective(directives: readonly ConstDirectiveNode[] | undefined, name: string): boolean {
  return directives?.some((d) => d.name.value === name) ?? false;
}
