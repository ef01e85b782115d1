import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../src/async.ts';
import { openCallClient, silence } from '../src/call-client.ts';
import { openReplyRig } from '../src/reply-rig.ts';
import { pcmOfWav, spokenWav } from '../src/speech.ts';

type Rig = Awaited<ReturnType<typeof openReplyRig>>;

/**
 * Issue 22 item 4: a gateway stopped under a live call (SIGTERM, as an
 * orchestrator stops it) ends the call cleanly — `ended` SERVER_SHUTDOWN and
 * close 1001 — and once Bishop is back the chat's history holds the turn.
 */
describe('a live call when Bishop stops', () => {
  let rig: Rig;
  before(async () => {
    rig = await openReplyRig('voice-call-shutdown', { BISHOP_TTS_ENGINES: 'vits', BISHOP_REPLY_MAX_TOKENS: '60' });
  });
  after(() => rig?.stop());

  it('says goodbye with close 1001 on SIGTERM, and after a restart the turns so far are in the history', async () => {
    const avatarId = await rig.createAvatar('Анна');
    const chat = await rig.openChat(avatarId);
    const call = await openCallClient(rig.bishop.url, chat.chatId, rig.token);
    const ready = await call.next('ready', 0, 30_000);

    // Turn 1, heard to its end and saved.
    const first = pcmOfWav(await spokenWav('Hello Anna, tell me about the stars tonight.'));
    const sent1 = await call.stream(first);
    const quiet = new AbortController();
    const quietStream = call.stream(silence(90), quiet.signal);
    const transcript1 = await call.next('transcript', sent1.startedAt);
    await call.next('turn-saved', sent1.startedAt, 90_000);
    quiet.abort();
    await quietStream;

    // Turn 2: Bishop is stopped while its reply is being spoken.
    const second = pcmOfWav(await spokenWav('And what about the moon?'));
    const sent2 = await call.stream(second);
    const quiet2 = new AbortController();
    const quietStream2 = call.stream(silence(90), quiet2.signal);
    const transcript2 = await call.next('transcript', sent2.startedAt);
    const audioStart2 = await call.next('audio-start', sent2.startedAt, 60_000);
    await call.until(() => call.audio.find((a) => a.at >= audioStart2.at), 30_000, 'the second reply speaking');
    const stopped = rig.restart('SIGTERM');
    await call.until(() => call.closed, 30_000, 'the call closed');
    quiet2.abort();
    await quietStream2;
    assert.equal(call.closed?.code, 1001, JSON.stringify(call.closed));
    assert.equal(call.find('ended')?.message.reasonCode, 'SERVER_SHUTDOWN', 'the client is told why first');
    assert.equal(await stopped, 0, 'Bishop drained and exited 0');

    // Back up on the same data: both turns, the second cut where the shutdown stopped it.
    const messages = await chat.messages();
    assert.equal(messages.length, 2, JSON.stringify(messages.map((m) => m.text)));
    const [turn1, turn2] = messages as [(typeof messages)[0], (typeof messages)[0]];
    for (const turn of [turn1, turn2]) {
      assert.equal(turn.kind, 'VOICE');
      assert.equal(turn.voice?.callId, ready.message.callId);
      assert.equal(turn.voice?.transcriptState, 'TRANSCRIBED');
    }
    assert.equal(turn1.text, transcript1.message.text);
    assert.equal(turn1.replyState, 'REPLIED');
    assert.equal(turn1.reply?.cut, null);
    assert.equal(turn2.text, transcript2.message.text);
    assert.equal(turn2.replyState, 'REPLIED');
    assert.ok(turn2.reply?.cut, 'the reply the shutdown stopped is recorded as cut');
    await eventually(async () => {
      const timeline = await rig.call(
        'query($a: ID!) { avatar(id: $a) { timeline(first: 100) { nodes { type summary } } } }',
        { a: avatarId },
      );
      return timeline.avatar.timeline.nodes.some(
        (n: { type: string; summary: string }) => n.type === 'CallEnded' && n.summary.includes('SERVER_SHUTDOWN'),
      );
    }, 30_000);
  });
});
