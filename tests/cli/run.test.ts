import { describe, expect, it } from 'vitest';
import { COMMANDS, EXIT, run, type Command } from '../../src/cli/index.js';
import { captureIo } from './capture-io.js';

describe('madoguchi (dispatcher)', () => {
  it('prints the command list and exits 2 without arguments', async () => {
    const c = captureIo();
    expect(await run([], c.io)).toBe(EXIT.usage);
    expect(c.out.join('\n')).toMatch(/usage: madoguchi <command>/);
    for (const cmd of COMMANDS) expect(c.out.join('\n')).toContain(cmd.name);
  });

  it('prints help and exits 0 with --help, and a command usage with help COMMAND', async () => {
    const c = captureIo();
    expect(await run(['--help'], c.io)).toBe(EXIT.ok);
    expect(await run(['help', 'faq', 'check'], c.io)).toBe(EXIT.ok);
    expect(c.out.join('\n')).toContain('usage: madoguchi faq check');
  });

  it('prints a command usage with COMMAND --help', async () => {
    const c = captureIo();
    expect(await run(['ask', '--help'], c.io)).toBe(EXIT.ok);
    expect(c.out[0]).toMatch(/^usage: madoguchi ask/);
  });

  it('rejects an unknown command with the usage and exit 2', async () => {
    const c = captureIo();
    expect(await run(['deploy'], c.io)).toBe(EXIT.usage);
    expect(c.err[0]).toBe('madoguchi: unknown command "deploy"');
    expect(c.err.join('\n')).toContain('commands:');
  });

  it('rejects an unknown subcommand, listing the group', async () => {
    const c = captureIo();
    expect(await run(['faq', 'lint'], c.io)).toBe(EXIT.usage);
    expect(c.err[0]).toBe('madoguchi: unknown command "faq lint"');
    expect(c.err.join('\n')).toContain('faq check');
    expect(c.err.join('\n')).not.toContain('  ask ');
    expect(await run(['faq'], captureIo().io)).toBe(EXIT.usage);
  });

  it('rejects an unknown flag with the command usage and exit 2', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check', '--strcit'], c.io)).toBe(EXIT.usage);
    expect(c.err[0]).toMatch(/^madoguchi faq check: Unknown option '--strcit'/);
    expect(c.err.join('\n')).toContain('usage: madoguchi faq check');
  });

  it('runs commands from a table, so a new command is one more entry', async () => {
    const hello: Command = {
      name: 'hello world',
      summary: 'says hello',
      usage: 'usage: madoguchi hello world',
      run: async (args, io) => {
        io.out(`hello ${args.join(' ')}`);
        return 0;
      },
    };
    const c = captureIo();
    expect(await run(['hello', 'world', 'again'], c.io, [...COMMANDS, hello])).toBe(0);
    expect(c.out).toEqual(['hello again']);
  });

  it('turns an unexpected error into exit 70 with its message', async () => {
    const boom: Command = {
      name: 'boom',
      summary: '',
      usage: '',
      run: () => Promise.reject(new Error('kaboom')),
    };
    const c = captureIo();
    expect(await run(['boom'], c.io, [boom])).toBe(EXIT.internal);
    expect(c.err[0]).toMatch(/^madoguchi boom: unexpected error: Error: kaboom/);
  });
});
