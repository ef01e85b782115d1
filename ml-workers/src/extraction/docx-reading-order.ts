import type { RawSegment } from './extracted-text.ts';

/** The parts of mammoth's document tree we read (lib/documents.js). */
export type DocxElement = {
  type: string;
  children?: DocxElement[];
  value?: string;
  noteType?: 'footnote' | 'endnote';
  noteId?: string;
  commentId?: string;
};
type DocxNote = { noteType: 'footnote' | 'endnote'; noteId: string; body: DocxElement[] };
type DocxComment = { commentId: string; body: DocxElement[]; authorName?: string | null };
export type DocxDocument = DocxElement & {
  notes: { resolve(reference: DocxElement): DocxNote | null };
  comments: DocxComment[];
};

/**
 * The document as it is read: each body paragraph (a table row as one line),
 * then the footnotes, endnotes and comments it refers to, each marked as such
 * and numbered in order of appearance as Word shows them. Page headers and
 * footers are left out: they repeat on every page and are not the author's prose.
 */
export function docxReadingOrder(document: DocxDocument): RawSegment[] {
  const numbers = { footnote: 0, endnote: 0 };
  const comments = new Map(document.comments.map((comment) => [comment.commentId, comment]));
  const segments: RawSegment[] = [];

  const notesOf = (references: readonly DocxElement[]): RawSegment[] =>
    references.flatMap((reference) => {
      if (reference.type === 'commentReference') {
        const comment = comments.get(reference.commentId ?? '');
        if (!comment) return [];
        const by = comment.authorName ? ` (${comment.authorName})` : '';
        return [{ text: `Comment${by}: ${textOf(comment.body)}` }];
      }
      const note = document.notes.resolve(reference);
      if (!note) return [];
      const label = note.noteType === 'endnote' ? 'Endnote' : 'Footnote';
      numbers[note.noteType] += 1;
      return [{ text: `${label} ${numbers[note.noteType]}: ${textOf(note.body)}` }];
    });

  for (const block of document.children ?? []) {
    if (block.type === 'table') {
      for (const row of block.children ?? []) {
        const cells = (row.children ?? []).map((cell) =>
          textOf(cell.children ?? [])
            .replace(/\s+/g, ' ')
            .trim(),
        );
        segments.push({ text: cells.filter(Boolean).join(' | ') }, ...notesOf(referencesIn(row)));
      }
    } else {
      segments.push({ text: textOf([block]) }, ...notesOf(referencesIn(block)));
    }
  }
  return segments;
}

/** Note and comment references in the order they appear. */
function referencesIn(element: DocxElement): DocxElement[] {
  if (element.type === 'noteReference' || element.type === 'commentReference') return [element];
  return (element.children ?? []).flatMap(referencesIn);
}

/** Like mammoth's raw text: text and tabs, paragraphs apart; trimmed only as a whole. */
function textOf(elements: readonly DocxElement[]): string {
  return plainText(elements).trim();
}

function plainText(elements: readonly DocxElement[]): string {
  return elements
    .map((element) => {
      if (element.type === 'text') return element.value ?? '';
      if (element.type === 'tab') return '\t';
      if (element.type === 'break') return '\n';
      const inner = plainText(element.children ?? []);
      return element.type === 'paragraph' ? `${inner}\n\n` : inner;
    })
    .join('');
}
