import { createHash, randomUUID } from 'node:crypto';
import type { CommandBus, CommandResult } from '@bishop/commands';
import type { AvatarCommand, MaterialKind } from '@bishop/domain';
import { asSystem, asUser } from '../src/command-fixtures.ts';

/**
 * Histories for the read-model tests, made of real commands through the
 * command bus (so every event is one the deciders really produce). Together
 * `registerPerson`, `closedAccountHistory` and `liveAvatarHistory` + `deletedAvatarHistory` produce
 * every event type of the catalogue.
 */

export interface History {
  /** `$all` position of the last event written. */
  position: bigint;
}

function track(history: History, result: CommandResult): CommandResult {
  if (result.position > history.position) history.position = result.position;
  return result;
}

export interface Person {
  readonly userId: string;
  readonly email: string;
  readonly fullName: string;
  readonly keptTokenId: string;
  readonly revokedTokenId: string;
  readonly keptTokenHash: string;
}

/** UserRegistered (+ EmailReserved), UserProfileUpdated, PasswordChanged, ApiTokenIssued ×2, ApiTokenRevoked. */
export async function registerPerson(bus: CommandBus, history: History, fullName = 'Анна Каренина'): Promise<Person> {
  const userId = randomUUID();
  const email = `${userId.slice(0, 8)}@example.org`;
  // Fresh metadata (and so a fresh commandId) per command: a repeated commandId is deduplicated.
  const user = () => asUser(userId);
  track(
    history,
    await bus.registerUser({
      type: 'RegisterUser',
      data: { userId, email, fullName: 'Anna K.', passwordHash: 'scrypt$first' },
      metadata: asSystem('auth'),
    }),
  );
  track(history, await bus.user(userId, { type: 'UpdateProfile', data: { fullName }, metadata: user() }));
  track(
    history,
    await bus.user(userId, { type: 'ChangePassword', data: { passwordHash: 'scrypt$second' }, metadata: user() }),
  );
  const keptTokenId = randomUUID();
  const revokedTokenId = randomUUID();
  const keptTokenHash = `sha256$${randomUUID()}`;
  for (const [tokenId, name, tokenHash] of [
    [keptTokenId, 'CI', keptTokenHash],
    [revokedTokenId, 'Old laptop', `sha256$${randomUUID()}`],
  ] as const) {
    track(
      history,
      await bus.user(userId, { type: 'IssueApiToken', data: { tokenId, name, tokenHash }, metadata: user() }),
    );
  }
  track(
    history,
    await bus.user(userId, { type: 'RevokeApiToken', data: { tokenId: revokedTokenId }, metadata: user() }),
  );
  return { userId, email, fullName, keptTokenId, revokedTokenId, keptTokenHash };
}

/** A person who moves to another address, then closes their account: EmailChanged, AccountDeleted (their avatars' deletions come from the shredder). */
export async function closedAccountHistory(bus: CommandBus, history: History): Promise<Person> {
  const person = await registerPerson(bus, history, 'Клара Цеткин');
  // EmailChanged (+ EmailReserved of the new address) before the account closes.
  track(
    history,
    await bus.changeEmail(person.userId, {
      type: 'ChangeEmail',
      data: { email: `moved-${person.email}` },
      metadata: asUser(person.userId),
    }),
  );
  track(history, await bus.user(person.userId, { type: 'DeleteAccount', data: {}, metadata: asUser(person.userId) }));
  return person;
}

/** Sends avatar commands as the owner or as a worker. */
export function avatarCommands(bus: CommandBus, history: History, ownerId: string, avatarId: string) {
  const send = async (command: AvatarCommand) => track(history, await bus.avatar(avatarId, command));
  return {
    asOwner: (type: AvatarCommand['type'], data: object) =>
      send({ type, data, metadata: asUser(ownerId) } as AvatarCommand),
    asWorker: (type: AvatarCommand['type'], data: object) =>
      send({ type, data, metadata: asSystem('worker') } as AvatarCommand),
  };
}

export function materialFile(name: string, kind: MaterialKind, mediaType: string, sizeBytes = 12_345) {
  const materialId = randomUUID();
  const sha256 = createHash('sha256').update(materialId).digest('hex');
  return { materialId, fileName: name, mediaType, kind, sizeBytes, sha256, blobKey: `materials/${materialId}` };
}

