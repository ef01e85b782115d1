import { graphql } from '../generated/index.ts';

export const VoiceFields = graphql(`
  fragment VoiceFields on Voice {
    consent {
      basis
      personName
      consentGivenOn
      statement
      recordedAt
    }
    sample {
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
  mutation CutVoiceSample($avatarId: ID!, $materialId: ID!, $startSec: Float!, $endSec: Float!) {
    cutVoiceSample(avatarId: $avatarId, materialId: $materialId, startSec: $startSec, endSec: $endSec) {
      position
    }
  }
`);
