import { graphql } from '../generated/index.ts';

export const AvatarSummary = graphql(`
  fragment AvatarSummary on Avatar {
    id
    name
    status
    createdAt
    updatedAt
    activePersonaVersion
  }
`);

export const AvatarList = graphql(`
  query AvatarList($after: String) {
    avatars(first: 50, after: $after) {
      nodes {
        ...AvatarSummary
        materials {
          id
        }
        chats(first: 1) {
          nodes {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AvatarOverview = graphql(`
  query AvatarOverview($id: ID!) {
    avatar(id: $id) {
      ...AvatarSummary
      personaCard {
        description
        personality
        scenario
        instructions
        gender
        languages
      }
      materials {
        id
      }
      voice {
        sample {
          id
          state
        }
      }
      chats(first: 100) {
        nodes {
          id
        }
      }
      personaVersions {
        version
      }
    }
  }
`);

export const CreateAvatar = graphql(`
  mutation CreateAvatar($name: String!, $clientMutationId: ID) {
    createAvatar(name: $name, clientMutationId: $clientMutationId) {
      avatarId
      position
    }
  }
`);

export const RenameAvatar = graphql(`
  mutation RenameAvatar($id: ID!, $name: String!) {
    renameAvatar(id: $id, name: $name) {
      position
      avatar {
        id
        name
      }
    }
  }
`);

export const EditPersonaCard = graphql(`
  mutation EditPersonaCard($id: ID!, $card: PersonaCardInput!) {
    editPersonaCard(id: $id, card: $card) {
      position
    }
  }
`);

export const DeleteAvatar = graphql(`
  mutation DeleteAvatar($id: ID!, $confirmName: String!) {
    deleteAvatar(id: $id, confirmName: $confirmName) {
      position
    }
  }
`);

export const AvatarChanged = graphql(`
  subscription AvatarChanged($avatarId: ID) {
    avatarChanged(avatarId: $avatarId) {
      position
      avatar {
        ...AvatarSummary
      }
    }
  }
`);
