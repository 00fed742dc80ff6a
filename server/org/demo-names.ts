/** Name lists for the demo county: surnames and given names for demo people, county departments, township offices. */

/** Common surnames, the most frequent listed more than once so they come up more often. */
export const surnames: readonly string[] = [
  '王', '王', '王', '李', '李', '李', '张', '张', '张', '刘', '刘', '刘', '赵', '赵', '杨', '杨', '陈', '陈', '高', '高',
  '孙', '马', '郭', '周', '吴', '徐', '胡', '朱', '林', '何', '韩', '冯', '董', '曹', '田', '石', '魏', '吕', '崔', '宋',
  '郑', '谢', '唐', '许', '邓', '梁', '范', '贾', '薛', '侯',
];

/** Given names of the kind common among people from their twenties to their sixties. */
export const givenNames: readonly string[] = [
  '建国', '志强', '秀英', '桂兰', '丽娟', '海燕', '卫东', '晓明', '春梅', '红霞', '文杰', '俊峰', '淑芬', '玉兰', '国华',
  '永刚', '立新', '雪梅', '晓燕', '振华', '伟', '磊', '静', '敏', '芳', '涛', '超', '娜', '勇', '军', '浩然', '子涵',
  '欣怡', '一鸣', '思远', '佳琪', '宇航', '梦瑶', '志刚', '明辉', '建华', '凤英', '秀兰', '金龙', '海波', '红梅', '丽华',
  '少华', '德胜', '长青', '保国', '学军', '亚楠', '晓红', '燕', '鹏', '帅', '婷婷', '倩', '瑞', '新民', '金凤', '爱华',
  '素芳', '国强', '志勇', '玉梅', '春燕', '宏伟', '晓东', '文静', '建军', '秀云', '利民', '海涛', '立军', '慧敏', '永红',
];

/** County functional departments, in code order (code = county code + 'D' + two digits). */
export const departmentNames: readonly string[] = [
  '城管局', '住建局', '生态环境分局', '交通运输局', '教育局', '人社局', '医保局', '民政局',
  '卫健局', '市场监管局', '应急管理局', '公安局', '自然资源局', '水利局', '农业农村局', '信访局',
];

/** Offices every township or street office has, in code order (code = township code + 'S' + two digits). */
export const commonOfficeNames: readonly string[] = ['综合执法队', '社会事务办', '经济发展办', '综治中心'];

/** The one office that differs: street offices manage the city, townships the farms. */
export const streetOfficeName = '城市管理办';
export const townshipOfficeName = '农业农村办';
