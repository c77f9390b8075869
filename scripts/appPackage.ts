/**
 * Builds and checks the Teams app package: manifest.json (from manifest/manifest.template.json) plus the two icons
 * at the root of a zip. Everything is checked offline: placeholders, the official schema shipped in
 * @microsoft/app-manifest, the SSO wiring, and the icons' sizes and transparency.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifestV1D24 } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

export const MANIFEST_DIR = path.resolve(__dirname, '../manifest');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Placeholders and where their values come from; a default of undefined means the value is required. */
const PLACEHOLDERS: Record<string, { fallback?: (env: Env) => string | undefined; hint: string }> = {
  MicrosoftAppId: { hint: "the bot's Entra app (client) id, a GUID" },
  TEAMS_APP_ID: {
    fallback: (env) => env.MicrosoftAppId,
    hint: 'the Teams app id, a GUID (defaults to MicrosoftAppId)',
  },
  BOT_DOMAIN: { hint: "the bot's host name without https://, e.g. connector-sync.azurewebsites.net" },
  APP_VERSION: {
    fallback: () =>
      (JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version,
    hint: 'the app version, e.g. 1.0.0',
  },
  DEVELOPER_NAME: { fallback: () => 'IT Operations', hint: 'who publishes the app in your organisation' },
  // The bot serves short /privacy and /terms pages itself; BOT_DOMAIN, when missing, is reported on its own.
  DEVELOPER_WEBSITE_URL: {
    fallback: (env) => `https://${env.BOT_DOMAIN ?? 'example.invalid'}/privacy`,
    hint: 'an https support page',
  },
  DEVELOPER_PRIVACY_URL: {
    fallback: (env) => `https://${env.BOT_DOMAIN ?? 'example.invalid'}/privacy`,
    hint: 'an https privacy statement',
  },
  DEVELOPER_TERMS_URL: {
    fallback: (env) => `https://${env.BOT_DOMAIN ?? 'example.invalid'}/terms`,
    hint: 'an https terms of use page',
  },
};

export type Env = Readonly<Record<string, string | undefined>>;
export type Manifest = TeamsManifestV1D24.TeamsManifestV1D24;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Fills the template from the environment; every unset required value is reported at once. */
export function renderManifest(template: string, env: Env): Manifest {
  const problems: string[] = [];
  const rendered = template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const spec = PLACEHOLDERS[name];
    const value = env[name]?.trim() || spec?.fallback?.(env);
    if (!value) {
      problems.push(`${name} is not set: ${spec?.hint ?? 'unknown placeholder'}`);
      return '';
    }
    return value.replace(/["\\]/g, '\\$&');
  });
  if (problems.length > 0) throw new PackageError([...new Set(problems)]);
  return JSON.parse(rendered) as Manifest;
}

/** Schema validation plus the rules the schema cannot express. */
export async function manifestProblems(manifest: Manifest): Promise<string[]> {
  const problems = await AppManifestUtils.validateAgainstSchema(manifest);
  const botId = manifest.bots?.[0]?.botId ?? '';
  if (!GUID.test(botId)) problems.push(`bots[0].botId "${botId}" must be the bot's app id, a GUID`);
  if (!GUID.test(manifest.id)) problems.push(`id "${manifest.id}" must be a GUID`);
  if (manifest.webApplicationInfo?.id !== botId)
    problems.push('webApplicationInfo.id must equal the bot id (Teams SSO)');
  // A bot and a tab in one app share one Application ID URI, which must name the tab's domain (Teams SSO for tabs).
  const domain = manifest.validDomains?.[0] ?? '';
  if (manifest.webApplicationInfo?.resource !== `api://${domain}/botid-${botId}`) {
    problems.push(
      `webApplicationInfo.resource must be api://${domain}/botid-${botId} (the Application ID URI of the app registration)`,
    );
  }
  if (!manifest.validDomains?.includes('token.botframework.com'))
    problems.push('validDomains must include token.botframework.com');
  return problems;
}

/** Icon rules: colour 192x192; outline 32x32, white on transparent. */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const colorPng = readPng(color, 'color.png', problems);
  if (colorPng && (colorPng.width !== 192 || colorPng.height !== 192))
    problems.push(`color.png is ${colorPng.width}x${colorPng.height}; it must be 192x192`);
  const outlinePng = readPng(outline, 'outline.png', problems);
  if (outlinePng) {
    if (outlinePng.width !== 32 || outlinePng.height !== 32)
      problems.push(`outline.png is ${outlinePng.width}x${outlinePng.height}; it must be 32x32`);
    let transparent = 0;
    for (let i = 0; i < outlinePng.data.length; i += 4) {
      const [r, g, b, a] = [outlinePng.data[i], outlinePng.data[i + 1], outlinePng.data[i + 2], outlinePng.data[i + 3]];
      if (a === 0) transparent += 1;
      else if (r !== 255 || g !== 255 || b !== 255) {
        problems.push('outline.png must be white on a transparent background; it has coloured pixels');
        break;
      }
    }
    if (transparent === 0) problems.push('outline.png must have a transparent background');
  }
  return problems;
}

function readPng(data: Buffer, name: string, problems: string[]): PNG | null {
  try {
    return PNG.sync.read(data);
  } catch {
    problems.push(`${name} is not a PNG`);
    return null;
  }
}

/** Renders, checks and zips the package. Throws PackageError listing every problem. */
export async function buildAppPackage(
  env: Env,
  template = readFileSync(path.join(MANIFEST_DIR, 'manifest.template.json'), 'utf8'),
): Promise<Buffer> {
  const manifest = renderManifest(template, env);
  const color = readFileSync(path.join(MANIFEST_DIR, manifest.icons.color));
  const outline = readFileSync(path.join(MANIFEST_DIR, manifest.icons.outline));
  const problems = [...(await manifestProblems(manifest)), ...iconProblems(color, outline)];
  if (problems.length > 0) throw new PackageError(problems);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(manifest.icons.color, color);
  zip.file(manifest.icons.outline, outline);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
