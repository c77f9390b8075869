import '@fluentui/web-components/badge.js';
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/dialog-body.js';
import '@fluentui/web-components/dialog.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/spinner.js';
import { setTheme } from '@fluentui/web-components/theme/set-theme.js';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';
import type { Theme } from './host';

/**
 * Fluent UI's web components (v3) with Teams' own themes: the page looks like the rest of Teams in light, dark and high
 * contrast, and follows a theme change live. Only the components the page uses are registered (the bundle stays small).
 */
const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

export function applyTheme(theme: Theme): void {
  // Fluent's tokens go into a constructed style sheet (allowed by the page's style-src 'self').
  setTheme(THEMES[theme]);
  document.body.className = `theme-${theme}`;
}
