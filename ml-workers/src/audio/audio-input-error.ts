/** Why an input could not be used as audio; `reason` is for code, the message is for the person who uploaded it. */
export const AudioInputFailure = {
  NotFound: 'not-found',
  NotMedia: 'not-media',
  NoAudioTrack: 'no-audio-track',
  Timeout: 'timeout',
  DecodeFailed: 'decode-failed',
  TooLong: 'too-long',
  ToolMissing: 'tool-missing',
} as const;
export type AudioInputFailure = (typeof AudioInputFailure)[keyof typeof AudioInputFailure];

export class AudioInputError extends Error {
  override readonly name = 'AudioInputError';
  readonly reason: AudioInputFailure;

  constructor(reason: AudioInputFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}
