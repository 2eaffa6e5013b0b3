// A second origin for the embedding tests: a plain page that embeds the lab in an iframe (its
// address comes from `?src=`), records every message the lab posts, and can post messages to it.
// Under /element/ it serves the custom element build (dist-element/) as a static site would, with
// the Content-Security-Policy header docs/embedding.md gives for pages that use the element.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.HOST_PORT ?? 4174);
const ELEMENT_DIR = fileURLToPath(new URL('../../dist-element/', import.meta.url));
// Keep equal to the element's policy in docs/embedding.md: the element's worker starts from a
// blob: URL; its styles are a constructed style sheet, which needs no 'unsafe-inline'.
const ELEMENT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  'worker-src blob:',
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A file of the element build, or a 404 (also for paths that try to leave the folder). */
async function serveElementFile(pathname, res) {
  const relative = normalize(decodeURIComponent(pathname.slice('/element/'.length)) || 'index.html');
  const type = TYPES[extname(relative)];
  if (relative.startsWith('..') || !type) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(join(ELEMENT_DIR, relative));
    res.writeHead(200, { 'content-type': type, 'content-security-policy': ELEMENT_POLICY }).end(body);
  } catch {
    res.writeHead(404).end('Not found: run `npm run build:element` first.');
  }
}

const page = (src) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course notes</title></head>
<body>
<h1>Course notes</h1>
<iframe id="lab" title="Faultline experiment" src="${src.replace(/"/g, '&quot;')}" width="1200" height="800" style="border:0" allow="fullscreen"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
  window.send = (message) => document.getElementById('lab').contentWindow.postMessage(message, new URL(document.getElementById('lab').src).origin);
</script>
</body></html>`;

createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://localhost:${port}`);
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (url.pathname.startsWith('/element/')) {
    void serveElementFile(url.pathname, res);
    return;
  }
  if (url.pathname !== '/') {
    res.writeHead(404).end();
    return;
  }
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(page(url.searchParams.get('src') ?? 'about:blank'));
}).listen(port, () => console.log(`host page on http://localhost:${port}`));
