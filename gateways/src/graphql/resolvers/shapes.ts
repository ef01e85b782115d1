import { asAvatarTestReport, isLowCloseness, textFidelityMetrics } from '@bishop/domain';
import type {
  AvatarRow,
  ChatRow,
  MaterialRow,
  MessageRow,
  StoredReply,
  TestReportRow,
  TimelineRow,
  TrainingRunRow,
} from '@bishop/projections';

/** `a_b` values of the read models → the schema's `A_B` enum values. */
export const enumValue = (value: string): string => value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

export function erasureOf(row: { erased_fields: string[] }) {
  return { erased: row.erased_fields.length > 0, fields: row.erased_fields };
}

export function failureOf(code: string | null, reason: string | null) {
  return code || reason ? { code: code ?? 'UNKNOWN', reason: reason ?? '' } : null;
}

export function avatarShape(row: AvatarRow) {
  return {
    id: row.avatar_id,
    name: row.name,
    status: enumValue(row.status),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    personaCard: {
      description: row.description,
      personality: row.personality,
      scenario: row.scenario,
      instructions: row.instructions,
      gender: row.gender ? enumValue(row.gender) : null,
      languages: row.languages,
    },
    activePersonaVersion: row.active_persona_version,
    trainingRunId: row.training_run_id,
    erasure: erasureOf(row),
  };
}
export type AvatarShape = ReturnType<typeof avatarShape>;

export function materialShape(row: MaterialRow) {
  return {
    id: row.material_id,
    avatarId: row.avatar_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    kind: enumValue(row.kind),
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    state: enumValue(row.state),
    failure: failureOf(row.failure_reason_code, row.failure_reason),
    decoded: row.decoded_media,
    uploadedAt: row.uploaded_at,
    updatedAt: row.updated_at,
    charCount: row.char_count,
    durationSec: row.duration_sec,
    language: row.language,
    preview: row.preview,
    participants: row.participants ?? [],
    chosenParticipant: row.chosen_participant,
    chosenParticipants: row.chosen_participants ?? (row.chosen_participant ? [row.chosen_participant] : []),
    chat: row.chat_facts,
    notes: row.notes ?? [],
    removed: row.removed,
    textBlobKey: row.text_blob_key,
    segmentsBlobKey: row.segments_blob_key,
    speakers: speakerTagsOf(row),
    erasure: erasureOf(row),
  };
}
export type MaterialShape = ReturnType<typeof materialShape>;

function speakerTagsOf(row: MaterialRow) {
  if (row.speaker_sample_id === null) return null;
  return {
    sampleId: row.speaker_sample_id,
    threshold: row.speaker_threshold,
    personSpeechSec: row.person_speech_sec,
    otherSpeechSec: row.other_speech_sec,
    failure: failureOf(row.speaker_failure_code, row.speaker_failure_reason),
  };
}

export function trainingRunShape(row: TrainingRunRow, now = Date.now()) {
  return {
    id: row.run_id,
    avatarId: row.avatar_id,
    status: enumValue(row.status),
    stage: row.stage,
    percent: row.percent,
    etaSeconds: row.status === 'running' ? estimateSecondsLeft(row.started_at, row.percent, now) : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    settings: row.settings,
    materialIds: row.material_ids,
    personaVersion: row.persona_version,
    stats: row.stats,
    failure: failureOf(row.failure_reason_code, row.failure_reason),
  };
}
export type TrainingRunShape = ReturnType<typeof trainingRunShape>;

/** Linear extrapolation of the whole run's pace; null until there is a pace to extrapolate. */
function estimateSecondsLeft(startedAt: Date, percent: number, now: number): number | null {
  if (percent <= 0 || percent >= 100) return null;
  const elapsed = (now - startedAt.getTime()) / 1000;
  return Math.max(0, Math.round((elapsed * (100 - percent)) / percent));
}

export function chatShape(row: ChatRow) {
  return {
    id: row.chat_id,
    avatarId: row.avatar_id,
    title: row.title,
    untitled: row.title === null && row.status === 'open' && !row.erased_fields.includes('title'),
    status: enumValue(row.status),
    personaVersion: row.persona_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    messageCount: row.message_count,
    lastMessageAt: row.last_message_at,
  };
}

export function messageShape(row: MessageRow) {
  const shown = shownReplyOf(row);
  const others = (row.alternatives?.list ?? []).map((reply) => replyShape(reply, row));
  return {
    id: row.message_id,
    chatId: row.chat_id,
    avatarId: row.avatar_id,
    kind: enumValue(row.kind),
    text: row.text,
    voice:
      row.kind === 'voice'
        ? {
            transcriptState: enumValue(row.voice_state),
            blobKey: row.voice_blob_key,
            mediaType: row.voice_media_type,
            sizeBytes: row.voice_size_bytes === null ? null : Number(row.voice_size_bytes),
            durationSec: row.voice_duration_sec,
            language: row.voice_language,
            segments: row.voice_segments?.segments ?? null,
            callId: row.call_id,
          }
        : null,
    sentAt: row.sent_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    replyState: enumValue(row.reply_state),
    failure: failureOf(row.failure_reason_code, row.failure_reason),
    reply: shown,
    replies: [...others, ...(shown ? [shown] : [])].sort(
      (a, b) => a.repliedAt.getTime() - b.repliedAt.getTime() || a.id.localeCompare(b.id),
    ),
  };
}

