/**
 * `madoguchi broadcast create|preview|test|send|cancel|status|list`: segmented notices from a
 * terminal, through the admin API (see broadcast-client.ts). A YAML file describes the notice
 * and its target (examples/broadcast.yaml); it is checked here first, so mistakes are shown
 * with their line before anything is sent.
 */
import { readFile } from 'node:fs/promises';
import { parseYamlFile, validateYaml } from '../content/index.js';
import { formatProblem } from '../errors.js';
import type { Problem } from '../errors.js';
import { NoticeSchema } from '../schema/index.js';
import type { Broadcast, DeliveryReport } from '../schema/index.js';
import { AdminApiError, adminClient } from './broadcast-client.js';
import type { AdminClient } from './broadcast-client.js';
import { InputFileError, UsageError } from './cli-errors.js';
import { parseFlags, type CliIo, type Command } from './command.js';
import { EXIT } from './exit-codes.js';
import { shown } from './paths.js';

const ENV = `environment:
  MADOGUCHI_ADMIN_URL    the bot's address (default http://127.0.0.1:3000)
  MADOGUCHI_ADMIN_TOKEN  your admin API token (broadcaster role to send)`;

interface Preview {
  id: string;
  state: string;
  title: string;
  count: number;
  targetText: string;
  text: string;
  sendAt?: { jst: string; held: boolean; urgent: boolean };
  testAccounts: number;
  problems: string[];
}

const n = (v: number) => v.toLocaleString('en-US');

type Flags = Parameters<typeof parseFlags>[1];
type Values = Record<string, string | boolean | undefined>;

/**
 * A command on one broadcast, `madoguchi broadcast NAME ID [flags]`: parses the id, runs `check`
 * on the flags before any call, then `body` with the admin API and the broadcast's path
 * (`/broadcasts/<id>`); an API refusal is printed by `talk`.
 */
function onOneBroadcast<C>(spec: {
  name: string;
  summary: string;
  usage: string;
  flags?: Flags;
  check?: (values: Values) => C;
  body: (api: AdminClient, path: string, io: CliIo, checked: C, values: Values) => Promise<void>;
}): Command {
  return {
    name: `broadcast ${spec.name}`,
    summary: spec.summary,
    usage: spec.usage,
    async run(args, io) {
      const parsed = parseFlags(args, spec.flags ?? {}, true);
      const [id, ...extra] = parsed.positionals;
      if (!id || extra.length > 0) throw new UsageError(`give one broadcast id\n${spec.usage}`);
      const values = parsed.values as Values;
      const checked = spec.check?.(values) as C;
      return talk(io, spec.name, async (api) => {
        await spec.body(api, `/broadcasts/${encodeURIComponent(id)}`, io, checked, values);
        return EXIT.ok;
      });
    },
  };
}

/** Runs a command body; an admin API refusal is printed with its problems (exit 1). */
async function talk(
  io: CliIo,
  name: string,
  body: (api: AdminClient) => Promise<number>,
): Promise<number> {
  const api = adminClient(io);
  try {
    return await body(api);
  } catch (e) {
    if (!(e instanceof AdminApiError)) throw e;
    io.err(`madoguchi broadcast ${name}: ${e.message}${e.status ? ` (HTTP ${e.status})` : ''}`);
    for (const p of e.problems) io.err(`  - ${p}`);
    const preview = e.body['preview'] as Preview | undefined;
    if (e.apiCode === 'broadcast/count-changed' && preview) {
      io.err(`the target reaches ${n(preview.count)} residents now (${preview.targetText}).`);
      io.err(
        `check the preview, then: madoguchi broadcast send ${preview.id} --count ${preview.count}`,
      );
    }
    return EXIT.failed;
  }
}

/** Reads and checks the YAML notice file; every problem with its line. */
async function readNotice(path: string): Promise<{ notice: unknown; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputFileError(path);
  }
  const yaml = parseYamlFile(shown(path), text);
  if (yaml.data === undefined) return { notice: undefined, problems: yaml.problems };
  // The raw data goes to the API, which parses it again (and applies its own defaults).
  const checked = validateYaml(yaml, NoticeSchema);
  return { notice: yaml.data, problems: checked.ok ? [] : checked.problems };
}

const createUsage = `usage: madoguchi broadcast create FILE.yaml

Creates a draft notice from a YAML file (see examples/broadcast.yaml) and prints its id.
Nothing is sent: preview, test and send come next.

${ENV}`;

const createCommand: Command = {
  name: 'broadcast create',
  summary: 'create a draft notice from a YAML file',
  usage: createUsage,
  async run(args, io) {
    const { positionals } = parseFlags(args, {}, true);
    if (positionals.length !== 1) throw new UsageError('give one YAML file');
    const { notice, problems } = await readNotice(positionals[0]!);
    if (problems.length > 0) {
      io.err(`madoguchi broadcast create: the notice has ${problems.length} problem(s):`);
      for (const p of problems) io.err(`  ${formatProblem(p)}`);
      return EXIT.failed;
    }
    return talk(io, 'create', async (api) => {
      const b = await api.post<Broadcast>('/broadcasts', notice);
      io.out(`created ${b.id} (draft): ${b.notice.title}`);
      io.out(`next: madoguchi broadcast preview ${b.id}`);
      return EXIT.ok;
    });
  },
};

