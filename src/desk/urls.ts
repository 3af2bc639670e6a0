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
