/**
 * The default category → responsible-unit rules: the seed of the duty list (权责清单) a county adapts. Rules sit on
 * first- or second-level codes, with leaf overrides where the lead unit differs; the most specific rule whose code
 * prefixes the case's category applies, so every first-level class has a rule and every case gets a suggestion.
 *
 * Targets: 'department' is a county department named in unitName; 'township_office' is the office named in unitName
 * inside the case's own township; 'township', 'village' and 'grid' are the units the case's location falls in.
 * assistUnitNames holds department names or township office names (the two name lists do not overlap); an office
 * is taken from the case's township. assistVillage adds the case's village or community as an assisting unit.
 * autoDispatch sends the case without waiting for a dispatcher; it is on only where the lead unit is beyond doubt.
 *
 * The demo county has no energy or telecom bureau, so 住建局 stands for the public utilities office (供水, 供电,
 * 燃气, 供暖) as it does in many counties.
 */

/** One default dispatch rule. */
export interface DispatchRuleSeed {
  categoryCode: string;
  target: 'department' | 'township' | 'village' | 'grid' | 'township_office';
  /** Department name (target 'department') or township office name (target 'township_office'). */
  unitName?: string;
  /** Departments or township offices that assist the lead unit. */
  assistUnitNames?: string[];
  /** Add the case's village or community as an assisting unit. */
  assistVillage?: boolean;
  /** Dispatch at once, without a dispatcher's review. */
  autoDispatch?: boolean;
}

