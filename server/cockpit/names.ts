import { channelLabels, type Channel } from '../../common/cases.js';
import { dateOf, type DayRange } from './days.js';
import type { Dims } from './dims.js';
import { NONE } from './facts.js';
import type { DimFilter, GroupDim } from './planner.js';

/** The Chinese name of a group key of a dimension (a unit, a category, a channel). */
export function groupName(dims: Dims, group: GroupDim, key: string): string {
  if (group === 'channel') return channelLabels[key as Channel] ?? key;
  if (key === NONE) return group === 'unit' ? '未派单' : group === 'cat1' || group === 'cat2' || group === 'category' ? '未分类' : '未定位';
  if (group === 'cat1' || group === 'cat2' || group === 'category') return dims.categories.get(key)?.name ?? key;
  return dims.units.get(key)?.name ?? key;
}

/** A day range as the API shows it. */
export function periodOf(range: DayRange): { from: string; to: string } {
  return { from: dateOf(range.from), to: dateOf(range.to) };
}

/** The category level one below the category filter (level 1 without one; leaves stay leaves). */
export function childTopic(filter: DimFilter): GroupDim {
  const level = filter.topic?.level ?? 0;
  return level === 0 ? 'cat1' : level === 1 ? 'cat2' : 'category';
}
