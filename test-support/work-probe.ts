/**
 * An operation count, not a clock: while `fn` runs, every call of the array, map and set methods
 * that walk or copy a collection adds that collection's size (what one call can cost at most),
 * and building a Map or Set from a list adds its length. Linear code doing n things counts about
 * c·n; a scan of a growing list per item counts about c·n². For tests that must catch quadratic
 * work coming back without timing anything.
 */
export function countWork(fn: () => void): number {
  let work = 0;
  const arrayMethods = [
    'map',
    'filter',
    'find',
    'findIndex',
    'some',
    'every',
    'forEach',
    'reduce',
    'includes',
    'indexOf',
    'lastIndexOf',
    'slice',
    'concat',
    'join',
    'sort',
    'splice',
    'flatMap',
    'entries',
    'keys',
    'values',
  ] as const;
  const restore: (() => void)[] = [];
  function* counted(it: Iterator<unknown>): Generator {
    for (let r = it.next(); r.done !== true; r = it.next()) {
      work += 1;
      yield r.value;
    }
  }
  const wrap = <T extends object>(proto: T, name: string, size: (self: T) => number): void => {
    const original = (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
    // A slice costs what it copies, not the list it is cut from.
    const copies = name === 'slice' || name === 'splice';
    // An iterator costs the steps taken (`const [first] = map.keys()` is one).
    const steps = name === 'entries' || name === 'keys' || name === 'values';
    (proto as Record<string, unknown>)[name] = function (this: T, ...args: unknown[]): unknown {
      const result = original.apply(this, args);
      work += 1;
      if (steps) return counted(result as Iterator<unknown>);
      work += copies && Array.isArray(result) ? result.length : size(this);
      return result;
    };
    restore.push(() => {
      (proto as Record<string, unknown>)[name] = original;
    });
  };
  for (const name of arrayMethods) wrap(Array.prototype, name, (a: unknown[]) => a.length);
  for (const name of ['forEach', 'entries', 'keys', 'values'])
    for (const proto of [Map.prototype, Set.prototype])
      wrap(proto, name, (m: Map<unknown, unknown> | Set<unknown>) => m.size);
  const fromList = (Base: MapConstructor | SetConstructor): void => {
    // Counted where the collections are built: a Map of a whole list per item is quadratic too.
    const g = globalThis as unknown as Record<string, unknown>;
    const original = g[Base.name];
    g[Base.name] = new Proxy(Base, {
      construct(target, args: unknown[]) {
        const [list] = args;
        if (Array.isArray(list)) work += list.length;
        return Reflect.construct(target, args) as object;
      },
    });
    restore.push(() => {
      g[Base.name] = original;
    });
  };
  fromList(Map);
  fromList(Set);
  try {
    fn();
  } finally {
    for (const r of restore.reverse()) r();
  }
  return work;
}
