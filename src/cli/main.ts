// The `madoguchi` executable (bin/madoguchi.js imports the built copy; `npx tsx src/cli/main.ts`
// runs it from source). The only place the CLI touches process.
import { createInterface } from 'node:readline';
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  now: () => new Date(),
  stdin: {
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    tty: process.stdin.isTTY === true,
  },
});
