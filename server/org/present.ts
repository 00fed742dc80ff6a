import type { units } from '../db/schema/org.js';
import type { UnitView } from './schema.js';

/** The API view of a unit row. */
export function presentUnit(u: typeof units.$inferSelect): UnitView {
  return { id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, code: u.code };
}
