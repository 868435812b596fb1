import { execFileSync } from 'node:child_process';

/** Build dist/ so that worker threads and CLI tests run the code under test. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
    stdio: 'inherit',
  });
}
