/** Readable fixed UUIDs: `id(7)` → `00000000-0000-4000-8000-000000000007`. */
export const id = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const OWNER = id(1);
export const STRANGER = id(2);
export const AVATAR = id(10);
export const OTHER_AVATAR = id(11);
export const CHAT = id(30);
export const BAD_IDS = [
  '',
  'not-a-uuid',
  '00000000-0000-4000-8000-00000000000Z',
  'ABCDEF00-0000-4000-8000-000000000001',
  '../etc/passwd',
];

export const sha = (n: number): string => n.toString(16).padStart(64, '0');
