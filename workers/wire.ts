/**
 * How a chunk's outcomes travel from a worker thread to the main thread: the text each run writes
 * (its runs.csv row and its table rows) is encoded to UTF-8 in the worker and its buffers are
 * transferred, not cloned. The main thread then only appends bytes: it neither copies strings out
 * of the message, nor encodes them for the write, nor collects them as garbage, which leaves the
 * second core to the workers (issue 14: the main thread's share of the CPU).
 */
import type { RunOutcome, WireOutcome } from './protocol.js';

const encoder = new TextEncoder();

/**
 * The outcome with its text fields encoded, each into a buffer of its own (TextEncoder never
 * hands out a slice of a shared pool, so every buffer can be transferred); their buffers are
 * pushed onto `transfer`.
 * @example toWire(outcome, []).row // Uint8Array of outcome.row's UTF-8 bytes
 */
export function toWire(outcome: RunOutcome, transfer: ArrayBuffer[]): WireOutcome {
  const row = encoder.encode(outcome.row);
  const series = encoder.encode(outcome.series);
  const municipalities = encoder.encode(outcome.municipalities);
  const municipalitySeries = encoder.encode(outcome.municipalitySeries);
  transfer.push(row.buffer, series.buffer, municipalities.buffer, municipalitySeries.buffer);
  return { ...outcome, row, series, municipalities, municipalitySeries };
}
