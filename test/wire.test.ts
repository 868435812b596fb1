import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../workers/protocol.js';
import { toWire } from '../workers/wire.js';

const outcome: RunOutcome = {
  index: 7,
  pointId: 'p',
  replicate: 3,
  seed: 42,
  status: 'ok',
  error: '',
  metrics: [0.5],
  outcomes: [1],
  row: '7,p,3,42,ok\n',
  series: '7,region,ES03,11,2026,hires,2\n',
  municipalities: '7,GM1900,Súdwest-Fryslân,Tytsjerksteradiel,Noardeast-Fryslân\n',
  municipalitySeries: '',
};

describe('outcomes travel as transferred UTF-8 bytes (workers/wire.ts)', () => {
  it('encodes every text field to bytes that decode to the same text', () => {
    const wire = toWire(outcome, []);
    const text = new TextDecoder();
    expect(text.decode(wire.row)).toBe(outcome.row);
    expect(text.decode(wire.series)).toBe(outcome.series);
    expect(text.decode(wire.municipalities)).toBe(outcome.municipalities);
    expect(wire.municipalities.length).toBe(Buffer.byteLength(outcome.municipalities));
    expect(wire.municipalitySeries.length).toBe(0);
    expect({ ...wire, row: 0, series: 0, municipalities: 0, municipalitySeries: 0 }).toEqual({
      ...outcome,
      row: 0,
      series: 0,
      municipalities: 0,
      municipalitySeries: 0,
    });
  });

  it('gives each field a whole buffer of its own, and lists them for transfer', () => {
    const transfer: ArrayBuffer[] = [];
    const wire = toWire(outcome, transfer);
    expect(new Set(transfer).size).toBe(4);
    for (const bytes of [wire.row, wire.series, wire.municipalities, wire.municipalitySeries]) {
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
      expect(transfer).toContain(bytes.buffer);
    }
  });

  it('moves the bytes across a message port: the sender keeps nothing, the receiver gets the text', () => {
    const { port1, port2 } = new MessageChannel();
    const transfer: ArrayBuffer[] = [];
    const wire = toWire(outcome, transfer);
    port1.postMessage(wire, transfer);
    expect(wire.series.length).toBe(0); // detached: moved, not copied
    const got = receiveMessageOnPort(port2)?.message as typeof wire;
    expect(Buffer.from(got.series).toString('utf8')).toBe(outcome.series);
    port1.close();
    port2.close();
  });
});
