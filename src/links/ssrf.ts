import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { UserError } from '../errors.js';

/**
 * The SSRF guard: a link shared in a channel must never make the bot reach loopback, a private
 * network, link-local or a cloud metadata endpoint. Hosts are resolved once, every answer is
 * vetted, and the connection is pinned to the vetted address (see pinnedLookup), so a DNS
 * answer that changes between the check and the connect cannot get through.
 */

export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'ula';

interface Range {
  /** 4 bytes for IPv4, 16 for IPv6. */
  prefix: number[];
  bits: number;
  kind: AddressClass;
}

function v4(cidr: string, kind: AddressClass): Range {
  const [addr, bits] = cidr.split('/');
  return { prefix: (addr ?? '').split('.').map(Number), bits: Number(bits), kind };
}
function v6(cidr: string, kind: AddressClass): Range {
  const [addr, bits] = cidr.split('/');
  return { prefix: ipv6Bytes(addr ?? '') ?? [], bits: Number(bits), kind };
}

// Most specific first: the first match names the class.
const IPV4_RANGES: readonly Range[] = [
  v4('169.254.169.254/32', 'metadata'),
  v4('169.254.170.2/32', 'metadata'),
  v4('100.100.100.200/32', 'metadata'),
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'cgnat'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'reserved'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'reserved'),
  v4('198.51.100.0/24', 'reserved'),
  v4('203.0.113.0/24', 'reserved'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
];

const IPV6_RANGES: readonly Range[] = [
  v6('fd00:ec2::254/128', 'metadata'),
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('100::/64', 'reserved'),
  v6('2001:db8::/32', 'reserved'),
  v6('fc00::/7', 'ula'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'link-local'),
  v6('ff00::/8', 'multicast'),
];

/**
 * IPv6 transition forms that carry an IPv4 address: a relay or translator on the way delivers
 * the packet to that IPv4 address, so the address is as private as the IPv4 it carries.
 */
const EMBEDS_V4_LAST32: readonly Range[] = [
  v6('::ffff:0:0/96', 'reserved'), // IPv4-mapped
  v6('::/96', 'reserved'), // IPv4-compatible (deprecated, still routed by some stacks)
  v6('::ffff:0:0:0/96', 'reserved'), // SIIT
  v6('64:ff9b::/96', 'reserved'), // NAT64's well-known prefix (RFC 6052)
];
/**
 * Local-use NAT64 (RFC 8215): the operator picks a /48, /56, /64 or /96 inside it, and RFC 6052
 * puts the IPv4 in different bytes for each (skipping byte 8): every placement is checked.
 */
const NAT64_LOCAL = v6('64:ff9b:1::/48', 'reserved');
const NAT64_LOCAL_V4_BYTES: readonly (readonly number[])[] = [
  [6, 7, 9, 10],
  [7, 9, 10, 11],
  [9, 10, 11, 12],
  [12, 13, 14, 15],
];
/** 6to4 (RFC 3056): 2002:AABB:CCDD::/48 is the site behind IPv4 A.B.C.D (bits 16–47). */
const SIX_TO_FOUR = v6('2002::/16', 'reserved');
/**
 * Teredo (RFC 4380): 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC, the server's IPv4 in bits 32–63 and
 * the client's in the last 32 bits, every bit inverted.
 */
const TEREDO = v6('2001::/32', 'reserved');

