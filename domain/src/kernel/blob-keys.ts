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

/** A voice preview: any text spoken in one sample's voice (deleted with the avatar, like every blob here). */
export const voicePreviewBlobKey = (avatarId: string, previewId: string): string =>
  `${avatarBlobPrefix(avatarId)}/voice-previews/${previewId}`;

export const dubBlobKey = (avatarId: string, chatId: string, replyId: string): string =>
  `${avatarBlobPrefix(avatarId)}/chats/${chatId}/dubs/${replyId}`;

export const personaSnapshotBlobKey = (avatarId: string, contentHash: string): string =>
  `${avatarBlobPrefix(avatarId)}/persona/${contentHash}`;

/** A chat export as parsed (participants, messages): what training mines dialogue pairs from. */
export const extractedChatBlobKey = (avatarId: string, materialId: string): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/chat.json`;

/** The documents and recordings attached to a mail material's letters, listed for the user to add (JSON). */
export const mailAttachmentsBlobKey = (avatarId: string, materialId: string): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/attachments.json`;

/** One offered attachment's bytes, under its material: removing the material removes it. */
export const mailAttachmentBlobKey = (avatarId: string, materialId: string, attachmentId: number): string =>
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}/attachments/${attachmentId}`;

/** A voice message (recorded, uploaded, or one turn of a live call): under its avatar, so shredding takes it too. */
export const voiceMessageBlobKey = (avatarId: string, chatId: string, messageId: string): string =>
  `${avatarBlobPrefix(avatarId)}/chats/${chatId}/voice/${messageId}`;

/** Everything stored for one chat (dubs, voice messages): deleting the chat deletes it. */
export const chatBlobPrefix = (avatarId: string, chatId: string): string =>
  `${avatarBlobPrefix(avatarId)}/chats/${chatId}`;

/** Training's per-material results (passages, vectors), reused by later runs. */
export const trainingCacheBlobPrefix = (avatarId: string, materialId: string): string =>
  `${avatarBlobPrefix(avatarId)}/training-cache/${materialId}`;

/** Everything stored for one material alone: its file, text and segments, training's passages and vectors. */
export const materialBlobPrefixes = (avatarId: string, materialId: string): readonly string[] => [
  `${avatarBlobPrefix(avatarId)}/materials/${materialId}`,
  trainingCacheBlobPrefix(avatarId, materialId),
];
