import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLink, type FetchOptions } from '../../src/links/fetch.js';
import { classifyAddress, ipv6Bytes, pinnedLookup, vetHost, type ResolvedAddress, type Resolver } from '../../src/links/ssrf.js';
import { userFailure } from './failure.js';
import { html, redirect, startHttpSite, type HttpSite } from '../fakes/http-site.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  return (await userFailure(p)).code;
}

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.10.1', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fd00:ec2::254', 'metadata'],
    ['fc00::1', 'ula'],
    ['fd12:3456::1', 'ula'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:7f00:1::', 'loopback'],
    // 6to4: the IPv4 is bits 16–47.
    ['2002:a9fe:a9fe::1', 'metadata'],
    ['2002:c0a8:101::1', 'private'],
    ['2002:a00:1:1234::5', 'private'],
    // Teredo: the client's IPv4 is the last 32 bits inverted, the server's bits 32–63.
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
    ['2001:0:4136:e378:8000:63bf:5601:5601', 'metadata'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private'],
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', 'private'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // RFC 4380's example: client 192.0.2.45, a documentation address
    // NAT64, well-known /96 and local-use /48 (the IPv4 where RFC 6052 puts it for each prefix length).
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b:1::c0a8:101', 'private'],
    ['64:ff9b:1:a9fe:a9:fe00::', 'metadata'],
    ['64:ff9b:1:a:0:1::', 'private'], // a /56 prefix: bytes 7, 9, 10, 11
    ['64:ff9b:1::', 'unspecified'],
  ])('refuses %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    '8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8',
    '2002:808:808::1', '2001:0:4136:e378:8000:63bf:f7f7:f7f7', '64:ff9b::8.8.8.8', '64:ff9b:1::808:808', '64:ff9b:1:808:8:800::', '2001:4860:4860::8888',
  ])('lets public %s through', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it('parses IPv6 with a dotted IPv4 tail', () => {
    expect(ipv6Bytes('::ffff:1.2.3.4')?.slice(10)).toEqual([255, 255, 1, 2, 3, 4]);
    expect(ipv6Bytes('1:2:3')).toBeNull();
  });
});

describe('URL spellings of loopback', () => {
  // WHATWG URL parsing normalises decimal, octal, hex and short IPv4 forms: the guard sees 127.0.0.1.
  it.each(['http://0x7f000001/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://127.1/', 'http://0x7f.1/', 'http://[::ffff:127.0.0.1]/', 'http://0/', 'http://127.0.0.1./', 'http://0x7f.0x0.0x0.0x1/', 'http://%31%32%37.0.0.1/', 'http://[::1]/'])(
    'refuses %s',
    async (url) => {
      expect(await codeOf(vetHost(new URL(url).hostname))).toBe('private-address');
    },
  );

  it('refuses localhost names without asking DNS', async () => {
    const resolver: Resolver = async () => {
      throw new Error('DNS must not be asked');
    };
    expect(await codeOf(vetHost('localhost', { resolver }))).toBe('private-address');
    expect(await codeOf(vetHost('localhost.', { resolver }))).toBe('private-address');
    expect(await codeOf(vetHost('printer.local', { resolver }))).toBe('private-address');
    expect(await codeOf(vetHost('metadata.google.internal', { resolver }))).toBe('private-address');
  });
});

describe('vetHost', () => {
  it('refuses a name whose every answer is private', async () => {
    const resolver: Resolver = async () => [{ address: '10.0.0.5', family: 4 }];
    expect(await codeOf(vetHost('intranet.example.com', { resolver }))).toBe('private-address');
  });

  it('pins to a public answer when DNS mixes public and private', async () => {
    const resolver: Resolver = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '93.184.216.34', family: 4 },
    ];
    expect(await vetHost('mixed.example.com', { resolver })).toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('lets private addresses through only when allowed, and never the metadata endpoint', async () => {
    expect(await vetHost('127.0.0.1', { allowPrivate: true })).toEqual({ address: '127.0.0.1', family: 4 });
    expect(await codeOf(vetHost('169.254.169.254', { allowPrivate: true }))).toBe('private-address');
    expect(await codeOf(vetHost('[fd00:ec2::254]', { allowPrivate: true }))).toBe('private-address');
  });
});

describe('DNS rebinding', () => {
  it('connects to the address that was checked, whatever DNS answers later', async () => {
    let calls = 0;
    // First answer public, every later answer private: a rebinding attack.
    const resolver: Resolver = async () => (calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const vetted = await vetHost('rebind.example.com', { resolver });
    const lookup = pinnedLookup(vetted) as unknown as (host: string, opts: object, cb: (...a: unknown[]) => void) => void;
    const single = await new Promise<unknown[]>((resolve) => lookup('rebind.example.com', {}, (...a) => resolve(a)));
    const all = await new Promise<unknown[]>((resolve) => lookup('rebind.example.com', { all: true }, (...a) => resolve(a)));
    expect(single).toEqual([null, '93.184.216.34', 4]);
    expect(all).toEqual([null, [{ address: '93.184.216.34', family: 4 }]]);
    expect(calls).toBe(1);
  });
});

describe('fetching with the guard on', () => {
  let site: HttpSite;
  let opts: FetchOptions;
  beforeAll(async () => {
    site = await startHttpSite();
    // The stand-in site itself is on loopback: its own origin is trusted so that the first hop
    // is served, and every redirect target is vetted like any other link.
    opts = { trustedOrigins: [site.origin] };
    site.route('/job', html('<h1>Engineer</h1>'));
    site.route('/to/loopback', redirect('http://127.0.0.1/admin'));
    site.route('/to/metadata', redirect('http://169.254.169.254/latest/meta-data/iam/security-credentials/'));
    site.route('/to/hex', redirect('http://0x7f000001/'));
    site.route('/to/mapped', redirect('http://[::ffff:127.0.0.1]/'));
    site.route('/to/decimal', redirect('http://2130706433:8080/'));
    site.route('/to/private-name', redirect('http://intranet.corp.example/'));
    site.route('/to/localhost', redirect('http://localhost/'));
  });
  afterAll(() => site.close());

  it('refuses the loopback site itself when private addresses are off', async () => {
    expect(await codeOf(fetchLink(site.url('/job')))).toBe('private-address');
  });

  it.each(['/to/loopback', '/to/metadata', '/to/hex', '/to/mapped', '/to/decimal', '/to/localhost'])('refuses the redirect %s', async (path) => {
    expect(await codeOf(fetchLink(site.url(path), opts))).toBe('private-address');
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const resolver: Resolver = async (host) => (host === 'intranet.corp.example' ? [{ address: '192.168.0.10', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    expect(await codeOf(fetchLink(site.url('/to/private-name'), { ...opts, resolver }))).toBe('private-address');
  });

  it('serves the trusted origin itself', async () => {
    expect((await fetchLink(site.url('/job'), opts)).text).toContain('Engineer');
  });

  it('connects to the resolved address once, never re-resolving at connect time', async () => {
    const answers: ResolvedAddress[][] = [[{ address: '127.0.0.1', family: 4 }], [{ address: '127.0.0.2', family: 4 }]];
    let calls = 0;
    const resolver: Resolver = async () => answers[Math.min(calls++, 1)] ?? [];
    const host = `jobs.example.test:${new URL(site.origin).port}`;
    const res = await fetchLink(`http://${host}/job`, { trustedOrigins: [`http://${host}`], resolver });
    // 127.0.0.2 has no server: reaching the page proves the socket used the first, vetted answer.
    expect(res.text).toContain('Engineer');
    expect(calls).toBe(1);
  });
});