const previewCommand = onOneBroadcast({
  name: 'preview',
  summary: 'show a notice as residents will see it, and how many will get it',
  usage: `usage: madoguchi broadcast preview ID\n\n${ENV}`,
  async body(api, path, io) {
    const p = await api.get<Preview>(`${path}/preview`);
    io.out(`${p.id}  ${p.state}  ${p.title}`);
    io.out(`recipients now: ${n(p.count)}  (${p.targetText})`);
    if (p.sendAt) {
      const how = p.sendAt.held ? ' (held by the night hold)' : p.sendAt.urgent ? ' (urgent)' : '';
      io.out(`sends: ${p.sendAt.jst} JST${how}`);
    }
    io.out(`staff test accounts: ${p.testAccounts}`);
    io.out('──────── message ────────');
    io.out(p.text);
    io.out('─────────────────────────');
    for (const problem of p.problems) io.out(`! ${problem}`);
    if (p.state === 'draft' && p.problems.length === 0) {
      io.out(`to send: madoguchi broadcast send ${p.id} --count ${p.count}`);
    }
  },
});

const testCommand = onOneBroadcast({
  name: 'test',
  summary: 'send a notice to the staff test accounts only',
  usage: `usage: madoguchi broadcast test ID\n\n${ENV}`,
  async body(api, path, io) {
    const r = await api.post<{ recipients: number }>(`${path}/test`);
    io.out(`sent to ${r.recipients} staff test account(s); check it in LINE before sending`);
  },
});

const sendCommand = onOneBroadcast({
  name: 'send',
  summary: 'confirm a notice: send now, at its time, or after the night hold',
  usage: `usage: madoguchi broadcast send ID --count N

N is the recipient count the preview showed. If the audience changed since, nothing is sent
and the new count is shown: preview again and confirm with it.

${ENV}`,
  flags: { count: { type: 'string' } },
  check(values) {
    const count = Number(values['count']);
    if (values['count'] === undefined || !Number.isInteger(count) || count < 0) {
      throw new UsageError('give --count N: the recipient count the preview showed');
    }
    return count;
  },
  async body(api, path, io, count) {
    const b = await api.post<Broadcast>(`${path}/confirm`, { count });
    const p = await api.get<Preview>(`${path}/preview`);
    const when = p.sendAt
      ? `${p.sendAt.jst} JST${b.held ? ' (held by the night hold)' : ''}`
      : 'now';
    io.out(`${b.id} confirmed for ${n(count)} residents: sending starts ${when}`);
    io.out(`follow it: madoguchi broadcast status ${b.id}`);
  },
});

const cancelCommand = onOneBroadcast({
  name: 'cancel',
  summary: 'cancel a notice before or while it is sent',
  usage: `usage: madoguchi broadcast cancel ID\n\n${ENV}`,
  async body(api, path, io) {
    const b = await api.post<Broadcast>(`${path}/cancel`);
    io.out(`${b.id} cancelled; remaining batches will not be sent`);
  },
});

function printReport(io: CliIo, r: DeliveryReport): void {
  io.out(`${r.id}  ${r.state}  ${r.title}`);
  if (r.confirmedCount !== undefined) io.out(`confirmed for: ${n(r.confirmedCount)}`);
  io.out(`recipients: ${n(r.recipients)} in ${r.batches.total} batch(es)`);
  io.out(
    `delivered: ${n(r.delivered)}   failed: ${n(r.failed)}   cancelled: ${n(r.cancelled)}   pending: ${n(r.pending)}`,
  );
  for (const [reason, k] of Object.entries(r.failedByReason))
    io.out(`  failed (${reason}): ${n(k ?? 0)}`);
  for (const e of r.errors.slice(0, 5)) {
    io.out(
      `  batch ${e.batch}: ${e.reason}${e.httpStatus ? ` ${e.httpStatus}` : ''}${e.lineMessage ? ` ${e.lineMessage}` : ''}`,
    );
  }
  if (r.startedAt) io.out(`started: ${r.startedAt}`);
  if (r.finishedAt)
    io.out(
      `finished: ${r.finishedAt}${r.durationMs !== undefined ? ` (${(r.durationMs / 1000).toFixed(1)} s)` : ''}`,
    );
}

const statusCommand = onOneBroadcast({
  name: 'status',
  summary: 'state and delivery report of a notice',
  usage: `usage: madoguchi broadcast status ID [--json]\n\n${ENV}`,
  flags: { json: { type: 'boolean' } },
  async body(api, path, io, _checked, values) {
    const r = await api.get<DeliveryReport>(`${path}/report`);
    if (values['json']) io.out(JSON.stringify(r));
    else printReport(io, r);
  },
});

const listCommand: Command = {
  name: 'broadcast list',
  summary: 'the latest notices and their state',
  usage: `usage: madoguchi broadcast list [--state STATE] [--limit N]\n\n${ENV}`,
  async run(args, io) {
    const { values } = parseFlags(args, { state: { type: 'string' }, limit: { type: 'string' } });
    const query = new URLSearchParams({
      ...(values.state ? { state: values.state } : {}),
      limit: values.limit ?? '20',
    });
    return talk(io, 'list', async (api) => {
      const { broadcasts } = await api.get<{ broadcasts: Broadcast[] }>(`/broadcasts?${query}`);
      if (broadcasts.length === 0) io.out('no notices');
      for (const b of broadcasts) io.out(`${b.id}  ${b.state.padEnd(13)}  ${b.notice.title}`);
      return EXIT.ok;
    });
  },
};

export const broadcastCommands: readonly Command[] = [
  createCommand,
  previewCommand,
  testCommand,
  sendCommand,
  cancelCommand,
  statusCommand,
  listCommand,
];
