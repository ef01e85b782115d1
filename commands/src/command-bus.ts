import { createHash } from 'node:crypto';
import {
  type AvatarCommand,
  authorizeCommand,
  avatarDecider,
  avatarFactsOf,
  avatarStream,
  type ChangeEmail,
  type ChatCommand,
  type ChatCommandInput,
  type ChatState,
  chatDecider,
  chatStream,
  type Decider,
  type DomainCommand,
  DomainError,
  type DomainEvent,
  emailDecider,
  emailReservationStreamName,
  ownerOfAvatar,
  ownerOfChat,
  ownerOfUser,
  type RegisterUser,
  type ReserveEmail,
  type UserCommand,
  userDecider,
  userStream,
  validEmail,
  validId,
} from '@bishop/domain';
import { aggregateOf, type EventStore, type StreamFold } from '@bishop/domain/ports';
import type { CommandResult } from './command-result.ts';
import { deterministicUuid } from './deterministic-id.ts';
import { handleCommand } from './handle-command.ts';

export interface CommandBus {
  /** Sign-up: reserves the email (unique across users), then registers the user. */
  registerUser(command: RegisterUser): Promise<CommandResult>;
  /** A new address: reserves it (unique across users), then changes the user's email. */
  changeEmail(userId: string, command: ChangeEmail): Promise<CommandResult>;
  user(userId: string, command: Exclude<UserCommand, RegisterUser | ChangeEmail>): Promise<CommandResult>;
  avatar(avatarId: string, command: AvatarCommand): Promise<CommandResult>;
  chat(chatId: string, command: ChatCommandInput): Promise<CommandResult>;
}

/**
 * Routes each command to its stream and decider. Authorization happens here,
 * once, for every command: the actor's kind must be allowed and a user must
 * own the stream (domain/policy).
 */
export function createCommandBus(deps: { readonly eventStore: EventStore }): CommandBus {
  const { eventStore } = deps;

  const stateOf = async <State, Event extends DomainEvent>(stream: string, fold: StreamFold<State, Event>) =>
    (await aggregateOf(eventStore, stream, fold)).state;

  async function reserveEmail(command: RegisterUser | (ChangeEmail & { data: { userId: string } })): Promise<void> {
    const email = validEmail(command.data.email);
    const stream = emailReservationStreamName(createHash('sha256').update(email).digest('hex'));
    await handleCommand({
      eventStore,
      stream,
      decider: emailDecider,
      commandId: deterministicUuid(command.metadata.commandId, 'reserve-email'),
      dataSubject: undefined,
      prepare: async (reservation) => {
        const holder = reservation.status === 'held' ? reservation.userId : null;
        // A holder whose registration never happened (a crash between the two appends), whose
        // account was deleted since, or who moved to another address, may be replaced.
        const previousHolderRegistered =
          holder !== null && holder !== command.data.userId ? await stillUses(holder, email) : true;
        const reserve: ReserveEmail = {
          type: 'ReserveEmail',
          data: { userId: command.data.userId, previousHolderRegistered },
          metadata: { ...command.metadata, actor: { kind: 'system', service: 'auth' } },
        };
        authorizeCommand(reserve.type, reserve.metadata.actor, null);
        return reserve;
      },
    });
  }

  async function stillUses(userId: string, email: string): Promise<boolean> {
    const user = await stateOf(userStream(userId), userDecider);
    return user.status === 'registered' && user.email === email;
  }

  /** A command on a stream whose owner is in its own state (user, avatar); the stream is also the data subject. */
  function ownedStreamCommand<State, C extends DomainCommand, Event extends DomainEvent>(
    stream: string,
    decider: Decider<State, C, Event>,
    ownerOf: (state: State) => string | null,
    command: C,
  ): Promise<CommandResult> {
    return handleCommand({
      eventStore,
      stream,
      decider,
      commandId: command.metadata.commandId,
      dataSubject: stream,
      prepare: (state) => {
        authorizeCommand(command.type, command.metadata.actor, ownerOf(state));
        return command;
      },
    });
  }

  return {
    async registerUser(command) {
      const userId = validId(command.data.userId, 'userId');
      // Validate the whole registration before reserving anything.
      userDecider.decide(command, userDecider.initialState());
      await reserveEmail(command);
      return ownedStreamCommand(userStream(userId), userDecider, ownerOfUser, command);
    },

    async changeEmail(userId, command) {
      const stream = userStream(validId(userId, 'userId'));
      // Only the account's owner may take an address for it: checked before anything is reserved.
      authorizeCommand(command.type, command.metadata.actor, ownerOfUser(await stateOf(stream, userDecider)));
      await reserveEmail({ ...command, data: { ...command.data, userId } });
      return ownedStreamCommand(stream, userDecider, ownerOfUser, command);
    },

    async user(userId, command) {
      return ownedStreamCommand(userStream(validId(userId, 'userId')), userDecider, ownerOfUser, command);
    },

    async avatar(avatarId, command) {
      const stream = avatarStream(validId(avatarId, 'avatarId'));
      if (command.type === 'CreateAvatar' && command.data.avatarId !== avatarId) {
        throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'The avatar id in the command does not match its target', {
          field: 'avatarId',
        });
      }
      if (command.type === 'CreateAvatar' && command.metadata.actor.kind === 'user') {
        // A deleted account's access token lives on for minutes: it must not start a new avatar.
        const owner = await stateOf(userStream(command.metadata.actor.userId), userDecider);
        if (owner.status === 'deleted') throw new DomainError('BISHOP_ERR_DELETED', 'This account was deleted');
      }
      return ownedStreamCommand(stream, avatarDecider, ownerOfAvatar, command);
    },

    async chat(chatId, input) {
      // The chat's avatar: named by OpenChat, remembered by the chat afterwards.
      const avatarIdOf = (chat: ChatState) =>
        chat.status !== 'absent'
          ? chat.avatarId
          : input.type === 'OpenChat'
            ? validId(input.data.avatarId, 'avatarId')
            : null;
      return handleCommand({
        eventStore,
        stream: chatStream(validId(chatId, 'chatId')),
        decider: chatDecider,
        commandId: input.metadata.commandId,
        dataSubject: (chat) => {
          const avatarId = avatarIdOf(chat);
          return avatarId ? avatarStream(avatarId) : undefined;
        },
        prepare: async (chat) => {
          authorizeCommand(input.type, input.metadata.actor, ownerOfChat(chat));
          const avatarId = avatarIdOf(chat);
          const avatar = avatarId ? avatarFactsOf(await stateOf(avatarStream(avatarId), avatarDecider)) : null;
          return { ...input, data: { ...input.data, avatar } } as ChatCommand;
        },
      });
    },
  };
}
