// A minimal static file server for the built app (dist/), bound to
// 127.0.0.1. Used by the end-to-end tests and the benchmark; it adds no
// headers the app relies on, so what passes here passes on any static host.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` on 127.0.0.1. Resolves to { url, port, close, requests }.
 * `requests` records every path asked for (for tests that count fetches).
 * `extraHeaders(path)` may add response headers (e.g. for embedding tests).
 * `compress` gzips responses when the browser accepts it (for measurements).
 */
export async function serve(root, { port = 0, extraHeaders = () => ({}), compress = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...extraHeaders(path),
      };
      // Compress as any real host would, so measurements are realistic.
      if (compress && /gzip/.test(req.headers["accept-encoding"] || "") && !/\.png$/.test(file)) {
        body = gzipSync(body, { level: 9 });
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    // Also drop connections the browser keeps open, so closing never waits on them.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

// `node tests/e2e/server.mjs dist 8080` serves from the command line.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  const s = await serve(root, { port: Number(port), compress: true });
  console.log(`serving ${root} at ${s.url}`);
}
