export { chainHashOf } from './event-hash.ts';
export { createHashChainedEventStore } from './hash-chained-event-store.ts';
export { createSignedChainHeads, type SignedChainHeads, type SignedHead } from './signed-heads.ts';
export {
  type ChainProblem,
  type ChainProblemKind,
  type ChainWitness,
  type StreamVerification,
  verifyStreamChain,
} from './verify-chain.ts';
