// A small static file server for the release dist/, with no dependencies.
//
//   node e2e/server.mjs [DIR] [--prefix /sub/dossier/] [--port 8081]
//
// Serves DIR (default dist) under PREFIX (default /) on 127.0.0.1 only.
// Every request is logged in `requests` so that tests can count them.

import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { join, resolve, extname, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Starts serving `root` under `prefix`. Resolves to
 * { url, origin, requests, close() } where url ends with the prefix.
 */
export function serve({ root = "dist", prefix = "/", port = 0 } = {}) {
  const base = resolve(root);
  if (!prefix.startsWith("/")) prefix = "/" + prefix;
  if (!prefix.endsWith("/")) prefix += "/";
  const requests = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url });
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    if (path === prefix.slice(0, -1)) return send(301, "", { location: prefix });
    if (!path.startsWith(prefix)) return send(404, "not found\n");
    let file = join(base, path.slice(prefix.length));
    if (file !== base && !file.startsWith(base + sep)) return send(403, "forbidden\n");
    let st;
    try {
      st = statSync(file);
      if (st.isDirectory()) {
        file = join(file, "index.html");
        st = statSync(file);
      }
    } catch {
      return send(404, "not found\n");
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": st.size,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      ok({
        origin,
        url: origin + prefix,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const prefix = opt("--prefix", "/");
  const port = Number(opt("--port", "8081"));
  const root = args[0] ?? "dist";
  const s = await serve({ root, prefix, port });
  console.log(`serving ${resolve(root)} at ${s.url}`);
}
