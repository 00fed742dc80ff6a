import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useUnits } from './org-api.js';
import { buildUnitTree, topLevelIds } from './unit-tree.js';
import type { UnitNode } from './unit-tree.js';
import { useI18n } from '../i18n/i18n-context.js';

interface SelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: SelectNode[];
}

function toSelectNodes(nodes: UnitNode[], disabled: ReadonlySet<string>, kindName: (k: string) => string): SelectNode[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    title: `${n.unit.name}（${kindName(n.unit.kind)}）`,
    disabled: disabled.has(n.unit.id),
    children: toSelectNodes(n.children, disabled, kindName),
  }));
}

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Units that may not be chosen (a unit's own subtree when moving it). */
  disabledIds?: ReadonlySet<string>;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** Chooses one unit from the tree of units the caller may see; works as an antd Form control. */
export function UnitTreeSelect({ value, onChange, placeholder, allowClear, disabledIds, style, ...rest }: Props) {
  const units = useUnits();
  const { unitKindName } = useI18n();
  const { treeData, expanded } = useMemo(() => {
    const roots = buildUnitTree(units.data ?? []);
    return { treeData: toSelectNodes(roots, disabledIds ?? new Set(), unitKindName), expanded: topLevelIds(roots, 1) };
  }, [units.data, disabledIds, unitKindName]);
  return (
    <TreeSelect
      showSearch={{ treeNodeFilterProp: 'title' }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      treeDefaultExpandedKeys={expanded}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={units.isLoading}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      data-testid={rest['data-testid']}
    />
  );
}
