/** Choosing the region: a kind (RES region, province, whole country), a name, and a clickable map. */
import type { NationalData } from '../../sim/region-data.js';
import type { PageData } from '../shared/page-data.js';
import { regionMapChart } from '../shared/charts.js';
import type { RegionChoice } from '../shared/settings.js';
import { h } from './dom.js';

/** CBS codes of the municipalities a choice covers. */
export function regionCodes(data: NationalData, r: RegionChoice): string[] {
  if (r.kind === 'national') return data.municipalities.map((m) => m.code);
  if (r.kind === 'res')
    return data.municipalities.filter((m) => m.resName === r.name || m.resCode === r.name).map((m) => m.code);
  return data.municipalities.filter((m) => m.provinceName === r.name || m.provinceCode === r.name).map((m) => m.code);
}

function names(data: NationalData, kind: RegionChoice['kind']): string[] {
  if (kind === 'national') return [];
  const all = data.municipalities.map((m) => (kind === 'res' ? m.resName : m.provinceName));
  return [...new Set(all)].sort((a, b) => a.localeCompare(b));
}

/** Builds the controls; returns a function giving the current choice. */
export function regionPicker(
  controls: HTMLElement,
  mapEl: HTMLElement,
  data: PageData,
  initial: RegionChoice,
  changed: () => void,
): () => RegionChoice {
  const kind = h(
    'select',
    { id: 'region-kind', 'aria-label': 'kind of region' },
    h('option', { value: 'res', selected: initial.kind === 'res' }, 'RES region'),
    h('option', { value: 'province', selected: initial.kind === 'province' }, 'Province'),
    h(
      'option',
      { value: 'national', selected: initial.kind === 'national' },
      'Whole country (one pool per RES region)',
    ),
  );
  const name = h('select', { id: 'region-name', 'aria-label': 'region' });
  const fill = (selected?: string) => {
    const list = names(data.national, kind.value as RegionChoice['kind']);
    name.replaceChildren(...list.map((n) => h('option', { value: n, selected: n === selected }, n)));
    name.disabled = list.length === 0;
  };
  fill('name' in initial ? initial.name : undefined);
  controls.append(kind, ' ', name);
  const current = (): RegionChoice =>
    kind.value === 'national' ? { kind: 'national' } : { kind: kind.value as 'res' | 'province', name: name.value };

  let view: { finalize(): void } | undefined;
  const draw = async () => {
    view?.finalize();
    const spec = regionMapChart(data.boundaries, regionCodes(data.national, current()));
    const result = await vegaEmbed(mapEl, spec, { actions: false, renderer: 'svg' });
    view = result;
    result.view.addEventListener('click', (_e, item) => {
      const props = (item?.datum as { properties?: Record<string, string> } | undefined)?.properties;
      if (!props || kind.value === 'national') return;
      fill(kind.value === 'res' ? props.res_name : props.province_name);
      void draw();
      changed();
    });
  };
  kind.addEventListener('change', () => {
    fill();
    void draw();
  });
  name.addEventListener('change', () => void draw());
  void draw();
  return current;
}
