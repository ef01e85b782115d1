import ipaddr from 'ipaddr.js';

/**
 * The unit log-in throttling counts per client: an IPv4 address (also when
 * it arrives IPv4-mapped, as on a dual-stack socket), or an IPv6 /64 — one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses
 * would let one client rotate through 2^64 of them.
 */
export function clientThrottleUnit(clientIp: string): string {
  if (!ipaddr.isValid(clientIp)) return clientIp.trim().toLowerCase() || 'unknown';
  const address = ipaddr.process(clientIp);
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`);
  return `${prefix.toString()}/64`;
}
