import type { z } from 'zod';
import { CONNECTION_SETTINGS } from './settingsConnection';
import { LIMIT_SETTINGS } from './settingsLimits';
import { OPERATION_SETTINGS } from './settingsOperation';

export type { LogLevel } from './settingsConnection';

/**
 * Every setting the bot and its scripts read, declared once (in two files by subject). The validator (loadConfig),
 * `.env.example` and the README's configuration table are all checked against this list by a test, so none of them
 * can drift. The order here is the README table's order.
 */
export const SETTINGS = { ...CONNECTION_SETTINGS, ...OPERATION_SETTINGS, ...LIMIT_SETTINGS } as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValues = { [K in SettingName]: z.output<(typeof SETTINGS)[K]['schema']> };
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
