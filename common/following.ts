/** Shapes of the duplicate offer and of following a case, shared by the server's answers and the web pages. */
import type { CaseStatus } from './cases.js';

/** What the server shows of a case to someone who may not read it: no title, only number, status and category. */
interface CaseGlimpse {
  id: string;
  number: string;
  /** Empty when the caller may not read the case. */
  title: string;
  status: CaseStatus;
  categoryName: string | null;
  receivedAt: string;
}

/** An open case that repeats a report (POST /api/dispatch/duplicates, GET /api/cases/:id/duplicates). */
export interface DuplicateCase extends CaseGlimpse {
  similarity: number;
  distanceMeters: number | null;
  sameGrid: boolean;
  /** Whether the caller may read the case (else only its number, category and status are shown). */
  visible: boolean;
}

/** A case the caller follows (GET /api/cases/following). */
export interface FollowedCase extends CaseGlimpse {
  updatedAt: string;
  followedAt: string;
  /** Whether the caller may open the case page. */
  readable: boolean;
}

/** The answer of following or unfollowing a case. */
export interface FollowState {
  caseId: string;
  number: string;
  following: boolean;
  /** How many people follow the case now. */
  followers: number;
}
