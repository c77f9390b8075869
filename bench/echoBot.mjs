// The baseline: the smallest bot on the same botbuilder + restify versions. It answers every message with one
// reply through the Bot Connector, as connector-sync-bot does, and nothing else.
import botbuilder from 'botbuilder';
import restify from 'restify';

const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = botbuilder;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text}`);
  await next();
});

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`  Bot endpoint   http://127.0.0.1:${server.address().port}/api/messages`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
