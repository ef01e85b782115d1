import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validLanguageCode } from '../kernel/language.ts';
import { optionalText, validText } from '../kernel/text.ts';
import { avatarLimits } from './avatar.limits.ts';
import { genders, type PersonaCard } from './avatar.values.ts';

export function validAvatarName(name: string): string {
  return validText(name, { field: 'Avatar name', maxLength: avatarLimits.nameMaxLength });
}

export function validPersonaCard(card: PersonaCard): PersonaCard {
  const personaText = (value: string | null, field: string) =>
    optionalText(value, { field, maxLength: avatarLimits.personaTextMaxLength, multiline: true });
  return {
    description: personaText(card.description, 'Description'),
    personality: personaText(card.personality, 'Personality'),
    scenario: personaText(card.scenario, 'Scenario'),
    instructions: personaText(card.instructions, 'Instructions'),
    gender: card.gender === null ? null : validChoice(card.gender, genders, 'Gender'),
    languages: validLanguages(card.languages),
  };
}

function validLanguages(languages: readonly string[]): string[] {
  if (!Array.isArray(languages)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Languages must be a list', { field: 'languages' });
  }
  // Listing "en" and "EN" is one language, not a mistake worth an error.
  const unique = [...new Set(languages.map((code) => validLanguageCode(code, 'Language')))];
  if (unique.length > avatarLimits.languagesMax) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `A persona can list at most ${avatarLimits.languagesMax} languages (got ${unique.length})`,
      { field: 'languages', limit: avatarLimits.languagesMax },
    );
  }
  return unique;
}
