import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * An operator-configured LLM URL must not reach the machine's link-local
 * network, where cloud metadata services hand out credentials (a classic
 * SSRF target). Checked on the URL at start and again on every address a
 * name resolves to when connecting, so a DNS answer cannot sneak past.
 */
const linkLocal = new BlockList();
linkLocal.addSubnet('169.254.0.0', 16, 'ipv4');
linkLocal.addSubnet('fe80::', 10, 'ipv6');
// Metadata services outside the link-local ranges: AWS over IPv6, Alibaba Cloud, Azure's wire server.
linkLocal.addAddress('fd00:ec2::254', 'ipv6');
linkLocal.addAddress('100.100.100.200', 'ipv4');
linkLocal.addAddress('168.63.129.16', 'ipv4');

const metadataHosts = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);

/** Why an address may not be used, or null when it may. */
export function forbiddenAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const blocked = mapped ? linkLocal.check(mapped, 'ipv4') : linkLocal.check(address, family === 4 ? 'ipv4' : 'ipv6');
  return blocked ? `${address} is a link-local or cloud-metadata address` : null;
}

/** Why the host of `url` may not be used (a literal address or a known metadata name), or null. */
export function forbiddenHost(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (metadataHosts.has(host.replace(/\.$/, ''))) return `${host} is a cloud-metadata host name`;
  return forbiddenAddress(host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for node:http that refuses forbidden addresses (every one of them, when all are asked for). */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.map((entry) => forbiddenAddress(entry.address)).find((reason) => reason !== null);
    if (refused) {
      const denied = Object.assign(new Error(`Refusing to connect to ${hostname}: ${refused}`), { code: 'EACCES' });
      return callback(denied, '');
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
}