/** A chat export's facts as the extract worker records them. */
export const chatFacts = {
  firstMessageAt: '1862-09-23T10:00:00Z',
  lastMessageAt: '1862-09-24T18:30:00Z',
  timeZoneKnown: false,
  participants: [
    { name: 'Лев', messageCount: 12, firstMessageAt: '1862-09-23T10:00:00Z', lastMessageAt: '1862-09-24T18:30:00Z' },
    { name: 'Софья', messageCount: 9, firstMessageAt: '1862-09-23T10:05:00Z', lastMessageAt: '1862-09-24T18:00:00Z' },
  ],
};

/** The first version's test report: just what the read models keep and the blind test reads (one held-out pair). */
export const firstTestReport = {
  format: 'bishop.avatar-test/2',
  metrics: [],
  examples: [{ message: 'Как дела?', real: 'Все счастливые семьи', newVersion: 'Всё хорошо', baseline: null }],
  lift: 0.4,
};

export function extraction(materialId: string, overrides: Record<string, unknown> = {}) {
  return {
    materialId,
    textBlobKey: `texts/${materialId}.txt`,
    segmentsBlobKey: null,
    charCount: 4321,
    durationSec: null,
    language: 'ru',
    participants: [],
    preview: 'Все счастливые семьи похожи друг на друга',
    ...overrides,
  };
}

export interface LiveAvatar {
  readonly avatarId: string;
  readonly materials: {
    readonly lecture: string;
    readonly chatExport: string;
    readonly brokenRecording: string;
    readonly removed: string;
    readonly interview: string;
  };
  readonly samples: { readonly rejected: string; readonly accepted: string };
  readonly runs: { readonly first: string; readonly failed: string; readonly stopped: string; readonly second: string };
  readonly chat: string;
  readonly deletedChat: string;
  readonly messages: {
    readonly dubbed: string;
    readonly dubFailed: string;
    readonly failed: string;
    readonly cancelled: string;
  };
  readonly replies: { readonly dubbed: string; readonly dubFailed: string };
}

