export * from './avatar/index.ts';
export * from './chat/index.ts';
export * from './email/index.ts';
export * from './events/index.ts';
export * from './kernel/index.ts';
export * from './live/index.ts';
export * from './policy/index.ts';
export * from './user/index.ts';
