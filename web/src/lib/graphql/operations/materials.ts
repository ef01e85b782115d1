import { graphql } from '../generated/index.ts';

export const MaterialFields = graphql(`
  fragment MaterialFields on Material {
    id
    fileName
    mediaType
    kind
    sizeBytes
    state
    failure {
      code
      reason
    }
    decoded {
      durationSec
      channels
      sampleRate
    }
    uploadedAt
    updatedAt
    charCount
    durationSec
    language
    preview
    participants
    chosenParticipant
    chosenParticipants
    chat {
      firstMessageAt
      lastMessageAt
      timeZoneKnown
      participants {
        name
        messageCount
        firstMessageAt
        lastMessageAt
      }
    }
    notes
    downloadUrl
    removed
  }
`);

export const MaterialList = graphql(`
  query MaterialList($avatarId: ID!) {
    avatar(id: $avatarId) {
      id
      materials {
        ...MaterialFields
      }
    }
  }
`);

export const MaterialDetail = graphql(`
  query MaterialDetail($avatarId: ID!, $materialId: ID!) {
    avatar(id: $avatarId) {
      id
      material(id: $materialId) {
        ...MaterialFields
        text(maxChars: 20000)
        speakers {
          sampleId
          threshold
          personSpeechSec
          otherSpeechSec
          failure {
            code
            reason
          }
        }
        segments(first: 500) {
          startSec
          endSec
          text
          speakerSimilarity
          isPerson
        }
      }
    }
  }
`);

export const RemoveMaterial = graphql(`
  mutation RemoveMaterial($avatarId: ID!, $materialId: ID!) {
    removeMaterial(avatarId: $avatarId, materialId: $materialId) {
      position
    }
  }
`);

export const ChooseChatParticipant = graphql(`
  mutation ChooseChatParticipant($avatarId: ID!, $materialId: ID!, $participants: [String!]!) {
    chooseChatParticipant(avatarId: $avatarId, materialId: $materialId, participants: $participants) {
      position
    }
  }
`);

export const MaterialChanged = graphql(`
  subscription MaterialChanged($avatarId: ID!) {
    materialChanged(avatarId: $avatarId) {
      position
      material {
        ...MaterialFields
      }
    }
  }
`);
