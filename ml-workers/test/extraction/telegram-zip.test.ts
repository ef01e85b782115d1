import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractChatExport } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const VOICE = 'voice_messages/audio_1@05-03-2024_19-20-11.ogg';
const read = (name: string, transcribe?: (bytes: Uint8Array, fileName: string) => Promise<string>) =>
  extractChatExport({ bytes: fixture(`chat-exports/telegram/${name}`), fileName: name, transcribe });

/** What ffprobe makes of the bytes: the codec and length of their audio. */
function probeAudio(bytes: Uint8Array): { codec: string; seconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bishop-voice-'));
  try {
    const path = join(dir, 'voice.ogg');
    writeFileSync(path, bytes);
    const output = execFileSync('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name:format=duration',
      '-of',
      'json',
      path,
    ]);
    const probed = JSON.parse(output.toString()) as { streams: { codec_name: string }[]; format: { duration: string } };
    return { codec: probed.streams[0]?.codec_name ?? '', seconds: Number(probed.format.duration) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Telegram export folder, zipped', () => {
  it('reads result.json and hands back the voice messages’ audio', async () => {
    const { chatExport, voiceMessages } = await read('ChatExport_2024-03-05.zip');
    assert.equal(chatExport.participants.length, 2);
    assert.deepEqual(
      voiceMessages.map((v) => [v.messageId, v.fileName]),
      [[9, VOICE]],
    );
    const audio = probeAudio(voiceMessages[0]?.bytes ?? new Uint8Array());
    assert.equal(audio.codec, 'opus');
    assert.ok(audio.seconds > 1 && audio.seconds < 5, `${audio.seconds} s`);
    assert.equal([...chatExport.messages].find((m) => m.id === 9)?.text, '', 'untranscribed voice stays a placeholder');
  });

  it('puts the transcript of each voice message in its text', async () => {
    const calls: string[] = [];
    const { chatExport } = await read('ChatExport_2024-03-05.zip', async (bytes, fileName) => {
      const header = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
      calls.push(`${fileName} ${header.startsWith('OggS') && header.includes('OpusHead') ? 'opus' : 'not opus'}`);
      return ' Я буду рада тебя видеть. ';
    });
    assert.deepEqual(calls, [`${VOICE} opus`]);
    const voice = [...chatExport.messages].find((m) => m.id === 9);
    assert.equal(voice?.kind, 'voice');
    assert.equal(voice?.text, 'Я буду рада тебя видеть.');
  });

  it('refuses a zip bomb', async () => {
    await assertFailure(read('zip-bomb.zip'), 'ZIP_BOMB', /^The archive looks like a zip bomb/);
  });

  it('refuses entries that would land outside the folder', async () => {
    await assertFailure(
      read('path-traversal.zip'),
      'UNSAFE_ARCHIVE',
      'The archive contains an unsafe path: "../../.bashrc"',
    );
    await assertFailure(read('symlink.zip'), 'UNSAFE_ARCHIVE', 'The archive contains a symbolic link: "result.json"');
  });

  it('explains an archive without a chat in it', async () => {
    await assertFailure(
      read('no-result-json.zip'),
      'UNSUPPORTED_FORMAT',
      /^The archive holds no chat export Bishop reads \(Telegram result\.json, a WhatsApp \.txt/,
    );
  });
});
