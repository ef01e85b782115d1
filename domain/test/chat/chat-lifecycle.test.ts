import { describe, it } from 'node:test';
import type { AvatarFacts } from '../../src/avatar/avatar.facts.ts';
import type { ChatCommand } from '../../src/chat/chat.commands.ts';
import { systemActor, userActor } from '../../src/kernel/actor.ts';
import { AVATAR, BAD_IDS, CHAT, OTHER_AVATAR, STRANGER } from '../support/ids.ts';
import {
  asWorker,
  chatCommand,
  chatDeleted,
  chatSpec,
  deletedAvatar,
  liveAvatar,
  MESSAGE,
  opened,
  REPLY,
  replied,
  reply,
} from './support.ts';

const open = (
  overrides: Partial<{ chatId: string; avatarId: string; title: string; personaVersion: number | null }> = {},
  avatar: AvatarFacts | null = liveAvatar,
) => chatCommand('OpenChat', { chatId: CHAT, avatarId: AVATAR, title: ' About physics ', avatar, ...overrides });

/** One well-formed command of every type but OpenChat, given the avatar facts. */
const everyLaterCommand = (avatar: AvatarFacts | null): ChatCommand[] => [
  chatCommand('RenameChat', { title: 'Physics', avatar }),
  chatCommand('SendMessage', { messageId: MESSAGE, text: 'Hello', avatar }),
  chatCommand('RecordReply', { ...reply(), avatar }, asWorker),
  chatCommand('FailReply', { messageId: MESSAGE, reasonCode: 'LLM_DOWN', reason: 'The model is down.', avatar }),
  chatCommand('CancelReply', { messageId: MESSAGE, avatar }),
  chatCommand('RecordDub', { replyId: REPLY, blobKey: 'dubs/a.ogg', durationSec: 3, voice: 'cloned', avatar }),
  chatCommand('FailDub', { replyId: REPLY, reasonCode: 'TTS_DOWN', reason: 'Speech is down.', avatar }),
  chatCommand('DeleteChat', { avatar }),
];

describe('chat lifecycle', () => {
  describe('before the chat exists', () => {
    it("opens a chat with the owner's avatar", () => {
      chatSpec.given([]).when(open()).then([opened]);
    });

    it('pins a chat to an earlier persona version (time travel)', () => {
      chatSpec
        .given([])
        .when(open({ personaVersion: 1 }))
        .then([{ type: 'ChatOpened', data: { ...opened.data, personaVersion: 1 } } as typeof opened]);
    });

    it('rejects a persona version the avatar never had', () => {
      chatSpec
        .given([])
        .when(open({ personaVersion: 3 }))
        .thenThrows('BISHOP_ERR_NOT_FOUND', /no persona version 3/);
    });

    it('rejects an avatar that does not exist', () => {
      chatSpec.given([]).when(open({}, null)).thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects a deleted avatar', () => {
      chatSpec.given([]).when(open({}, deletedAvatar)).thenThrows('BISHOP_ERR_DELETED');
    });

    it("rejects someone else's avatar", () => {
      chatSpec
        .given([])
        .when({ ...open(), metadata: { ...open().metadata, actor: userActor(STRANGER) } })
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it("tells a stranger nothing about someone else's deleted avatar", () => {
      const strangerOpens = open({}, deletedAvatar);
      chatSpec
        .given([])
        .when({ ...strangerOpens, metadata: { ...strangerOpens.metadata, actor: userActor(STRANGER) } })
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects a system actor, who owns no avatar', () => {
      chatSpec
        .given([])
        .when({ ...open(), metadata: { ...open().metadata, actor: systemActor('import') } })
        .thenThrows('BISHOP_ERR_FORBIDDEN');
    });

    it('rejects facts of another avatar than the one named', () => {
      chatSpec
        .given([])
        .when(open({ avatarId: OTHER_AVATAR }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    for (const badId of BAD_IDS) {
      it(`rejects the chat id ${JSON.stringify(badId)}`, () => {
        chatSpec
          .given([])
          .when(open({ chatId: badId }))
          .thenThrows('BISHOP_ERR_INVALID_ID');
      });
    }

    const badTitles: [string, string, string][] = [
      ['an empty title', '', 'BISHOP_ERR_TEXT_REQUIRED'],
      ['a title over 200 characters', 't'.repeat(201), 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['a title with a line break', 'About\nphysics', 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
      ['a title that is not valid UTF-8', 'About \ud800', 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ];
    for (const [what, title, code] of badTitles) {
      it(`rejects ${what}`, () => {
        chatSpec
          .given([])
          .when(open({ title }))
          .thenThrows(code as 'BISHOP_ERR_TEXT_REQUIRED');
      });
    }

    for (const command of everyLaterCommand(liveAvatar)) {
      it(`rejects ${command.type} as not found`, () => {
        chatSpec
          .given([])
          .when(command)
          .thenThrows('BISHOP_ERR_NOT_FOUND', /chat does not exist/);
      });
    }
  });

  describe('when open', () => {
    it('rejects opening it again', () => {
      chatSpec.given([opened]).when(open()).thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('renames it', () => {
      chatSpec
        .given([opened])
        .when(chatCommand('RenameChat', { title: 'Entropy', avatar: liveAvatar }))
        .then([{ type: 'ChatRenamed', data: { title: 'Entropy' } }]);
    });

    it('ignores a rename to the current title', () => {
      chatSpec
        .given([opened])
        .when(chatCommand('RenameChat', { title: 'About physics', avatar: liveAvatar }))
        .then([]);
    });

    it('rejects a title over 200 characters', () => {
      chatSpec
        .given([opened])
        .when(chatCommand('RenameChat', { title: 'x'.repeat(250), avatar: liveAvatar }))
        .thenThrows('BISHOP_ERR_TEXT_TOO_LONG', /got 250/);
    });

    it('deletes it', () => {
      chatSpec
        .given(replied)
        .when(chatCommand('DeleteChat', { avatar: liveAvatar }))
        .then([chatDeleted]);
    });

    it('rejects avatar facts of another avatar', () => {
      chatSpec
        .given([opened])
        .when(chatCommand('DeleteChat', { avatar: { ...liveAvatar, avatarId: OTHER_AVATAR } }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });
  });

  describe('when the chat is deleted', () => {
    for (const command of everyLaterCommand(liveAvatar)) {
      it(`rejects ${command.type}`, () => {
        chatSpec
          .given([...replied, chatDeleted])
          .when(command)
          .thenThrows('BISHOP_ERR_DELETED', /chat was deleted/);
      });
    }

    it('rejects opening it again', () => {
      chatSpec.given([opened, chatDeleted]).when(open()).thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });
  });

  describe('when the avatar is deleted', () => {
    for (const command of everyLaterCommand(deletedAvatar)) {
      it(`rejects ${command.type}`, () => {
        chatSpec
          .given(replied)
          .when(command)
          .thenThrows('BISHOP_ERR_DELETED', /avatar of this chat was deleted/);
      });
    }
  });

  describe('when the avatar stream was erased', () => {
    for (const command of everyLaterCommand(null)) {
      it(`rejects ${command.type}`, () => {
        chatSpec.given(replied).when(command).thenThrows('BISHOP_ERR_DELETED');
      });
    }
  });
});
