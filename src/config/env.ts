import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { Env } from './loadConfig';

/**
 * The environment the bot runs with: the process environment over a `.env` file in the working directory (the
 * environment wins). The only module that reads `process.env` (ESLint's n/no-process-env enforces it).
 */
export function readEnvironment(cwd = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  // eslint-disable-next-line n/no-process-env -- this is the one place that may
  return { ...fromFile, ...process.env };
}