/** An avatar through every stage: profile, materials, voice, four runs, a rollback, two chats. */
export async function liveAvatarHistory(bus: CommandBus, history: History, ownerId: string): Promise<LiveAvatar> {
  const avatarId = randomUUID();
  const { asOwner, asWorker } = avatarCommands(bus, history, ownerId, avatarId);
  await asOwner('CreateAvatar', { avatarId, name: 'Лев Толстой' });
  await asOwner('RenameAvatar', { name: 'Лев Николаевич Толстой' });
  await asOwner('EditPersonaCard', {
    description: 'Писатель, мыслитель',
    personality: 'Прямой, ищущий',
    scenario: 'Беседа в Ясной Поляне',
    instructions: 'Отвечай по-русски',
    gender: 'male',
    languages: ['ru', 'fr'],
  });

  const lecture = materialFile('lecture.txt', 'text', 'text/plain');
  await asOwner('UploadMaterial', lecture);
  await asWorker('StartMaterialExtraction', { materialId: lecture.materialId });
  await asWorker('RecordMaterialExtraction', extraction(lecture.materialId));

  const chatExport = materialFile('result.json', 'chatExport', 'application/json');
  await asOwner('UploadMaterial', chatExport);
  await asWorker('StartMaterialExtraction', { materialId: chatExport.materialId });
  await asWorker(
    'RecordMaterialExtraction',
    extraction(chatExport.materialId, {
      participants: ['Лев', 'Софья'],
      preview: 'Лев: здравствуй',
      chat: chatFacts,
      notes: ['1 message has no readable time (message 3 of the export)'],
    }),
  );
  await asOwner('ChooseChatParticipant', { materialId: chatExport.materialId, participants: ['Лев'] });

  const brokenRecording = materialFile('talk.mp3', 'audio', 'audio/mpeg');
  await asOwner('UploadMaterial', brokenRecording);
  await asWorker('StartMaterialExtraction', { materialId: brokenRecording.materialId });
  await asWorker('FailMaterialExtraction', {
    materialId: brokenRecording.materialId,
    reasonCode: 'AUDIO_UNREADABLE',
    reason: 'The audio track could not be decoded',
    media: { durationSec: 3.5, channels: 2, sampleRate: 44_100 },
  });

  const removed = materialFile('notes.md', 'text', 'text/markdown');
  await asOwner('UploadMaterial', removed);
  await asOwner('RemoveMaterial', { materialId: removed.materialId });

  const interview = materialFile('interview.mp3', 'audio', 'audio/mpeg', 3_000_000_000);
  await asOwner('UploadMaterial', interview);
  await asWorker('StartMaterialExtraction', { materialId: interview.materialId });
  await asWorker(
    'RecordMaterialExtraction',
    extraction(interview.materialId, { durationSec: 120.5, segmentsBlobKey: `segments/${interview.materialId}.json` }),
  );

  await asOwner('RecordVoiceConsent', {
    basis: 'personConsented',
    personName: 'Лев Толстой',
    consentGivenOn: '2026-11-01',
    statement: 'Я, правнук, даю согласие на клонирование голоса',
  });
  const rejected = randomUUID();
  await asOwner('SubmitVoiceSample', {
    sampleId: rejected,
    blobKey: `voice/${rejected}`,
    source: { kind: 'upload', fileName: 'голос.wav' },
  });
  await asWorker('RejectVoiceSample', {
    sampleId: rejected,
    reasonCode: 'TWO_SPEAKERS',
    reason: 'Two people speak',
    measured: { durationSec: 14.5, loudnessLufs: -22, speakerConsistency: 0.12 },
  });
  const accepted = randomUUID();
  await asOwner('SubmitVoiceSample', {
    sampleId: accepted,
    blobKey: `voice/${accepted}`,
    source: { kind: 'material', materialId: interview.materialId, startSec: 10, endSec: 30 },
  });
  await asWorker('AcceptVoiceSample', {
    sampleId: accepted,
    durationSec: 20,
    loudnessLufs: -18.5,
    speakerConsistency: 0.93,
  });
  // The interview was uploaded before the sample: it is tagged against it afterwards (a first try fails).
  await asWorker('FailSpeakerTagging', {
    materialId: interview.materialId,
    sampleId: accepted,
    reasonCode: 'AUDIO_UNREADABLE',
    reason: 'The recording could not be read',
  });
  await asWorker('RecordSpeakerTags', {
    materialId: interview.materialId,
    sampleId: accepted,
    segmentsBlobKey: `segments/${interview.materialId}.${accepted}.json`,
    threshold: 0.86,
    personSpeechSec: 80.25,
    otherSpeechSec: 30.5,
  });

  const runs = { first: randomUUID(), failed: randomUUID(), stopped: randomUUID(), second: randomUUID() };
  await asOwner('StartTraining', { runId: runs.first, settings: { epochs: 1 } });
  await asWorker('RecordTrainingProgress', { runId: runs.first, stage: 'collecting', percent: 10 });
  await asWorker('RecordTrainingProgress', { runId: runs.first, stage: 'embedding', percent: 55 });
  await asWorker('CompleteTraining', {
    runId: runs.first,
    snapshotKey: `snapshots/${runs.first}`,
    stats: { pairs: 42 },
  });
  await asWorker('StartAvatarTest', { runId: runs.first });
  await asWorker('RecordAvatarTest', { runId: runs.first, report: firstTestReport });
  await asOwner('StartTraining', { runId: runs.failed, settings: {} });
  await asWorker('FailTraining', {
    runId: runs.failed,
    reasonCode: 'OUT_OF_MEMORY',
    reason: 'The model ran out of memory',
  });
  await asOwner('StartTraining', { runId: runs.stopped, settings: {} });
  await asOwner('StopTraining', { runId: runs.stopped });
  await asOwner('StartTraining', { runId: runs.second, settings: { epochs: 2 } });
  await asWorker('CompleteTraining', {
    runId: runs.second,
    snapshotKey: `snapshots/${runs.second}`,
    stats: { pairs: 50 },
  });
  // The second version's test is still running: no report yet.
  await asWorker('StartAvatarTest', { runId: runs.second });
  await asOwner('ActivatePersonaVersion', { personaVersion: 1 });
  // The blind test: an invite, a guest's guess through it, the owner's own guess, the invite revoked.
  const inviteId = randomUUID();
  await asOwner('CreateBlindTestInvite', { inviteId, tokenHash: `sha256$${randomUUID()}`, days: 7 });
  const guess = { personaVersion: 1, pairIndex: 0, guesser: randomUUID() };
  // The guest takes the avatar's reply for the real one (wrong), the owner the real one (right).
  await asWorker('RecordBlindTestGuess', { ...guess, chosenReply: 'Всё хорошо', inviteId });
  await asOwner('RecordBlindTestGuess', { ...guess, chosenReply: 'Все счастливые семьи', inviteId: null });
  await asOwner('RevokeBlindTestInvite', { inviteId });

  const chats = await chatHistory(bus, history, ownerId, avatarId);
  return {
    avatarId,
    materials: {
      lecture: lecture.materialId,
      chatExport: chatExport.materialId,
      brokenRecording: brokenRecording.materialId,
      removed: removed.materialId,
      interview: interview.materialId,
    },
    samples: { rejected, accepted },
    runs,
    ...chats,
  };
}

