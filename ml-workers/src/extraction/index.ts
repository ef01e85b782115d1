export * from './chat-exports/index.ts';
export { detectLanguage, SEVERAL_LANGUAGES, type TextLanguage } from './detect-language.ts';
export { type DocumentInput, extractDocument } from './extract-document.ts';
export { type DocumentFormat, documentFormats, type ExtractedText, type TextSegment } from './extracted-text.ts';
export { ExtractionFailure, ExtractionFailureCode } from './extraction-failure.ts';
export { defaultZipLimits, readZipSafely, type ZipContents, type ZipEntryInfo, type ZipLimits } from './safe-zip.ts';
export * from './web/index.ts';
