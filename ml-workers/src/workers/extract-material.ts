import type { MaterialFile, TranscriptSegment } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { type AudioTools, tagSegmentsBySpeaker, transcribeFile } from '../audio/index.ts';
import { chatExportText, extractChatExport } from '../extraction/chat-exports/index.ts';
import { extractDocument } from '../extraction/index.ts';
import { loadAsr, loadSpeakerEmbedder, loadVad, type ModelSettings } from '../models/index.ts';
import { readBlob, withBlobAsFile, withBytesAsFile } from './blob-files.ts';

/** What extraction made of a material, before it is stored. */
export interface ExtractedMaterial {
  readonly text: string;
  readonly segments: readonly TranscriptSegment[];
  readonly language: string | null;
  readonly durationSec: number | null;
  readonly participants: readonly string[];
  /** The parsed chat export (chat exports only), kept for training's pair mining. */
  readonly chat?: unknown;
}

export interface ExtractionTools {
  readonly blobs: BlobStore;
  readonly models: ModelSettings;
  readonly audioTools?: AudioTools;
  /** The person's voice (sample embedding), when the avatar has an accepted sample. */
  readonly personVoice?: () => Promise<Float32Array | null>;
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

/** Turns one uploaded material into text (and timed segments), by its kind. */
export async function extractMaterial(material: MaterialFile, tools: ExtractionTools): Promise<ExtractedMaterial> {
  switch (material.kind) {
    case 'text': {
      const bytes = await readBlob(tools.blobs, material.blobKey);
      const extracted = await extractDocument({ bytes, fileName: material.fileName, mediaType: material.mediaType });
      return {
        text: extracted.text,
        segments: extracted.segments,
        language: extracted.language,
        durationSec: extracted.durationSec,
        participants: [],
      };
    }
    case 'chatExport': {
      const bytes = await readBlob(tools.blobs, material.blobKey);
      const { chatExport } = await extractChatExport({
        bytes,
        fileName: material.fileName,
        transcribe: (audio, fileName) => transcribeVoiceMessage(audio, fileName, tools),
      });
      const extracted = chatExportText(chatExport);
      return {
        text: extracted.text,
        segments: extracted.segments,
        language: extracted.language,
        durationSec: null,
        participants: chatExport.participants.map((participant) => participant.name),
        chat: chatExport,
      };
    }
    case 'audio':
    case 'video':
      return transcribeRecording(material, tools);
  }
}

async function transcribeRecording(material: MaterialFile, tools: ExtractionTools): Promise<ExtractedMaterial> {
  const [asr, vad] = await Promise.all([loadAsr(tools.models), loadVad(tools.models)]);
  return withBlobAsFile(tools.blobs, material.blobKey, async (path) => {
    const transcript = await transcribeFile(path, {
      asr,
      vad,
      ...(tools.audioTools ? { tools: tools.audioTools } : {}),
      ...(tools.signal ? { signal: tools.signal } : {}),
      onProgress: ({ processedSec, totalSec }) => {
        if (totalSec) tools.onProgress?.(Math.min(1, processedSec / totalSec));
      },
    });
    let segments: readonly TranscriptSegment[] = transcript.segments;
    // Interviews and podcasts: keep track of which segments are the person, by voice.
    const reference = await tools.personVoice?.();
    if (reference && transcript.segments.length > 0) {
      const embedder = await loadSpeakerEmbedder(tools.models);
      const tagged = await tagSegmentsBySpeaker(transcript.segments, path, reference, embedder, {
        ...(tools.audioTools ? { tools: tools.audioTools } : {}),
      });
      segments = tagged.map((s) => ({
        startSec: s.startSec,
        endSec: s.endSec,
        text: s.text,
        speakerSimilarity: s.similarity,
        isPerson: s.isPerson,
      }));
    }
    return {
      text: segments
        .map((segment) => segment.text.trim())
        .filter(Boolean)
        .join('\n'),
      segments,
      language: transcript.language ?? null,
      durationSec: transcript.durationSec,
      participants: [],
    };
  });
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