async function chatHistory(bus: CommandBus, history: History, ownerId: string, avatarId: string) {
  const chat = randomUUID();
  const owner = () => asUser(ownerId);
  const worker = () => asSystem('worker');
  const send = async (chatId: string, command: Parameters<CommandBus['chat']>[1]) =>
    track(history, await bus.chat(chatId, command));
  await send(chat, { type: 'OpenChat', data: { chatId: chat, avatarId, title: 'О войне и мире' }, metadata: owner() });
  await send(chat, { type: 'RenameChat', data: { title: 'Война и мир' }, metadata: owner() });
  const messages = { dubbed: randomUUID(), dubFailed: randomUUID(), failed: randomUUID(), cancelled: randomUUID() };
  const replies = { dubbed: randomUUID(), dubFailed: randomUUID() };
  for (const [messageId, text] of Object.entries(messages).map(([key, id]) => [id, `Вопрос ${key}?`] as const)) {
    await send(chat, { type: 'SendMessage', data: { messageId, text }, metadata: owner() });
  }
  for (const [messageId, replyId] of [
    [messages.dubbed, replies.dubbed],
    [messages.dubFailed, replies.dubFailed],
  ] as const) {
    await send(chat, {
      type: 'RecordReply',
      data: {
        messageId,
        replyId,
        text: 'Всякий человек есть целый мир',
        personaVersion: 1,
        model: 'retrieval',
        latencyMs: 1234,
        promptTokens: 100,
        completionTokens: 20,
        sourceIds: ['chunk-1', 'chunk-2'],
        sources: [],
        closeness: null,
      },
      metadata: worker(),
    });
  }
  await send(chat, {
    type: 'RecordDub',
    data: { replyId: replies.dubbed, blobKey: `dubs/${replies.dubbed}`, durationSec: 3.5, voice: 'cloned' },
    metadata: worker(),
  });
  await send(chat, {
    type: 'FailDub',
    data: { replyId: replies.dubFailed, reasonCode: 'TTS_DOWN', reason: 'Voice synthesis is down' },
    metadata: worker(),
  });
  await send(chat, {
    type: 'FailReply',
    data: { messageId: messages.failed, reasonCode: 'LLM_TIMEOUT', reason: 'The model did not answer in time' },
    metadata: worker(),
  });
  await send(chat, { type: 'CancelReply', data: { messageId: messages.cancelled }, metadata: owner() });

  const deletedChat = randomUUID();
  await send(deletedChat, {
    type: 'OpenChat',
    data: { chatId: deletedChat, avatarId, title: 'Черновик' },
    metadata: owner(),
  });
  await send(deletedChat, {
    type: 'SendMessage',
    data: { messageId: randomUUID(), text: 'Тайна' },
    metadata: owner(),
  });
  await send(deletedChat, { type: 'DeleteChat', data: {}, metadata: owner() });
  return { chat, deletedChat, messages, replies };
}

export interface DeletedAvatar {
  readonly avatarId: string;
  readonly materialId: string;
  readonly chatId: string;
  readonly messageId: string;
}

/**
 * An avatar with a material, a consent, two samples (the second chosen), previews of a voice
 * (one spoken, one failed), a withdrawn consent, a chat and a message, then AvatarDeleted.
 */
