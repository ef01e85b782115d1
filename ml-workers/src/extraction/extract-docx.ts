import { type DocxDocument, docxReadingOrder } from './docx-reading-order.ts';
import { type ExtractedText, toExtractedText } from './extracted-text.ts';
import { ExtractionFailure } from './extraction-failure.ts';
import { defaultZipLimits, readZipSafely, type ZipLimits } from './safe-zip.ts';

const MAIN_PART = 'word/document.xml';
/** Thrown from mammoth's transformDocument to stop the conversion once the tree is ours. */
const TREE_READ = Symbol('the document tree is read');
// Every part is unpacked (mammoth will hold them all too), so the whole document must fit in memory.
const DOCX_LIMITS: ZipLimits = { ...defaultZipLimits, maxTotalBytes: 256 * 1024 ** 2 };

/** A Word document's text, one segment per paragraph, with its footnotes, endnotes and comments in reading order. */
export async function extractDocx(bytes: Uint8Array, claimedAs: string): Promise<ExtractedText> {
  // mammoth unzips with no limits, so the container is unpacked once under ours
  // first: sizes that lie or explode fail here, not in mammoth.
  const contents = await readZipSafely(bytes, () => true, DOCX_LIMITS).catch((error: unknown) => {
    if (error instanceof ExtractionFailure && error.reasonCode === 'ARCHIVE_DAMAGED') {
      throw new ExtractionFailure('DOCUMENT_DAMAGED', 'The document is damaged or incomplete', { cause: error });
    }
    throw error;
  });
  if (!contents.files.has(MAIN_PART)) {
    throw new ExtractionFailure('DISGUISED_TYPE', `This file is called ${claimedAs} but its content is a ZIP archive`);
  }
  let document: DocxDocument | undefined;
  try {
    // Loaded on first use: it is the heaviest parser, and most workers never see a .docx.
    const { default: mammoth } = await import('mammoth');
    // mammoth's tree holds the notes and comments its raw text leaves out; images are not read. Once the
    // tree is read, the conversion stops: its HTML (as large as the text, and its own tree besides) is not needed.
    await mammoth
      .convertToHtml(
        { buffer: Buffer.from(bytes) },
        {
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
          transformDocument: (tree: DocxDocument) => {
            document = tree;
            throw TREE_READ;
          },
        },
      )
      .catch((error: unknown) => {
        if (error !== TREE_READ) throw error;
      });
  } catch (error) {
    throw new ExtractionFailure('DOCUMENT_DAMAGED', 'The document is damaged or incomplete', { cause: error });
  }
  if (!document) throw new ExtractionFailure('DOCUMENT_DAMAGED', 'The document is damaged or incomplete');
  return toExtractedText('docx', docxReadingOrder(document));
}
