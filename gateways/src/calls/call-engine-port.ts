import type { Actor, CallServerMessage } from '@bishop/domain';

/**
 * What the gateway needs of the call engine (ml-workers' createCallEngine,
 * wired by infra: the gateway may not import ml-workers). The socket's side
 * of a call: audio and control in, messages and audio out.
 */
export interface CallPeerPort {
  readonly chatId: string;
  readonly avatarId: string;
  readonly actor: Actor;
  readonly correlationId: string;
  send(message: CallServerMessage): void;
  sendAudio(pcm: Uint8Array): void;
  onEnded(end: { reasonCode: string; reason: string }): void;
}

export interface CallSessionPort {
  readonly callId: string;
  pushAudio(pcm: Int16Array): void;
  end(reasonCode: string, reason: string): Promise<void>;
}

export interface CallEnginePort {
  open(peer: CallPeerPort): Promise<CallSessionPort>;
}
