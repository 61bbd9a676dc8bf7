/**
 * jsdom's window lacks a few globals every browser and Node have (TextEncoder, TextDecoder,
 * structuredClone). Import this first in a jsdom test that runs the stub in-process.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.structuredClone ??= (value: unknown) => deserialize(serialize(value));
