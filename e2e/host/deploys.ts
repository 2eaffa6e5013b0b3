// Deploys for the offline tests: a small static server whose folder a test can swap, as a new
// deploy swaps a site's files, and a second deploy made from the built app. Like some hosts (and
// `vite preview`), it answers any unknown address with the page, so a service worker that caches
// whatever comes back would keep a page in place of a missing script.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILT_APP = fileURLToPath(new URL('../../dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Site {
  readonly url: string;
  /** Serves this folder from the next request on. */
  deploy(folder: string): void;
  close(): Promise<void>;
}

export async function startSite(folder: string): Promise<Site> {
  let current = folder;
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname)).replace(/^\/+/, '');
    const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    const send = (name: string, body: Buffer) =>
      res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(body);
    readFile(join(current, file))
      .then((body) => send(file, body))
      .catch(() => readFile(join(current, 'index.html')).then((body) => send('index.html', body)));
  });
  await new Promise<void>((done) => server.listen(0, done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    deploy: (next) => (current = next),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A copy of the built app, as it was deployed. */
export function copyOfBuild(): string {
  const folder = mkdtempSync(join(tmpdir(), 'faultline-deploy-'));
  cpSync(BUILT_APP, folder, { recursive: true });
  return folder;
}

/**
 * A second deploy of the same app: a new page title, a changed stylesheet under a new hashed name
 * (with a `--faultline-deploy` marker the test can read) and the service worker's new version,
 * which is what a real deploy changes.
 */
export function secondDeploy(marker: string): { folder: string; version: string } {
  const folder = copyOfBuild();
  const css = readdirSync(join(folder, 'assets')).find((name) => name.endsWith('.css'));
  if (!css) throw new Error('The build has no stylesheet in assets/.');
  const newCss = css.replace(/\.css$/, '-second.css');
  renameSync(join(folder, 'assets', css), join(folder, 'assets', newCss));
  const cssPath = join(folder, 'assets', newCss);
  writeFileSync(cssPath, `${readFileSync(cssPath, 'utf8')}\n:root { --faultline-deploy: '${marker}'; }\n`);
  const edit = (name: string, change: (text: string) => string) =>
    writeFileSync(join(folder, name), change(readFileSync(join(folder, name), 'utf8')));
  edit('index.html', (html) =>
    html.replace(css, newCss).replace('<title>Faultline</title>', `<title>${marker}</title>`),
  );
  const version = 'second-deploy';
  edit('sw.js', (sw) => sw.replace(css, newCss).replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`));
  return { folder, version };
}
