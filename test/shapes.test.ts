import { describe, expect, it } from 'vitest';
import { doubleList, freshCopy, objectList } from '../sim/shapes.js';

describe('shapes: empty lists and fresh copies', () => {
  it('objectList and doubleList give a new empty array on every call', () => {
    const a = objectList<{ x: number }>();
    const b = objectList<{ x: number }>();
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
    a.push({ x: 1 });
    expect(b).toEqual([]);
    const d = doubleList();
    d.push(0.25, 3);
    expect(d).toEqual([0.25, 3]);
    expect(doubleList()).toEqual([]);
  });

  it('freshCopy gives an equal, separate copy each time, and follows a source changed in place', () => {
    const source: Record<string, number> = { a: 1, b: 2.5 };
    const one = freshCopy(source);
    const two = freshCopy(source);
    expect(one).toEqual(source);
    expect(one).not.toBe(two);
    one.a = 9;
    expect(freshCopy(source).a).toBe(1);
    source.b = 7;
    expect(freshCopy(source)).toEqual({ a: 1, b: 7 });
  });
});
