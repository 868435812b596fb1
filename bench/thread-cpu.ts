/**
 * CPU time of the calling thread, for the batch bench's main-thread share. Node 20 has no
 * process.threadCpuUsage, so on Linux it reads the thread's own /proc entry (clock ticks); NaN
 * elsewhere.
 */
import { readFileSync } from 'node:fs';

/** Linux clock ticks per second (USER_HZ): 100 on every mainstream kernel. */
const TICKS_PER_S = 100;

/** CPU ms (user + system) of the main thread so far, or NaN if unknown. */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

/** CPU ms of the whole process (all threads) so far. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
