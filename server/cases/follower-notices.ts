import { eq } from 'drizzle-orm';
import type { CaseStatus } from '../../common/cases.js';
import type { Db } from '../db/client.js';
import { caseFollowers } from '../db/schema/cases.js';
import type { Notice } from './notify.js';

/** The changes of status a case's followers hear about, as the notice words them. */
const heardOn: Partial<Record<CaseStatus, string>> = { resolved: '已办结', closed: '已结案' };

/**
 * Notices to the people who follow a case (follow-case.ts) when it reaches a status they hear about; none, and no
 * query, for any other status. Followers may not be able to read the case, so a notice names its number and what
 * happened, not what another reporter wrote, and links to no case page (the follower's list shows the case).
 */
export async function followerNotices(db: Db, c: { id: string; number: string }, status: CaseStatus, at: Date): Promise<Notice[]> {
  const what = heardOn[status];
  if (!what) return [];
  const followers = await db.select({ userId: caseFollowers.userId }).from(caseFollowers).where(eq(caseFollowers.caseId, c.id));
  return followers.map(({ userId }) => ({
    to: { userId }, topic: `case.followed.${status}`, title: `您关注的工单 ${c.number} ${what}`, body: `您关注的工单 ${c.number} ${what}，可在“我的上报 · 我关注的”中查看。`,
    key: `followed:${c.id}:${status}:${at.toISOString()}:${userId}`,
  }));
}
