import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { abandonedBy } from './leftovers';

/**
 * A running app marks the store it has open: an empty `.decision-matrix.sqlite.open-<pid>` beside
 * it, one per process (the desktop app and a browser host may share a store). `restore` refuses
 * while a live process has a mark, since swapping the file under a running app would send its
 * later writes to the file set aside (a store opened read-only is not marked: it takes no writes
 * to lose). A mark whose process is gone (a crash) is ignored and removed.
 */

const markPrefix = (store: string) => `.${basename(store)}.open-`;

/** Marks the store open by this process; the returned function takes the mark away (also done at exit). */
export function markStoreOpen(store: string): () => void {
  const mark = join(dirname(store), `${markPrefix(store)}${process.pid}`);
  try {
    writeFileSync(mark, '');
  } catch {
    // A folder that cannot be written cannot be restored into either: nothing to guard.
    return () => {};
  }
  const release = () => {
    rmSync(mark, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

/** The other live processes that have the store open; marks left by dead ones are removed. */
export function processesUsing(store: string): number[] {
  const prefix = markPrefix(store);
  let names: string[];
  try {
    names = readdirSync(dirname(store));
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid) continue;
    if (abandonedBy(pid)) rmSync(join(dirname(store), name), { force: true });
    else if (Number.isInteger(pid) && pid > 0) live.push(pid);
  }
  return live;
}
