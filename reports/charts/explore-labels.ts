/**
 * Places the text labels of a scatter plot so that they do not overlap each other (Vega-Lite has
 * no label placement of its own): each label tries spots around its dot, the most important dots
 * first, and takes the first spot that is free. Positions are returned in data units, with the
 * side of the dot the text starts on, for a chart with fixed linear scales from 0.
 */

export interface LabelInput {
  x: number;
  y: number;
  text: string;
}

export interface PlacedLabel {
  /** Anchor of the text in data units. */
  lx: number;
  ly: number;
  /** 'left': the text starts at the anchor and runs right; 'right': it ends at the anchor. */
  align: 'left' | 'right';
}

/** Average advance of DejaVu Sans at 11 px, a little generous. */
const CHAR_PX = 6.8;
const LINE_PX = 13;

/**
 * Label spots for points on a plot `width` × `height` px with x in [0, xMax] and y in [0, yMax].
 * Points are placed in the order given (put the important ones first).
 * @example placeLabels([{ x: 1, y: 1, text: 'a' }], 10, 10, 400, 300)[0].align // 'left'
 */
export function placeLabels(
  points: readonly LabelInput[],
  xMax: number,
  yMax: number,
  width: number,
  height: number,
): PlacedLabel[] {
  const px = (x: number) => (x / (xMax || 1)) * width;
  const py = (y: number) => height - (y / (yMax || 1)) * height;
  type Box = { x0: number; x1: number; y0: number; y1: number };
  const taken: Box[] = points.map((p) => ({ x0: px(p.x) - 5, x1: px(p.x) + 5, y0: py(p.y) - 5, y1: py(p.y) + 5 }));
  const overlaps = (b: Box) => taken.some((t) => b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1);
  return points.map((p) => {
    const w = p.text.length * CHAR_PX;
    const cx = px(p.x);
    const cy = py(p.y);
    // Right of the dot first (up, level, down), then left of it, then further up and down.
    const spots: Array<[number, number, 'left' | 'right']> = [
      [8, -8, 'left'],
      [8, 0, 'left'],
      [8, 10, 'left'],
      [-8, -8, 'right'],
      [-8, 10, 'right'],
    ];
    for (let k = 1; k <= 6; k++) spots.push([8, -8 - k * LINE_PX, 'left'], [8, 10 + k * LINE_PX, 'left']);
    let chosen = spots[0];
    for (const s of spots) {
      const [dx, dy, align] = s;
      const x0 = align === 'left' ? cx + dx : cx + dx - w;
      const box = { x0, x1: x0 + w, y0: cy + dy - LINE_PX / 2, y1: cy + dy + LINE_PX / 2 };
      if (box.x1 > width + 200 || box.x0 < -120 || box.y0 < -10 || box.y1 > height + 10) continue;
      if (!overlaps(box)) {
        chosen = s;
        taken.push(box);
        break;
      }
    }
    const [dx, dy, align] = chosen;
    return { lx: ((cx + dx) / width) * (xMax || 1), ly: ((height - (cy + dy)) / height) * (yMax || 1), align };
  });
}
