import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openReplyRig } from '../src/reply-rig.ts';
import { silentWav, spokenWav } from '../src/speech.ts';

type Rig = Awaited<ReturnType<typeof openReplyRig>>;

/**
 * Voice messages against a real `bishop start` (test models: real Silero VAD,
 * random-weight Whisper and LLM): uploaded over HTTP, transcribed with timed
 * segments through VAD → Whisper, then answered like a typed message, every
 * step seen on `messageChanged`.
 */
describe('voice messages end to end', () => {
  let rig: Rig;
  let avatarId: string;
  before(async () => {
    rig = await openReplyRig('voice-messages', { BISHOP_REPLY_MAX_TOKENS: '24' });
    avatarId = await rig.createAvatar('Анна');
  });
  after(() => rig?.stop());

  it('transcribes an uploaded recording with timestamps, then answers it; the recording plays from its URL', async () => {
    const chat = await rig.openChat(avatarId);
    const wav = await spokenWav('Hello, tell me about the stars and the light of the sky.');
    const uploaded = await chat.sendVoice(wav, 'question.wav');
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    const { messageId } = uploaded.body as { messageId: string };
    const changes = await chat.voiceChanges(messageId, (m) => m.replyState !== 'PENDING');
    const states = changes.map((m) => m.voice?.transcriptState);
    assert.equal(states[0], 'TRANSCRIBING', 'first seen while being transcribed');
    const final = changes.at(-1);
    assert.ok(final);
    assert.equal(final.kind, 'VOICE');
    assert.equal(final.voice?.transcriptState, 'TRANSCRIBED');
    assert.equal(final.replyState, 'REPLIED', JSON.stringify(final.failure));
    assert.ok(final.text && final.text.length > 0, 'the transcript is the message text');
    const segments = final.voice?.segments ?? [];
    assert.ok(segments.length > 0, 'timed segments');
    for (const segment of segments) assert.ok(segment.endSec >= segment.startSec && segment.startSec >= 0);
    assert.ok((final.voice?.durationSec ?? 0) > 2, `duration ${final.voice?.durationSec}`);
    assert.equal(final.voice?.mediaType, 'audio/wav');
    const audio = await fetch(`${rig.bishop.url}${final.voice?.audioUrl}`);
    assert.equal(audio.status, 200);
    assert.equal(audio.headers.get('content-type'), 'audio/wav');
    assert.equal(Buffer.compare(Buffer.from(await audio.arrayBuffer()), Buffer.from(wav)), 0, 'the same bytes');
  });

  it('fails a recording without speech with NO_SPEECH, and nothing answers it', async () => {
    const chat = await rig.openChat(avatarId);
    const uploaded = await chat.sendVoice(await silentWav(2), 'silence.wav');
    const { messageId } = uploaded.body as { messageId: string };
    const changes = await chat.voiceChanges(messageId, (m) => m.replyState !== 'PENDING');
    const final = changes.at(-1);
    assert.equal(final?.voice?.transcriptState, 'FAILED');
    assert.equal(final?.replyState, 'FAILED');
    assert.equal(final?.failure?.code, 'NO_SPEECH');
    assert.equal(final?.reply, null);
  });

  it('refuses a file that is not a recording, and a chat that is not yours', async () => {
    const chat = await rig.openChat(avatarId);
    const text = await chat.sendVoice(new TextEncoder().encode('just text'), 'note.txt');
    assert.equal(text.status, 400);
    assert.equal((text.body as { bishopCode: string }).bishopCode, 'BISHOP_ERR_FILE_UNSUPPORTED');
    const stranger = await fetch(`${rig.bishop.url}/api/chats/${crypto.randomUUID()}/voice-messages`, {
      method: 'POST',
      body: new FormData(),
      headers: { authorization: `Bearer ${rig.token}` },
    });
    assert.equal(stranger.status, 404);
  });
});
