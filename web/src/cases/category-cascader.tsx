import { useMemo } from 'react';
import { Cascader } from 'antd';
import { useCategories } from './cases-api.js';
import { categoryOptions, categoryPath } from './category-tree.js';
import type { CategoryOption } from './category-tree.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  /** The chosen category's code (any level). */
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/** Chooses a category from the three-level taxonomy, by browsing or by typing part of a name; works as a Form control. */
export function CategoryCascader({ value, onChange, placeholder, testId }: Props) {
  const { t } = useI18n();
  const categories = useCategories();
  const isPhone = useIsPhone();
  const options = useMemo(() => categoryOptions(categories.data ?? []), [categories.data]);
  const path = useMemo(() => categoryPath(categories.data ?? [], value), [categories.data, value]);
  return (
    <Cascader<CategoryOption>
      options={options}
      value={path.length ? path : undefined}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined)}
      changeOnSelect
      allowClear
      expandTrigger={isPhone ? 'click' : 'hover'}
      showSearch={{
        filter: (input, chain) => chain.some((o) => o.label.includes(input.trim()) || o.value.toLowerCase() === input.trim().toLowerCase()),
        limit: 50,
      }}
      placeholder={placeholder ?? t('report.categoryPlaceholder')}
      loading={categories.isLoading}
      notFoundContent={categories.error ? categories.error.message : undefined}
      style={{ width: '100%' }}
      classNames={{ popup: { root: 'category-popup' } }}
      data-testid={testId}
    />
  );
}
