import { graphql } from '../generated/index.ts';

export const BlindTestRoundFields = graphql(`
  fragment BlindTestRoundFields on BlindTestRound {
    personaVersion
    pairs {
      index
      message
      options {
        id
        text
      }
    }
  }
`);

export const BlindTestScoreFields = graphql(`
  fragment BlindTestScoreFields on BlindTestScore {
    personaVersion
    guesses
    correct
    accuracy
  }
`);

export const BlindTestPage = graphql(`
  query BlindTestPage($avatarId: ID!) {
    avatar(id: $avatarId) {
      id
      blindTest {
        ...BlindTestRoundFields
      }
      blindTestScores {
        ...BlindTestScoreFields
      }
      blindTestInvites {
        id
        createdAt
        expiresAt
        revokedAt
        open
        guesses
      }
    }
  }
`);

export const GuessBlindTest = graphql(`
  mutation GuessBlindTest($avatarId: ID!, $personaVersion: Int!, $pairIndex: Int!, $optionId: ID!) {
    guessBlindTest(avatarId: $avatarId, personaVersion: $personaVersion, pairIndex: $pairIndex, optionId: $optionId) {
      correct
      realOptionId
      counted
      position
    }
  }
`);

export const CreateBlindTestInvite = graphql(`
  mutation CreateBlindTestInvite($avatarId: ID!, $days: Int!) {
    createBlindTestInvite(avatarId: $avatarId, days: $days) {
      token
      invite {
        id
      }
      position
    }
  }
`);

export const RevokeBlindTestInvite = graphql(`
  mutation RevokeBlindTestInvite($avatarId: ID!, $inviteId: ID!) {
    revokeBlindTestInvite(avatarId: $avatarId, inviteId: $inviteId) {
      position
    }
  }
`);

export const InvitedBlindTest = graphql(`
  query InvitedBlindTest($token: String!) {
    invitedBlindTest(token: $token) {
      ...BlindTestRoundFields
    }
  }
`);

export const GuessInvitedBlindTest = graphql(`
  mutation GuessInvitedBlindTest(
    $token: String!
    $guesser: ID!
    $personaVersion: Int!
    $pairIndex: Int!
    $optionId: ID!
  ) {
    guessInvitedBlindTest(
      token: $token
      guesser: $guesser
      personaVersion: $personaVersion
      pairIndex: $pairIndex
      optionId: $optionId
    ) {
      correct
      realOptionId
      counted
      position
    }
  }
`);