function matches(bytes: readonly number[], range: Range): boolean {
  if (bytes.length !== range.prefix.length) return false;
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Bytes(address: string): number[] | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** The 16 bytes of an IPv6 address (with an optional dotted IPv4 tail), or null. */
export function ipv6Bytes(address: string): number[] | null {
  let addr = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(addr);
  if (dotted?.[1]) {
    const four = ipv4Bytes(dotted[1]);
    if (!four) return null;
    tail = four;
    addr = addr.slice(0, -dotted[1].length) + '0:0';
  }
  const halves = addr.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The class of a blocked address, or null for an ordinary public address. */
export function classifyAddress(address: string): AddressClass | null {
  const family = isIP(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (family === 4) {
    const bytes = ipv4Bytes(address);
    if (!bytes) return 'reserved';
    if (bytes.every((b) => b === 255)) return 'multicast'; // limited broadcast
    return IPV4_RANGES.find((r) => matches(bytes, r))?.kind ?? null;
  }
  if (family === 6) {
    const bytes = ipv6Bytes(address);
    if (!bytes) return 'reserved';
    const own = IPV6_RANGES.find((r) => matches(bytes, r));
    if (own) return own.kind;
    return classifyEmbeddedV4(bytes);
  }
  // Not an address at all: never connect to it.
  return 'reserved';
}

/** The class of the IPv4 address an IPv6 transition form carries; null when it carries none or a public one. */
function classifyEmbeddedV4(bytes: readonly number[]): AddressClass | null {
  const ofV4 = (four: readonly number[]): AddressClass | null => classifyAddress(four.join('.'));
  if (EMBEDS_V4_LAST32.some((r) => matches(bytes, r))) return ofV4(bytes.slice(12, 16));
  if (matches(bytes, NAT64_LOCAL)) {
    // The zero bytes around the IPv4 read as 0.x.x.x in the placements the operator did not pick:
    // only a placement that is all 0.x.x.x counts as 'unspecified'.
    const kinds = NAT64_LOCAL_V4_BYTES.map((at) => ofV4(at.map((i) => bytes[i] ?? 0)));
    return kinds.find((k) => k !== null && k !== 'unspecified') ?? (kinds.every((k) => k === 'unspecified') ? 'unspecified' : null);
  }
  if (matches(bytes, SIX_TO_FOUR)) return ofV4(bytes.slice(2, 6));
  if (matches(bytes, TEREDO)) {
    // Either end may be the one that reaches inside: the client (where packets are delivered) or the relaying server.
    return ofV4(bytes.slice(12, 16).map((b) => b ^ 0xff)) ?? ofV4(bytes.slice(4, 8));
  }
  return null;
}

/** Whether a blocked class may be reached when private addresses are allowed (tests, local development). */
function allowedWhenPrivateOk(kind: AddressClass): boolean {
  // Metadata endpoints hand out cloud credentials: never, whatever the setting says.
  return kind !== 'metadata';
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (dns.lookup by default; tests inject their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export interface VetOptions {
  allowPrivate?: boolean;
  resolver?: Resolver;
}

const PRIVATE_MESSAGE = 'Links to private addresses are not fetched.';

/**
 * Resolves `hostname` (a URL's hostname: IPv4 literals already normalised by WHATWG URL
 * parsing, IPv6 in brackets) and returns the one address the connection must use.
 * Throws UserError('private-address') when no answer is allowed.
 */
export async function vetHost(hostname: string, opts: VetOptions = {}): Promise<ResolvedAddress> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(bare);
  let answers: ResolvedAddress[];
  if (literal) {
    answers = [{ address: bare, family: literal === 6 ? 6 : 4 }];
  } else {
    // Names that are addresses in disguise or local by definition: refuse before asking DNS.
    if (/^(localhost|.*\.localhost|.*\.local|.*\.internal|.*\.home\.arpa)\.?$/i.test(bare) && !opts.allowPrivate) {
      throw new UserError('private-address', PRIVATE_MESSAGE);
    }
    try {
      answers = await (opts.resolver ?? systemResolver)(bare);
    } catch {
      throw new UserError('fetch-failed', "That link's site could not be found.");
    }
    if (answers.length === 0) throw new UserError('fetch-failed', "That link's site could not be found.");
  }
  for (const answer of answers) {
    const kind = classifyAddress(answer.address);
    if (kind === null || (opts.allowPrivate && allowedWhenPrivateOk(kind))) return answer;
  }
  throw new UserError('private-address', PRIVATE_MESSAGE);
}

/**
 * A `lookup` for net/tls.connect that answers every query with the vetted address, so the
 * socket goes exactly where the check said, whatever DNS says by the time it connects.
 */
export function pinnedLookup(vetted: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean } | number | undefined, callback: (...args: unknown[]) => void) => {
    const cb = typeof options === 'function' ? (options as (...args: unknown[]) => void) : callback;
    const all = typeof options === 'object' && options !== null && options.all === true;
    if (all) cb(null, [{ address: vetted.address, family: vetted.family }]);
    else cb(null, vetted.address, vetted.family);
  }) as unknown as LookupFunction;
}

let warnedAboutPrivate = false;
/** Logs once per process that the guard is relaxed: it must never be on by accident. */
export function warnPrivateAllowedOnce(log: { warn(obj: object, msg: string): void } | undefined): void {
  if (warnedAboutPrivate) return;
  warnedAboutPrivate = true;
  const msg = 'JOBCARD_ALLOW_PRIVATE_URLS is on: the link fetcher will reach loopback and private networks (tests and local development only)';
  if (log) log.warn({ setting: 'JOBCARD_ALLOW_PRIVATE_URLS' }, msg);
  else process.emitWarning(msg);
}
