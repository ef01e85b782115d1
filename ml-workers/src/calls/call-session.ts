import { randomUUID } from 'node:crypto';
import type { Actor, CallPeer, CallTurnTimings, CommandMetadata } from '@bishop/domain';
import { dubBlobKey, voiceMessageBlobKey } from '@bishop/domain';
import { sampleRate, transcribeSamples } from '../audio/index.ts';
import { encodeDub, replyLanguage } from '../dubbing/index.ts';
import { exchangesOf } from '../replies/index.ts';
import type { ReplyResult } from '../replies/responder.ts';
import { placeRussianStress } from '../tts/index.ts';
import type { CallContext } from './call-context.ts';
import { createPacedSpeaker, fromPcm16, type PacedSpeaker } from './paced-speaker.ts';
import { sentenceStream } from './sentence-stream.ts';
import { heardTextOf, type SpokenPiece, wavOf } from './turn-audio.ts';
import { createTurnDetector, type DetectedTurn } from './turn-detector.ts';

/** One reply being generated and spoken; a barge-in or the call's end stops it. */
interface ReplyRun {
  readonly messageId: string;
  readonly replyId: string;
  readonly abort: AbortController;
  readonly speaker: PacedSpeaker;
  readonly pieces: SpokenPiece[];
  readonly audio: Float32Array[];
  audioRate: number;
  generated: string;
  cut: { heardSec: number; spokenSec: number; heardText: string } | null;
}

/**
 * One live call: audio in → turn detection → Whisper → the reply streamed
 * token by token and spoken sentence by sentence (paced, so a barge-in knows
 * what was heard) → every turn recorded in the chat (the user's audio and
 * transcript, the reply, what was spoken, where it was cut).
 */
