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
    ['core/templates/index.ts', "import { startHttpHost } from '../../hosts/web/server';\nexport const x = startHttpHost;"],
    ['service/handlers.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['service/handlers.ts', "import { startHttpHost } from '../hosts/web/server';\nexport const x = startHttpHost;"],
    ['service/handlers.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['hosts/web/server.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['hosts/web/server.ts', "import { installMenu } from '../../electron/main/menu';\nexport const x = installMenu;"],
    ['db/decisions.ts', "import { createHandlers } from '../service/handlers';\nexport const x = createHandlers;"],
    ['renderer/src/client.ts', "import { openStore } from '../../db/connection';\nexport const x = openStore;"],
    ['renderer/src/client.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/src/client.ts', "import { createHandlers } from '../../service/handlers';\nexport const x = createHandlers;"],
    ['renderer/src/client.ts', "import { startHttpHost } from '../../hosts/web/server';\nexport const x = startHttpHost;"],
    ['renderer/src/client.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;"],
    ['db/decisions.ts', "import { app } from 'electron';\nexport const x = app;"],
    // .svelte files are linted with the renderer's rules, so a component cannot reach the store.
    ['renderer/src/components/App.svelte', "<script lang=\"ts\">\n  import { openStore } from '../../../db/connection';\n  export const x = openStore;\n</script>\n"],
    ['renderer/src/components/App.svelte', "<script lang=\"ts\">\n  import { createHandlers } from '../../../service/handlers';\n  export const x = createHandlers;\n</script>\n"],
    ['renderer/src/components/App.svelte', "<script lang=\"ts\">\n  import { ipcRenderer } from 'electron';\n  export const x = ipcRenderer;\n</script>\n"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['core/scoring.ts', "import { z } from 'zod';\nimport { ok } from './result';\nexport const x = [z, ok];"],
    ['core/templates/index.ts', "import { INTERCHANGE_FORMAT } from '../interchange';\nexport const x = INTERCHANGE_FORMAT;"],
    ['db/decisions.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['electron/main/main.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/main/main.ts', "import { createHandlers } from '../../service/handlers';\nexport const x = createHandlers;"],
    ['hosts/cli/cli.ts', "import { createHandlers } from '../../service/handlers';\nexport const x = createHandlers;"],
    ['renderer/src/components/App.svelte', "<script lang=\"ts\">\n  import { scoreDecision } from '../../../core/decision-scoring';\n  export const x = scoreDecision;\n</script>\n"],
    ['renderer/src/client.ts', "import { scoreDecision } from '../../core/decision-scoring';\nexport const x = scoreDecision;"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
