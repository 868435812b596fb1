/**
 * The command line registers every command for --help while loading only the module of the
 * command that is run (cli/command-list.ts, cli/regiosim.ts): each command must still show its
 * own usage and options, and the top-level help must list them all, in order.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandName } from '../cli/command-list.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist', 'cli', 'regiosim.js');

function regiosim(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
}

describe('the command list', () => {
  it('--help lists every command with its description, in the order of COMMANDS', () => {
    const help = regiosim('--help');
    expect(help.code).toBe(0);
    let at = -1;
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      const line = help.out.split('\n').find((l) => l.includes(`regiosim ${COMMANDS[name].command} `));
      expect(line, name).toBeDefined();
      expect(line).toContain(COMMANDS[name].describe);
      const position = help.out.indexOf(line as string);
      expect(position).toBeGreaterThan(at);
      at = position;
    }
  });

  it.each(Object.keys(COMMANDS) as CommandName[])('%s --help shows its own usage and options', (name) => {
    const help = regiosim(name, '--help');
    expect(help.code).toBe(0);
    // The usage line of the command itself (loaded on demand), not the top-level list.
    expect(help.out.split('\n')[0]).toContain(`regiosim ${COMMANDS[name].command}`);
    expect(help.out).not.toContain('Commands:');
  });

  it('finds the command after options that take values', () => {
    const help = regiosim('--map-runs', '0', 'report', '--help');
    expect(help.code).toBe(0);
    expect(help.out.split('\n')[0]).toContain(`regiosim ${COMMANDS.report.command}`);
    expect(help.out).toContain('--map-runs');
  });

  it('an unknown command is a usage error (exit 2), with the list of commands', () => {
    const r = regiosim('simulate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown argument: simulate');
    expect(r.err).toContain(COMMANDS.batch.command);
  });
});
