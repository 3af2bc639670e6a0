import type { Attachment } from '../../src/desk/index.js';
import { readWebBodyCapped } from '../../src/links/web-body.js';
import type { Log } from '../../src/log.js';
import type { SlackWeb } from './web.js';
import { errorMessage } from '../../src/errors.js';

/** What the adapter reads of a Slack file object (events carry it whole, or a stub to look up). */
export interface SharedFile {
  id: string;
  name?: string | null;
  title?: string | null;
  mimetype?: string;
  filetype?: string;
  mode?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  /** `check_file_info`: the event carries only the id; files.info has the rest. */
  file_access?: string;
}

/** Text files a long paste turns into. Code, tables and web pages are left to be chat. */
const TEXT_FILETYPES = new Set(['text', 'markdown', 'post', 'rtf']);
const NON_POSTING_TEXT_MIMETYPES = new Set([
  'text/html', 'text/css', 'text/csv', 'text/tab-separated-values', 'text/calendar', 'text/vcard', 'text/x-vcard',
]);
const TEXT_EXTENSIONS = /\.(txt|text|md|markdown)$/i;
/** At most this many files of one message are read. */
const MAX_FILES = 3;
const DOWNLOAD_TIMEOUT_MS = 15_000;

export interface FileReaderOptions {
  web: SlackWeb;
  botToken: string;
  /** Largest file read, in bytes; bigger ones are skipped unread. */
  maxBytes: number;
  /** Base URL of the Web API in use: files may be served from its host too (proxies, tests). */
  apiUrl?: string;
  log: Log;
}

/** Whether a shared file is a text file worth reading as a paste. */
export function isTextFile(file: SharedFile): boolean {
  if (file.mode === 'snippet') return true;
  const mimetype = (file.mimetype ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  if (NON_POSTING_TEXT_MIMETYPES.has(mimetype)) return false;
  if (mimetype.startsWith('text/')) return true;
  if (file.filetype && TEXT_FILETYPES.has(file.filetype)) return true;
  return TEXT_EXTENSIONS.test(file.name ?? '');
}

/**
 * Reads the text files shared with a message: looks stubs up with files.info, downloads
 * url_private with the bot token (only from Slack's own hosts or the configured API host),
 * and hands back raw bytes for the core to decode.
 */
export class SharedFileReader {
  private readonly allowedHosts: ReadonlySet<string>;

  constructor(private readonly opts: FileReaderOptions) {
    const hosts = new Set<string>();
    if (opts.apiUrl) hosts.add(new URL(opts.apiUrl).host);
    this.allowedHosts = hosts;
  }

  async read(files: readonly SharedFile[]): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const stub of files.slice(0, MAX_FILES)) {
      const file = stub.file_access === 'check_file_info' || !stub.url_private ? await this.lookUp(stub.id) : stub;
      if (!file || !isTextFile(file)) continue;
      if ((file.size ?? 0) > this.opts.maxBytes) {
        this.opts.log.info({ file: file.id, size: file.size }, 'shared file too large to read');
        continue;
      }
      const bytes = await this.download(file);
      if (bytes) out.push({ name: file.name ?? file.title ?? `${file.id}.txt`, bytes });
    }
    return out;
  }

  private async lookUp(id: string): Promise<SharedFile | null> {
    const { web } = this.opts;
    try {
      const res = await web.call('files.info', () => web.client.files.info({ file: id }));
      return (res.file as SharedFile | undefined) ?? null;
    } catch (err) {
      web.reportFailure('files.info', id, err);
      return null;
    }
  }

  private async download(file: SharedFile): Promise<Uint8Array | null> {
    const url = file.url_private_download ?? file.url_private;
    if (!url || !this.mayCarryToken(url)) {
      this.opts.log.warn({ file: file.id }, 'shared file has no Slack download URL');
      return null;
    }
    try {
      const res = await fetch(url, {
        headers: { Authorization: `Bearer ${this.opts.botToken}` },
        signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      });
      if (!res.ok) {
        this.opts.log.warn({ file: file.id, status: res.status }, 'downloading a shared file failed');
        return null;
      }
      // Without files:read Slack answers with its sign-in page instead of the file.
      const type = res.headers.get('content-type') ?? '';
      if (type.startsWith('text/html') && !(file.mimetype ?? '').startsWith('text/html')) {
        this.opts.log.warn({ file: file.id }, 'Slack sent a web page instead of the file: is the files:read scope granted?');
        await res.body?.cancel();
        return null;
      }
      // The body, or null once it passes maxBytes (the file grew, or size was not reported).
      return res.body ? await readWebBodyCapped(res.body, this.opts.maxBytes) : new Uint8Array();
    } catch (err) {
      this.opts.log.warn({ file: file.id, err: errorMessage(err) }, 'downloading a shared file failed');
      return null;
    }
  }

  /** The bot token goes only to Slack's file hosts (or the configured API host), over https. */
  private mayCarryToken(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (this.allowedHosts.has(parsed.host)) return true;
    if (parsed.protocol !== 'https:') return false;
    return /(^|\.)slack\.com$|(^|\.)slack-gov\.com$/i.test(parsed.hostname);
  }
}
