/**
 * The architecture, as rules `npm test` checks (dependency-cruiser). Arrows point down: the bot's Teams edge and the
 * wiring at the top, the domain (sync) and storage below, small leaf modules at the bottom.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle works only by load order and hides which module is the lower one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'leaves-import-nothing-of-ours',
      severity: 'error',
      comment: 'Text, HTTP helpers, errors and deadlines are leaves: anything may use them, they use nothing of ours.',
      from: { path: '^src/(text/|http/|errors\\.ts$|deadline\\.ts$)' },
      to: { path: '^src/', pathNot: ['^src/(text/|http/|errors\\.ts$|deadline\\.ts$)'] },
    },
    {
      name: 'config-and-graph-stand-on-leaves',
      severity: 'error',
      comment: 'Settings and the Graph client use the leaves only (and themselves).',
      from: { path: '^src/(config|graph)/' },
      to: { path: '^src/', pathNot: ['^src/$1/', '^src/(text/|http/|errors\\.ts$|deadline\\.ts$)'] },
    },
    {
      name: 'storage-below-sync',
      severity: 'error',
      comment: 'Storage keeps records; the domain (sync) decides what they mean.',
      from: { path: '^src/storage/' },
      to: { path: '^src/(sync|commands|cards|tab|bot)/' },
    },
    {
      name: 'sync-knows-no-cards-or-commands',
      severity: 'error',
      comment: 'The domain says what happened; cards and commands say it to people.',
      from: { path: '^src/sync/' },
      to: { path: '^src/(cards|commands|tab|bot)/' },
    },
    {
      name: 'cards-know-no-commands',
      severity: 'error',
      comment: 'Cards render what they are given; commands decide what to show.',
      from: { path: '^src/cards/' },
      to: { path: '^src/(commands|tab|bot)/' },
    },
    {
      name: 'botbuilder-only-in-bot',
      severity: 'error',
      comment: 'The Bot Framework SDK stays at the Teams edge (src/bot/): a move to another SDK touches that folder.',
      from: { path: '^src/', pathNot: '^src/bot/' },
      to: { path: 'node_modules/(botbuilder|botframework-)' },
    },
    {
      name: 'bot-only-from-the-wiring',
      severity: 'error',
      comment:
        'Only the composition root (app.ts, createBot.ts) knows the Teams edge; lower layers declare interfaces.',
      from: { path: '^src/', pathNot: ['^src/bot/', '^src/(app|createBot)\\.ts$'] },
      to: { path: '^src/bot/' },
    },
    {
      name: 'the-page-speaks-only-the-contract',
      severity: 'error',
      comment: 'The dashboard page runs in the browser: it shares the API contract with the server, nothing else.',
      from: { path: '^src/tab/web/' },
      to: { path: '^src/', pathNot: '^src/tab/(web|shared)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
