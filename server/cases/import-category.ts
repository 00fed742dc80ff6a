import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories } from '../db/schema/cases.js';

/** What a category cell resolves to: one of our codes, or why it cannot. */
export type CategoryMatch = { code: string } | { error: string };

type Entry = { code: string; name: string; level: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A code (A, A03, A0301) alone or before its name ("A0301 路灯不亮", "A0301-路灯不亮"). */
const leadingCode = /^([A-Z](?:\d{2}){0,2})(?=$|[\s\-—_、:：.])/i;
/** Separators of a category path as exports write it: 城乡建设/市政设施/路灯不亮, 城乡建设>市政设施>路灯不亮. */
const pathSeparator = /\s*[/／>＞\\|｜→]\s*/;

/**
 * The active categories by code and by name, loaded once per import. Hotline exports write either our code or the
 * category's Chinese name (often as a path); a name used at several levels means the deepest, the most specific one.
 */
export class CategoryIndex {
  private readonly codes = new Set<string>();
  private readonly byName = new Map<string, Entry[]>();

  constructor(rows: Entry[]) {
    for (const r of rows) {
      this.codes.add(r.code);
      this.byName.set(r.name, [...(this.byName.get(r.name) ?? []), r]);
    }
  }

  /** The code a category cell means; an error message naming the text when it matches no category or several. */
  resolve(raw: string): CategoryMatch {
    const text = raw.normalize('NFKC').trim();
    if (UUID.test(text)) return { code: text };
    const code = leadingCode.exec(text)?.[1]?.toUpperCase();
    if (code && this.codes.has(code)) return { code };
    const name = text.split(pathSeparator).filter(Boolean).pop() ?? '';
    const found = this.byName.get(name) ?? [];
    if (!found.length) return { error: `未知的问题分类“${raw}” (unknown category)` };
    const deepest = Math.max(...found.map((f) => f.level));
    const best = found.filter((f) => f.level === deepest);
    if (best.length > 1) return { error: `问题分类“${raw}”有多个同名分类（${best.map((b) => b.code).join('、')}），请填写分类编码 (ambiguous category)` };
    return { code: best[0]!.code };
  }
}

/** Loads the active categories into an index. */
export async function loadCategoryIndex(db: Db): Promise<CategoryIndex> {
  const rows = await db.select({ code: categories.code, name: categories.name, level: categories.level }).from(categories).where(eq(categories.active, true));
  return new CategoryIndex(rows);
}
