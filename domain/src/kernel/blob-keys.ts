/**
 * Where each kind of content lives in the BlobStore. Everything of an avatar
 * sits under `avatars/<avatarId>/`, so deleting the avatar can delete its
 * blobs with one prefix (part of crypto-shredding).
 */
export const avatarBlobPrefix = (avatarId: string): string => `avatars/${avatarId}`;

export const materialBlobKey = (avatarId: string, materialId: string): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/original`;

export const extractedTextBlobKey = (avatarId: string, materialId: string): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/text.txt`;

export const extractedSegmentsBlobKey = (avatarId: string, materialId: string): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/segments.json`;

/** A recording's segments re-cut and tagged against one voice sample (one blob per sample: a stale result never overwrites). */
export const speakerSegmentsBlobKey = (avatarId: string, materialId: string, sampleId: string): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/segments.${sampleId}.json`;

export const voiceSampleBlobKey = (avatarId: string, sampleId: string): string =>
  `${avatarBlobPrefix(avatarId)}/voice/${sampleId}`;

export const dubBlobKey = (avatarId: string, chatId: string, replyId: string): string =>
  `${avatarBlobPrefix(avatarId)}/chats/${chatId}/dubs/${replyId}`;

export const personaSnapshotBlobKey = (avatarId: string, contentHash: string): string =>
  `${avatarBlobPrefix(avatarId)}/persona/${contentHash}`;

/** A chat export as parsed (participants, messages): what training mines dialogue pairs from. */
export const extractedChatBlobKey = (avatarId: string, materialId: string): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/chat.json`;
