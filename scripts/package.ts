/** `npm run package`: build/appPackage.zip for upload to Teams, from the environment (or .env). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PackageError, buildAppPackage } from './appPackage';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const out = path.resolve(__dirname, '../build/appPackage.zip');
  try {
    const zip = await buildAppPackage(process.env);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    console.log(
      `Teams app package written to ${out} (${zip.length} bytes): valid against the official schema, icons checked.`,
    );
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(
      `${error.message}\nSet the values in the environment or .env (see .env.example), then run npm run package again.`,
    );
    process.exitCode = 1;
  }
}

void main();
