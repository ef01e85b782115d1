import { DomainError } from './errors.ts';

export interface NumberRule {
  /** Human name of the field, used in messages ("Voice sample duration"). */
  readonly field: string;
  readonly min: number;
  readonly max?: number;
  /** Appended to the bounds in messages ("seconds"). */
  readonly unit?: string;
  readonly integer?: boolean;
}

/** A finite number within bounds (and whole, when the rule says so). */
export function validNumber(value: number, rule: NumberRule): number {
  const { field, min, max } = rule;
  const unit = rule.unit ? ` ${rule.unit}` : '';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be a number`, { field });
  }
  if (rule.integer && !Number.isSafeInteger(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be a whole number (got ${value})`, { field });
  }
  if (value < min || (max !== undefined && value > max)) {
    const bounds = max === undefined ? `at least ${min}${unit}` : `between ${min} and ${max}${unit}`;
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be ${bounds} (got ${value})`, {
      field,
      min,
      ...(max === undefined ? {} : { max }),
      value,
    });
  }
  return value;
}

export function validCount(value: number, field: string): number {
  return validNumber(value, { field, min: 0, integer: true });
}
