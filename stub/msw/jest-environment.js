// @ts-check
/**
 * A jsdom test environment in which msw 2 works, shipped as
 * `openedx-lms-contracts/jest-environment` for MFE tests.
 *
 * Why it exists: jsdom gives a page (document.cookie, XMLHttpRequest) but not the Fetch API
 * globals msw 2 is built on (Request, Response, Headers, streams, BroadcastChannel), and its
 * default `browser` export condition makes Jest load msw's browser build, which needs a service
 * worker. This environment copies those globals from Node into the page and resolves packages
 * as Node does. Everything else stays jsdom's own, so DOM tests behave as before.
 *
 * It extends the project's own `jest-environment-jsdom` (Jest 29 and 30 both export
 * `TestEnvironment`), so it adds no second copy of jsdom. A project's
 * `testEnvironmentOptions.customExportConditions` still wins over the default below.
 */
const { TestEnvironment: JsdomEnvironment } = require('jest-environment-jsdom');

/** Node's conditions (what jest-environment-node uses): msw resolves to `msw/node`'s build. */
const NODE_EXPORT_CONDITIONS = ['node', 'node-addons', 'require', 'default'];

/** The Fetch API and the helpers msw 2 and its interceptors use, taken from Node. */
const NODE_GLOBALS = [
  'Request',
  'Response',
  'Headers',
  'fetch',
  'TextEncoder',
  'TextDecoder',
  'TextEncoderStream',
  'TextDecoderStream',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'BroadcastChannel',
  'structuredClone',
];

class MswJsdomEnvironment extends JsdomEnvironment {
  /** @param {ConstructorParameters<typeof JsdomEnvironment>} args */
  constructor(...args) {
    super(...args);
    this.customExportConditions = NODE_EXPORT_CONDITIONS;
    const page = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (this.global));
    const node = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (globalThis));
    for (const name of NODE_GLOBALS) {
      if (node[name] !== undefined) page[name] = node[name];
    }
  }
}

module.exports = MswJsdomEnvironment;
module.exports.TestEnvironment = MswJsdomEnvironment;
