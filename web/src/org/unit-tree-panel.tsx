import { useEffect, useMemo, useState } from 'react';
import { Empty, Input, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import type { Unit } from './org-api.js';
import { buildUnitTree, matchingIds, topLevelIds } from './unit-tree.js';
import type { UnitNode } from './unit-tree.js';
import { useI18n } from '../i18n/i18n-context.js';

const kindColors: Record<string, string> = {
  county: 'geekblue',
  township: 'blue',
  village: 'cyan',
  grid: 'green',
  department: 'purple',
  office: 'magenta',
};

function toTreeData(nodes: UnitNode[], visible: Set<string> | null, kindName: (k: string) => string): TreeDataNode[] {
  return nodes
    .filter((n) => !visible || visible.has(n.unit.id))
    .map((n) => ({
      key: n.unit.id,
      title: (
        <span className="unit-title">
          <span className="unit-title-name">{n.unit.name}</span>
          <Tag color={kindColors[n.unit.kind]} className="unit-title-kind">
            {kindName(n.unit.kind)}
          </Tag>
        </span>
      ),
      children: toTreeData(n.children, visible, kindName),
    }));
}

interface Props {
  units: readonly Unit[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  height: number;
}

/** The searchable unit tree; matches of a search are shown with their ancestors opened. */
export function UnitTreePanel({ units, selectedId, onSelect, height }: Props) {
  const { t, unitKindName } = useI18n();
  const [search, setSearch] = useState('');
  const roots = useMemo(() => buildUnitTree(units), [units]);
  const [expanded, setExpanded] = useState<React.Key[]>(() => topLevelIds(roots, 2));
  const matches = useMemo(() => (search.trim() ? matchingIds(units, search) : null), [units, search]);

  useEffect(() => {
    if (matches) setExpanded([...matches]);
  }, [matches]);
  useEffect(() => {
    if (expanded.length === 0 && roots.length > 0) setExpanded(topLevelIds(roots, 2));
  }, [roots, expanded.length]);

  const treeData = useMemo(() => toTreeData(roots, matches, unitKindName), [roots, matches, unitKindName]);
  return (
    <div className="unit-tree-panel">
      <Input.Search
        placeholder={t('org.searchTree')}
        allowClear
        onChange={(e) => setSearch(e.target.value)}
        className="unit-tree-search"
        data-testid="unit-search"
      />
      {treeData.length === 0 ? (
        <Empty description={t('org.empty')} />
      ) : (
        <Tree
          treeData={treeData}
          height={height}
          blockNode
          showLine
          expandedKeys={expanded}
          onExpand={setExpanded}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
          data-testid="unit-tree"
        />
      )}
    </div>
  );
}
