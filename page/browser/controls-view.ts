/**
 * The form: one control per registry entry (page/shared/controls.ts). Levers have a baseline and a
 * scenario column; uncertainties are shared by both (a paired comparison of two policies in one
 * future). Values equal to the registry default are left out of the scenario files.
 */
import type { ControlSpec, ControlValue } from '../shared/controls.js';
import { h } from './dom.js';

export type Side = 'baseline' | 'scenario' | 'shared';

function rangeText(c: ControlSpec): string {
  if (c.kind !== 'number') return '';
  return `${c.min} to ${c.max}${c.unit && c.unit !== '-' ? ` ${c.unit}` : ''}${c.integer ? ', whole' : ''}`;
}

function controlId(side: Side, c: ControlSpec): string {
  return `ctl-${side}-${c.path}`;
}

function input(side: Side, c: ControlSpec, value: ControlValue | undefined): HTMLElement {
  const id = controlId(side, c);
  const v = value ?? c.default;
  const common = { id, 'data-side': side, 'data-path': c.path, title: c.help, 'aria-label': `${c.label} (${side})` };
  switch (c.kind) {
    case 'choice': {
      const sel = h('select', common);
      for (const o of c.values ?? [])
        sel.append(h('option', { value: o, selected: o === v }, o === '' ? '(custom)' : o));
      return sel;
    }
    case 'boolean':
      return h('input', { ...common, type: 'checkbox', checked: v === true });
    case 'roles': {
      const box = h('span', common);
      for (const role of c.values ?? [])
        box.append(
          h('label', {}, h('input', { type: 'checkbox', value: role, checked: (v as string[]).includes(role) }), role),
        );
      return box;
    }
    default:
      return h('input', {
        ...common,
        type: 'number',
        value: String(v),
        min: String(c.min),
        max: String(c.max),
        step: c.integer ? '1' : 'any',
      });
  }
}

/** A control's current value; number fields that are not numbers come back as their text. */
export function readControl(el: HTMLElement, c: ControlSpec): ControlValue {
  if (c.kind === 'choice') return (el as HTMLSelectElement).value;
  if (c.kind === 'boolean') return (el as HTMLInputElement).checked;
  if (c.kind === 'roles') return [...el.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  const input = el as HTMLInputElement;
  const text = input.value.trim();
  if (text === '') return input.validity.badInput ? 'not a number' : c.default;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Sets every control of a side to `values`, and the ones not named to the registry default. */
export function setSide(
  root: HTMLElement,
  side: Side,
  specs: ControlSpec[],
  values: Record<string, ControlValue>,
): void {
  for (const c of specs) {
    const el = root.querySelector<HTMLElement>(`[id="${controlId(side, c)}"]`);
    if (!el) continue;
    const v = values[c.name] ?? c.default;
    if (c.kind === 'boolean') (el as HTMLInputElement).checked = v === true;
    else if (c.kind === 'roles')
      for (const box of el.querySelectorAll<HTMLInputElement>('input'))
        box.checked = (v as string[]).includes(box.value);
    else (el as HTMLInputElement | HTMLSelectElement).value = String(v);
  }
}

function same(a: ControlValue, b: ControlValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads every control of a side into the settings' shape (registry defaults left out). */
export function readSide(root: HTMLElement, side: Side, specs: ControlSpec[]): Record<string, ControlValue> {
  const out: Record<string, ControlValue> = {};
  for (const c of specs) {
    const el = root.querySelector<HTMLElement>(`[id="${controlId(side, c)}"]`);
    if (!el || (el as HTMLInputElement).disabled) continue;
    const v = readControl(el, c);
    if (!same(v, c.default) || c.name === 'poolForm' || c.name === 'scarcity') out[c.name] = v;
  }
  return out;
}

function errorSlot(side: Side, c: ControlSpec): HTMLElement {
  return h('div', { class: 'err', 'data-error-for': `${side}:${c.path}` });
}

/** The lever table: label, baseline, scenario, range, help. */
export function leverTable(
  specs: ControlSpec[],
  baseline: Record<string, ControlValue>,
  scenario: Record<string, ControlValue>,
): HTMLElement {
  const table = h(
    'table',
    { class: 'controls' },
    h(
      'tr',
      {},
      h('th', {}, 'Lever'),
      h('th', {}, 'Baseline'),
      h('th', {}, 'Scenario'),
      h('th', {}, 'Allowed'),
      h('th', {}, 'What it is'),
    ),
  );
  for (const c of specs)
    table.append(
      h(
        'tr',
        {},
        h('td', {}, h('b', {}, c.label), h('div', { class: 'unit' }, c.name)),
        h('td', {}, input('baseline', c, baseline[c.name]), errorSlot('baseline', c)),
        h('td', {}, input('scenario', c, scenario[c.name]), errorSlot('scenario', c)),
        h('td', { class: 'unit' }, rangeText(c) || (c.values ?? []).filter((v) => v).join(', ') || 'true, false'),
        h('td', { class: 'help' }, c.help),
      ),
    );
  return table;
}

/** Uncertainties: scarcity first, then one collapsed group per parameter group. */
export function uncertaintyForm(specs: ControlSpec[], values: Record<string, ControlValue>): HTMLElement {
  const box = h('div');
  const groups = new Map<string, ControlSpec[]>();
  for (const c of specs) groups.set(c.group ?? '', [...(groups.get(c.group ?? '') ?? []), c]);
  for (const [group, list] of groups) {
    const table = h('table', { class: 'controls' });
    for (const c of list)
      table.append(
        h(
          'tr',
          {},
          h('td', {}, h('b', {}, c.label), h('div', { class: 'unit' }, c.name)),
          h('td', {}, input('shared', c, values[c.name]), errorSlot('shared', c)),
          h('td', { class: 'unit' }, rangeText(c)),
          h('td', { class: 'help' }, c.help),
        ),
      );
    if (group === 'scarcity') box.append(table);
    else
      box.append(
        h('details', { 'data-group': group }, h('summary', {}, `${group} (${list.length} parameters)`), table),
      );
  }
  return box;
}

/** Puts each problem under its control; returns the problems no control shows. */
export function showIssues(root: HTMLElement, issues: Array<{ side: Side; path: string; text: string }>): string[] {
  for (const el of root.querySelectorAll<HTMLElement>('[data-error-for]')) el.textContent = '';
  const rest: string[] = [];
  for (const i of issues) {
    const slot = root.querySelector<HTMLElement>(`[data-error-for="${i.side}:${i.path}"]`);
    if (slot) slot.textContent = i.text;
    else rest.push(i.text);
  }
  return rest;
}
