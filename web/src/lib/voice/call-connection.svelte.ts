import { session } from '../session/session.svelte.ts';
import { captureMicrophone, createPlayer } from './call-audio.ts';

/** The server's messages this client acts on (the web app knows Bishop through its API only: call-protocol.md). */
type CallServerMessage =
  | {
      type: 'ready';
      callId: string;
      avatarName: string;
      voice: 'cloned' | 'generic';
      imitates: string | null;
      engine: string;
    }
  | { type: 'speech-started' | 'speech-ended' }
  | { type: 'audio-start'; sampleRate: number }
  | { type: 'barge-in' | 'reply-end' }
  | { type: 'ended'; reason: string }
  | { type: 'transcript' | 'reply-token' | 'turn-timings' | 'turn-saved' | 'error' };

export type CallStatus = 'connecting' | 'listening' | 'hearing' | 'thinking' | 'speaking' | 'ended';
type Ready = Extract<CallServerMessage, { type: 'ready' }>;

/**
 * A live call from the browser (protocol: gateways/src/calls/call-protocol.md):
 * the microphone streamed as 16 kHz PCM, the avatar's voice played as it
 * arrives and dropped the moment the server says the user barged in.
 */
export class CallConnection {
  status = $state<CallStatus>('connecting');
  ready = $state<Ready | null>(null);
  level = $state(0);
  endedReason = $state<string | null>(null);
  #socket: WebSocket | null = null;
  #microphone: { stop(): Promise<void> } | null = null;
  #player = createPlayer();
  #sampleRate = 16_000;

  async start(chatId: string): Promise<void> {
    const token = await session.accessToken();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/chats/${encodeURIComponent(chatId)}/call`);
    socket.binaryType = 'arraybuffer';
    this.#socket = socket;
    socket.addEventListener('open', () =>
      socket.send(JSON.stringify({ type: 'start', authorization: `Bearer ${token}` })),
    );
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') this.#receive(JSON.parse(event.data) as CallServerMessage);
      else this.#player.play(new Int16Array(event.data as ArrayBuffer), this.#sampleRate);
    });
    socket.addEventListener('close', (event) => {
      if (this.status !== 'ended') this.endedReason ??= event.reason || String(event.code);
      void this.#finish();
    });
    this.#microphone = await captureMicrophone((pcm, level) => {
      this.level = level;
      if (this.ready && socket.readyState === WebSocket.OPEN) socket.send(pcm);
    });
  }

  hangUp(): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify({ type: 'hangup' }));
    else void this.#finish();
  }

  #receive(message: CallServerMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = message;
        this.status = 'listening';
        break;
      case 'speech-started':
        this.status = 'hearing';
        break;
      case 'speech-ended':
        this.status = 'thinking';
        break;
      case 'audio-start':
        this.#sampleRate = message.sampleRate;
        this.status = 'speaking';
        break;
      case 'barge-in':
        this.#player.flush();
        this.status = 'hearing';
        break;
      case 'reply-end':
        this.status = 'listening';
        break;
      case 'ended':
        this.endedReason = message.reason;
        this.status = 'ended';
        break;
      default:
        break;
    }
  }

  async #finish(): Promise<void> {
    this.status = 'ended';
    await this.#microphone?.stop();
    this.#microphone = null;
    await this.#player.close().catch(() => {});
  }
}
