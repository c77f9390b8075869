import type { IncomingMessage } from 'node:http';

/**
 * The names a browser may use to reach this server. A page on another site can make a browser send requests to
 * loopback by pointing its own name at 127.0.0.1 (DNS rebinding); the request then carries that site's name in
 * `Host` and, being same-origin to it, a matching `Origin`. Only requests that name this server are served:
 * in local mode its loopback names on the port the connection arrived on, in Teams mode BOT_DOMAIN.
 * `any`: nothing to protect (Teams mode without BOT_DOMAIN serves no data on these routes).
 */
export type KnownHosts = { kind: 'loopback' } | { kind: 'domain'; domain: string } | { kind: 'any' };

/** Whether `host` (a Host header, or an Origin's host) names this server for the connection `req` arrived on. */
function names(hosts: KnownHosts, req: IncomingMessage, host: string): boolean {
  const value = host.toLowerCase();
  switch (hosts.kind) {
    case 'any':
      return true;
    case 'loopback': {
      const port = req.socket.localPort;
      return ['127.0.0.1', 'localhost', '[::1]'].some((name) => value === `${name}:${port}`);
    }
    case 'domain': {
      const domain = hosts.domain.toLowerCase();
      return value === domain || (!domain.includes(':') && value === `${domain}:443`);
    }
  }
}

/** The request's `Host` names this server. */
export function hasKnownHost(hosts: KnownHosts, req: IncomingMessage): boolean {
  return names(hosts, req, req.headers.host ?? '');
}

/** The request's `Origin`, when it has one, is this server itself (http on loopback, https for a domain). */
export function hasKnownOrigin(hosts: KnownHosts, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    // The domain is served over https; plain http only on loopback (local mode, and tests that set a loopback domain).
    const plain = hosts.kind === 'loopback' || (hosts.kind === 'domain' && isLoopbackHost(hosts.domain));
    const scheme = plain ? 'http:' : 'https:';
    return (hosts.kind === 'any' || url.protocol === scheme) && names(hosts, req, url.host);
  } catch {
    return false;
  }
}

function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}
