import { decodeText } from '../decode-text.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import type { ChatExport, ParsedChatExport, ReadEntries } from './chat-export.ts';
import type { Conversation } from './conversations.ts';
import { discordConversation, isDiscordExport } from './discord-json.ts';
import { conversationsExport, parseJson } from './json-export.ts';
import { isMessengerThread, messengerConversation } from './messenger-json.ts';
import { slackConversations, slackNames } from './slack-export.ts';
import { vkConversation, vkPageMessages } from './vk-html.ts';
import { type ArchivedVoice, archivedVoiceMessages, noVoiceMessages } from './voice-messages.ts';

const MESSENGER_FILE = /(?:^|\/)inbox\/[^/]+\/message_\d+\.json$/;
const VK_PAGE = /(?:^|\/)messages\/[^/]+\/messages\d*\.html$/;
const SLACK_DAY = /(?:^|\/)([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/;

export const isSlackExport = (paths: readonly string[]) =>
  paths.some((p) => /(?:^|\/)users\.json$/.test(p)) && paths.some((p) => SLACK_DAY.test(p));
export const isMessengerExport = (paths: readonly string[]) => paths.some((p) => MESSENGER_FILE.test(p));
export const isVkArchive = (paths: readonly string[]) => paths.some((p) => VK_PAGE.test(p));
export const isDiscordArchive = (paths: readonly string[]) => paths.some((p) => p.endsWith('.json'));

/** Facebook's or Instagram's "Download your information": every thread of the inbox, each a conversation. */
export async function readMessengerArchive(paths: readonly string[], read: ReadEntries): Promise<ParsedChatExport> {
  const files = await read((path) => MESSENGER_FILE.test(path));
  const byThread = new Map<string, Conversation>();
  for (const [path, bytes] of files) {
    const root = parseJson(bytes.toString('utf8'), `"${path}"`);
    if (!isMessengerThread(root)) continue;
    const folder = path.slice(0, path.lastIndexOf('/'));
    const part = messengerConversation(root);
    const known = byThread.get(folder);
    byThread.set(folder, known ? { ...known, messages: [...known.messages, ...part.messages] } : part);
  }
  const source = paths.some((p) => /instagram/i.test(p)) ? 'instagram' : 'facebook';
  return withVoice(conversationsExport(source, [...byThread.values()]), paths, read);
}

/** Slack's workspace export: users.json names people; each channel folder holds one JSON file per day. */
export async function readSlackArchive(_paths: readonly string[], read: ReadEntries): Promise<ParsedChatExport> {
  const files = await read((path) => /(?:^|\/)users\.json$/.test(path) || SLACK_DAY.test(path));
  const usersPath = [...files.keys()].find((path) => /(?:^|\/)users\.json$/.test(path)) ?? '';
  const users = parseJson(files.get(usersPath)?.toString('utf8') ?? '[]', 'users.json');
  const names = slackNames(Array.isArray(users) ? users : []);
  const days = new Map<string, unknown[]>();
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const channel = SLACK_DAY.exec(path)?.[1];
    if (channel === undefined) continue;
    days.set(channel, [...(days.get(channel) ?? []), parseJson(bytes.toString('utf8'), `"${path}"`)]);
  }
  const conversations = [...days].flatMap(([channel, list]) => slackConversations(channel, list, names));
  return { chatExport: conversationsExport('slack', conversations), voiceMessages: noVoiceMessages };
}

/** VK's data archive: messages/<peer>/messagesN.html in Windows-1251, one folder per chat. */
export async function readVkArchive(_paths: readonly string[], read: ReadEntries): Promise<ParsedChatExport> {
  const files = await read((path) => VK_PAGE.test(path));
  const byPeer = new Map<string, ReturnType<typeof vkPageMessages>[]>();
  for (const [path, bytes] of files) {
    const peer = path.split('/').at(-2) ?? path;
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 1024).toString('latin1'))?.[1];
    const html = decodeText(bytes, { claimedAs: '.html', declaredCharset: declared ?? 'windows-1251' }).text;
    byPeer.set(peer, [...(byPeer.get(peer) ?? []), vkPageMessages(html)]);
  }
  const conversations = [...byPeer].map(([peer, pages]) => vkConversation(peer, pages));
  // VK writes the owner's wall-clock time, without a zone.
  return { chatExport: conversationsExport('vk', conversations, { zoneKnown: false }), voiceMessages: noVoiceMessages };
}

/** DiscordChatExporter's JSON files (one per channel), with the media folders `--media` writes beside them. */
export async function readDiscordArchive(paths: readonly string[], read: ReadEntries): Promise<ParsedChatExport> {
  const files = await read((path) => path.endsWith('.json') && !path.includes('.json_Files/'));
  const conversations = [...files].flatMap(([path, bytes]) => {
    const root = parseJson(bytes.toString('utf8'), `"${path}"`);
    return isDiscordExport(root) ? [discordConversation(root)] : [];
  });
  if (conversations.length === 0) {
    throw new ExtractionFailure('UNSUPPORTED_FORMAT', 'The archive’s JSON files are not a chat export Bishop reads');
  }
  return withVoice(conversationsExport('discord', conversations), paths, read);
}

/** Unpacks the audio each voice message names (a path from the export's root, or from its JSON's folder). */
export async function withVoice(
  chatExport: ChatExport,
  paths: readonly string[],
  read: ReadEntries,
): Promise<ParsedChatExport> {
  const voices: ArchivedVoice[] = [];
  for (const message of chatExport.messages) {
    const name = message.kind === 'voice' ? message.media?.fileName : null;
    const path = name ? paths.find((p) => p === name || p.endsWith(`/${name}`)) : undefined;
    if (path) voices.push({ messageId: message.id, fileName: path.slice(path.lastIndexOf('/') + 1), path });
  }
  return { chatExport, voiceMessages: archivedVoiceMessages(voices, read) };
}
