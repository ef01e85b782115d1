import type { AvatarCommand } from '../avatar/avatar.commands.ts';
import type { ChatCommand } from '../chat/chat.commands.ts';
import type { EmailCommand } from '../email/email.commands.ts';
import type { UserCommand } from '../user/user.commands.ts';

export type DomainCommand = UserCommand | EmailCommand | AvatarCommand | ChatCommand;
export type DomainCommandType = DomainCommand['type'];