export async function openCallSession(context: CallContext, peer: CallPeer) {
  const { settings, commands } = context;
  const { chatId, avatarId } = peer;
  const callId = randomUUID();
  const startedAt = performance.now();
  const meta = (actor: Actor = { kind: 'system', service: 'call' }): CommandMetadata => ({
    commandId: randomUUID(),
    actor,
    now: new Date().toISOString(),
    correlationId: peer.correlationId,
  });
  await commands.chat(chatId, {
    type: 'StartCall',
    data: { callId, voice: context.voice.kind },
    metadata: meta(peer.actor),
  });
  let ended = false;
  let turns = 0;
  let current: ReplyRun | null = null;
  let lastActivity = performance.now();
  // Turns are recorded in the order they happened, whatever each one's speed.
  let recording: Promise<void> = Promise.resolve();
  const record = (step: () => Promise<void>) => {
    recording = recording
      .then(step)
      .catch((error) => context.logger?.error({ err: error, chatId }, 'call turn not recorded'));
  };

  const detector = createTurnDetector(context.vad, settings.turn, {
    onSpeechStart(atSec) {
      lastActivity = performance.now();
      // Barge-in: the user speaks while the avatar thinks or talks; it stops at once.
      if (current) interrupt(current, true);
      peer.send({ type: 'speech-started', atSec });
    },
    onTurn(turn) {
      peer.send({ type: 'speech-ended', atSec: turn.endSec });
      void answer(turn).catch((error) => {
        context.logger?.error({ err: error, chatId }, 'call turn failed');
        peer.send({ type: 'error', code: 'TURN_FAILED', message: 'This turn could not be answered' });
      });
    },
  });

  function interrupt(run: ReplyRun, tell: boolean): void {
    if (run.cut || run.abort.signal.aborted) return;
    const heardSec = Math.min(run.speaker.heardSec(), run.speaker.sentSec);
    const spokenSec = run.speaker.sentSec;
    run.cut = { heardSec: round(heardSec), spokenSec: round(spokenSec), heardText: heardTextOf(run.pieces, heardSec) };
    run.speaker.stop();
    run.abort.abort();
    if (tell) peer.send({ type: 'barge-in', replyId: run.replyId, ...run.cut });
  }

  async function answer(turn: DetectedTurn): Promise<void> {
    const endOfTurnAt = performance.now();
    const run: ReplyRun = {
      messageId: randomUUID(),
      replyId: randomUUID(),
      abort: new AbortController(),
      speaker: createPacedSpeaker((pcm) => {
        if (!ended) peer.sendAudio(pcm);
      }),
      pieces: [],
      audio: [],
      audioRate: 0,
      generated: '',
      cut: null,
    };
    current = run;
    // 1. What the user said.
    const asrStarted = performance.now();
    const transcript = await transcribeSamples(turn.samples, { asr: context.asr, signal: run.abort.signal }).catch(
      (error) => {
        // The user spoke again before this turn was even transcribed: the new turn carries on.
        if (run.abort.signal.aborted) return null;
        throw error;
      },
    );
    if (transcript === null) return;
    const asrMs = performance.now() - asrStarted;
    const segments = transcript.segments
      .map(({ startSec, endSec, text }) => ({ startSec, endSec, text: text.trim() }))
      .filter((segment) => segment.text !== '');
    const text = segments.map((segment) => segment.text).join(' ');
    peer.send({ type: 'transcript', messageId: run.messageId, text, language: transcript.language ?? null, segments });
    if (text === '' || run.abort.signal.aborted) {
      if (current === run) current = null;
      return;
    }
    turns++;
    record(() => recordUserTurn(run.messageId, turn.samples, { ...transcript, text, segments }));
    // 2. The reply, streamed; each complete sentence is spoken as soon as it is there.
    const earlier = exchangesOf((await context.transcriptOf(chatId)).turns);
    const speaking = speakInOrder(run);
    let firstSentenceAt: number | null = null;
    const sentences = sentenceStream(transcript.language ?? 'en', (sentence) => {
      firstSentenceAt ??= performance.now();
      speaking.add(sentence);
    });
    const asked = performance.now();
    let firstTokenAt: number | null = null;
    let result: ReplyResult | null = null;
    try {
      result = await context.responder.respond(
        {
          message: text,
          avatarName: context.avatar.name,
          card: context.avatar.card,
          persona: context.persona,
          earlier,
        },
        {
          signal: run.abort.signal,
          onToken: (piece) => {
            firstTokenAt ??= performance.now();
            run.generated += piece;
            peer.send({ type: 'reply-token', messageId: run.messageId, replyId: run.replyId, text: piece });
            sentences.push(piece);
          },
        },
      );
      sentences.flush();
    } catch (error) {
      if (!run.abort.signal.aborted) throw error;
    }
    const firstSentenceTtsMs = await speaking.done(run);
    // 3. The figures of this turn, once its first audio went out.
    if (run.speaker.firstByteAt !== null) {
      const timings: CallTurnTimings = {
        vadHangoverMs: round(endOfTurnAt - turn.speechEndedAt),
        asrMs: round(asrMs),
        firstTokenMs: round((firstTokenAt ?? asked) - asked),
        firstSentenceTextMs: round((firstSentenceAt ?? firstTokenAt ?? asked) - (firstTokenAt ?? asked)),
        firstSentenceTtsMs: round(firstSentenceTtsMs ?? 0),
        firstAudioMs: round(run.speaker.firstByteAt - turn.speechEndedAt),
      };
      peer.send({ type: 'turn-timings', messageId: run.messageId, timings });
    }
    if (!run.cut) {
      await new Promise((resolve) => setTimeout(resolve, run.speaker.remainingMs()));
      peer.send({
        type: 'reply-end',
        replyId: run.replyId,
        text: run.generated,
        spokenSec: round(run.speaker.sentSec),
      });
    }
    if (current === run) current = null;
    lastActivity = performance.now();
    record(() => recordReply(run, result));
  }

  /** Synthesizes sentences one after another and sends each as it is ready; resolves with the first one's synthesis time. */
  function speakInOrder(run: ReplyRun) {
    const queue: string[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    let firstTtsMs: number | null = null;
    const loop = (async () => {
      for (let index = 0; ; index++) {
        while (queue.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
        const sentence = queue.shift();
        if (sentence === undefined || run.abort.signal.aborted) return;
        const language = replyLanguage(sentence);
        const choice = await context.tts.forLanguage(language);
        if (!choice.tts) continue;
        const started = performance.now();
        const prepared =
          choice.tts.describe().needsStress && language === 'ru'
            ? await placeRussianStress(sentence, { program: context.espeakProgram })
            : sentence;
        const speech = await choice.tts.synthesize(prepared, {
          language,
          reference: context.voice.kind === 'cloned' ? context.voice.referencePath : null,
          signal: run.abort.signal,
        });
        firstTtsMs ??= performance.now() - started;
        if (run.abort.signal.aborted) return;
        const startSec = run.speaker.sentSec;
        run.audioRate ||= speech.sampleRate;
        if (speech.sampleRate === run.audioRate) run.audio.push(speech.samples);
        run.pieces.push({ text: sentence, startSec, endSec: startSec + speech.samples.length / speech.sampleRate });
        peer.send({
          type: 'audio-start',
          replyId: run.replyId,
          sentence: index,
          text: sentence,
          sampleRate: speech.sampleRate,
        });
        await run.speaker.speak(speech.samples, speech.sampleRate);
      }
    })();
    return {
      add(sentence: string) {
        queue.push(sentence);
        wake?.();
      },
      async done(_run: ReplyRun): Promise<number | null> {
        closed = true;
        wake?.();
        await loop.catch((error) => {
          if (!run.abort.signal.aborted) throw error;
        });
        return firstTtsMs;
      },
    };
  }

  async function recordUserTurn(
    messageId: string,
    samples: Float32Array,
    transcript: {
      text: string;
      language: string | undefined;
      durationSec: number;
      segments: { startSec: number; endSec: number; text: string }[];
    },
  ): Promise<void> {
    const blobKey = voiceMessageBlobKey(avatarId, chatId, messageId);
    const stored = await context.blobs.put(blobKey, wavOf(samples, sampleRate), { contentType: 'audio/wav' });
    await commands.chat(chatId, {
      type: 'SendVoiceMessage',
      data: {
        messageId,
        audio: { blobKey, mediaType: 'audio/wav', sizeBytes: stored.size, sha256: stored.sha256 },
        callId,
      },
      metadata: meta(peer.actor),
    });
    await commands.chat(chatId, {
      type: 'RecordVoiceTranscript',
      data: {
        messageId,
        text: transcript.text,
        language: transcript.language ?? null,
        durationSec: round(transcript.durationSec),
        segments: transcript.segments,
      },
      metadata: meta(),
    });
  }

  async function recordReply(run: ReplyRun, result: ReplyResult | null): Promise<void> {
    const { messageId, replyId, cut } = run;
    if (run.generated.trim() === '') {
      // Interrupted before a word was said: the user took the turn back.
      await commands.chat(chatId, { type: 'CancelReply', data: { messageId }, metadata: meta(peer.actor) });
      peer.send({ type: 'turn-saved', messageId, replyId: null });
      return;
    }
    const text = cut?.heardText ? cut.heardText : run.generated.trim();
    await commands.chat(chatId, {
      type: 'RecordReply',
      data: {
        messageId,
        replyId,
        text,
        personaVersion: context.persona ? context.personaVersion : null,
        model: result?.model ?? context.model,
        latencyMs: 0,
        promptTokens: result?.promptTokens ?? 0,
        completionTokens: result?.completionTokens ?? 0,
        sourceIds: [...(result?.sourceIds ?? [])].slice(0, 100),
        sources: [...(result?.sources ?? [])],
        closeness: result?.closeness ?? null,
      },
      metadata: meta(),
    });
    const spoken = joinSamples(run.audio, cut ? Math.round(cut.heardSec * run.audioRate) : undefined);
    if (spoken.length > 0) {
      const encoded = await encodeDub(
        spoken,
        run.audioRate,
        {
          voice: context.voice.kind,
          model: context.voice.model,
          watermark: context.voice.watermark,
          language: replyLanguage(text),
        },
        context.audioTools ? { tools: context.audioTools } : {},
      );
      const blobKey = dubBlobKey(avatarId, chatId, replyId);
      await context.blobs.put(blobKey, encoded.bytes, { contentType: encoded.contentType });
      await commands.chat(chatId, {
        type: 'RecordDub',
        data: { replyId, blobKey, durationSec: round(encoded.durationSec), voice: context.voice.kind },
        metadata: meta(),
      });
    }
    if (cut) await commands.chat(chatId, { type: 'CutReply', data: { replyId, ...cut }, metadata: meta() });
    peer.send({ type: 'turn-saved', messageId, replyId });
  }

  const idleCheck = setInterval(() => {
    if (!current && performance.now() - lastActivity > settings.idleSec * 1000) {
      void end('IDLE', `Nobody spoke for ${settings.idleSec} s`);
    }
  }, 1000);
  const maxTimer = setTimeout(
    () => void end('MAX_LENGTH', `Calls last at most ${settings.maxSec} s`),
    settings.maxSec * 1000,
  );

  async function end(reasonCode: string, reason: string): Promise<void> {
    if (ended) return;
    ended = true;
    clearInterval(idleCheck);
    clearTimeout(maxTimer);
    if (current) interrupt(current, false);
    await detector.close();
    // What was said so far stays in the chat: wait for it, then close the call in the history.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await recording;
    await commands
      .chat(chatId, {
        type: 'EndCall',
        data: { callId, reasonCode, reason, turns, durationSec: round((performance.now() - startedAt) / 1000) },
        metadata: meta(),
      })
      .catch((error) => context.logger?.error({ err: error, chatId }, 'call end not recorded'));
    await context.release();
    peer.send({ type: 'ended', reasonCode, reason });
    peer.onEnded({ reasonCode, reason });
  }

  peer.send({
    type: 'ready',
    callId,
    avatarName: context.avatar.name,
    voice: context.voice.kind,
    imitates: context.voice.kind === 'cloned' ? context.avatar.name : null,
    engine: context.voice.engine,
    endOfTurnMs: settings.turn.endOfTurnMs,
    idleSec: settings.idleSec,
    maxSec: settings.maxSec,
  });

  return {
    callId,
    pushAudio(pcm: Int16Array): void {
      if (!ended) detector.push(fromPcm16(pcm));
    },
    end,
  };
}

export type CallSession = Awaited<ReturnType<typeof openCallSession>>;

function joinSamples(parts: readonly Float32Array[], limit?: number): Float32Array {
  const total = parts.reduce((n, part) => n + part.length, 0);
  const all = new Float32Array(Math.min(total, limit ?? total));
  let offset = 0;
  for (const part of parts) {
    if (offset >= all.length) break;
    all.set(part.subarray(0, all.length - offset), offset);
    offset += part.length;
  }
  return all;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
