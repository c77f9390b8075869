import { execFile } from 'node:child_process';

/** What the setup command runs: the Azure CLI, and the project's own npm scripts (build, package). */
export interface Runner {
  /** `az <args> --output json`: its parsed answer (null when it printed nothing). */
  az(args: readonly string[]): Promise<unknown>;
  npm(args: readonly string[], env?: Record<string, string>): Promise<void>;
}

/** A command of the setup failed: the run stops here, with what `az` (or npm) said. */
export class SetupStepError extends Error {
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`${command} failed:\n${output.trim()}`);
  }
}

function run(file: string, args: readonly string[], env?: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { maxBuffer: 32 * 1024 * 1024, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        if (error) reject(new SetupStepError(`${file} ${args.join(' ')}`, stderr || stdout || error.message));
        else resolve(stdout);
      },
    );
  });
}

/** The real Azure CLI and npm on PATH (tests put fakes first on PATH). */
export const cliRunner: Runner = {
  async az(args) {
    const out = (await run('az', [...args, '--output', 'json'])).trim();
    return out ? (JSON.parse(out) as unknown) : null;
  },
  async npm(args, env) {
    await run('npm', args, env);
  },
};
