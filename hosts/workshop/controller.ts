import { networkInterfaces } from 'node:os';
import type { Db } from '../../db/connection';
import { liveRoundCount } from '../../db/workshop';
import type { WorkshopHost } from '../../service/handlers';
import { startWorkshopServer, type WorkshopServer, type WorkshopServerOptions } from './server';

/** The first LAN (non-internal IPv4) address, which phones in the same room can reach. */
export function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return '127.0.0.1';
}

/**
 * Runs the workshop server only while some round is open or revealed: it starts with the first
 * live round and stops when the last one closes.
 */
export class WorkshopController implements WorkshopHost {
  #server: WorkshopServer | null = null;
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly options: { hostname: string; port: number; staticDir: string; onChange?: () => void; limits?: WorkshopServerOptions['limits'] },
  ) {}

  get url(): string | null {
    return this.#server?.url ?? null;
  }

  joinUrl(code: string): string | null {
    return this.#server ? `${this.#server.url}/join?code=${encodeURIComponent(code)}` : null;
  }

  roundsChanged(): Promise<void> {
    this.#pending = this.#pending.then(async () => {
      const live = liveRoundCount(this.db) > 0;
      if (live && !this.#server) {
        this.#server = await startWorkshopServer({ db: this.db, ...this.options });
        // The join link exists only now: tell the facilitator's page.
        this.options.onChange?.();
      } else if (!live && this.#server) {
        await this.#server.close();
        this.#server = null;
        this.options.onChange?.();
      }
    });
    return this.#pending;
  }

  async close(): Promise<void> {
    await this.#pending;
    await this.#server?.close();
    this.#server = null;
  }
}
