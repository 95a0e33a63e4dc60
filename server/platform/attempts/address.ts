import { isIPv6 } from 'node:net';

/**
 * The address an attempt limit counts by: an IPv4 address as it is (also when written IPv4-mapped,
 * `::ffff:3.0.0.1`), an IPv6 address by its /64 network (one household or phone gets a whole /64,
 * so counting single IPv6 addresses would give an attacker endless fresh ones), '-' when unknown.
 */
export function limitAddressOf(ip: string | null | undefined): string {
  if (!ip) return '-';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded, zone id dropped. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]?.split('::') ?? [''];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
