import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may be sent (SSRF): a tenant chooses the URL and the server POSTs to it, so
 * without these checks a tenant could make the server call its own loopback, the private network
 * or the cloud metadata service (169.254.169.254). Checked twice: at registration on the URL as
 * written (scheme, credentials, literal addresses) and at every delivery on every address the host
 * resolves to (a name may resolve elsewhere by then: DNS rebinding).
 *
 * COLLECTKIT_WEBHOOK_ALLOW_PRIVATE=1 lifts both (http and internal targets allowed) for development
 * and the test suite; it is off unless set, in every environment.
 */

/** Addresses a webhook must never reach: IANA special-purpose registries (RFC 6890 and successors). */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", incl. the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['ff00::', 8], // multicast
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

/** The eight 16-bit groups of an IPv6 address (any valid textual form, incl. a trailing dotted quad). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]!; // a zone id (fe80::1%eth0) names an interface, not an address
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** An IPv4 address carried inside an IPv6 one: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16). */
function embeddedIpv4(groups: readonly number[]): string | null {
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return null;
}

/**
 * Whether an IP address (as `net.isIP` accepts it, IPv6 without brackets) is loopback, private,
 * link-local, unique-local, shared, multicast, unspecified or otherwise not a public unicast address.
 * Anything that is not an IP address counts as internal: refusing is the safe answer.
 */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL.check(address, 'ipv4');
  if (family !== 6) return true;
  const groups = ipv6Groups(address);
  const inner = embeddedIpv4(groups);
  if (inner !== null) return INTERNAL.check(inner, 'ipv4');
  return INTERNAL.check(groups.map((g) => g.toString(16)).join(':'), 'ipv6');
}

/** The URL's host as an address or name: brackets of an IPv6 literal and a trailing root dot removed. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
}

/**
 * Why a webhook URL may not be registered, or null when it may. The WHATWG parser has already
 * normalised decimal, octal and hex IPv4 forms (http://2130706433/, http://0x7f.1/) to dotted quads.
 */
export function webhookUrlProblem(value: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return allowPrivate ? 'must be an http or https URL' : 'must be an https URL';
  }
  if (allowPrivate) return null;
  const host = hostOf(url);
  if (isIP(host) !== 0 && isInternalAddress(host)) return `must not point at an internal address (${host}: loopback, private, link-local or reserved)`;
  // Names reserved to the machine itself (RFC 6761 §6.3) always resolve to loopback.
  if (host === 'localhost' || host.endsWith('.localhost')) return `must not point at an internal address (${host} is this machine)`;
  return null;
}

export type AddressLookup = (hostname: string) => Promise<readonly { address: string }[]>;

const systemLookup: AddressLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * At delivery: why this URL must not be sent to now, or null. Resolves the host and refuses when ANY
 * of its addresses is internal (a name with one public and one private address is still a way in).
 * A failed lookup throws, as a network error that is retried like any other.
 */
export async function deliveryTargetProblem(value: string, allowPrivate: boolean, lookup: AddressLookup = systemLookup): Promise<string | null> {
  if (allowPrivate) return null;
  const url = new URL(value);
  if (url.protocol !== 'https:') return `refused: ${url.protocol}// is not https (COLLECTKIT_WEBHOOK_ALLOW_PRIVATE is off)`;
  const host = hostOf(url);
  const addresses = isIP(host) !== 0 ? [host] : (await lookup(host)).map((entry) => entry.address);
  const internal = addresses.filter(isInternalAddress);
  if (addresses.length === 0 || internal.length > 0) {
    return `refused: ${host} resolves to internal address ${internal.join(', ') || '(none)'} (COLLECTKIT_WEBHOOK_ALLOW_PRIVATE is off)`;
  }
  return null;
}

/** COLLECTKIT_WEBHOOK_ALLOW_PRIVATE=1 (or true): http and internal webhook targets allowed. Off otherwise, production or not. */
export function webhookPrivateTargetsAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.COLLECTKIT_WEBHOOK_ALLOW_PRIVATE === '1' || env.COLLECTKIT_WEBHOOK_ALLOW_PRIVATE === 'true';
}
