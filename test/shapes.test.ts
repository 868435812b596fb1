import { describe, expect, it } from 'vitest';
import { removeAt, removeNumberAt } from '../sim/scratch.js';
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

describe('removeAt and removeNumberAt remove one entry in place, as splice(k, 1) does', () => {
  it('return the entry and keep the order of the rest, at the start, middle and end', () => {
    for (const k of [0, 2, 4]) {
      const numbers = [10, 11, 12, 13, 14];
      const expected = [...numbers];
      const [gone] = expected.splice(k, 1);
      expect(removeNumberAt(numbers, k)).toBe(gone);
      expect(numbers).toEqual(expected);
      const objects = [{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }, { i: 4 }];
      expect(removeAt(objects, k)).toEqual({ i: k });
      expect(objects.map((o) => o.i)).toEqual([0, 1, 2, 3, 4].filter((i) => i !== k));
    }
    // removeAt counts a negative index from the end, as splice does.
    const list = ['a', 'b', 'c'];
    expect(removeAt(list, -1)).toBe('c');
    expect(list).toEqual(['a', 'b']);
  });
});
