import EmailReplyParser from 'email-reply-parser';

// Where a forwarded or fully quoted letter starts: Gmail, Outlook, Thunderbird, Apple Mail, Yandex/Mail.ru (en, ru).
const FORWARDED_OR_ORIGINAL =
  /^\s*(?:-{2,}\s*(?:Forwarded message|Original Message|Пересылаемое сообщение|Пересланное сообщение|Исходное сообщение)\s*-{2,}|Begin forwarded message:|Начало переадресованного сообщения:)\s*$/imu;
// Reply headers the parser does not know: Gmail in Russian ("пн, 4 мар. 2024 г. в 10:00, Иван <ivan@x.ru>:"),
// Thunderbird in Russian ("04.03.2024 10:00, Иван пишет:"), Outlook's "От: …".
const RUSSIAN_REPLY_HEADER =
  /^.{0,200}(?:\sг\.\sв\s\d{1,2}:\d{2}.{0,200}[<[].+@.+[>\]]\s*:|\s(?:пишет|написал|написала)\s*:|^\s*От\s*:.+@.+)\s*$/imu;
const SIGNATURE_DASHES = /^-- ?$/m;

/**
 * The words the letter's author wrote in it: what precedes the quoted letter,
 * the signature and any forwarded block. email-reply-parser knows the quote
 * headers of most Western clients; forwarded blocks and Russian headers are cut here first.
 */
export function ownWords(body: string): { text: string; forwarded: boolean } {
  const normal = body.replace(/\r\n?/g, '\n');
  const forwardAt = normal.search(FORWARDED_OR_ORIGINAL);
  const headerAt = normal.search(RUSSIAN_REPLY_HEADER);
  const cuts = [forwardAt, headerAt].filter((at) => at >= 0);
  const before = cuts.length > 0 ? normal.slice(0, Math.min(...cuts)) : normal;
  const signatureAt = before.search(SIGNATURE_DASHES);
  const unsigned = signatureAt >= 0 ? before.slice(0, signatureAt) : before;
  const text = new EmailReplyParser().parseReply(unsigned).trim();
  return { text, forwarded: forwardAt >= 0 && text === '' };
}
