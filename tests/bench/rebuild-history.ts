import { randomUUID } from 'node:crypto';
import { currentSchemaVersion, type DomainEvent } from '@bishop/domain';
import type { NewEvent } from '@bishop/domain/ports';

/** Events = users × (4 + avatars × (12 + chats × (1 + 3 × messages))). */
export interface HistorySizes {
  readonly users: number;
  readonly avatars: number;
  readonly chats: number;
  readonly messages: number;
}

export const eventsPerUser = (sizes: Omit<HistorySizes, 'users'>) =>
  4 + sizes.avatars * (12 + sizes.chats * (1 + 3 * sizes.messages));

/**
 * A realistic history, stream by stream: users, their avatars (materials, training runs,
 * tests) and the avatars' chats (messages, replies, dubs), each event in its envelope.
 */
export function* historyStreams(sizes: HistorySizes): Generator<{ stream: string; events: NewEvent[] }> {
  const wrap = (events: DomainEvent[], subject: string, actor: string) =>
    events.map((e) => envelope(e, subject, actor));
  for (let u = 0; u < sizes.users; u++) {
    const userId = randomUUID();
    const user = `user:${userId}`;
    yield {
      stream: `user-${userId}`,
      events: wrap(
        [
          {
            type: 'UserRegistered',
            data: { userId, email: `${u}@example.org`, fullName: `Person ${u}`, passwordHash: 'h' },
          },
          { type: 'UserProfileUpdated', data: { fullName: `Person ${u} Renamed` } },
          {
            type: 'ApiTokenIssued',
            data: { tokenId: randomUUID(), name: 'CI', tokenHash: randomUUID(), issuedAt: now() },
          },
          { type: 'PasswordChanged', data: { passwordHash: 'h2' } },
        ],
        `user-${userId}`,
        user,
      ),
    };
    for (let a = 0; a < sizes.avatars; a++) {
      const avatarId = randomUUID();
      const subject = `avatar-${avatarId}`;
      yield { stream: subject, events: wrap(avatarEvents(avatarId, userId), subject, user) };
      for (let c = 0; c < sizes.chats; c++) {
        const chatId = randomUUID();
        yield {
          stream: `chat-${chatId}`,
          events: wrap(chatEvents(chatId, avatarId, userId, sizes.messages), subject, user),
        };
      }
    }
  }
}

function avatarEvents(avatarId: string, ownerId: string): DomainEvent[] {
  const [materialId, runId] = [randomUUID(), randomUUID()];
  const card = { description: 'A lecturer', personality: 'Calm', scenario: null, instructions: null, gender: null };
  return [
    { type: 'AvatarCreated', data: { avatarId, ownerId, name: 'Avatar' } },
    { type: 'PersonaCardEdited', data: { ...card, languages: ['en'] } },
    {
      type: 'MaterialUploaded',
      data: {
        materialId,
        fileName: 'talk.txt',
        mediaType: 'text/plain',
        kind: 'text',
        sizeBytes: 5000,
        sha256: 'ab',
        blobKey: `m/${materialId}`,
      },
    },
    { type: 'MaterialExtractionStarted', data: { materialId } },
    {
      type: 'MaterialExtracted',
      data: {
        materialId,
        textBlobKey: `t/${materialId}`,
        segmentsBlobKey: null,
        charCount: 4000,
        durationSec: null,
        language: 'en',
        participants: [],
        preview: 'Good morning',
        chat: null,
        media: null,
        notes: [],
      },
    },
    { type: 'TrainingStarted', data: { runId, settings: {}, materialIds: [materialId] } },
    { type: 'TrainingProgressed', data: { runId, stage: 'collecting', percent: 10 } },
    { type: 'TrainingProgressed', data: { runId, stage: 'embedding', percent: 50 } },
    { type: 'TrainingProgressed', data: { runId, stage: 'testing', percent: 90 } },
    { type: 'TrainingCompleted', data: { runId, personaVersion: 1, snapshotKey: `s/${runId}`, stats: { pairs: 40 } } },
    { type: 'AvatarTested', data: { runId, personaVersion: 1, report: { lift: 0.3 } } },
    { type: 'AvatarRenamed', data: { name: 'Avatar, renamed' } },
  ];
}

function chatEvents(chatId: string, avatarId: string, ownerId: string, messages: number): DomainEvent[] {
  const events: DomainEvent[] = [
    { type: 'ChatOpened', data: { chatId, avatarId, ownerId, title: 'A chat', personaVersion: null } },
  ];
  for (let m = 0; m < messages; m++) {
    const [messageId, replyId] = [randomUUID(), randomUUID()];
    events.push(
      { type: 'MessageSent', data: { messageId, text: `Question number ${m}: what do you think about it?` } },
      {
        type: 'ReplyGenerated',
        data: {
          messageId,
          replyId,
          text: 'A considered answer of a sentence or two.',
          personaVersion: 1,
          model: 'retrieval',
          latencyMs: 900,
          promptTokens: 300,
          completionTokens: 40,
          sourceIds: ['c1', 'c2'],
          sources: [],
          closeness: null,
        },
      },
      { type: 'DubReady', data: { replyId, blobKey: `d/${replyId}`, durationSec: 4.2, voice: 'cloned' } },
    );
  }
  return events;
}

const now = () => new Date().toISOString();

function envelope(event: DomainEvent, dataSubject: string, actorId: string): NewEvent {
  const commandId = randomUUID();
  return {
    type: event.type,
    data: event.data as NewEvent['data'],
    metadata: {
      eventId: randomUUID(),
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actorId,
      schemaVersion: currentSchemaVersion(event.type),
      occurredAt: now(),
      dataSubject,
    },
  };
}
