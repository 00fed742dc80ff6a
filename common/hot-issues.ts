/** Shapes of the hot issues' answer (GET /api/dispatch/hotspots), shared by the server and the web page. */
import type { CaseStatus } from './cases.js';

/** One case behind a hot issue; the caller may read it (hot issues are made of the caller's own case scope). */
export interface HotIssueCase {
  id: string;
  number: string;
  title: string;
  status: CaseStatus;
  receivedAt: string;
}

/** One hot issue: similar recent reports in one place, with their heat. */
export interface HotIssue {
  placeId: string | null;
  placeName: string | null;
  label: string;
  keywords: string[];
  heat: number;
  cases: number;
  /** Distinct people who reported a case of it or follow one. */
  reporters: number;
  growth: { last7Days: number; previous7Days: number };
  caseIds: string[];
  /** The cases behind the issue, newest first (at most 50): what a leader opens to see what people said. */
  caseList: HotIssueCase[];
  firstAt: string;
  lastAt: string;
}

/** The answer: the issues, hottest first, and what they were made of. */
export interface HotIssuesAnswer {
  items: HotIssue[];
  days: number;
  level: 'township' | 'grid';
  casesConsidered: number;
  truncated: boolean;
  computedAt: string;
}
