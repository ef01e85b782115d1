import type { CallPeer } from '@bishop/domain';

/**
 * What the gateway needs of the call engine (ml-workers' createCallEngine,
 * wired by infra: the gateway may not import ml-workers). The socket's side
 * of a call (CallPeer, in the domain's call protocol) goes in; a session that
 * takes the caller's audio comes out.
 */
export interface CallSessionPort {
  readonly callId: string;
  pushAudio(pcm: Int16Array): void;
  end(reasonCode: string, reason: string): Promise<void>;
}

export interface CallEnginePort {
  open(peer: CallPeer): Promise<CallSessionPort>;
}
