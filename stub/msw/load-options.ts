/**
 * Reading and checking what createLmsHandlers() is given (pacts, personas, the LMS URL), with
 * errors that name the option at fault and say what would be valid.
 */
import { type LoadedPact, PactLoadError, readPact } from '../engine';
import { type PersonaCatalog, PersonaLoadError, readPersonas } from '../openedx/personas';
import { shippedPacts, shippedPersonas } from './shipped';

/** A pact to serve: a parsed pact document, or one with the name errors should give it. */
export type PactInput = unknown | { source: string; pact: unknown };

export class LmsHandlersError extends Error {
  override name = 'LmsHandlersError';
}

export const fail = (what: string, reason: string, todo: string): never => {
  throw new LmsHandlersError(`[stub] Failed to ${what}: ${reason}. ${todo}.`);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function loadPacts(inputs: PactInput[] | undefined): LoadedPact[] {
  const documents = inputs
    ? inputs.map((input, i) =>
        isObject(input) && typeof input.source === 'string' && 'pact' in input
          ? { source: input.source, doc: input.pact }
          : { source: pactLabel(input, i), doc: input },
      )
    : shippedPacts();
  return documents.map(({ source, doc }) => {
    try {
      return readPact(doc, source);
    } catch (error) {
      if (error instanceof PactLoadError)
        fail('load a pact', error.message, 'Fix the pact, or leave it out of the `pacts` option');
      throw error;
    }
  });
}

/** `pacts[2] (frontend-app-account → lms)`: names an in-memory pact in error messages. */
function pactLabel(doc: unknown, index: number): string {
  const name = (side: unknown) =>
    isObject(side) && typeof side.name === 'string' ? side.name : '?';
  return isObject(doc)
    ? `pacts[${index}] (${name(doc.consumer)} → ${name(doc.provider)})`
    : `pacts[${index}]`;
}

export function loadPersonas(doc: unknown): PersonaCatalog {
  const { source, doc: document } =
    doc === undefined ? shippedPersonas() : { source: 'the personas option', doc };
  try {
    return readPersonas(document, source);
  } catch (error) {
    if (error instanceof PersonaLoadError)
      fail(
        'load the personas',
        error.message,
        'Give a persona document shaped as stub/personas/default.yaml',
      );
    throw error;
  }
}

export function lmsOrigin(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search)
    fail(
      'create the LMS handlers',
      `lmsBaseUrl '${raw}' is not the origin of an LMS`,
      'Give the LMS_BASE_URL the MFE is configured with, e.g. http://localhost:18000',
    );
  return (url as URL).origin;
}
