import type { z } from 'zod';

/** One setting: its name, where it applies, its documentation (the README table, word for word) and its parser. */
export type Applies = 'always' | 'local' | 'teams' | 'package';

export interface SettingSpec<T = unknown> {
  readonly name: string;
  /** Where the setting matters: both modes, local mode only, Teams mode only, or `npm run package` only. */
  readonly applies: Applies;
  /** The README's "Default" column, word for word. */
  readonly defaultText: string;
  /** The README's "Meaning" column, word for word. */
  readonly summary: string;
  /** Never printed, logged or echoed in an error message. */
  readonly secret?: boolean;
  /** Parses the trimmed raw value ('' = unset). A failure's message says what to set instead. */
  readonly schema: z.ZodType<T, z.ZodTypeDef, string>;
}

export function setting<T>(spec: SettingSpec<T>): SettingSpec<T> {
  return spec;
}
