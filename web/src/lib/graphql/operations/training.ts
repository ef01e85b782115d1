import { graphql } from '../generated/index.ts';

export const TestReportFields = graphql(`
  fragment TestReportFields on TestReport {
    runId
    personaVersion
    status
    startedAt
    createdAt
    verdict
    verdictAgainst
    scoresCapped
    worse
    headline
    heldOutPairs
    pairsTested
    notes
    overall {
      replies
      newVersion
      baseline
      rawNewVersion
      rawBaseline
      lift
      liftLow
      liftHigh
      n
    }
    comparedWith {
      personaVersion
      overall
      lift
      liftLow
      liftHigh
    }
    metrics {
      metric
      replies
      measured
      reason
      onScale
      unit
      newVersion
      baseline
      rawNewVersion
      rawBaseline
      newVersionOutside {
        belowFloor
        aboveCeiling
      }
      lift
      liftLow
      liftHigh
      n
      quality
      qualityNote
    }
    examples {
      message
      real
      newVersion
      baseline
    }
  }
`);

export const RunFields = graphql(`
  fragment RunFields on TrainingRun {
    id
    status
    stage
    percent
    etaSeconds
    startedAt
    finishedAt
    settings
    personaVersion
    stats
    failure {
      code
      reason
    }
    materials {
      id
      fileName
      kind
    }
    testReport {
      personaVersion
      status
      verdict
    }
  }
`);

export const TrainingPage = graphql(`
  query TrainingPage($avatarId: ID!) {
    avatar(id: $avatarId) {
      id
      activePersonaVersion
      materials {
        id
        state
      }
      currentTraining {
        ...RunFields
      }
      trainingRuns(first: 50) {
        nodes {
          ...RunFields
        }
      }
      personaVersions {
        ...VersionVerdictFields
      }
    }
  }
`);

/** A persona version as the version list shows it: its verdict, its score, and what rolling back to it changes. */
export const VersionVerdictFields = graphql(`
  fragment VersionVerdictFields on PersonaVersion {
    version
    runId
    createdAt
    active
    stats
    materialsUsed {
      materialId
      fileName
    }
    testReport {
      status
      verdict
      verdictAgainst
      overall {
        newVersion
      }
      comparedWith {
        personaVersion
      }
    }
  }
`);

export const StartTraining = graphql(`
  mutation StartTraining($avatarId: ID!, $settings: JSON, $clientMutationId: ID) {
    startTraining(avatarId: $avatarId, settings: $settings, clientMutationId: $clientMutationId) {
      runId
      position
    }
  }
`);

export const StopTraining = graphql(`
  mutation StopTraining($avatarId: ID!, $runId: ID!) {
    stopTraining(avatarId: $avatarId, runId: $runId) {
      position
    }
  }
`);

export const ActivatePersonaVersion = graphql(`
  mutation ActivatePersonaVersion($avatarId: ID!, $version: Int!) {
    activatePersonaVersion(avatarId: $avatarId, version: $version) {
      position
    }
  }
`);

export const TrainingChanged = graphql(`
  subscription TrainingChanged($avatarId: ID!) {
    trainingChanged(avatarId: $avatarId) {
      position
      run {
        ...RunFields
      }
    }
  }
`);

export const TestChanged = graphql(`
  subscription TestChanged($avatarId: ID!) {
    testChanged(avatarId: $avatarId) {
      position
      progress {
        step
        percent
      }
      report {
        ...TestReportFields
      }
    }
  }
`);

export const TestReports = graphql(`
  query TestReports($avatarId: ID!) {
    avatar(id: $avatarId) {
      id
      activePersonaVersion
      testReports {
        ...TestReportFields
      }
      replyFeedback {
        personaVersion
        up
        down
      }
      blindTestScores {
        ...BlindTestScoreFields
      }
    }
  }
`);

export const PersonaVersionPage = graphql(`
  query PersonaVersionPage($avatarId: ID!, $version: Int!) {
    avatar(id: $avatarId) {
      id
      personaVersion(version: $version) {
        version
        runId
        createdAt
        active
        styleProfile
        embedder
        card {
          description
          personality
          scenario
          instructions
          gender
          languages
        }
        materialsUsed {
          materialId
          fileName
          kind
          participant
          passages
          pairs
        }
        testReport {
          ...TestReportFields
        }
      }
    }
  }
`);
