/**
 * jsdom's window lacks TextEncoder, which every browser and Node have and which the vocabulary's
 * browser-safe JWT minter (vocabulary/openedx/jwt.ts) needs for the contracts' example cookies.
 * The contracts keep these few lines rather than import the stub's test helper
 * (stub/testing/node-globals.ts): contracts/ never depends on stub/.
 */
import { TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
