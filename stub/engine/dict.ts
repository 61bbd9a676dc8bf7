/**
 * A map keyed by request data (query names, header names, form fields, path parameters) as a
 * null-prototype object: a plain `{}` answers `constructor`, `toString` or `__proto__` from
 * Object.prototype, so a request naming them would read a function where a value belongs, or
 * set the object's prototype. Lookups in such maps use `Object.hasOwn`, never `in`.
 */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** A null-prototype copy of `source` (own enumerable keys only). */
export const dictOf = <T>(source: Record<string, T>): Record<string, T> =>
  Object.assign(dict<T>(), source);
