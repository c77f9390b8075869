/**
 * The Microsoft clients that may ask Entra for a token to the app's API on the user's behalf (tab SSO): the app
 * registration pre-authorises exactly these, and the dashboard accepts tokens issued to these only (`azp` in v2
 * tokens, `appid` in v1). One list for both, from Microsoft's "Configure your tab app in Microsoft Entra ID".
 * The tab is offered in Teams, Microsoft 365 and Outlook (its CSP lets all three frame it).
 */
export const TAB_CLIENT_APPS = [
  { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', client: 'Teams desktop and mobile' },
  { id: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', client: 'Teams web' },
  { id: '4765445b-32c6-49b0-83e6-1d93765276ca', client: 'Microsoft 365 web' },
  { id: '0ec893e0-5785-4de6-99da-4ed124e5296c', client: 'Microsoft 365 desktop' },
  { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', client: 'Microsoft 365 mobile and Outlook desktop' },
  { id: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3', client: 'Outlook web' },
  { id: '27922004-5251-4030-b22d-91ecd9a37ea4', client: 'Outlook mobile' },
] as const;

export const TAB_CLIENT_APP_IDS: readonly string[] = TAB_CLIENT_APPS.map((app) => app.id);
