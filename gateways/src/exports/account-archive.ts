import type { Readable } from 'node:stream';
import { findUserById, listApiTokens, listAvatars } from '@bishop/projections';
import { allPages } from './all-pages.ts';
import { type ArchiveSources, addAvatarEntries, streamedZip } from './avatar-archive.ts';
import { exportJson } from './export-json.ts';

const README = `Bishop account export

account.json              the account (name, email, when it was made) and its API tokens (names and
                          dates; secrets are never stored, so never exported)
avatars/<id>/…            each avatar as its own export has it:
  avatar.json             the avatar, persona card, voice, materials, training runs, persona
                          versions and test reports
  chats/<id>.json         each chat with every message, reply and dub
  timeline.jsonl          every event of the avatar and its chats, oldest first
  files/…                 every stored file (materials, voice samples, persona snapshots, dubs)
`;

/**
 * Everything the account owns, as one ZIP streamed as it is built: the account
 * itself, then each avatar (deleted ones too: their tombstones and what is left
 * of them) exactly as the avatar export lays it out, under avatars/<id>/.
 */
export function accountArchive(deps: ArchiveSources, userId: string): Readable {
  return streamedZip(async (zip) => {
    const { db } = deps;
    zip.addBuffer(Buffer.from(README), 'README.txt');
    const user = await findUserById(db, userId, userId);
    const tokens = (await listApiTokens(db, userId)).map(({ token_hash: _hash, ...token }) => token);
    zip.addBuffer(Buffer.from(exportJson({ exportedAt: new Date(), user, apiTokens: tokens })), 'account.json');
    const avatars = allPages((after) => listAvatars(db, userId, { first: 100, after, includeDeleted: true }));
    for await (const avatar of avatars) {
      await addAvatarEntries(zip, deps, userId, avatar, `avatars/${avatar.avatar_id}/`);
    }
  });
}
