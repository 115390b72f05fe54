import type http from 'node:http';
import type { EventHub } from '../node/events/service-events';

/** A comment line every so often keeps idle proxies and the browser from dropping the stream. */
const KEEP_ALIVE_MS = 25_000;

/**
 * Browser mode's events: one Server-Sent Events stream per tab (GET /events), each contract
 * event sent as `event: <name>` with its JSON payload; the stream ends when the tab goes away.
 * Token, Host and Origin are checked by the caller, as for the API.
 */
export function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, hub: EventHub): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'keep-alive',
  });
  if (req.method === 'HEAD') { res.end(); return; }
  // The first bytes tell the browser the stream is open (EventSource's "open").
  res.write(': rapporteur events\n\n');
  const unsubscribe = hub.subscribe((name, payload) => {
    // JSON.stringify never yields a newline, so one data line is one message.
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = () => { clearInterval(keepAlive); unsubscribe(); };
  req.once('close', stop);
  res.once('close', stop);
  res.once('error', stop);
}
