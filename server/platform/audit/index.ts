/** What other modules use of the audit platform: the chain-family contract of the checkpoints. */
export type { AnchoredChain, ChainWalk } from './anchored-chain.ts';
