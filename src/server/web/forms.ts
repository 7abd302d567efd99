// Reading HTML form posts, for public and staff pages alike. Field names are plain data: the
// values live in an object with no prototype, so a field called "__proto__" or "constructor" is
// just a field. A body that is not a form, or a form that cannot be read, is refused with a
// status the error page explains (see src/pages/request-problem.astro and src/middleware.ts).

import type { z } from 'zod';
import type { FormError } from '../../domain/forms.ts';

export type { FormError };

export type FormValues = Record<string, string[]>;

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A request body that is not a readable form: 415 for the wrong kind of body, 400 for a broken one. */
export class UnreadableForm extends Error {
  override name = 'UnreadableForm';
  readonly status: 400 | 415;
  constructor(status: 400 | 415, message: string) {
    super(message);
    this.status = status;
  }
}

// One reading per request: the middleware reads every form post to refuse unreadable ones, and the
// page then asks for the same fields, so the body is parsed once and both get the same answer.
const formsRead = new WeakMap<Request, Promise<FormValues>>();

/**
 * The form's fields. Reads a copy, so the page can still hand the request to Astro.rewrite(), and
 * reads it once per request however many times it is asked.
 */
export function readForm(request: Request): Promise<FormValues> {
  let reading = formsRead.get(request);
  if (!reading) {
    reading = parseForm(request);
    formsRead.set(request, reading);
  }
  return reading;
}

async function parseForm(request: Request): Promise<FormValues> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    throw new UnreadableForm(
      415,
      type ? `A form was expected, but the request sent ${type}.` : 'A form was expected, but the request sent nothing we could read.',
    );
  }
  let data: FormData;
  try {
    data = await request.clone().formData();
  } catch {
    throw new UnreadableForm(400, 'The form could not be read. It may have been cut off on the way.');
  }
  const values: FormValues = Object.create(null) as FormValues;
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') continue;
    if (!Object.hasOwn(values, name)) values[name] = [];
    values[name]!.push(value);
  }
  return values;
}

/** Each field's first value (cut to `maxLength`), for use cases that take a whole form of single values. */
export function firstValues(values: FormValues, maxLength = 2000): Record<string, string> {
  const first: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(values)) first[name] = (values[name]![0] ?? '').slice(0, maxLength);
  return first;
}

/** Every value of a field, or [] (only the form's own fields, never inherited names). */
export function fieldValues(values: FormValues, name: string): string[] {
  return Object.hasOwn(values, name) ? values[name]! : [];
}

/** First value of a field, or '' */
export function field(values: FormValues, name: string): string {
  return fieldValues(values, name)[0] ?? '';
}

/** A value looked up by a name the browser sent (a query parameter, an intent): own keys only. */
export function lookupOwn<T>(table: Record<string, T>, key: string | null | undefined): T | undefined {
  return key != null && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A Zod validation error as form errors, one per field (the first message for each). */
export function zodFieldErrors(error: z.ZodError): FormError[] {
  const seen = new Set<string>();
  const errors: FormError[] = [];
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    if (seen.has(name)) continue;
    seen.add(name);
    errors.push({ field: name, message: issue.message });
  }
  return errors;
}

/** The message for one field among a form's errors, for its inline error (undefined when it has none). */
export function errorFor(errors: readonly FormError[] | undefined, name: string): string | undefined {
  return errors?.find((e) => e.field === name)?.message;
}

/**
 * A file sent in a multipart form field, as bytes (empty when none was chosen), or null when the
 * request is not a multipart form. Read from a copy, like readForm.
 */
export async function readUpload(request: Request, name: string): Promise<Uint8Array | null> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'multipart/form-data') return null;
  let data: FormData;
  try {
    data = await request.clone().formData();
  } catch {
    throw new UnreadableForm(400, 'The form could not be read. It may have been cut off on the way.');
  }
  const value = data.get(name);
  return value && typeof value !== 'string' ? new Uint8Array(await value.arrayBuffer()) : new Uint8Array();
}
