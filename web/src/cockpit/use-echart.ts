import { useCallback, useEffect, useRef, useState } from 'react';
import { echarts } from './echarts-setup.js';
import type { ChartOption } from './echarts-setup.js';

/** What a click on a chart element tells: the series, the element's index and name, and its data item. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
  data: unknown;
}

/**
 * Mounts an ECharts instance on the element the returned ref is given, applies `option` whenever it changes (not
 * merged: every option is complete), resizes with its box, and reports clicks on elements. `option` null clears it.
 * A callback ref, so a chart whose element appears later (after a skeleton) still starts.
 */
export function useEChart(option: ChartOption | null, onClick?: (click: ChartClick) => void) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    instance.on('click', (p) => {
      clickRef.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, name: typeof p.name === 'string' ? p.name : '', data: p.data });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    setChart(instance);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [element]);

  useEffect(() => {
    if (!chart) return;
    if (option) chart.setOption(option, { notMerge: true });
    else chart.clear();
  }, [chart, option]);

  return useCallback((el: HTMLDivElement | null) => setElement(el), []);
}
