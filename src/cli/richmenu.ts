/**
 * `madoguchi richmenu check|deploy`: checks `richmenu/richmenu.json` and its image against LINE's
 * limits, and deploys them: create the menu, upload the image, make it the default for everyone.
 * Talks to LINE with fetch (no SDK in the CLI), never prints the access token.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MadoguchiError } from '../errors.js';
import { checkRichMenu, imageInfo, type ImageInfo } from '../messages/index.js';
import { RichMenuDefinitionSchema, type RichMenuDefinition } from '../schema/index.js';
import { InputFileError, UsageError } from './cli-errors.js';
import { parseFlags, type CliIo, type Command } from './command.js';
import { EXIT } from './exit-codes.js';
import { PACKAGE_ROOT, shown } from './paths.js';

const FLAGS = {
  definition: { type: 'string' },
  image: { type: 'string' },
} as const;

const FILES = `  --definition FILE   the menu (default richmenu/richmenu.json)
  --image FILE        its PNG or JPEG (default richmenu/richmenu.png)`;

/** A LINE API call that failed: status and LINE's message, never the token. */
class LineApiError extends MadoguchiError {
  override name = 'LineApiError';
  constructor(step: string, status: number, body: string) {
    super('line/api-error', `${step} failed: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

interface Loaded {
  definition: RichMenuDefinition;
  image: Uint8Array;
  info: ImageInfo;
  imagePath: string;
}

async function load(flags: { definition?: string; image?: string }, io: CliIo): Promise<Loaded> {
  const defPath = shown(flags.definition ?? join(PACKAGE_ROOT, 'richmenu', 'richmenu.json'));
  const imagePath = shown(flags.image ?? join(PACKAGE_ROOT, 'richmenu', 'richmenu.png'));
  const read = async (path: string) => {
    try {
      return await readFile(path);
    } catch {
      throw new InputFileError(path);
    }
  };
  const [defBytes, image] = await Promise.all([read(defPath), read(imagePath)]);
  let json: unknown;
  try {
    json = JSON.parse(defBytes.toString('utf8'));
  } catch (e) {
    throw new RichMenuInvalid([`${defPath}: not valid JSON: ${(e as Error).message}`]);
  }
  const parsed = RichMenuDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    throw new RichMenuInvalid(
      parsed.error.issues.map((i) => `${defPath} ${i.path.join('.')}: ${i.message}`),
    );
  }
  const info = imageInfo(image);
  if (!info) throw new RichMenuInvalid([`${imagePath}: not a PNG or JPEG image`]);
  const problems = checkRichMenu(parsed.data, info).map(
    (p) => `${p.path === 'image' ? imagePath : defPath} ${p.path}: ${p.message}`,
  );
  if (problems.length > 0) throw new RichMenuInvalid(problems);
  io.out(
    `${defPath}: ${parsed.data.areas.length} areas, "${parsed.data.chatBarText}"; ${imagePath}: ${info.format} ${info.width}×${info.height}, ${info.bytes} bytes`,
  );
  return { definition: parsed.data, image, info, imagePath };
}

class RichMenuInvalid extends MadoguchiError {
  override name = 'RichMenuInvalid';
  constructor(readonly problems: string[]) {
    super('richmenu/invalid', problems.join('\n'));
  }
}

/** Runs `body`, printing our own errors (invalid menu, LINE refusal) with exit code 1. */
async function guarded(io: CliIo, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return EXIT.ok;
  } catch (e) {
    if (e instanceof RichMenuInvalid) {
      io.err('madoguchi richmenu: the rich menu breaks LINE limits:');
      for (const p of e.problems) io.err(`  ${p}`);
      return EXIT.failed;
    }
    if (e instanceof LineApiError) {
      io.err(`madoguchi richmenu deploy: ${e.message}`);
      return EXIT.failed;
    }
    throw e;
  }
}

export const richmenuCheckCommand: Command = {
  name: 'richmenu check',
  summary: "check the rich menu and its image against LINE's limits",
  usage: `usage: madoguchi richmenu check [--definition FILE] [--image FILE]\n\n${FILES}`,
  async run(args, io) {
    const { values } = parseFlags(args, FLAGS);
    return guarded(io, async () => {
      await load(values, io);
      io.out('ok: within LINE limits');
    });
  },
};

export const richmenuDeployCommand: Command = {
  name: 'richmenu deploy',
  summary: 'create the rich menu on LINE, upload its image, make it the default',
  usage: `usage: madoguchi richmenu deploy [--definition FILE] [--image FILE]

${FILES}

Environment: LINE_CHANNEL_ACCESS_TOKEN (required), LINE_API_BASE_URL (default
https://api.line.me), LINE_DATA_API_BASE_URL (default https://api-data.line.me).`,
  async run(args, io) {
    const { values } = parseFlags(args, FLAGS);
    const token = io.env.LINE_CHANNEL_ACCESS_TOKEN;
    if (!token) throw new UsageError('LINE_CHANNEL_ACCESS_TOKEN is not set');
    const api = (io.env.LINE_API_BASE_URL || 'https://api.line.me').replace(/\/+$/, '');
    const data = (io.env.LINE_DATA_API_BASE_URL || 'https://api-data.line.me').replace(/\/+$/, '');
    return guarded(io, async () => {
      const menu = await load(values, io);
      const call = async (step: string, url: string, init: RequestInit): Promise<string> => {
        const res = await fetch(url, {
          ...init,
          headers: {
            authorization: `Bearer ${token}`,
            ...(init.headers as Record<string, string>),
          },
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (!res.ok) throw new LineApiError(step, res.status, text);
        return text;
      };
      const created = await call('create rich menu', `${api}/v2/bot/richmenu`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(menu.definition),
      });
      const id = (JSON.parse(created) as { richMenuId?: string }).richMenuId;
      if (!id) throw new LineApiError('create rich menu', 200, `no richMenuId in ${created}`);
      io.out(`created ${id}`);
      try {
        await call('upload image', `${data}/v2/bot/richmenu/${encodeURIComponent(id)}/content`, {
          method: 'POST',
          headers: { 'content-type': menu.info.format === 'png' ? 'image/png' : 'image/jpeg' },
          body: menu.image,
        });
        io.out(`uploaded ${menu.imagePath}`);
        await call('set default', `${api}/v2/bot/user/all/richmenu/${encodeURIComponent(id)}`, {
          method: 'POST',
        });
      } catch (e) {
        // A menu without an image (or not made default) is useless: remove it, then report.
        await call('delete rich menu', `${api}/v2/bot/richmenu/${encodeURIComponent(id)}`, {
          method: 'DELETE',
        }).catch((cleanup: unknown) =>
          io.err(
            `could not delete ${id}: ${cleanup instanceof Error ? cleanup.message : String(cleanup)}`,
          ),
        );
        throw e;
      }
      io.out(`default rich menu is now ${id}`);
    });
  },
};

/** Both commands, for the table in commands.ts. */
export const richmenuCommands: readonly Command[] = [richmenuCheckCommand, richmenuDeployCommand];
