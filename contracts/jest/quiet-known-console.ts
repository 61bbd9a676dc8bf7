// Known, harmless console output of frontend-platform's dependencies under jsdom (localforage
// registering its memory driver, i18n data for locales we do not load). Only these exact
// patterns are dropped; anything else still reaches the console, so a real warning is never hidden.
const HARMLESS = [/^Redefining LocalForage driver/, /^Missing locale: /];

for (const level of ['info', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && HARMLESS.some((pattern) => pattern.test(first))) return;
    original(...args);
  };
}
