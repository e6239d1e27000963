import { isIP } from "node:net";

/**
 * The header scripts/client-address.mjs sets on every request the server receives, to the
 * address of the connection it came on (replacing any value the client sent). Next.js itself
 * fills X-Forwarded-For from the connection only when the request does not carry one, so that
 * header is whatever the client chose unless a proxy of ours wrote it.
 */
export const CLIENT_ADDRESS_HEADER = "x-cxmap-client-address";

type HeaderSource = { get(name: string): string | null };

/**
 * A client address as a rate-limit key: IPv4 as it is (an IPv4-mapped IPv6 address as its
 * IPv4 form, a trailing port dropped), IPv6 as its /64 network, since one subscriber usually
 * holds a whole /64. Null for anything that is not an address.
 */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]") === -1 ? undefined : address.indexOf("]"));
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (v4WithPort) address = v4WithPort[1]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return ipv6Network(address);
  return null;
}

/** The first four groups of an IPv6 address, written out: its /64 network. */
function ipv6Network(address: string): string {
  const [head = "", tail] = address.toLowerCase().split("::");
  const groupsOf = (part: string) => (part ? part.split(":") : []);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  // An embedded IPv4 tail (::a.b.c.d) lies in the last 64 bits, which the network drops.
  const width = right.some((group) => group.includes(".")) ? 7 : 8;
  const groups = [...left, ...Array(Math.max(0, width - left.length - right.length)).fill("0"), ...right];
  const network = groups.slice(0, 4).map((group) => (parseInt(group, 16) || 0).toString(16));
  return `${network.join(":")}::/64`;
}

/**
 * The address of the client that sent a request. With `trustedProxies` at 0 (no
 * CXMAP_TRUST_PROXY), X-Forwarded-For is ignored: any client can send it. With N trusted
 * proxies in front, each appends the address it received the request from, so the client is the
 * N-th entry from the right; entries further left were written by the client and are ignored.
 * Otherwise the connection's own address (CLIENT_ADDRESS_HEADER). Null when neither is known
 * (a server started without scripts/start.ts).
 */
export function clientAddressFrom(headers: HeaderSource, trustedProxies: number): string | null {
  const connection = normaliseAddress(headers.get(CLIENT_ADDRESS_HEADER));
  if (trustedProxies <= 0) return connection;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return connection;
  const entry = forwarded[Math.max(0, forwarded.length - trustedProxies)];
  return normaliseAddress(entry) ?? connection;
}
