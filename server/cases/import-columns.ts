/** The fields a hotline work order file can carry, named as createCaseBody and the report name them. */
export type ImportField = 'externalRef' | 'title' | 'description' | 'category' | 'address' | 'lng' | 'lat' | 'name' | 'phone' | 'urgency' | 'receivedAt';

/** One column of the import file: its header in the template, the other headers hotline exports use, and an example. */
export interface ImportColumn {
  field: ImportField;
  label: string;
  aliases: string[];
  required: boolean;
  example: string | number;
  note: string;
}

/** The columns in template order. Aliases are compared after normalising (case, spaces, "*", notes in brackets). */
export const importColumns: ImportColumn[] = [
  { field: 'externalRef', label: '工单编号', aliases: ['工单号', '热线工单编号', '热线编号', '工单编码', '来电编号', 'externalRef', 'work order no', 'work order number', 'order no', 'ref'], required: true, example: '12345-20261115-0001', note: '热线系统自己的工单编号，用于去重：同一编号再次导入不会重复建单' },
  { field: 'title', label: '标题', aliases: ['工单标题', '诉求标题', '主题', 'title', 'subject'], required: false, example: '幸福路路灯不亮', note: '可不填，不填时取诉求内容的前 30 个字' },
  { field: 'description', label: '诉求内容', aliases: ['内容', '诉求描述', '问题描述', '来电内容', '描述', 'description', 'content'], required: true, example: '幸福路与建设街交叉口的路灯已经坏了一个星期，晚上很黑，老人走路容易摔倒', note: '至少 5 个字，最多 5000 字' },
  { field: 'category', label: '问题分类', aliases: ['分类', '诉求分类', '问题类别', '类别', 'category'], required: false, example: 'A0301', note: '分类编码（如 A0301）或分类名称（如 路灯不亮）；可不填' },
  { field: 'address', label: '地址', aliases: ['事发地址', '详细地址', '事发地点', '地点', 'address', 'location'], required: false, example: '幸福路与建设街交叉口', note: '可不填' },
  { field: 'lng', label: '经度', aliases: ['lng', 'lon', 'longitude'], required: false, example: 115.7, note: '十进制度数（WGS84），与纬度同时填写；须在本县范围内' },
  { field: 'lat', label: '纬度', aliases: ['lat', 'latitude'], required: false, example: 37.07, note: '十进制度数（WGS84），与经度同时填写' },
  { field: 'name', label: '来电人', aliases: ['来电人姓名', '姓名', '联系人', '诉求人', 'name', 'caller', 'caller name'], required: false, example: '张先生', note: '加密保存，页面上脱敏显示' },
  { field: 'phone', label: '联系电话', aliases: ['电话', '来电号码', '联系方式', '手机', '手机号', 'phone', 'mobile', 'tel', 'telephone'], required: false, example: '13812345678', note: '加密保存，页面上脱敏显示' },
  { field: 'urgency', label: '紧急程度', aliases: ['紧急', '是否紧急', '缓急程度', 'urgency', 'priority'], required: false, example: '一般', note: '紧急 或 一般；不填时按分类和内容判断' },
  { field: 'receivedAt', label: '来电时间', aliases: ['来电日期', '登记时间', '热线受理时间', 'receivedAt', 'received at', 'call time'], required: false, example: '2026-11-15 09:30', note: '北京时间，如 2026-11-15 09:30；记入工单留痕，受理时间以导入时刻为准' },
];

/** A header as people vary it: no case, spaces, underscores, required-markers or notes in brackets. */
function normalise(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[(（【[].*?[)）】\]]/g, '')
    .replace(/[\s_*：:]/g, '')
    .toLowerCase();
}

const byHeader = new Map<string, ImportField>();
for (const c of importColumns) for (const h of [c.label, ...c.aliases]) byHeader.set(normalise(h), c.field);

/** The field a header names, or null when it is not one of ours (such columns are ignored). */
export function fieldOfHeader(header: string): ImportField | null {
  return byHeader.get(normalise(header)) ?? null;
}

/** The template's header of a field (工单编号 for externalRef), for messages. */
export function labelOf(field: ImportField): string {
  return importColumns.find((c) => c.field === field)!.label;
}
