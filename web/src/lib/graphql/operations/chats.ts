import { graphql } from '../generated/index.ts';

export const ReplyFields = graphql(`
  fragment ReplyFields on Reply {
    id
    text
    personaVersion
    latencyMs
    model
    closeness
    lowConfidence
    rating
    repliedAt
    cut {
      heardSec
      spokenSec
      heardText
    }
    sources {
      id
      kind
      text
      prompt
      startSec
      saidAt
      material {
        id
        fileName
        uploadedAt
      }
    }
    dub {
      state
      audioUrl
      durationSec
      voice
      madeUnderWithdrawnConsent
      failure {
        code
        reason
      }
    }
  }
`);

export const MessageFields = graphql(`
  fragment MessageFields on Message {
    id
    chatId
    kind
    text
    sentAt
    editedAt
    deletedAt
    replyState
    voice {
      transcriptState
      audioUrl
      durationSec
      language
      callId
      segments {
        startSec
        endSec
        text
      }
    }
    failure {
      code
      reason
    }
    reply {
      ...ReplyFields
    }
    replies {
      id
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
          untitled
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
      untitled
      status
      personaVersion
      messageCount
      # The newest 50: a message with its reply, sources and voice costs ~58 points, and 100 of them passed the
      # gateway's limit of 5000 (gateways/test/web-operations-cost.test.ts).
      messages(first: 50, newestFirst: true) {
        nodes {
          ...MessageFields
        }
      }
    }
  }
`);

export const OpenChat = graphql(`
  mutation OpenChat($avatarId: ID!, $title: String, $personaVersion: Int, $clientMutationId: ID) {
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

export const RegenerateReply = graphql(`
  mutation RegenerateReply($chatId: ID!, $messageId: ID!) {
    regenerateReply(chatId: $chatId, messageId: $messageId) {
      position
    }
  }
`);

export const ChooseReply = graphql(`
  mutation ChooseReply($chatId: ID!, $messageId: ID!, $replyId: ID!) {
    chooseReply(chatId: $chatId, messageId: $messageId, replyId: $replyId) {
      position
    }
  }
`);

export const RateReply = graphql(`
  mutation RateReply($chatId: ID!, $replyId: ID!, $rating: Rating) {
    rateReply(chatId: $chatId, replyId: $replyId, rating: $rating) {
      position
    }
  }
`);

export const EditMessage = graphql(`
  mutation EditMessage($chatId: ID!, $messageId: ID!, $text: String!) {
    editMessage(chatId: $chatId, messageId: $messageId, text: $text) {
      position
    }
  }
`);

export const DeleteMessage = graphql(`
  mutation DeleteMessage($chatId: ID!, $messageId: ID!) {
    deleteMessage(chatId: $chatId, messageId: $messageId) {
      position
    }
  }
`);

export const SearchChats = graphql(`
  query SearchChats($avatarId: ID!, $text: String!) {
    searchChats(avatarId: $avatarId, text: $text, first: 50) {
      chatId
      chatTitle
      message {
        id
        text
        sentAt
        reply {
          id
          text
        }
      }
    }
  }
`);
