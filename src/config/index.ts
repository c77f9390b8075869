export type { AppCredential, BotIdentity, Config, DashboardConfig, GraphTarget, StorageAccess, StorageMode, TokenMode } from './config';
export { isLocal } from './config';
export { ConfigError, DEFAULT_LOCAL_GRAPH_TOKEN, loadConfig, type Env } from './loadConfig';
export { readEnvironment } from './env';
export { LOG_LEVELS, SETTINGS, SETTING_NAMES, type LogLevel, type SettingName } from './settings';
