/**
 * The static server the end-to-end tests (scripts/e2e.mjs) and the pane's worker bench
 * (scripts/worker-bench.mjs) serve dist/ with: 127.0.0.1 only, a free port, pages without their
 * extension (/preview is preview.html), nothing outside the folder, nothing cached.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".gif": "image/gif",
  ".jpg": "image/jpeg",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A static file server for dist/, bound to 127.0.0.1 on a free port. */
export function serve(root) {
  const server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith("/")) path += "taskpane.html";
      // A page without its extension, as static hosts serve them: /preview is preview.html.
      if (!extname(path) && existsSync(normalize(join(root, `${path}.html`)))) path += ".html";
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end("Forbidden");
        return;
      }
      if (!existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${path}`);
        return;
      }
      const body = readFileSync(file);
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolvePromise(server));
  });
}

export function closeServer(server) {
  return new Promise((resolvePromise) => {
    if (!server) return resolvePromise();
    server.closeAllConnections?.();
    server.close(() => resolvePromise());
  });
}

