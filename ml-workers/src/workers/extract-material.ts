import {
  type ChatFacts,
  type DecodedMedia,
  type MaterialFile,
  mailAttachmentBlobKey,
  mailAttachmentsBlobKey,
  type TranscriptSegment,
} from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { type AudioTools, probeMedia, segmentRecording, transcribeFile } from '../audio/index.ts';
import {
  type ChatExport,
  chatExportLines,
  extractChatExport,
  extractMailbox,
  type TextLines,
} from '../extraction/chat-exports/index.ts';
import type { AttachmentOffer } from '../extraction/email/attachment-offers.ts';
import {
  extractDocument,
  extractUrl,
  type FetchLimits,
  fetchLimitsFromEnv,
  urlOfMaterial,
} from '../extraction/index.ts';
import { loadAsr, loadVad, type ModelSettings } from '../models/index.ts';
import { readBlob, withBlobAsFile, withBytesAsFile } from './blob-files.ts';
import { decodedMediaOf } from './decoded-media.ts';

/** What extraction made of a material, before it is stored. */
export interface ExtractedMaterial {
  /** Whole, or (chat exports, which run to millions of messages) as lines, each also a segment without times. */
  readonly text: string | TextLines;
  readonly segments: readonly TranscriptSegment[];
  /** Recordings: the recognizer's own segments, which speaker tagging re-cuts (see TranscriptDocument). */
  readonly sourceSegments?: readonly TranscriptSegment[];
  readonly language: string | null;
  readonly durationSec: number | null;
  readonly participants: readonly string[];
  /** The parsed chat export (chat exports only), kept for training's pair mining. */
  readonly chat?: ChatExport;
  /** Chat exports: who wrote how much and when. */
  readonly chatFacts: ChatFacts | null;
  /** Recordings: what was decoded. */
  readonly media: DecodedMedia | null;
  readonly notes: readonly string[];
}

export interface ExtractionTools {
  readonly blobs: BlobStore;
  readonly models: ModelSettings;
  readonly audioTools?: AudioTools;
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
  /** Whose material it is: where a mailbox's attachments are kept for the user to add (none kept without it). */
  readonly avatarId?: string;
  /** Materials by address; default: the operator's BISHOP_FETCH_* settings. */
  readonly fetchLimits?: FetchLimits;
}

/** The media type of a material that is an address to fetch (see the gateway's URL upload). */
const URL_LIST = 'text/uri-list';

/** Turns one uploaded material into text (and timed segments), by its kind. */
export async function extractMaterial(material: MaterialFile, tools: ExtractionTools): Promise<ExtractedMaterial> {
  switch (material.kind) {
    case 'text': {
      const bytes = await readBlob(tools.blobs, material.blobKey);
      if (material.mediaType === URL_LIST) return fetchedMaterial(new TextDecoder().decode(bytes), tools);
      const extracted = await extractDocument({ bytes, fileName: material.fileName, mediaType: material.mediaType });
      return {
        text: extracted.text,
        segments: extracted.segments,
        language: extracted.language,
        durationSec: extracted.durationSec,
        participants: [],
        chatFacts: null,
        media: null,
        notes: [],
      };
    }
    case 'chatExport': {
      const transcribe = (audio: Uint8Array, fileName: string) => transcribeVoiceMessage(audio, fileName, tools);
      const attachments = keptAttachments(material, tools);
      const keep = attachments ? { keepAttachment: attachments.keep } : {};
      // A mailbox or a Takeout runs to gigabytes: an mbox is read as it streams from the blob store,
      // an archive from a temporary file yauzl reads in parts; neither is ever held whole.
      const { chatExport } = /\.mbox$/i.test(material.fileName)
        ? await extractMailbox({ source: (await tools.blobs.get(material.blobKey)).body, transcribe, ...keep })
        : await withBlobAsFile(tools.blobs, material.blobKey, (path) =>
            extractChatExport({ bytes: { path }, fileName: material.fileName, transcribe, ...keep }),
          );
      await attachments?.list();
      const lines = chatExportLines(chatExport);
      return {
        text: { lines: lines.lines },
        segments: [],
        language: lines.language,
        durationSec: null,
        participants: chatExport.participants.map((participant) => participant.name),
        chat: chatExport,
        chatFacts: chatFactsOf(chatExport),
        media: null,
        notes: chatExport.notes,
      };
    }
    case 'audio':
    case 'video':
      return transcribeRecording(material, tools);
  }
}

