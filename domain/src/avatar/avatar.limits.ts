import type { JsonRule } from '../kernel/json.ts';

export const avatarLimits = {
  nameMaxLength: 100,
  personaTextMaxLength: 4000,
  languagesMax: 10,
  liveMaterialsMax: 1000,
  materialMaxBytes: 4 * 1024 ** 3,
  fileNameMaxLength: 255,
  mediaTypeMaxLength: 255,
  participantNameMaxLength: 200,
  participantsMax: 1000,
  previewMaxLength: 500,
  personNameMaxLength: 200,
  consentStatementMaxLength: 2000,
  voiceSampleMinSec: 6,
  voiceSampleMaxSec: 60,
  voicePreviewTextMaxLength: 500,
  trainingSettingsMaxLength: 16 * 1024,
  trainingStatsMaxLength: 64 * 1024,
  testReportMaxLength: 256 * 1024,
  blindTestInviteMaxDays: 30,
  blindTestOpenInvitesMax: 20,
  blindTestPairsMax: 100,
} as const;

/** What a test report must be to be recorded: the service's own figures, quoting the person's texts. */
export const testReportRule: JsonRule = {
  field: 'Test report',
  maxLength: avatarLimits.testReportMaxLength,
  computed: true,
};
