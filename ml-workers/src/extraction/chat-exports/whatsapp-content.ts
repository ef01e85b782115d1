import type { ChatMedia, ChatMessageKind } from './chat-export.ts';

export type WhatsAppContent = { kind: ChatMessageKind; text: string; edited: boolean; media?: ChatMedia };

const LRM = /[\u200e\u200f]/g;
// Android without media: "<Media omitted>", "<Без медиафайлов>", "<Média vynechány>"… one short tag of
// two or more words in any locale (a lone "<grin>" stays text).
const MEDIA_LEFT_OUT_ANDROID = /^<[^<>\s]+ [^<>\n]{1,40}>$/u;
// iOS without media: "image omitted", "audio omitted", "изображение отсутствует", "document omitted" after a file name.
const MEDIA_LEFT_OUT_IOS = /(?:^|\s)(?:[\p{L}]+ )?(?:omitted|отсутствует|пропущено)$/iu;
// With media: iOS "<attached: 00000007-AUDIO-….opus>", Android "PTT-20240102-WA0003.opus (file attached)".
const ATTACHED_IOS = /^<attached: (.+)>$/i;
const ATTACHED_ANDROID = /^(\S.*\.\w{2,5}) \((?:file attached|файл добавлен)\)$/i;
const VOICE_FILE = /(?:^|[-_])(?:PTT|AUDIO)-|\.(?:opus|ogg|oga|m4a|aac)$/i;
const DELETED =
  /^(?:this message was deleted|you deleted this message|данное сообщение удалено|вы удалили данное сообщение|это сообщение удалено|вы удалили это сообщение)\.?$/iu;
// iOS shows the encryption notice as a message from the other side (older versions without the mark).
const SYSTEM_NOTICE =
  /^(?:Messages (?:and calls|to this (?:chat|group))[^.]*end-to-end encrypt|Сообщения и звонки[^.]*сквозным шифрованием|Your security code with |Ваш код безопасности )/iu;
const EDITED_SUFFIX = /\s*<(?:This message was edited|Сообщение изменено)>$/iu;

/**
 * What a message line holds once its author is known. iOS marks every text it
 * writes itself (placeholders, notices) with a left-to-right mark, so such a
 * text that is neither media nor a deletion is a notice.
 */
export function classifyContent(raw: string): WhatsAppContent {
  const markedBySystem = /^[\u200e\u200f]/.test(raw);
  const withoutEditMark = raw.replace(EDITED_SUFFIX, '');
  const edited = withoutEditMark !== raw;
  const text = withoutEditMark.replace(LRM, '').trim();
  const attached = ATTACHED_IOS.exec(text)?.[1] ?? ATTACHED_ANDROID.exec(text)?.[1];
  if (attached) {
    return { kind: VOICE_FILE.test(attached) ? 'voice' : 'media', text: '', edited, media: { fileName: attached } };
  }
  if (MEDIA_LEFT_OUT_ANDROID.test(text) || (markedBySystem && MEDIA_LEFT_OUT_IOS.test(text))) {
    return { kind: 'media', text: '', edited, media: { fileName: null } };
  }
  if (DELETED.test(text)) return { kind: 'deleted', text: '', edited };
  if (markedBySystem || SYSTEM_NOTICE.test(text)) return { kind: 'service', text, edited };
  return { kind: 'text', text, edited };
}
