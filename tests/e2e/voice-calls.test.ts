import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../src/async.ts';
import { findBytes } from '../src/at-rest-scan.ts';
import { firstLoudSample, lastLoudSample, openCallClient, silence } from '../src/call-client.ts';
import { openReplyRig } from '../src/reply-rig.ts';
import { pcmOfWav, spokenWav } from '../src/speech.ts';

type Rig = Awaited<ReturnType<typeof openReplyRig>>;

/**
 * A live call against a real `bishop start` (test models: real Silero VAD,
 * random-weight Whisper, LLM and VITS voice) over the real socket, driven by
 * espeak-ng speech streamed at real time: two turns, the second spoken over
 * the first reply (barge-in), then the history.
 */
describe('live voice calls end to end', () => {
  let rig: Rig;
  let avatarId: string;
  before(async () => {
    rig = await openReplyRig('voice-calls', {
      BISHOP_TTS_ENGINES: 'vits',
      // Long enough to be interrupted while it is spoken, short enough for two cores.
      BISHOP_REPLY_MAX_TOKENS: '200',
      BISHOP_CALL_MAX_CONCURRENT: '2',
    });
    avatarId = await rig.createAvatar('Анна');
  });
  after(() => rig?.stop());

  it('answers a turn in speech, stops at once when spoken over, and keeps both turns in the history', async () => {
    const chat = await rig.openChat(avatarId);
    const call = await openCallClient(rig.bishop.url, chat.chatId, rig.token);
    const ready = await call.next('ready', 0, 30_000);
    assert.equal(ready.message.voice, 'generic');
    assert.equal(ready.message.imitates, null, 'a generic voice imitates nobody');

    // Turn 1: a question, then silence while the avatar answers.
    const first = pcmOfWav(await spokenWav('Hello Anna, tell me about the stars tonight.'));
    const sent1 = await call.stream(first);
    const speechEnd1 = sent1.sentAt(lastLoudSample(first));
    const quiet = new AbortController();
    const quietStream = call.stream(silence(30), quiet.signal);
    const transcript1 = await call.next('transcript', sent1.startedAt);
    assert.ok(transcript1.message.text.length > 0, 'the turn was transcribed');
    const audioStart1 = await call.next('audio-start', sent1.startedAt);
    const firstAudio = await call.until(() => call.audio.find((a) => a.at >= audioStart1.at));
    assert.ok(firstAudio.at > speechEnd1, 'the reply speaks after the user stopped');
    const tokens1 = call.messages.filter((m) => m.message.type === 'reply-token' && m.at < firstAudio.at);
    assert.ok(tokens1.length > 0, 'reply text streams before (and while) it is spoken');

    // Turn 2, spoken over the reply a moment after it began (barge-in).
    await new Promise((resolve) => setTimeout(resolve, 200));
    quiet.abort();
    await quietStream;
    const second = pcmOfWav(await spokenWav('Wait, stop. What about the moon?'));
    const sent2Promise = call.stream(second);
    const bargeIn = await call.next('barge-in', sent1.startedAt, 45_000);
    const sent2 = await sent2Promise;
    const onset = sent2.sentAt(firstLoudSample(second));
    const reactionMs = bargeIn.at - onset;
    // How fast is the benchmark's business (npm run bench -- call); on a loaded test machine it only must come.
    assert.ok(reactionMs > 0, `barge-in after the speech began (${Math.round(reactionMs)} ms)`);
    assert.ok(bargeIn.message.heardSec <= bargeIn.message.spokenSec);
    assert.ok(bargeIn.message.spokenSec > 0, 'some of the first reply had been spoken');
    const replyEnd1 = call.find('reply-end', sent1.startedAt);
    assert.ok(!replyEnd1 || replyEnd1.at > bargeIn.at, 'the first reply had not ended when it was cut');
    const afterStop = call.audio.filter((a) => a.at > bargeIn.at + 50);
    const audioStart2 = await call.next('audio-start', bargeIn.at, 60_000);
    assert.ok(
      afterStop.every((a) => a.at >= audioStart2.at),
      'no audio of the interrupted reply after the barge-in',
    );
    const quiet2 = new AbortController();
    const quietStream2 = call.stream(silence(60), quiet2.signal);
    await call.next('reply-end', audioStart2.at, 60_000);
    await call.until(
      () => call.messages.filter((m) => m.message.type === 'turn-saved').length >= 2,
      30_000,
      'both turns saved',
    );
    quiet2.abort();
    await quietStream2;
    const timings = call.messages.filter((m) => m.message.type === 'turn-timings');
    assert.equal(timings.length, 2, 'figures for each turn that was spoken');
    for (const { message } of timings) {
      if (message.type !== 'turn-timings') continue;
      for (const figure of Object.values(message.timings)) assert.ok(figure >= 0);
    }
    call.hangUp();
    const ended = await call.next('ended', 0, 30_000);
    assert.equal(ended.message.reasonCode, 'HUNG_UP');
    await call.until(() => call.closed, 10_000, 'socket closed');
    assert.equal(call.closed?.code, 1000, JSON.stringify(call.closed));

    // The history: both turns as voice messages of this call, the first reply cut where it was heard.
    let messages = await chat.messages();
    await eventually(async () => {
      messages = await chat.messages();
      return messages.length === 2 && messages.every((m) => m.replyState === 'REPLIED' && m.reply?.cut !== undefined);
    }, 30_000);
    assert.equal(messages.length, 2);
    const [turn1, turn2] = messages as [(typeof messages)[0], (typeof messages)[0]];
    for (const turn of [turn1, turn2]) {
      assert.equal(turn.kind, 'VOICE');
      assert.equal(turn.voice?.callId, ready.message.callId);
      assert.equal(turn.voice?.transcriptState, 'TRANSCRIBED');
      assert.equal(turn.replyState, 'REPLIED');
      assert.ok(turn.voice?.audioUrl, 'the user turn is playable');
    }
    // What was spoken is playable: all of the second reply, and of the first what was heard (if anything was).
    assert.equal(turn2.reply?.dub?.state, 'READY');
    if ((turn1.reply?.cut?.heardSec ?? 0) > 0) assert.equal(turn1.reply?.dub?.state, 'READY');
    assert.equal(turn1.text, transcript1.message.text);
    assert.ok(turn1.reply?.cut, 'the first reply is marked as cut');
    assert.equal(turn1.reply?.cut?.heardSec, bargeIn.message.heardSec);
    assert.equal(turn2.reply?.cut, null);
    const recording = await fetch(`${rig.bishop.url}${turn1.voice?.audioUrl}`);
    assert.equal(recording.headers.get('content-type'), 'audio/wav');
    assert.equal(Buffer.from(await recording.arrayBuffer()).includes('WAVEfmt '), true, 'it plays as a WAV');
    // At rest the call's audio is sealed with the avatar's data key (deleting the avatar shreds it): no WAV or
    // Ogg Opus header is stored in plain anywhere in Bishop's data directory.
    assert.deepEqual(await findBytes([rig.dataDir], { wav: 'WAVEfmt ', opus: 'OpusHead' }), []);
    const timeline = await rig.call(
      'query($a: ID!) { avatar(id: $a) { timeline(first: 100) { nodes { type summary } } } }',
      { a: avatarId },
    );
    const types: string[] = timeline.avatar.timeline.nodes.map((n: { type: string }) => n.type);
    for (const type of ['CallStarted', 'ReplyCut', 'CallEnded']) assert.ok(types.includes(type), `${type} recorded`);
  });

  it('ends the call when its credential is revoked (4403), keeping CallEnded in the history', async () => {
    const chat = await rig.openChat(avatarId);
    const issued = await rig.call('mutation { issueApiToken(name: "call") { secret token { id } } }');
    const secret: string = issued.issueApiToken.secret;
    // A new API token is known once the read models have it.
    await eventually(async () => {
      const me = await fetch(`${rig.bishop.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      return !((await me.json()) as { errors?: unknown }).errors;
    }, 15_000);
    const call = await openCallClient(rig.bishop.url, chat.chatId, secret);
    const ready = await call.next('ready', 0, 30_000);
    await rig.call('mutation($id: ID!) { revokeApiToken(id: $id) { position } }', {
      id: issued.issueApiToken.token.id,
    });
    await call.until(() => call.closed, 15_000, 'the call closed');
    assert.equal(call.closed?.code, 4403, JSON.stringify(call.closed));
    assert.ok(ready.message.callId);
    // The call records its end once it has let go of the socket.
    await eventually(async () => {
      const timeline = await rig.call(
        'query($a: ID!) { avatar(id: $a) { timeline(first: 100) { nodes { type summary } } } }',
        { a: avatarId },
      );
      return timeline.avatar.timeline.nodes.some(
        (n: { type: string; summary: string }) => n.type === 'CallEnded' && n.summary.includes('REVOKED'),
      );
    }, 30_000);
  });

  it('refuses a call without a valid token (4401) and to a chat that is not yours (4404)', async () => {
    const chat = await rig.openChat(avatarId);
    const anonymous = await openCallClient(rig.bishop.url, chat.chatId, 'not-a-token');
    await anonymous.until(() => anonymous.closed, 15_000, 'refused');
    assert.equal(anonymous.closed?.code, 4401);
    const stranger = await openCallClient(rig.bishop.url, crypto.randomUUID(), rig.token);
    await stranger.until(() => stranger.closed, 15_000, 'refused');
    assert.equal(stranger.closed?.code, 4404);
  });
});
