#!/usr/bin/env node
// A self-hosted endpoint for Anteroom's connection test (protocol: lib/network/README.md).
// Node 20, no dependencies: copy this one file to a server and run
//   node speed-server.mjs --port 8443 --cert fullchain.pem --key privkey.pem
// or without --cert/--key behind a TLS proxy. The end-to-end tests run this same code,
// throttled, on 127.0.0.1 (tests/fixtures/network-loopback-server.ts).
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { readFileSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** The largest download or upload one request may ask for (Anteroom asks for 10 MB at most). */
export const MAX_BYTES = 25_000_000;

// Every answer: any origin may read it and time it (the speed-test engine reads Resource
// Timing, which hides the timings of a cross-origin answer without Timing-Allow-Origin), and
// nothing on the way may cache it.
const HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Timing-Allow-Origin': '*',
  'Cache-Control': 'no-store',
};

/**
 * The request handler. `mbps` throttles each transfer to a line speed (for tests); without it,
 * the server sends and reads as fast as the network lets it.
 * @param {{ mbps?: number }} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function speedTestHandler(options = {}) {
  const bytesPerMs = options.mbps ? (options.mbps * 1_000_000) / 8 / 1000 : Infinity;
  const block = randomFillSync(Buffer.alloc(64 * 1024));
  const later = (fn, ms) => setTimeout(fn, ms).unref();

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^.*\//, '/');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...HEADERS, 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type' }).end();
      return;
    }
    if (req.method === 'GET' && path === '/__down') {
      const total = Math.min(Math.max(0, Math.floor(Number(url.searchParams.get('bytes')) || 0)), MAX_BYTES);
      res.writeHead(200, { ...HEADERS, 'Content-Type': 'application/octet-stream', 'Content-Length': total });
      const start = Date.now();
      let sent = 0;
      // Every few milliseconds, send what the line would have carried by now.
      const pump = () => {
        if (res.destroyed) return;
        const due = Math.min(total, bytesPerMs === Infinity ? total : Math.floor(bytesPerMs * (Date.now() - start)));
        while (sent < due) {
          const piece = block.subarray(0, Math.min(block.length, due - sent));
          sent += piece.length;
          if (!res.write(piece) && bytesPerMs === Infinity) return void res.once('drain', pump);
        }
        if (sent >= total) res.end();
        else later(pump, 5);
      };
      pump();
      return;
    }
    if (req.method === 'POST' && path === '/__up') {
      const start = Date.now();
      let received = 0;
      const dueAt = () => start + received / bytesPerMs;
      req.on('data', (chunk) => {
        received += chunk.length;
        if (received > MAX_BYTES) return void req.destroy();
        // Read no faster than the line: pause until these bytes are due.
        const wait = dueAt() - Date.now();
        if (wait > 0) {
          req.pause();
          later(() => req.resume(), wait);
        }
      });
      req.on('end', () => later(() => res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/plain' }).end(), Math.max(0, dueAt() - Date.now())));
      return;
    }
    res.writeHead(404, HEADERS).end();
  };
}

function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '0.0.0.0' }, cert: { type: 'string' }, key: { type: 'string' } },
  });
  const handler = speedTestHandler();
  const server = values.cert && values.key ? createHttps({ cert: readFileSync(values.cert), key: readFileSync(values.key) }, handler) : createHttp(handler);
  server.listen(Number(values.port), values.host, () => {
    const scheme = values.cert ? 'https' : 'http (put it behind your TLS proxy)';
    // eslint-disable-next-line no-console -- a command-line tool says where it listens
    console.log(`Anteroom speed test endpoint on ${values.host}:${values.port}, ${scheme}. Paths: /__down?bytes=N, /__up.`);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
