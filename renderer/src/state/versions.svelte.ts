import type { Client, VersionSummary, VersionView } from '../../../core/contract';
import type { DecisionEditor } from './decision-editor.svelte';

/**
 * The open decision's named versions: taken by hand (saveVersion), at each workshop reveal and
 * when the decision is marked decided (by the store). One can be opened to look at, read only,
 * or restored — one step, which undo takes back.
 */
export class VersionList {
  items = $state.raw<VersionSummary[]>([]);
  /** The version being looked at, or null. */
  viewing = $state.raw<VersionView | null>(null);
  readonly #client: Client;
  readonly #editor: DecisionEditor;
  #asked = 0;

  constructor(client: Client, editor: DecisionEditor) {
    this.#client = client;
    this.#editor = editor;
  }

  async load(): Promise<void> {
    const asked = ++this.#asked;
    const listed = await this.#client.listVersions({ decisionId: this.#editor.id });
    if (listed.ok && asked === this.#asked) this.items = listed.value;
  }

  /** Keeps the decision as it is now (slider positions not yet written included) under a name. */
  async save(name: string): Promise<boolean> {
    await this.#editor.flushWeights();
    this.#asked++;
    const saved = await this.#client.saveVersion({ decisionId: this.#editor.id, name });
    if (!saved.ok) {
      this.#editor.error = saved.error.message;
      return false;
    }
    this.items = saved.value;
    return true;
  }

  async open(versionId: number): Promise<boolean> {
    const found = await this.#client.getVersion({ versionId });
    if (!found.ok) {
      this.#editor.error = found.error.message;
      return false;
    }
    this.viewing = found.value;
    return true;
  }

  close(): void {
    this.viewing = null;
  }

  async restore(version: Pick<VersionSummary, 'id' | 'name'>): Promise<boolean> {
    const restored = await this.#editor.restoreVersion(version.id, version.name);
    if (restored) this.viewing = null;
    return restored;
  }
}