/** The default rules, in category code order. */
export const defaultDispatchRules: DispatchRuleSeed[] = [
  // A 城乡建设
  { categoryCode: 'A', target: 'department', unitName: '住建局' },
  { categoryCode: 'A01', target: 'township_office', unitName: '综合执法队', assistUnitNames: ['自然资源局'], assistVillage: true },
  { categoryCode: 'A0103', target: 'department', unitName: '住建局', assistVillage: true },
  { categoryCode: 'A0201', target: 'department', unitName: '城管局', assistUnitNames: ['住建局'] },
  { categoryCode: 'A0203', target: 'department', unitName: '城管局', assistUnitNames: ['交通运输局'] },
  { categoryCode: 'A03', target: 'department', unitName: '城管局' },
  { categoryCode: 'A0301', target: 'department', unitName: '城管局', autoDispatch: true },
  { categoryCode: 'A04', target: 'department', unitName: '住建局', assistUnitNames: ['自然资源局'] },
  // B 市容环境
  { categoryCode: 'B', target: 'department', unitName: '城管局' },
  { categoryCode: 'B0101', target: 'department', unitName: '城管局', assistVillage: true },
  { categoryCode: 'B0201', target: 'department', unitName: '城管局', assistVillage: true },
  // C 生态环境
  { categoryCode: 'C', target: 'department', unitName: '生态环境分局' },
  { categoryCode: 'C0101', target: 'department', unitName: '生态环境分局', assistUnitNames: ['城管局'] },
  { categoryCode: 'C0103', target: 'township_office', unitName: '综合执法队', assistUnitNames: ['生态环境分局'], assistVillage: true },
  { categoryCode: 'C0301', target: 'department', unitName: '城管局' },
  { categoryCode: 'C0302', target: 'village', assistUnitNames: ['公安局'] },
  { categoryCode: 'C05', target: 'department', unitName: '水利局' },
  { categoryCode: 'C0503', target: 'department', unitName: '自然资源局', assistUnitNames: ['公安局'] },
  // D 交通运输
  { categoryCode: 'D', target: 'department', unitName: '交通运输局' },
  { categoryCode: 'D0102', target: 'department', unitName: '城管局' },
  { categoryCode: 'D0302', target: 'department', unitName: '交通运输局', assistUnitNames: ['公安局'] },
  { categoryCode: 'D04', target: 'department', unitName: '公安局' },
  { categoryCode: 'D05', target: 'department', unitName: '交通运输局', assistVillage: true },
  // E 劳动和社会保障
  { categoryCode: 'E', target: 'department', unitName: '人社局' },
  { categoryCode: 'E0101', target: 'department', unitName: '人社局', assistUnitNames: ['住建局'], autoDispatch: true },
  { categoryCode: 'E03', target: 'department', unitName: '医保局' },
  // F 教育文体
  { categoryCode: 'F', target: 'department', unitName: '教育局' },
  { categoryCode: 'F0301', target: 'department', unitName: '公安局', assistUnitNames: ['教育局', '市场监管局'] },
  { categoryCode: 'F0403', target: 'department', unitName: '公安局', assistUnitNames: ['教育局'] },
  // G 卫生健康
  { categoryCode: 'G', target: 'department', unitName: '卫健局' },
  { categoryCode: 'G0202', target: 'department', unitName: '卫健局', assistVillage: true },
  // H 商贸市场监管
  { categoryCode: 'H', target: 'department', unitName: '市场监管局' },
  { categoryCode: 'H0104', target: 'department', unitName: '市场监管局', assistUnitNames: ['卫健局'], autoDispatch: true },
  // I 社会治安
  { categoryCode: 'I', target: 'department', unitName: '公安局' },
  { categoryCode: 'I0103', target: 'department', unitName: '公安局', assistUnitNames: ['民政局'], assistVillage: true },
  { categoryCode: 'I0202', target: 'department', unitName: '公安局', assistUnitNames: ['市场监管局'] },
  { categoryCode: 'I0502', target: 'department', unitName: '公安局', assistUnitNames: ['卫健局'], assistVillage: true },
  { categoryCode: 'I0503', target: 'department', unitName: '公安局', assistUnitNames: ['城管局'], assistVillage: true },
  // J 民政服务
  { categoryCode: 'J', target: 'department', unitName: '民政局' },
  { categoryCode: 'J0501', target: 'department', unitName: '民政局', assistUnitNames: ['教育局'], assistVillage: true },
  // K 农业农村
  { categoryCode: 'K', target: 'department', unitName: '农业农村局' },
  { categoryCode: 'K0202', target: 'department', unitName: '自然资源局', assistUnitNames: ['农业农村局'], assistVillage: true },
  { categoryCode: 'K0203', target: 'department', unitName: '自然资源局', assistUnitNames: ['农业农村局'] },
  { categoryCode: 'K03', target: 'township', assistUnitNames: ['农业农村局'], assistVillage: true },
  { categoryCode: 'K0302', target: 'department', unitName: '生态环境分局', assistUnitNames: ['农业农村局'] },
  { categoryCode: 'K0303', target: 'township', assistUnitNames: ['生态环境分局'], assistVillage: true },
  { categoryCode: 'K05', target: 'township' },
  { categoryCode: 'K0502', target: 'township_office', unitName: '经济发展办' },
  // L 应急安全
  { categoryCode: 'L', target: 'department', unitName: '应急管理局', assistVillage: true },
  // The seed's example: a blocked fire lane goes at once to 城管, with the community (and through it the property company).
  { categoryCode: 'L0101', target: 'department', unitName: '城管局', assistUnitNames: ['应急管理局'], assistVillage: true, autoDispatch: true },
  { categoryCode: 'L0102', target: 'department', unitName: '应急管理局', assistUnitNames: ['住建局', '综合执法队'], assistVillage: true, autoDispatch: true },
  { categoryCode: 'L0103', target: 'department', unitName: '应急管理局', assistUnitNames: ['公安局'], assistVillage: true, autoDispatch: true },
  { categoryCode: 'L0202', target: 'department', unitName: '应急管理局', assistUnitNames: ['公安局'] },
  { categoryCode: 'L0301', target: 'department', unitName: '城管局', assistUnitNames: ['应急管理局', '水利局'], assistVillage: true },
  { categoryCode: 'L0302', target: 'department', unitName: '自然资源局', assistUnitNames: ['应急管理局'], assistVillage: true, autoDispatch: true },
  { categoryCode: 'L0303', target: 'department', unitName: '水利局', assistUnitNames: ['应急管理局'], assistVillage: true },
  { categoryCode: 'L04', target: 'department', unitName: '住建局', assistVillage: true },
  { categoryCode: 'L0401', target: 'department', unitName: '应急管理局', assistUnitNames: ['住建局'], assistVillage: true, autoDispatch: true },
  { categoryCode: 'L05', target: 'department', unitName: '公安局', assistVillage: true },
  { categoryCode: 'L0501', target: 'department', unitName: '市场监管局', assistUnitNames: ['应急管理局'], assistVillage: true, autoDispatch: true },
  { categoryCode: 'L0502', target: 'department', unitName: '公安局', assistUnitNames: ['应急管理局'], assistVillage: true, autoDispatch: true },
  // M 住房保障与物业
  { categoryCode: 'M', target: 'department', unitName: '住建局' },
  { categoryCode: 'M0101', target: 'department', unitName: '住建局', assistUnitNames: ['市场监管局'], assistVillage: true },
  { categoryCode: 'M0302', target: 'department', unitName: '自然资源局', assistUnitNames: ['住建局'] },
  { categoryCode: 'M04', target: 'department', unitName: '住建局', assistVillage: true },
  // N 水电气暖
  { categoryCode: 'N', target: 'department', unitName: '住建局' },
  { categoryCode: 'N0104', target: 'department', unitName: '水利局', assistVillage: true },
  { categoryCode: 'N0502', target: 'department', unitName: '城管局' },
  // O 矛盾纠纷: the village or community committee mediates first (人民调解); the township's 综治中心 takes the rest.
  { categoryCode: 'O', target: 'township_office', unitName: '综治中心' },
  { categoryCode: 'O01', target: 'village' },
  { categoryCode: 'O0104', target: 'grid' },
  { categoryCode: 'O02', target: 'village' },
  { categoryCode: 'O04', target: 'department', unitName: '信访局' },
  // P 综合事项: consultations, suggestions and thanks go to the township, which answers or passes them on.
  { categoryCode: 'P', target: 'township' },
];
