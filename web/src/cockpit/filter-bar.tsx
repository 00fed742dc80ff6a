import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { Button, DatePicker, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { areaTree, kindInTree } from './area-tree.js';
import { addDays, chinaToday, defaultPeriod, MAX_PERIOD_DAYS, placeOf, withPlace } from './cockpit-filters.js';
import type { CockpitFilters } from './cockpit-filters.js';
import { CategoryCascader } from '../cases/category-cascader.js';
import { useCategories } from '../cases/cases-api.js';
import { useUnits } from '../org/org-api.js';
import { useI18n } from '../i18n/i18n-context.js';

const FORMAT = 'YYYY-MM-DD';

/** The period presets: the last 7/30/90 days, this month, last month, this year (China dates). */
function presets(today: string, t: ReturnType<typeof useI18n>['t']): { label: ReactNode; value: [Dayjs, Dayjs] }[] {
  const d = (s: string) => dayjs(s, FORMAT);
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = addDays(monthStart, -1);
  return [
    { label: t('cockpit.preset.7'), value: [d(addDays(today, -6)), d(today)] },
    { label: t('cockpit.preset.30'), value: [d(addDays(today, -29)), d(today)] },
    { label: t('cockpit.preset.90'), value: [d(addDays(today, -89)), d(today)] },
    { label: t('cockpit.preset.month'), value: [d(monthStart), d(today)] },
    { label: t('cockpit.preset.lastMonth'), value: [d(`${lastMonthEnd.slice(0, 7)}-01`), d(lastMonthEnd)] },
    { label: t('cockpit.preset.year'), value: [d(`${today.slice(0, 4)}-01-01`), d(today)] },
  ];
}

/** The cockpit's filters: the period (RangePicker), the area (township, village or grid) and the problem category. */
export function FilterBar({ filters, onChange }: { filters: CockpitFilters; onChange: (next: CockpitFilters) => void }) {
  const { t } = useI18n();
  const today = chinaToday();
  const units = useUnits();
  const categories = useCategories();
  const tree = useMemo(() => areaTree(units.data ?? []), [units.data]);
  const place = placeOf(filters);
  const byCode = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c.id])), [categories.data]);

  return (
    <div className="cockpit-filters" data-testid="cockpit-filters">
      <DatePicker.RangePicker
        value={[dayjs(filters.from, FORMAT), dayjs(filters.to, FORMAT)]}
        allowClear={false}
        presets={presets(today, t)}
        disabledDate={(d, info) => {
          if (d.format(FORMAT) > today) return true;
          // The server answers at most three years; keep a range inside that while it is being picked.
          const from = info.from?.format(FORMAT);
          return !!from && Math.abs(d.diff(dayjs(from, FORMAT), 'day')) >= MAX_PERIOD_DAYS;
        }}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) onChange({ ...filters, from: from.format(FORMAT), to: to.format(FORMAT) });
        }}
        data-testid="filter-period"
      />
      <TreeSelect
        className="cockpit-filter-area"
        value={place?.id}
        treeData={tree}
        fieldNames={{ label: 'title', value: 'value', children: 'children' }}
        showSearch={{ treeNodeFilterProp: 'title' }}
        allowClear
        placeholder={t('cockpit.allAreas')}
        loading={units.isLoading}
        popupMatchSelectWidth={false}
        onChange={(id: string | undefined) => onChange(withPlace(filters, id ? kindInTree(tree, id) : null, id ?? null))}
        data-testid="filter-area"
      />
      <div className="cockpit-filter-category">
        <CategoryCascader
          value={filters.categoryId}
          onChange={(code) => {
            const { categoryId: _c, ...rest } = filters;
            const id = code ? byCode.get(code) : undefined;
            onChange(id ? { ...rest, categoryId: id } : rest);
          }}
          placeholder={t('cockpit.allCategories')}
          testId="filter-category"
        />
      </div>
      <Button onClick={() => onChange(defaultPeriod(today))} data-testid="filter-reset">
        {t('cockpit.reset')}
      </Button>
    </div>
  );
}
