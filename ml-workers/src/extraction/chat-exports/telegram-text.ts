/** Telegram's `text`: a plain string, or an array of strings and entities ({ type: 'bold', text }). */
export type TelegramText = string | (string | { type?: string; text?: string })[];

/** The words as the reader saw them: entity texts kept (link text, mention, emoji), formatting dropped. */
export function flattenTelegramText(text: TelegramText | undefined): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text
    .map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : ''))
    .join('');
}
