import { UPLOAD_LIMITS } from '../../../common/limits';
import type { Clock } from '../ports/clock.port';
import type { FileRemoval } from '../ports/file-storage.port';
import type { Store } from '../ports/store.port';

/** Files removed a run at most: the next run takes the rest. */
const BATCH = 100;
const MAX_BATCHES = 10;

/**
 * L1 (issue 14): removes uploads that no record shows once they are a day old — a photo chosen
 * and never submitted, or uploaded only to fill the disk. The bytes go first, then the row, so a
 * failed removal is tried again on the next run. Answers how many were removed.
 */
export async function sweepUnreferencedFiles(ports: { store: Store; files: FileRemoval; clock: Clock }): Promise<number> {
  const before = new Date(ports.clock.now().getTime() - UPLOAD_LIMITS.unreferencedAfterMs).toISOString();
  let removed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const files = await ports.store.listUnreferencedFiles(before, BATCH);
    for (const file of files) {
      await ports.files.remove(file);
      await ports.store.removeFile(file.id);
      removed += 1;
    }
    if (files.length < BATCH) break;
  }
  return removed;
}
