import { extractText, getDocumentProxy } from 'unpdf';
import { type ExtractedText, toExtractedText } from './extracted-text.ts';
import { ExtractionFailure } from './extraction-failure.ts';

/** The PDF's text layer, one segment per page. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedText> {
  const pages = await readPages(bytes);
  try {
    return toExtractedText(
      'pdf',
      pages.map((page) => ({ text: page })),
    );
  } catch (error) {
    if (error instanceof ExtractionFailure && error.reasonCode === 'EMPTY') {
      throw new ExtractionFailure('NO_TEXT_LAYER', 'The PDF has no text layer (scanned pages?)');
    }
    throw error;
  }
}

async function readPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js detaches the buffer it is given, so it gets a copy.
  const data = new Uint8Array(bytes);
  try {
    const pdf = await getDocumentProxy(data, { verbosity: 0 });
    try {
      return (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    if ((error as Error)?.name === 'PasswordException') {
      throw new ExtractionFailure('ENCRYPTED', 'The PDF is password-protected', { cause: error });
    }
    throw new ExtractionFailure('PDF_DAMAGED', 'The PDF is damaged or incomplete', { cause: error });
  }
}
