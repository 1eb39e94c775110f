import type { Locator, Page } from '@playwright/test';

/** Undo and redo in the decision's header, and the Versions panel. */
export class HistoryPanel {
  constructor(readonly page: Page) {}

  get undo(): Locator {
    return this.page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'Undo', exact: true });
  }
  get redo(): Locator {
    return this.page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'Redo', exact: true });
  }
  get message(): Locator {
    return this.page.getByTestId('history-message');
  }
  get versions(): Locator {
    return this.page.getByRole('region', { name: 'Versions' });
  }
  get versionItems(): Locator {
    return this.versions.getByTestId('version');
  }
  get versionDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Version/ });
  }

  async saveVersion(name: string): Promise<void> {
    await this.versions.getByRole('textbox', { name: 'Version name' }).fill(name);
    await this.versions.getByRole('button', { name: 'Save version' }).click();
  }
  view(name: string): Locator {
    return this.versions.getByRole('button', { name: `View version ${name}`, exact: true });
  }
  restore(name: string): Locator {
    return this.versions.getByRole('button', { name: `Restore version ${name}`, exact: true });
  }
}
