// An RFC 822 header block: "Name: value" lines (with folded continuations) up to a blank line, naming a sender.
const HEADER_BLOCK = /^(?:[!-9;-~]+:[^\n]*\n(?:[ \t][^\n]*\n)*)+/;

/** An mbox ("From " line first) or one letter (.eml: a header block naming From:). */
export function looksLikeMail(text: string): boolean {
  if (/^From \S+/.test(text)) return true;
  const head = text.slice(0, 64 * 1024).replace(/\r\n/g, '\n');
  const block = HEADER_BLOCK.exec(head)?.[0] ?? '';
  return /^from:/im.test(block) && /^(?:date|message-id|subject|to|received|mime-version):/im.test(block);
}
