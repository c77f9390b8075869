import { app, authentication } from '@microsoft/teams-js';
import { usableLocale } from './format';

/** Where the page runs: inside a Teams (or Microsoft 365) host that knows the user, or a plain browser tab. */
export interface Host {
  inTeams: boolean;
  locale: string;
  theme: Theme;
  /** A Teams SSO token for the app's own API (Teams only). */
  token(): Promise<string | null>;
  onThemeChange(handler: (theme: Theme) => void): void;
  /** Opens the app's consent page in the host's sign-in window; resolves when the user is done. */
  consent(url: string): Promise<void>;
}

export type Theme = 'default' | 'dark' | 'contrast';

/** A plain browser gets no answer from `app.initialize()`; after this long the page stops waiting for one. */
const TEAMS_WAIT_MS = 2_500;

export async function connectHost(): Promise<Host> {
  const inTeams = await Promise.race([
    app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), TEAMS_WAIT_MS)),
  ]);
  if (!inTeams) return browserHost();
  const context = await app.getContext();
  void app.notifySuccess();
  let cached: { token: string; expiresAt: number } | null = null;
  return {
    inTeams: true,
    locale: usableLocale(context.app.locale || navigator.language),
    theme: themeOf(context.app.theme),
    async token() {
      if (cached && cached.expiresAt - 60_000 > Date.now()) return cached.token;
      const token = await authentication.getAuthToken();
      cached = { token, expiresAt: expiryOf(token) };
      return token;
    },
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeOf(theme))),
    consent: async (url) => void (await authentication.authenticate({ url, width: 600, height: 535 })),
  };
}

function browserHost(): Host {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  return {
    inTeams: false,
    locale: usableLocale(new URLSearchParams(location.search).get('locale') ?? navigator.language),
    theme: dark.matches ? 'dark' : 'default',
    token: () => Promise.resolve(null),
    onThemeChange: (handler) => dark.addEventListener('change', (event) => handler(event.matches ? 'dark' : 'default')),
    consent: () => Promise.resolve(),
  };
}

function themeOf(theme: string | undefined): Theme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/** A JWT's expiry, read (not trusted: the server checks the token) so the page asks for a new one in time. */
function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: number;
    };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}
