/**
 * TEST-ONLY fault injection for the writers in store/write.ts, so tests can provoke a full disk or
 * an unwritable folder without root or a real full filesystem. Off unless REGIOSIM_TEST_FAULT is set:
 *   enospc:N         the write that crosses N bytes (counted over this process) writes up to N bytes,
 *                    then fails with ENOSPC; later writes succeed (the space has returned)
 *   enospc:N:sticky  every write past N bytes fails (the disk stays full)
 *   eacces           every write fails with EACCES (an unwritable folder)
 */
let written = 0;
let fired = false;

/** How many of `bytes` may be written before the injected fault: all of them when no fault is set. */
export function allowedBytes(bytes: number): number {
  const spec = process.env.REGIOSIM_TEST_FAULT;
  if (!spec) return bytes;
  if (spec === 'eacces') return 0;
  const [kind, limit, sticky] = spec.split(':');
  const n = Number(limit);
  if (kind !== 'enospc' || !Number.isFinite(n) || (fired && sticky !== 'sticky')) return bytes;
  if (written + bytes <= n) {
    written += bytes;
    return bytes;
  }
  const part = Math.max(0, n - written);
  written = n;
  fired = true;
  return part;
}

/** The error to throw after allowedBytes() allowed fewer bytes than asked. */
export function injectedError(path: string): NodeJS.ErrnoException {
  const eacces = process.env.REGIOSIM_TEST_FAULT === 'eacces';
  const e = new Error(
    eacces ? `EACCES: permission denied, open '${path}'` : `ENOSPC: no space left on device, write '${path}'`,
  ) as NodeJS.ErrnoException;
  e.code = eacces ? 'EACCES' : 'ENOSPC';
  e.path = path;
  return e;
}

/** Tests in one process: start counting again. */
export function resetFaults(): void {
  written = 0;
  fired = false;
}
