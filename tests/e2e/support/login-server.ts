import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { listenOnLoopback } from './loopback';

export interface LoginServer {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  /** Logs the browser in as `user` (a session cookie, HttpOnly), then shows the home page. */
  loginUrl(user: string): string;
  /** The home page: "Logged in as <user>" or "Not logged in". */
  homeUrl: string;
  close(): Promise<void>;
}

/**
 * A site with a login, on loopback: the session token lives in an HttpOnly cookie that
 * page scripts cannot read, so only the browser's cookie jar (and Tabkeep) carries it.
 * Tokens are random and known to the server, so a made-up cookie logs nobody in.
 */
export async function startLoginServer(): Promise<LoginServer> {
  const sessions = new Map<string, string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/login') {
      const token = randomBytes(16).toString('hex');
      sessions.set(token, url.searchParams.get('user') ?? 'someone');
      res
        .writeHead(302, {
          'set-cookie': `sid=${token}; HttpOnly; Path=/`,
          location: '/',
          'cache-control': 'no-store',
        })
        .end();
      return;
    }
    const sid = /(?:^|;\s*)sid=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
    const user = sid === undefined ? undefined : sessions.get(sid);
    const text =
      user === undefined ? 'Not logged in' : `Logged in as ${user.replace(/[^\w .-]/g, '?')}`;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(`<!doctype html><title>${text}</title><h1>${text}</h1>`);
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    origin,
    loginUrl: (user) => `${origin}/login?user=${encodeURIComponent(user)}`,
    homeUrl: `${origin}/`,
    close,
  };
}
