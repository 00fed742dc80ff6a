/** The parts of ECharts the cockpit draws with, registered once (tree-shaken: the rest of ECharts never loads). */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, MapChart, PieChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };
/** An option object as setOption takes it. */
export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];
