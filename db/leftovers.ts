/**
 * Temporary files (a store being created, a backup or a restore being written) carry the pid of
 * the process writing them. One whose process is gone was abandoned by a crash or a kill and may
 * be removed; one whose process runs is still being written.
 */
export function abandonedBy(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists, it is only someone else's.
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}