/** The reply shown, from the message row's reply columns. */
function shownReplyOf(row: MessageRow) {
  if (!row.reply_id) return null;
  return replyShape(
    {
      replyId: row.reply_id,
      text: row.reply_text,
      personaVersion: row.reply_persona_version,
      model: row.reply_model ?? '',
      latencyMs: row.reply_latency_ms ?? 0,
      promptTokens: row.reply_prompt_tokens ?? 0,
      completionTokens: row.reply_completion_tokens ?? 0,
      sourceIds: row.reply_source_ids ?? [],
      sources: row.reply_sources?.list ?? null,
      closeness: row.reply_closeness,
      rating: row.reply_rating,
      repliedAt: (row.replied_at ?? row.updated_at).toISOString(),
      dub: {
        state: row.dub_state,
        blobKey: row.dub_blob_key,
        durationSec: row.dub_duration_sec,
        voice: row.dub_voice,
        reasonCode: row.dub_reason_code,
        reason: row.dub_reason,
        position: row.dub_position === null ? null : String(row.dub_position),
      },
    },
    row,
    row.reply_cut
      ? { heardSec: row.reply_heard_sec ?? 0, spokenSec: row.reply_spoken_sec ?? 0, heardText: row.reply_heard_text }
      : null,
  );
}

/** `cut` (barge-in) is kept for the shown reply only: a live call's turn has no alternatives. */
function replyShape(reply: StoredReply, row: MessageRow, cut: ReplyCutShape | null = null) {
  return {
    id: reply.replyId,
    text: reply.text,
    personaVersion: reply.personaVersion,
    model: reply.model,
    latencyMs: reply.latencyMs,
    promptTokens: reply.promptTokens,
    completionTokens: reply.completionTokens,
    sourceIds: reply.sourceIds,
    sources: (reply.sources ?? []).map((source) => ({
      id: source.id,
      kind: enumValue(source.kind),
      text: source.text,
      prompt: source.prompt,
      materialId: source.materialId,
      startSec: source.startSec,
      // An exchange's source id names its message (`message:<id>`).
      messageId: source.kind === 'exchange' ? source.id.replace(/^message:/, '') : null,
      avatarId: row.avatar_id,
    })),
    closeness: reply.closeness,
    lowConfidence: isLowCloseness(reply.closeness),
    rating: reply.rating ? enumValue(reply.rating) : null,
    repliedAt: new Date(reply.repliedAt),
    dub:
      reply.dub.state === 'none'
        ? null
        : {
            state: enumValue(reply.dub.state),
            blobKey: reply.dub.blobKey,
            durationSec: reply.dub.durationSec,
            voice: reply.dub.voice,
            avatarId: row.avatar_id,
            position: reply.dub.position ? BigInt(reply.dub.position) : null,
            failure: failureOf(reply.dub.reasonCode, reply.dub.reason),
          },
    cut,
  };
}

type ReplyCutShape = { heardSec: number; spokenSec: number; heardText: string | null };

export function timelineShape(row: TimelineRow) {
  return {
    position: row.position,
    type: row.event_type,
    kind: enumValue(row.kind),
    actor: row.actor_id,
    occurredAt: row.occurred_at,
    summary: row.summary,
    chainHash: row.chain_hash,
    chatId: row.chat_id,
    details: row.details,
  };
}

export function testReportShape(row: TestReportRow) {
  // Typed fields read the same JSON; an erased report, one in a format this server does not read, or none yet
  // (a first test running) shows none.
  const report = asAvatarTestReport(row.report);
  const interval = (ci95: readonly [number, number] | null) => ({
    liftLow: ci95?.[0] ?? null,
    liftHigh: ci95?.[1] ?? null,
  });
  return {
    runId: row.run_id,
    personaVersion: row.persona_version,
    status: enumValue(row.status),
    startedAt: row.started_at,
    report: row.report ?? {},
    createdAt: row.created_at,
    verdict: report ? enumValue(report.verdict) : null,
    verdictAgainst: report?.verdictAgainst ? enumValue(report.verdictAgainst) : null,
    scoresCapped: report ? report.scoresCapped : null,
    worse: report ? report.worse : null,
    headline: report ? enumValue(report.headline) : null,
    overall: report?.overall
      ? {
          ...report.overall,
          replies: enumValue(report.overall.replies),
          metrics: report.overall.metrics.map(enumValue),
          ...interval(report.overall.ci95),
          rawNewVersion: report.overall.raw?.newVersion ?? null,
          rawBaseline: report.overall.raw?.baseline ?? null,
        }
      : null,
    metrics: (report?.metrics ?? []).map((metric) => ({
      ...metric,
      metric: enumValue(metric.metric),
      replies: metric.replies ? enumValue(metric.replies) : null,
      measured: metric.status === 'measured',
      onScale: textFidelityMetrics.includes(metric.metric),
      quality: enumValue(metric.quality),
      ...interval(metric.ci95),
      unit: metric.scale?.unit ?? null,
      floor: metric.scale?.floor ?? null,
      ceiling: metric.scale?.ceiling ?? null,
      rawNewVersion: metric.raw?.newVersion ?? null,
      rawBaseline: metric.raw?.baseline ?? null,
      newVersionOutside: metric.outside?.newVersion ?? null,
      baselineOutside: metric.outside?.baseline ?? null,
    })),
    comparedWith: report?.comparedWith ? { ...report.comparedWith, ...interval(report.comparedWith.ci95) } : null,
    heldOutPairs: report?.heldOutPairs ?? null,
    pairsTested: report?.pairsTested ?? null,
    examples: report?.examples ?? [],
    notes: report?.notes ?? [],
  };
}
export type TestReportShape = ReturnType<typeof testReportShape>;

/** A read-model page as a GraphQL connection. */
export function connection<Row, Shape>(
  page: { items: Row[]; endCursor: string | null; hasNextPage: boolean },
  shape: (row: Row) => Shape,
) {
  return { nodes: page.items.map(shape), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
}
