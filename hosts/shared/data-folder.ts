import { homedir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../db/connection';

/** Overrides where the store lives (tests give each run its own folder). */
export const DATA_DIR_VARIABLE = 'DECISION_MATRIX_DATA_DIR';
const APP_FOLDER = 'Decision Matrix';

/**
 * The same folder Electron's app.getPath('userData') gives for this app, so the desktop app,
 * the browser host and the CLI share one store.
 */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env[DATA_DIR_VARIABLE]) return env[DATA_DIR_VARIABLE];
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

export function databaseFile(folder: string): string {
  return join(folder, DATABASE_FILE_NAME);
}
