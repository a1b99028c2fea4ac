import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deliveryTargetProblem, isInternalAddress, webhookPrivateTargetsAllowed, webhookUrlProblem } from './webhook-target.js';

const octet = fc.integer({ min: 0, max: 255 });
const group = fc.integer({ min: 0, max: 0xffff });
const hex = (n: number) => n.toString(16);

/** Every address of an IPv4 block: the fixed leading bits from `base`, the rest random. */
function inIpv4(base: readonly number[], prefix: number) {
  return fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((host) => {
    const start = ((base[0]! << 24) >>> 0) + (base[1]! << 16) + (base[2]! << 8) + base[3]!;
    const value = start + host;
    return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
  });
}

/** Every address of an IPv6 block given by its first group and prefix length (≤ 16). */
function inIpv6(first: number, prefix: number) {
  return fc
    .tuple(fc.integer({ min: 0, max: 2 ** (16 - prefix) - 1 }), fc.array(group, { minLength: 7, maxLength: 7 }))
    .map(([low, rest]) => [hex(first + low), ...rest.map(hex)].join(':'));
}

describe('webhook target classifier', () => {
  it('calls every address of the internal IPv4 blocks internal', () => {
    const blocks: [number[], number][] = [
      [[10, 0, 0, 0], 8],
      [[127, 0, 0, 0], 8],
      [[169, 254, 0, 0], 16],
      [[172, 16, 0, 0], 12],
      [[192, 168, 0, 0], 16],
      [[100, 64, 0, 0], 10],
      [[0, 0, 0, 0], 8],
      [[224, 0, 0, 0], 4],
    ];
    for (const [base, prefix] of blocks) {
      fc.assert(
        fc.property(inIpv4(base, prefix), (address) => {
          assert.equal(isInternalAddress(address), true, address);
          // The same address mapped into IPv6, in both textual forms.
          assert.equal(isInternalAddress(`::ffff:${address}`), true, `::ffff:${address}`);
          const [a, b, c, d] = address.split('.').map(Number) as [number, number, number, number];
          assert.equal(isInternalAddress(`::ffff:${hex((a << 8) | b)}:${hex((c << 8) | d)}`), true);
          assert.equal(isInternalAddress(`64:ff9b::${address}`), true, 'NAT64');
          assert.equal(isInternalAddress(`2002:${hex((a << 8) | b)}:${hex((c << 8) | d)}::1`), true, '6to4');
        }),
        { numRuns: 200 },
      );
    }
  });

  it('calls ::1, ::, fc00::/7, fe80::/10 and ff00::/8 internal', () => {
    for (const address of ['::1', '0:0:0:0:0:0:0:1', '::', 'fe80::1%eth0']) assert.equal(isInternalAddress(address), true, address);
    for (const [first, prefix] of [[0xfc00, 7], [0xfe80, 10], [0xff00, 8]] as const) {
      fc.assert(fc.property(inIpv6(first, prefix), (address) => assert.equal(isInternalAddress(address), true, address)), { numRuns: 300 });
    }
  });

  it('calls public unicast addresses public', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.215.14', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '169.253.255.255', '11.0.0.1', '2606:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
      assert.equal(isInternalAddress(address), false, address);
    }
    // Random addresses of 11.0.0.0–99.255.255.255: no special-purpose block lies there.
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 99 }), octet, octet, octet, (a, b, c, d) => assert.equal(isInternalAddress(`${a}.${b}.${c}.${d}`), false)),
      { numRuns: 300 },
    );
    // Random global unicast IPv6 in 2400::/6 (regional registries' allocations).
    fc.assert(fc.property(inIpv6(0x2400, 6), (address) => assert.equal(isInternalAddress(address), false, address)), { numRuns: 300 });
  });

  it('calls anything that is not an IP address internal (refusing is the safe answer)', () => {
    for (const text of ['', 'localhost', '999.1.1.1', '1.2.3', 'example.com']) assert.equal(isInternalAddress(text), true, text);
  });

  it('checks registration URLs as written, and lets the opt-in through', () => {
    assert.equal(webhookUrlProblem('https://erp.example/hook', false), null);
    assert.match(webhookUrlProblem('http://erp.example/hook', false)!, /https/);
    assert.match(webhookUrlProblem('https://[::ffff:127.0.0.1]/', false)!, /internal/);
    assert.match(webhookUrlProblem('https://169.254.169.254./', false)!, /internal/);
    assert.equal(webhookUrlProblem('http://127.0.0.1:8080/hook', true), null);
    assert.match(webhookUrlProblem('ftp://erp.example/', true)!, /http or https/);
    assert.match(webhookUrlProblem('https://u:p@127.0.0.1/', true)!, /user name or password/);
  });

  it('at delivery refuses a host when any of its addresses is internal', async () => {
    const resolvesTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address }));
    assert.equal(await deliveryTargetProblem('https://erp.example/h', false, resolvesTo('93.184.215.14', '2606:4700::1111')), null);
    assert.match((await deliveryTargetProblem('https://erp.example/h', false, resolvesTo('93.184.215.14', '10.1.2.3')))!, /erp\.example resolves to internal address 10\.1\.2\.3/);
    assert.match((await deliveryTargetProblem('https://erp.example/h', false, resolvesTo()))!, /refused/);
    assert.match((await deliveryTargetProblem('https://[::1]:9/h', false, resolvesTo('93.184.215.14')))!, /::1/, 'a literal is not looked up');
    assert.equal(await deliveryTargetProblem('http://localhost:9/h', true, resolvesTo('127.0.0.1')), null);
    // The real resolver: localhost is this machine.
    assert.match((await deliveryTargetProblem('https://localhost:9/h', false))!, /localhost resolves to internal address/);
  });

  it('reads the opt-in from COLLECTKIT_WEBHOOK_ALLOW_PRIVATE only, off by default in every environment', () => {
    assert.equal(webhookPrivateTargetsAllowed({}), false);
    assert.equal(webhookPrivateTargetsAllowed({ NODE_ENV: 'development' }), false);
    assert.equal(webhookPrivateTargetsAllowed({ COLLECTKIT_WEBHOOK_ALLOW_PRIVATE: '1' }), true);
    assert.equal(webhookPrivateTargetsAllowed({ COLLECTKIT_WEBHOOK_ALLOW_PRIVATE: 'true', NODE_ENV: 'production' }), true);
    assert.equal(webhookPrivateTargetsAllowed({ COLLECTKIT_WEBHOOK_ALLOW_PRIVATE: '0' }), false);
  });
});
