/** Case statuses, exactly as the API names them (see docs/ARCHITECTURE.md for the transition table). */
export const caseStatuses = ['received', 'dispatched', 'accepted', 'in_progress', 'resolved', 'verified', 'closed', 'returned', 'suspended', 'merged'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses in which a case is still open (the sweeper watches these). */
export const openStatuses: readonly CaseStatus[] = ['received', 'dispatched', 'accepted', 'in_progress', 'returned', 'suspended'];

export const channels = ['web', 'mobile', 'patrol', 'cadre', 'hotline', 'import'] as const;
export type Channel = (typeof channels)[number];

export const urgencies = ['normal', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof ratings)[number];

export type TaskRole = 'lead' | 'assist' | 'rectification';
export type TaskStatus = 'dispatched' | 'accepted' | 'in_progress' | 'resolved' | 'returned' | 'cancelled';

/** Chinese labels for the UI. */
export const caseStatusLabels: Record<CaseStatus, string> = {
  received: '已受理',
  dispatched: '已派单',
  accepted: '已签收',
  in_progress: '办理中',
  resolved: '已办结',
  verified: '已回访',
  closed: '已结案',
  returned: '已退回',
  suspended: '已挂起',
  merged: '已合并',
};

export const channelLabels: Record<Channel, string> = {
  web: '网页',
  mobile: '手机',
  patrol: '网格巡查',
  cadre: '干部反馈',
  hotline: '12345热线',
  import: '批量导入',
};

export const ratingLabels: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