/** A material given by its address: the worker fetches it now (within the operator's limits) and notes when. */
async function fetchedMaterial(text: string, tools: ExtractionTools): Promise<ExtractedMaterial> {
  const { extracted, notes } = await extractUrl({
    url: urlOfMaterial(text),
    limits: tools.fetchLimits ?? fetchLimitsFromEnv(),
    transcribe: (audio, fileName) => transcribeVoiceMessage(audio, fileName, tools),
  });
  return {
    text: extracted.text,
    segments: extracted.segments,
    language: extracted.language,
    durationSec: null,
    participants: [],
    chatFacts: null,
    media: null,
    notes,
  };
}

async function transcribeRecording(material: MaterialFile, tools: ExtractionTools): Promise<ExtractedMaterial> {
  const [asr, vad] = await Promise.all([loadAsr(tools.models), loadVad(tools.models)]);
  return withBlobAsFile(tools.blobs, material.blobKey, async (path) => {
    const source = await probeMedia(path, {
      ...(tools.audioTools ? { tools: tools.audioTools } : {}),
      ...(tools.signal ? { signal: tools.signal } : {}),
    });
    const transcript = await transcribeFile(path, {
      asr,
      vad,
      ...(tools.audioTools ? { tools: tools.audioTools } : {}),
      ...(tools.signal ? { signal: tools.signal } : {}),
      onProgress: ({ processedSec, totalSec }) => {
        if (totalSec) tools.onProgress?.(Math.min(1, processedSec / totalSec));
      },
    });
    // Cut at pauses, so each segment is one stretch of speech; tagging by speaker (once a voice sample is accepted) cuts further.
    const segments = (
      await segmentRecording(path, transcript.segments, {
        vad,
        ...(tools.audioTools ? { tools: tools.audioTools } : {}),
        ...(tools.signal ? { signal: tools.signal } : {}),
      })
    ).map(({ startSec, endSec, text }) => ({ startSec, endSec, text }));
    return {
      text: segments
        .map((segment) => segment.text.trim())
        .filter(Boolean)
        .join('\n'),
      segments,
      sourceSegments: transcript.segments,
      language: transcript.language ?? null,
      durationSec: transcript.durationSec,
      participants: [],
      chatFacts: null,
      media: decodedMediaOf(source, transcript.durationSec),
      notes: [],
    };
  });
}

/** A mailbox's documents and recordings, each stored as it is read, then listed for the user to choose from. */
function keptAttachments(material: MaterialFile, tools: ExtractionTools) {
  const { avatarId } = tools;
  if (avatarId === undefined) return null;
  const offers: AttachmentOffer[] = [];
  return {
    keep: async (offer: AttachmentOffer, bytes: Uint8Array) => {
      await tools.blobs.put(mailAttachmentBlobKey(avatarId, material.materialId, offer.id), bytes, {
        contentType: 'application/octet-stream',
      });
      offers.push(offer);
    },
    // Written even when empty: a re-extraction must not leave an older list behind.
    list: () =>
      tools.blobs.put(
        mailAttachmentsBlobKey(avatarId, material.materialId),
        new TextEncoder().encode(JSON.stringify({ version: 1, attachments: offers })),
        { contentType: 'application/json' },
      ),
  };
}

function chatFactsOf(chat: ChatExport): ChatFacts {
  return {
    firstMessageAt: chat.firstMessageAt,
    lastMessageAt: chat.lastMessageAt,
    timeZoneKnown: chat.timeZoneKnown,
    participants: chat.participants,
  };
}

async function transcribeVoiceMessage(audio: Uint8Array, _fileName: string, tools: ExtractionTools): Promise<string> {
  const [asr, vad] = await Promise.all([loadAsr(tools.models), loadVad(tools.models)]);
  return withBytesAsFile(audio, async (path) => {
    const transcript = await transcribeFile(path, {
      asr,
      vad,
      ...(tools.audioTools ? { tools: tools.audioTools } : {}),
    });
    return transcript.segments.map((segment) => segment.text.trim()).join(' ');
  });
}
