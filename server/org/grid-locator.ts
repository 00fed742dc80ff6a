import { max } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { grids } from '../db/schema/org.js';
import type { Clock } from '../platform/clock.js';
import { GridIndex } from './grid-index.js';

/**
 * Finds the grid of a point from an in-memory spatial index of all grid boundaries. The index is rebuilt when this
 * process changes a grid, and when another instance did (seen through the latest grids.updated_at, checked at most
 * every few seconds), so intake never scans polygons in the database.
 */
export class GridLocator {
  private index: GridIndex | null = null;
  private version = '';
  private checkedAt = 0;
  private loading: Promise<GridIndex> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly recheckMs = 5_000,
  ) {}

  /** The id of the grid containing the point, or null outside every grid. */
  async locate(lng: number, lat: number): Promise<string | null> {
    return (await this.current()).locate(lng, lat);
  }

  /** Ids of the grids whose bounding box comes within `meters` of the point. */
  async near(lng: number, lat: number, meters: number): Promise<string[]> {
    return (await this.current()).near(lng, lat, meters);
  }

  /** Forgets the index; the next lookup reloads it. Call after committing a grid change. */
  invalidate(): void {
    this.index = null;
  }

  private async current(): Promise<GridIndex> {
    const now = this.clock.now().getTime();
    if (this.index && now - this.checkedAt < this.recheckMs) return this.index;
    this.loading ??= this.refresh(now).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async refresh(now: number): Promise<GridIndex> {
    const [v] = await this.db.select({ v: max(grids.updatedAt) }).from(grids);
    const version = v?.v ? new Date(v.v).toISOString() : 'empty';
    if (!this.index || version !== this.version) {
      const rows = await this.db.select({ id: grids.unitId, boundary: grids.boundary }).from(grids);
      this.index = GridIndex.build(rows);
      this.version = version;
    }
    this.checkedAt = now;
    return this.index;
  }
}
