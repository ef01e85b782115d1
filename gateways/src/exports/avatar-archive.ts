import { Readable } from 'node:stream';
import { avatarBlobPrefix } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import {
  type AvatarRow,
  findVoice,
  listChats,
  listMaterials,
  listPersonaVersions,
  listTestReports,
  listTrainingRuns,
  type ReadModels,
} from '@bishop/projections';
import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import { allPages } from './all-pages.ts';
import { chatDocument } from './chat-export.ts';
import { exportJson } from './export-json.ts';
import { timelineLines } from './timeline-lines.ts';

const README = `Bishop avatar export

avatar.json         the avatar, its persona card, voice consent and samples, materials,
                    training runs, persona versions and test reports (as the read models show them)
chats/<id>.json     each chat with every message, reply and dub
timeline.jsonl      every event of the avatar and its chats, oldest first, with its hash-chain link
files/…             every stored file: materials/<id>/original (as uploaded; its name is in
                    avatar.json), text.txt and segments.json (extracted), voice/<id> (samples),
                    persona/<hash> (persona version snapshots), chats/<id>/dubs/<id> (spoken replies)
`;

export interface ArchiveSources {
  readonly db: Kysely<ReadModels>;
  readonly blobs: BlobStore;
}

/**
 * Everything stored about one avatar as a ZIP, streamed as it is built: the
 * read models' view as JSON, the history as JSON Lines, and every blob under
 * the avatar's prefix read one at a time. Names inside the archive are ids,
 * never the user's file names, so no entry can escape the folder it is unpacked to.
 */
export function avatarArchive(deps: ArchiveSources, ownerId: string, avatar: AvatarRow): Readable {
  return streamedZip(async (zip) => {
    zip.addBuffer(Buffer.from(README), 'README.txt');
    await addAvatarEntries(zip, deps, ownerId, avatar, '');
  });
}

/** A ZIP whose entries `fill` adds while the archive already streams out; a failure breaks the download. */
export function streamedZip(fill: (zip: ZipFile) => Promise<void>): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  fill(zip).then(
    () => zip.end(),
    (error) => output.destroy(error),
  );
  return output;
}

/** The avatar's entries (see README) under `folder` ('' or 'avatars/<id>/'). */
export async function addAvatarEntries(
  zip: ZipFile,
  deps: ArchiveSources,
  ownerId: string,
  avatar: AvatarRow,
  folder: string,
): Promise<void> {
  const { db, blobs } = deps;
  const avatarId = avatar.avatar_id;
  const document = {
    exportedAt: new Date(),
    avatar,
    voice: await findVoice(db, ownerId, avatarId),
    materials: await listMaterials(db, ownerId, avatarId, { includeRemoved: true }),
    trainingRuns: await collect(allPages((after) => listTrainingRuns(db, ownerId, avatarId, { first: 100, after }))),
    personaVersions: await listPersonaVersions(db, ownerId, avatarId),
    testReports: await listTestReports(db, ownerId, avatarId),
  };
  zip.addBuffer(Buffer.from(exportJson(document)), `${folder}avatar.json`);
  const chats = allPages((after) => listChats(db, ownerId, avatarId, { first: 100, after, includeDeleted: true }));
  for await (const chat of chats) {
    zip.addBuffer(
      Buffer.from(exportJson(await chatDocument(db, ownerId, chat))),
      `${folder}chats/${chat.chat_id}.json`,
    );
  }
  zip.addBuffer(Buffer.from((await collect(timelineLines(db, ownerId, avatarId))).join('')), `${folder}timeline.jsonl`);
  const prefix = `${avatarBlobPrefix(avatarId)}/`;
  for await (const { key, size } of blobs.list(avatarBlobPrefix(avatarId))) {
    // Opened only when the ZIP writer reaches the entry: one blob is read at a time.
    zip.addReadStreamLazy(`${folder}files/${key.slice(prefix.length)}`, { size }, (done) => {
      blobs.get(key).then(
        (blob) => done(null, Readable.from(blob.body)),
        (error) => done(error, undefined as never),
      );
    });
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
