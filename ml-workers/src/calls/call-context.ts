import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { DomainError, type PersonaCard } from '@bishop/domain';
import type { BlobStore, EventStore } from '@bishop/domain/ports';
import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-node';
import type { AudioTools } from '../audio/index.ts';
import { planDubVoice } from '../dubbing/index.ts';
import { loadAsr, loadVad, ModelMissingError, type ModelSettings } from '../models/index.ts';
import type { OpenedPersona } from '../persona/index.ts';
import type { ChatTranscript } from '../replies/chat-transcript.ts';
import { avatarForReply, type ReplyEngine } from '../replies/index.ts';
import type { Responder } from '../replies/responder.ts';
import type { WorkerCommands, WorkerLogger } from '../runtime/index.ts';
import { jobFilePath } from '../runtime/job-scratch.ts';
import type { TtsEngines } from '../tts/index.ts';
import { readBlob } from '../workers/blob-files.ts';
import type { TurnDetectorSettings } from './turn-detector.ts';

export interface CallSettings {
  readonly turn: TurnDetectorSettings;
  /** A call nobody speaks in for this long ends (IDLE). */
  readonly idleSec: number;
  /** A call ends after this long (MAX_LENGTH). */
  readonly maxSec: number;
}

/** Everything one call needs, gathered when it opens: models, the avatar as it is now, its voice. */
export interface CallContext {
  readonly settings: CallSettings;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  readonly vad: InferenceSession;
  readonly asr: AutomaticSpeechRecognitionPipeline;
  readonly tts: TtsEngines;
  readonly espeakProgram: string;
  readonly audioTools?: AudioTools;
  readonly responder: Responder;
  /** The model that answers, for the record when a reply is cut before it reports its own. */
  readonly model: string;
  readonly avatar: { readonly name: string; readonly card: PersonaCard };
  readonly persona: OpenedPersona | null;
  readonly personaVersion: number | null;
  readonly voice: {
    /** The consent rule of dubs: cloned only with recorded consent, an accepted sample and an engine that clones. */
    readonly kind: 'cloned' | 'generic';
    readonly referencePath: string | null;
    readonly engine: string;
    readonly model: string;
    readonly watermark: string | null;
  };
  readonly transcriptOf: (chatId: string) => Promise<ChatTranscript>;
  readonly logger?: WorkerLogger;
  /** Removes the call's temporary files. */
  release(): Promise<void>;
}

export interface CallContextSources {
  readonly settings: CallSettings;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  readonly eventStore: EventStore;
  readonly models: ModelSettings;
  readonly tts: TtsEngines;
  readonly espeakProgram: string;
  readonly audioTools?: AudioTools;
  readonly engine: () => Promise<ReplyEngine>;
  readonly personaOf: (snapshotKey: string) => Promise<OpenedPersona>;
  readonly transcriptOf: (chatId: string) => Promise<ChatTranscript>;
  readonly logger?: WorkerLogger;
}

const unavailable = (reason: string) => new DomainError('BISHOP_ERR_CALL_UNAVAILABLE', reason);

/** Gathers a call's context; a missing model, voice or reply engine refuses the call with a reason. */
export async function prepareCall(sources: CallContextSources, chatId: string, avatarId: string): Promise<CallContext> {
  const transcript = await sources.transcriptOf(chatId);
  if (transcript.deleted) throw new DomainError('BISHOP_ERR_DELETED', 'This chat was deleted');
  const avatar = await avatarForReply(sources.eventStore, avatarId, transcript.personaVersion);
  if (avatar.status !== 'live') throw new DomainError('BISHOP_ERR_DELETED', 'The avatar of this chat was deleted');
  const [vad, asr] = await Promise.all([loadVad(sources.models), loadAsr(sources.models)]).catch((error) => {
    if (error instanceof ModelMissingError) throw unavailable('Speech recognition is not installed on this server');
    throw error;
  });
  const engine = await sources.engine();
  if (!engine.responder) throw unavailable(engine.reason);
  const choice = (await sources.tts.forLanguage('en')).tts ?? (await sources.tts.forLanguage('ru')).tts;
  if (!choice) throw unavailable('No voice can speak on this server (voice synthesis is not installed)');
  const description = choice.describe();
  const plan = await planDubVoice(sources.eventStore, avatarId);
  const clones = plan.kind === 'clone' && description.clones;
  let referencePath: string | null = null;
  if (clones) {
    referencePath = await jobFilePath(randomUUID());
    await writeFile(referencePath, await readBlob(sources.blobs, plan.sampleBlobKey), { mode: 0o600 });
  }
  const persona = avatar.persona ? await sources.personaOf(avatar.persona.snapshotKey) : null;
  return {
    settings: sources.settings,
    commands: sources.commands,
    blobs: sources.blobs,
    vad,
    asr,
    tts: sources.tts,
    espeakProgram: sources.espeakProgram,
    ...(sources.audioTools ? { audioTools: sources.audioTools } : {}),
    responder: engine.responder,
    model: engine.description,
    avatar: { name: avatar.name, card: avatar.card },
    persona,
    personaVersion: avatar.persona?.version ?? null,
    voice: {
      kind: clones ? 'cloned' : 'generic',
      referencePath,
      engine: `${description.engine} (${description.model})`,
      model: description.model,
      watermark: description.watermark,
    },
    transcriptOf: sources.transcriptOf,
    ...(sources.logger ? { logger: sources.logger } : {}),
    async release() {
      if (referencePath) await rm(referencePath, { force: true });
    },
  };
}
