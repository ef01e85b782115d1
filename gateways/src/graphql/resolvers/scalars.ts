import { DomainError, jsonLimits, validJson } from '@bishop/domain';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string');
  return date;
}

/** Positions are bigints; on the wire they travel as decimal strings (JSON numbers lose precision). */
export const PositionScalar = new GraphQLScalarType({
  name: 'Position',
  serialize: (value) => String(value),
  parseValue: (value) => parsePosition(value),
  parseLiteral: (ast) => parsePosition(ast.kind === Kind.STRING ? ast.value : undefined),
});

export function parsePosition(value: unknown): bigint {
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,19})$/.test(value)) {
    throw new GraphQLError('Position must be a decimal string');
  }
  return BigInt(value);
}

/** Upper bound on one JSON argument; each command's own limit (e.g. training settings) is usually tighter. */
const JSON_ARGUMENT_MAX_LENGTH = 256 * 1024;

/**
 * JSON arguments pass the domain's JSON rule on the way in (keys, text, depth, size), so a
 * bad one is a VALIDATION error with its bishopCode before any resolver runs.
 */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => validJsonArgument(value),
  parseLiteral: (ast) => validJsonArgument(literalValue(ast)),
});

function validJsonArgument(value: unknown): unknown {
  return validJson(value, { field: 'JSON argument', maxLength: JSON_ARGUMENT_MAX_LENGTH });
}

function literalValue(ast: ValueNode, depth = 0): unknown {
  // Past the JSON rule's own depth the value is refused anyway: stop before recursing deeper.
  if (depth > jsonLimits.maxDepth) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      `JSON argument is nested more than ${jsonLimits.maxDepth} levels deep`,
    );
  }
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((item) => literalValue(item, depth + 1));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value, depth + 1)]));
    default:
      throw new GraphQLError('Variables are not allowed inside JSON literals');
  }
}
