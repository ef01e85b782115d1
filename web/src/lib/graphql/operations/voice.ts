import { graphql } from '../generated/index.ts';

export const VoiceSampleFields = graphql(`
  fragment VoiceSampleFields on VoiceSample {
    id
    state
    durationSec
    loudnessLufs
    speakerConsistency
    failure {
      code
      reason
    }
    submittedAt
    audioUrl
    active
    replacesActive
    fileName
    segment {
      materialId
      startSec
      endSec
    }
    preview {
      id
      text
      state
      audioUrl
      durationSec
      voice
      failure {
        code
        reason
      }
      requestedAt
    }
  }
`);

export const VoiceFields = graphql(`
  fragment VoiceFields on Voice {
    consent {
      basis
      personName
      consentGivenOn
      statement
      recordedAt
    }
    consentWithdrawnAt
    activeSampleId
    samples {
      ...VoiceSampleFields
    }
  }
`);

export const VoicePage = graphql(`
  query VoicePage($avatarId: ID!) {
    avatar(id: $avatarId) {
      id
      name
      voice {
        ...VoiceFields
      }
      materials {
        id
        fileName
        kind
        state
        durationSec
        downloadUrl
      }
    }
  }
`);

export const RecordVoiceConsent = graphql(`
  mutation RecordVoiceConsent($avatarId: ID!, $consent: VoiceConsentInput!) {
    recordVoiceConsent(avatarId: $avatarId, consent: $consent) {
      position
    }
  }
`);

export const CutVoiceSample = graphql(`
  mutation CutVoiceSample(
    $avatarId: ID!
    $materialId: ID!
    $startSec: Float!
    $endSec: Float!
    $replacesActive: Boolean
  ) {
    cutVoiceSample(
      avatarId: $avatarId
      materialId: $materialId
      startSec: $startSec
      endSec: $endSec
      replacesActive: $replacesActive
    ) {
      position
    }
  }
`);

export const WithdrawVoiceConsent = graphql(`
  mutation WithdrawVoiceConsent($avatarId: ID!) {
    withdrawVoiceConsent(avatarId: $avatarId) {
      position
    }
  }
`);

export const ActivateVoiceSample = graphql(`
  mutation ActivateVoiceSample($avatarId: ID!, $sampleId: ID!) {
    activateVoiceSample(avatarId: $avatarId, sampleId: $sampleId) {
      position
    }
  }
`);

export const PreviewVoice = graphql(`
  mutation PreviewVoice($avatarId: ID!, $sampleId: ID!, $text: String!) {
    previewVoice(avatarId: $avatarId, sampleId: $sampleId, text: $text) {
      position
    }
  }
`);
