/**
 * Runs the fake LINE API by itself: `npx tsx bench/fake-line/main.ts [port] [quota]`.
 * Prints one line per request; stops on Ctrl-C. Listens on 127.0.0.1 only.
 */
import { startFakeLine } from './server.js';

const port = Number(process.argv[2] ?? 9100);
const quota = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const fake = await startFakeLine({
  port,
  record: false,
  ...(quota === undefined ? {} : { quota }),
});
fake.onRequest((r) => {
  const to = Array.isArray(r.body.to) ? `${r.body.to.length} ids` : r.body.to ? 'one id' : '';
  console.log(`${r.status} ${r.endpoint} ${to} ${r.retryKey ? `key=${r.retryKey}` : ''}`.trim());
});
console.log(`fake LINE API on ${fake.url} (set LINE_API_BASE_URL=${fake.url})`);
process.once('SIGINT', () => void fake.close().then(() => process.exit(0)));
