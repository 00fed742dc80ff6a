/**
 * The case pages, loaded as one lazy chunk on the first visit to any of them. Were each page its own chunk, every
 * antd component two of them share would move to the shared vendor chunks (web/vite.config.ts), which other pages
 * then load for components they never show.
 */
export { CasePage } from './case-page.js';
export { DispatchPage } from './dispatch-page.js';
export { MyReportsPage } from './my-reports-page.js';
export { ReportPage } from './report-page.js';
export { SupervisionPage } from './supervision-page.js';
export { TasksPage } from './tasks-page.js';
