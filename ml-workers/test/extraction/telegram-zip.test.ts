import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  extractChatExport,
  readExportArchive,
  type VoiceMessageAudio,
  type VoiceMessages,
} from '../../src/extraction/index.ts';
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

/** Every voice message's audio, unpacked batch by batch. */
async function allVoices(voiceMessages: VoiceMessages): Promise<VoiceMessageAudio[]> {
  const voices: VoiceMessageAudio[] = [];
  for await (const batch of voiceMessages.batches()) voices.push(...batch);
  return voices;
}

describe('Telegram export folder, zipped', () => {
  it('reads result.json and hands back the voice messages’ audio', async () => {
    const { chatExport, voiceMessages } = await read('ChatExport_2024-03-05.zip');
    assert.equal(chatExport.participants.length, 2);
    const voices = await allVoices(voiceMessages);
    assert.deepEqual(
      voices.map((v) => [v.messageId, v.fileName]),
      [[9, VOICE]],
    );
    const audio = probeAudio(voices[0]?.bytes ?? new Uint8Array());
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
  it('unpacks a chat’s voice messages a batch at a time, not all at once', async () => {
    // 120 voice messages, each its own file: unpacked all at once, a chat's thousands were held until the last.
    const dir = mkdtempSync(join(tmpdir(), 'bishop-voices-'));
    try {
      const zip = join(dir, 'ChatExport.zip');
      execFileSync('python3', ['-c', MANY_VOICES, zip, '120']);
      const { voiceMessages } = await readExportArchive({ path: zip });
      assert.equal(voiceMessages.messageIds.length, 120);
      const sizes: number[] = [];
      const seen = new Set<number>();
      for await (const batch of voiceMessages.batches()) {
        sizes.push(batch.length);
        for (const voice of batch) {
          seen.add(voice.messageId);
          assert.equal(Buffer.from(voice.bytes).toString(), `audio of ${voice.messageId}`);
        }
      }
      assert.deepEqual(sizes, [50, 50, 20]);
      assert.equal(seen.size, 120);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Telegram's folder with one voice message per message, each file holding "audio of <id>".
const MANY_VOICES = `
import json, sys, zipfile
path, count = sys.argv[1], int(sys.argv[2])
messages = [{'id': n, 'type': 'message', 'date': '2024-03-05T19:20:%02d' % (n % 60), 'date_unixtime': str(1709666400 + n),
  'from': 'Анна', 'from_id': 'user1', 'file': 'voice_messages/audio_%d.ogg' % n, 'media_type': 'voice_message',
  'mime_type': 'audio/ogg', 'duration_seconds': 2, 'text': '', 'text_entities': []} for n in range(1, count + 1)]
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('ChatExport/result.json', json.dumps({'name': 'Анна', 'type': 'personal_chat', 'id': 1, 'messages': messages}, ensure_ascii=False))
    for n in range(1, count + 1):
        z.writestr('ChatExport/voice_messages/audio_%d.ogg' % n, 'audio of %d' % n)
`;
