export type {
  AlertSettings,
  AppCredential,
  BotIdentity,
  Config,
  StorageAccess,
  StorageMode,
  TokenMode,
} from './config';
export { ConfigError, DEFAULT_LOCAL_GRAPH_TOKEN, loadConfig } from './loadConfig';
export { readEnvironment } from './env';
export { SETTINGS, SETTING_NAMES, type LogLevel } from './settings';
