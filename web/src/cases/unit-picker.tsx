import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useUnits } from '../org/org-api.js';
import type { Unit } from '../org/org-api.js';
import { buildUnitTree } from '../org/unit-tree.js';
import type { UnitNode } from '../org/unit-tree.js';
import { useI18n } from '../i18n/i18n-context.js';

interface PickNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: PickNode[];
}

/** Units that can own work: departments, townships, villages and offices. Grids are many and are reached by rules. */
function toNodes(nodes: UnitNode[], kindName: (k: string) => string): PickNode[] {
  return nodes
    .filter((n) => n.unit.kind !== 'grid')
    .map((n) => ({
      value: n.unit.id,
      title: n.unit.kind === 'county' ? n.unit.name : `${n.unit.name}（${kindName(n.unit.kind)}）`,
      disabled: n.unit.kind === 'county',
      children: toNodes(n.children, kindName),
    }));
}

type Props = {
  placeholder?: string;
  testId?: string;
  /** Units already chosen elsewhere (the lead unit, when picking assisting units). */
  exclude?: readonly string[];
} & ({ multiple?: false; value?: string; onChange?: (v: string | undefined) => void } | { multiple: true; value?: string[]; onChange?: (v: string[]) => void });

/** Chooses the unit (or units) a case goes to, searchable by name; works as an antd Form control. */
export function UnitPicker(props: Props) {
  const { unitKindName } = useI18n();
  const units = useUnits();
  const treeData = useMemo(() => {
    const visible = (units.data ?? []).filter((u: Unit) => !props.exclude?.includes(u.id));
    return toNodes(buildUnitTree(visible), unitKindName);
  }, [units.data, unitKindName, props.exclude]);
  // The county is open by default so its departments and townships show at once.
  const expanded = useMemo(() => treeData.map((n) => n.value), [treeData]);
  return (
    <TreeSelect
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={treeData}
      treeDefaultExpandedKeys={expanded}
      multiple={props.multiple}
      value={props.value}
      onChange={(v: string | string[] | undefined) => {
        if (props.multiple) props.onChange?.(Array.isArray(v) ? v : []);
        else props.onChange?.(typeof v === 'string' ? v : undefined);
      }}
      allowClear
      placeholder={props.placeholder}
      loading={units.isLoading}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      listHeight={320}
      data-testid={props.testId}
    />
  );
}
