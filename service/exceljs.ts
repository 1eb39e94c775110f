import type * as ExcelJs from 'exceljs';

/**
 * exceljs, loaded on first use: the CLI's other commands and the hosts' start do not pay for it.
 * It is CommonJS, so Node hands it over as the module's default export.
 */
export async function loadExcelJs(): Promise<typeof ExcelJs> {
  const module = (await import('exceljs')) as typeof ExcelJs & { default?: typeof ExcelJs };
  return module.default ?? module;
}
