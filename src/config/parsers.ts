import { isIP } from 'node:net';
import { z } from 'zod';

/** How each kind of setting is read from its raw text ('' = unset); a failure's message says what to set instead. */
export const text = z.string();

export function integer(
  fallback: number,
  min: number,
  max: number,
  hint: string,
): z.ZodType<number, z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    if (raw === '') return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    context.addIssue({ code: z.ZodIssueCode.custom, message: `use ${hint}` });
    return z.NEVER;
  });
}

export function oneOf<const T extends string>(
  values: readonly T[],
  fallback: T | '',
  hint: string,
): z.ZodType<T | '', z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    if (raw === '') return fallback;
    const match = values.find((value) => value.toLowerCase() === raw.toLowerCase());
    if (match) return match;
    context.addIssue({ code: z.ZodIssueCode.custom, message: `use ${hint}` });
    return z.NEVER;
  });
}

export function url(hint: string): z.ZodType<URL | null, z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    if (raw === '') return null;
    try {
      return new URL(raw);
    } catch {
      context.addIssue({ code: z.ZodIssueCode.custom, message: `is not a URL; use ${hint}` });
      return z.NEVER;
    }
  });
}

/** A value that must match `pattern` (after the fallback for an empty value); `problem` says what to set instead. */
export function matching(pattern: RegExp, fallback: string, problem: string): z.ZodType<string, z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    const value = raw || fallback;
    if (pattern.test(value)) return value;
    context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    return z.NEVER;
  });
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE_GUID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** An Entra id (app, tenant, managed identity): a GUID or unset. Anything else would start and then refuse everyone. */
export function guid(what: string): z.ZodType<string, z.ZodTypeDef, string> {
  return z.string().transform((raw, context) => {
    if (raw === '' || GUID.test(raw)) return raw;
    context.addIssue({ code: z.ZodIssueCode.custom, message: `is not ${what}: use a GUID such as ${EXAMPLE_GUID}` });
    return z.NEVER;
  });
}

/** Tenant ids, comma-separated, each a GUID: `*`, `common` or a domain name would match no token's `tid`. */
export const guidList = z.string().transform((raw, context) => {
  const ids = raw
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  const wrong = ids.filter((id) => !GUID.test(id));
  if (wrong.length === 0) return ids;
  context.addIssue({
    code: z.ZodIssueCode.custom,
    message: `holds ${wrong.map((id) => `"${id}"`).join(', ')}: list tenant ids (GUIDs such as ${EXAMPLE_GUID}, Entra ID > Overview > Tenant ID); domain names, "*" and "common" are not accepted`,
  });
  return z.NEVER;
});

/** An interface to listen on: an IPv4 or IPv6 address, or `localhost`. */
export const ipAddress = z.string().transform((raw, context) => {
  if (raw === '' || raw === 'localhost' || isIP(raw) !== 0) return raw;
  context.addIssue({
    code: z.ZodIssueCode.custom,
    message: 'is not an IP address: use one such as 127.0.0.1, 0.0.0.0 or ::1',
  });
  return z.NEVER;
});