export async function deletedAvatarHistory(bus: CommandBus, history: History, ownerId: string): Promise<DeletedAvatar> {
  const avatarId = randomUUID();
  const { asOwner, asWorker } = avatarCommands(bus, history, ownerId, avatarId);
  await asOwner('CreateAvatar', { avatarId, name: 'Марина Цветаева' });
  const file = materialFile('стихи.txt', 'text', 'text/plain');
  await asOwner('UploadMaterial', file);
  await asOwner('RecordVoiceConsent', {
    basis: 'self',
    personName: 'Марина',
    consentGivenOn: '2026-10-01',
    statement: 'Это мой голос',
  });
  const [first, second] = [randomUUID(), randomUUID()];
  for (const [sampleId, replacesActive] of [
    [first, true],
    [second, false],
  ] as const) {
    await asOwner('SubmitVoiceSample', {
      sampleId,
      blobKey: `voice/${sampleId}`,
      source: { kind: 'upload', fileName: 'мой-голос.webm' },
      replacesActive,
    });
    await asWorker('AcceptVoiceSample', { sampleId, durationSec: 9, loudnessLufs: -20, speakerConsistency: 0.8 });
  }
  await asOwner('ActivateVoiceSample', { sampleId: second });
  const [spoken, failed] = [randomUUID(), randomUUID()];
  await asOwner('RequestVoicePreview', {
    previewId: spoken,
    sampleId: second,
    text: 'Мне нравится, что вы больны не мной',
  });
  await asWorker('RecordVoicePreview', {
    previewId: spoken,
    sampleId: second,
    blobKey: `previews/${spoken}`,
    durationSec: 2.5,
    voice: 'generic',
  });
  await asOwner('RequestVoicePreview', {
    previewId: failed,
    sampleId: first,
    text: 'Мне нравится, что я больна не вами',
  });
  await asWorker('FailVoicePreview', { previewId: failed, reasonCode: 'TTS_UNAVAILABLE', reason: 'No voice engine' });
  await asOwner('WithdrawVoiceConsent', {});
  const chatId = randomUUID();
  const messageId = randomUUID();
  track(
    history,
    await bus.chat(chatId, {
      type: 'OpenChat',
      data: { chatId, avatarId, title: 'Стихи' },
      metadata: asUser(ownerId),
    }),
  );
  track(
    history,
    await bus.chat(chatId, {
      type: 'SendMessage',
      data: { messageId, text: 'Мне нравится, что вы больны не мной' },
      metadata: asUser(ownerId),
    }),
  );
  await asOwner('DeleteAvatar', { confirmName: 'Марина Цветаева' });
  return { avatarId, materialId: file.materialId, chatId, messageId };
}

/** A plain avatar with `messages` messages in one chat: bulk for paging and batches. */
export async function chattyAvatar(
  bus: CommandBus,
  history: History,
  ownerId: string,
  messages: number,
): Promise<{ avatarId: string; chatId: string; messageIds: string[] }> {
  const avatarId = randomUUID();
  await avatarCommands(bus, history, ownerId, avatarId).asOwner('CreateAvatar', { avatarId, name: 'Собеседник' });
  const chatId = randomUUID();
  const owner = () => asUser(ownerId);
  track(
    history,
    await bus.chat(chatId, { type: 'OpenChat', data: { chatId, avatarId, title: 'Болтовня' }, metadata: owner() }),
  );
  const messageIds: string[] = [];
  for (let n = 0; n < messages; n++) {
    const messageId = randomUUID();
    messageIds.push(messageId);
    track(
      history,
      await bus.chat(chatId, { type: 'SendMessage', data: { messageId, text: `Сообщение ${n}` }, metadata: owner() }),
    );
  }
  return { avatarId, chatId, messageIds };
}

export interface Conversation {
  readonly person: Person;
  readonly avatarId: string;
  readonly chatId: string;
  readonly messages: { readonly regenerated: string; readonly edited: string; readonly deleted: string };
  readonly replies: { readonly first: string; readonly second: string };
  readonly call: {
    readonly callId: string;
    readonly heard: string;
    readonly unheard: string;
    readonly reply: string;
  };
}

/**
 * What a user does with replies and by voice, in a person and avatar of its own (so the counts the
 * other sections check stay put): a reply regenerated, the first chosen back and rated; a message
 * edited; one deleted; a call with a voice turn answered then cut by barge-in, and an inaudible one.
 */
