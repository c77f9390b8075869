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

export const guidList = z.string().transform((raw) =>
  raw
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean),
);
