import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ExtractionFailure, quoted } from './extraction-failure.ts';

export type ZipLimits = {
  maxEntries: number;
  /** Sum of the declared sizes of all entries, read or not. */
  maxTotalBytes: number;
  /** Any single entry we unpack into memory. */
  maxEntryBytes: number;
  /** Unpacked ÷ packed size; checked on entries above `ratioCheckFromBytes` (tiny files compress wildly). */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
};

// Real exports compress 1.5–20× (JSON, text, already-compressed media); zip bombs
// reach 1000× with deflate alone.
export const defaultZipLimits: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 8 * 1024 ** 3,
  maxEntryBytes: 256 * 1024 ** 2,
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 1024 ** 2,
};

export type ZipEntryInfo = { path: string; sizeBytes: number };
/** A ZIP in memory, or in a file (a Takeout runs to gigabytes: yauzl reads a file's parts as needed, never whole). */
export type ZipSource = Uint8Array | { readonly path: string };
export type ZipContents = { entries: ZipEntryInfo[]; files: Map<string, Buffer> };

const SYMLINK_MODE = 0o120000;
const FILE_TYPE_MASK = 0o170000;

/**
 * Opens a ZIP without trusting it: every entry is checked (names, links,
 * encryption, counts, declared sizes, compression ratio) before anything is
 * unpacked, then only the entries `shouldRead` picks are unpacked, each held to
 * its declared size.
 */
export async function readZipSafely(
  source: ZipSource,
  shouldRead: (entry: ZipEntryInfo) => boolean,
  limits: ZipLimits = defaultZipLimits,
): Promise<ZipContents> {
  const zip = await openZip(source);
  try {
    const checked = await checkedEntries(zip, limits);
    const files = new Map<string, Buffer>();
    for (const { entry, info } of checked) {
      if (info.path.endsWith('/') || !shouldRead(info)) continue;
      files.set(info.path, await unpack(zip, entry, info, limits));
    }
    return { entries: checked.map((c) => c.info), files };
  } finally {
    zip.close();
  }
}

/**
 * One entry's bytes as they unpack, after the same checks as `readZipSafely`:
 * for an entry too large to hold (a Takeout's mbox), read piece by piece.
 */
export async function* streamZipEntry(
  source: ZipSource,
  path: string,
  limits: ZipLimits = defaultZipLimits,
): AsyncGenerator<Buffer> {
  const zip = await openZip(source);
  try {
    const found = (await checkedEntries(zip, limits)).find((checked) => checked.info.path === path);
    if (!found) throw new ExtractionFailure('ARCHIVE_DAMAGED', `The archive has no file ${quoted(path)}`);
    yield* unpackedChunks(zip, found.entry, found.info);
  } finally {
    zip.close();
  }
}

async function openZip(source: ZipSource): Promise<ZipFile> {
  const options = { decodeStrings: false, validateEntrySizes: false, autoClose: false } as const;
  try {
    if (!(source instanceof Uint8Array)) return await yauzl.openPromise(source.path, options);
    const buffer = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return await yauzl.fromBufferPromise(buffer, options);
  } catch (error) {
    throw new ExtractionFailure('ARCHIVE_DAMAGED', 'The archive is damaged or incomplete', { cause: error });
  }
}

async function checkedEntries(zip: ZipFile, limits: ZipLimits): Promise<{ entry: Entry; info: ZipEntryInfo }[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ExtractionFailure(
      'ZIP_BOMB',
      `The archive holds ${zip.entryCount} files; at most ${limits.maxEntries} are accepted`,
    );
  }
  const checked: { entry: Entry; info: ZipEntryInfo }[] = [];
  let totalBytes = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const path = safePath(entry);
      if (entry.isEncrypted()) throw new ExtractionFailure('ENCRYPTED', 'The archive is password-protected');
      totalBytes += entry.uncompressedSize;
      if (totalBytes > limits.maxTotalBytes) {
        throw new ExtractionFailure(
          'ZIP_BOMB',
          `The archive unpacks to more than ${formatBytes(limits.maxTotalBytes)}`,
        );
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio) {
        throw new ExtractionFailure(
          'ZIP_BOMB',
          `The archive looks like a zip bomb: ${quoted(path)} unpacks ${Math.round(ratio)} times larger than it is packed`,
        );
      }
      checked.push({ entry, info: { path, sizeBytes: entry.uncompressedSize } });
    }
  } catch (error) {
    if (error instanceof ExtractionFailure) throw error;
    throw new ExtractionFailure('ARCHIVE_DAMAGED', 'The archive is damaged or incomplete', { cause: error });
  }
  return checked;
}

/** The entry's path, refused when unpacking it could escape the target folder. */
function safePath(entry: Entry): string {
  const path = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  const unsafe =
    path === '' ||
    path.includes('\u0000') ||
    path.startsWith('/') ||
    /^[a-z]:/i.test(path) ||
    path.split('/').includes('..');
  if (unsafe) throw new ExtractionFailure('UNSAFE_ARCHIVE', `The archive contains an unsafe path: ${quoted(path)}`);
  if (((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_MODE) {
    throw new ExtractionFailure('UNSAFE_ARCHIVE', `The archive contains a symbolic link: ${quoted(path)}`);
  }
  return path;
}

async function unpack(zip: ZipFile, entry: Entry, info: ZipEntryInfo, limits: ZipLimits): Promise<Buffer> {
  if (info.sizeBytes > limits.maxEntryBytes) {
    throw new ExtractionFailure(
      'ZIP_BOMB',
      `${quoted(info.path)} unpacks to more than ${formatBytes(limits.maxEntryBytes)}`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of unpackedChunks(zip, entry, info)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The entry's bytes as they unpack, held to its declared size. */
async function* unpackedChunks(zip: ZipFile, entry: Entry, info: ZipEntryInfo): AsyncGenerator<Buffer> {
  let received = 0;
  try {
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      received += (chunk as Buffer).length;
      // A header that under-declares the size is how a bomb slips past the checks above.
      if (received > info.sizeBytes) {
        throw new ExtractionFailure('ZIP_BOMB', `${quoted(info.path)} unpacks to more than its header declares`);
      }
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof ExtractionFailure) throw error;
    throw new ExtractionFailure('ARCHIVE_DAMAGED', `The archive is damaged: ${quoted(info.path)} cannot be unpacked`, {
      cause: error,
    });
  }
  if (received < info.sizeBytes) {
    throw new ExtractionFailure('ARCHIVE_DAMAGED', `The archive is damaged: ${quoted(info.path)} is incomplete`);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}
