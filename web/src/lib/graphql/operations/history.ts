import { graphql } from '../generated/index.ts';

export const Timeline = graphql(`
  query Timeline($avatarId: ID!, $after: String, $kinds: [TimelineKind!]) {
    avatar(id: $avatarId) {
      id
      chainHead {
        hash
        revision
      }
      materials(includeRemoved: true) {
        id
        fileName
      }
      timeline(first: 50, after: $after, kinds: $kinds) {
        nodes {
          position
          type
          kind
          actor
          occurredAt
          summary
          chatId
          details
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
