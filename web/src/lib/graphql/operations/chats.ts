import { graphql } from '../generated/index.ts';

export const MessageFields = graphql(`
  fragment MessageFields on Message {
    id
    chatId
    text
    sentAt
    replyState
    failure {
      code
      reason
    }
    reply {
      id
      text
      personaVersion
      latencyMs
      dub {
        state
        audioUrl
        durationSec
        voice
        failure {
          code
          reason
        }
      }
    }
  }
`);

export const ChatList = graphql(`
  query ChatList($avatarId: ID!) {
    avatar(id: $avatarId) {
      id
      chats(first: 100) {
        nodes {
          id
          title
          status
          personaVersion
          createdAt
          messageCount
          lastMessageAt
        }
      }
    }
  }
`);

export const ChatView = graphql(`
  query ChatView($chatId: ID!) {
    chat(id: $chatId) {
      id
      title
      status
      personaVersion
      messageCount
      messages(first: 100, newestFirst: true) {
        nodes {
          ...MessageFields
        }
      }
    }
  }
`);

export const OpenChat = graphql(`
  mutation OpenChat($avatarId: ID!, $title: String!, $personaVersion: Int, $clientMutationId: ID) {
    openChat(avatarId: $avatarId, title: $title, personaVersion: $personaVersion, clientMutationId: $clientMutationId) {
      chatId
      position
    }
  }
`);

export const RenameChat = graphql(`
  mutation RenameChat($id: ID!, $title: String!) {
    renameChat(id: $id, title: $title) {
      position
    }
  }
`);

export const DeleteChat = graphql(`
  mutation DeleteChat($id: ID!) {
    deleteChat(id: $id) {
      position
    }
  }
`);

export const SendMessage = graphql(`
  mutation SendMessage($chatId: ID!, $text: String!, $clientMutationId: ID) {
    sendMessage(chatId: $chatId, text: $text, clientMutationId: $clientMutationId) {
      messageId
      position
      message {
        ...MessageFields
      }
    }
  }
`);

export const CancelReply = graphql(`
  mutation CancelReply($chatId: ID!, $messageId: ID!) {
    cancelReply(chatId: $chatId, messageId: $messageId) {
      position
    }
  }
`);

export const ReplyTokens = graphql(`
  subscription ReplyTokens($chatId: ID!) {
    replyTokens(chatId: $chatId) {
      messageId
      index
      text
      done
    }
  }
`);

export const MessageChanged = graphql(`
  subscription MessageChanged($chatId: ID!) {
    messageChanged(chatId: $chatId) {
      position
      message {
        ...MessageFields
      }
    }
  }
`);
