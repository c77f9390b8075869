import { gzipSync } from 'node:zlib';
import type restify from 'restify';
import { messagesFor, type Messages } from '../i18n';
import type { PageConfig, PageStrings } from './shared/contract';
import { loadAssets, TYPES, type Asset } from './tabAssets';

/**
 * The hosts that may show the dashboard in a frame: Teams (work, government, consumer) and the Microsoft 365 and
 * Outlook hosts that run personal tabs. Nothing else may frame it.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.teams.microsoft.us',
  'https://teams.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://outlook.live.com',
];

/** The page loads its own script and style only, and talks to its own origin only. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

function securityHeaders(res: restify.Response): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/** Every dashboard API answer: never cached, never sniffed, never framed. */
export function apiHeaders(res: restify.Response): void {
  securityHeaders(res);
  res.setHeader('Cache-Control', 'no-store');
}

/** The dashboard's HTML pages: one shell, told by an embedded JSON which page it is and which words to use. */
export class TabPage {
  private assets: Promise<Record<Asset, string>> | null = null;
  private readonly zipped: Partial<Record<Asset, Buffer>> = {};

  constructor(private readonly config: Omit<PageConfig, 'page' | 'strings'>) {}

  /** Bundles or reads the assets now, so the first visitor does not wait for it (`npm start` does this). */
  prepare(): Promise<unknown> {
    this.assets ??= loadAssets();
    return this.assets;
  }

  send(res: restify.Response, page: PageConfig['page']): Promise<void> {
    securityHeaders(res);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, this.html(page));
    return Promise.resolve();
  }

  /** A script or style sheet, gzipped for a browser that accepts it (the script is Fluent UI and teams-js: ~190 KB). */
  async sendAsset(req: restify.Request, res: restify.Response, asset: Asset): Promise<void> {
    const assets = await this.prepare().then(() => this.assets!);
    securityHeaders(res);
    res.setHeader('Content-Type', TYPES[asset]);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return void res.sendRaw(200, assets[asset]);
    this.zipped[asset] ??= gzipSync(assets[asset]);
    res.setHeader('Content-Encoding', 'gzip');
    res.sendRaw(200, this.zipped[asset]);
  }

  html(page: PageConfig['page']): string {
    const config: PageConfig = {
      ...this.config,
      page,
      strings: { en: stringsOf(messagesFor('en')), de: stringsOf(messagesFor('de')) },
    };
    // JSON in an attribute: every character that could end the attribute or start markup is escaped.
    const embedded = JSON.stringify(config).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
    return [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>Connectors</title>',
      '<link rel="stylesheet" href="/tab/app.css">',
      `<meta name="dashboard" content="${embedded}">`,
      '</head>',
      '<body>',
      '<main id="app" aria-live="polite"></main>',
      '<script src="/tab/app.js"></script>',
      '</body>',
      '</html>',
    ].join('\n');
  }
}

function stringsOf(m: Messages): PageStrings {
  return {
    tab: m.tab,
    never: m.never,
    unknownValue: m.unknownValue,
    syncTypeName: m.syncTypeName,
    syncTypeExplained: m.syncTypeExplained,
    startSync: m.startSync,
  };
}
