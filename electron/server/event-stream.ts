import type http from 'node:http';
import type { EventHub } from '../node/events/service-events';

/** A comment line every so often keeps idle proxies and the browser from dropping the stream. */
const KEEP_ALIVE_MS = 25_000;
/** How soon a tab's EventSource reconnects after the stream ends (sent as the stream's `retry`). */
const RECONNECT_MS = 1_000;

/**
 * Browser mode's events: one Server-Sent Events stream per tab (GET /events), each contract
 * event sent as `event: <name>` with its JSON payload; the stream ends when the tab goes away.
 * Token, Host and Origin are checked by the caller, as for the API. Returns what ends the stream.
 */
export function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, hub: EventHub): () => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  if (req.method === 'HEAD') {
    res.end();
    return () => undefined;
  }
  // The first bytes tell the browser the stream is open (EventSource's "open"); after a drop it
  // comes back within a second (the tab then asks for what it missed).
  res.write(`: rapporteur events\nretry: ${RECONNECT_MS}\n\n`);
  const unsubscribe = hub.subscribe((name, payload) => {
    // JSON.stringify never yields a newline, so one data line is one message.
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.once('close', stop);
  res.once('close', stop);
  res.once('error', stop);
  return () => {
    stop();
    res.end();
  };
}
