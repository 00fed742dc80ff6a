/**
 * The case pages, loaded as one lazy chunk on the first visit to any of them. Were each page its own chunk, every
 * antd component two of them share would join the vendor chunk that loads at sign-in, and a phone would download
 * the case ledger's tables, cascaders and uploads just to show the login form.
 */
export { CasePage } from './case-page.js';
export { DispatchPage } from './dispatch-page.js';
export { MyReportsPage } from './my-reports-page.js';
export { ReportPage } from './report-page.js';
export { SupervisionPage } from './supervision-page.js';
export { TasksPage } from './tasks-page.js';
