/** http(s) URLs in plain text, in order, without trailing punctuation. */
const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[),.;:!?\]}]+$/;

export function findUrls(text: string): string[] {
  const urls: string[] = [];
  for (const match of text.matchAll(URL_RE)) {
    const url = match[0].replace(TRAILING, '');
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

export function stripUrls(text: string): string {
  return text.replace(URL_RE, ' ');
}

/**
 * The channel and message a message link points at: a Slack permalink
 * (…/archives/C123/p1700000000123456) or a Discord message URL (…/channels/guild/channel/message).
 */
export function messageRef(link: string): { channel: string; messageId: string } | undefined {
  const url = link.replace(/^<|>$/g, '');
  const slack = /\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})/.exec(url);
  if (slack) return { channel: slack[1] as string, messageId: `${slack[2]}.${slack[3]}` };
  const discord = /discord(?:app)?\.com\/channels\/(?:\d+|@me)\/(\d+)\/(\d+)/.exec(url);
  if (discord) return { channel: discord[1] as string, messageId: discord[2] as string };
  return undefined;
}
