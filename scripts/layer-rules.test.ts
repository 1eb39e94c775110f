import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layer rules in eslint.config.js must actually refuse what ARCHITECTURE.md forbids. */
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, '..', filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['core/scoring.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['core/scoring.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['core/scoring.ts', "import { openStore } from '../db/connection';\nexport const x = openStore;"],
    ['core/templates/index.ts', "import { startHttpHost } from '../../electron/http/server';\nexport const x = startHttpHost;"],
    ['electron/service/handlers.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['electron/http/server.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['renderer/src/client.ts', "import { openStore } from '../../db/connection';\nexport const x = openStore;"],
    ['renderer/src/client.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/src/client.ts', "import { createHandlers } from '../../electron/service/handlers';\nexport const x = createHandlers;"],
    ['db/decisions.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['core/scoring.ts', "import { z } from 'zod';\nimport { ok } from './result';\nexport const x = [z, ok];"],
    ['core/templates/index.ts', "import { INTERCHANGE_FORMAT } from '../interchange';\nexport const x = INTERCHANGE_FORMAT;"],
    ['db/decisions.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['electron/main/main.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['renderer/src/client.ts', "import { scoreDecision } from '../../core/decision-scoring';\nexport const x = scoreDecision;"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