export async function conversationHistory(bus: CommandBus, history: History): Promise<Conversation> {
  const person = await registerPerson(bus, history, 'Осип Мандельштам');
  const avatarId = randomUUID();
  await avatarCommands(bus, history, person.userId, avatarId).asOwner('CreateAvatar', { avatarId, name: 'Осип' });
  const chatId = randomUUID();
  const owner = () => asUser(person.userId);
  const worker = () => asSystem('worker');
  const send = async (command: Parameters<CommandBus['chat']>[1]) => track(history, await bus.chat(chatId, command));
  const reply = (messageId: string, replyId: string, text: string) =>
    send({
      type: 'RecordReply',
      data: {
        messageId,
        replyId,
        text,
        personaVersion: null,
        model: 'retrieval',
        latencyMs: 80,
        promptTokens: 0,
        completionTokens: 0,
        sourceIds: [],
        sources: [],
        closeness: null,
      },
      metadata: worker(),
    });
  await send({ type: 'OpenChat', data: { chatId, avatarId, title: 'Камень' }, metadata: owner() });

  const messages = { regenerated: randomUUID(), edited: randomUUID(), deleted: randomUUID() };
  const replies = { first: randomUUID(), second: randomUUID() };
  await send({ type: 'SendMessage', data: { messageId: messages.regenerated, text: 'Какой век?' }, metadata: owner() });
  await reply(messages.regenerated, replies.first, 'Век мой, зверь мой');
  await send({ type: 'RegenerateReply', data: { messageId: messages.regenerated }, metadata: owner() });
  await reply(messages.regenerated, replies.second, 'Мы живём, под собою не чуя страны');
  await send({
    type: 'ChooseReply',
    data: { messageId: messages.regenerated, replyId: replies.first },
    metadata: owner(),
  });
  await send({ type: 'RateReply', data: { replyId: replies.first, rating: 'up' }, metadata: owner() });

  await send({ type: 'SendMessage', data: { messageId: messages.edited, text: 'Бессонница?' }, metadata: owner() });
  await reply(messages.edited, randomUUID(), 'Гомер. Тугие паруса');
  await send({
    type: 'EditMessage',
    data: { messageId: messages.edited, text: 'Бессонница. Гомер?' },
    metadata: owner(),
  });
  await send({ type: 'SendMessage', data: { messageId: messages.deleted, text: 'Забудь' }, metadata: owner() });
  await send({ type: 'DeleteMessage', data: { messageId: messages.deleted }, metadata: owner() });

  const call = { callId: randomUUID(), heard: randomUUID(), unheard: randomUUID(), reply: randomUUID() };
  const audio = (messageId: string) => ({
    blobKey: `voice-messages/${messageId}`,
    mediaType: 'audio/wav',
    sizeBytes: 64_000,
    sha256: createHash('sha256').update(messageId).digest('hex'),
  });
  await send({ type: 'StartCall', data: { callId: call.callId, voice: 'generic' }, metadata: owner() });
  await send({
    type: 'SendVoiceMessage',
    data: { messageId: call.heard, audio: audio(call.heard), callId: call.callId },
    metadata: owner(),
  });
  await send({
    type: 'RecordVoiceTranscript',
    data: {
      messageId: call.heard,
      text: 'Я вернулся в мой город',
      language: 'ru',
      durationSec: 2,
      segments: [{ startSec: 0.2, endSec: 1.9, text: 'Я вернулся в мой город' }],
    },
    metadata: worker(),
  });
  await reply(call.heard, call.reply, 'Знакомый до слёз, до прожилок, до детских припухлых желёз');
  await send({
    type: 'CutReply',
    data: { replyId: call.reply, heardSec: 1.5, spokenSec: 4, heardText: 'Знакомый до слёз' },
    metadata: worker(),
  });
  await send({
    type: 'SendVoiceMessage',
    data: { messageId: call.unheard, audio: audio(call.unheard), callId: call.callId },
    metadata: owner(),
  });
  await send({
    type: 'FailVoiceTranscript',
    data: { messageId: call.unheard, reasonCode: 'NO_SPEECH', reason: 'No words were heard' },
    metadata: worker(),
  });
  await send({
    type: 'EndCall',
    data: { callId: call.callId, reasonCode: 'HUNG_UP', reason: 'The user hung up', turns: 2, durationSec: 12 },
    metadata: owner(),
  });
  return { person, avatarId, chatId, messages, replies, call };
}
