/**
 * Word lists the synthetic names are built from. Generic on purpose: no list holds the name of
 * a real company, and village or township names are stems plus a suffix, so a synthetic row
 * never pretends to be a real, identifiable place or firm.
 */

/** Common surnames and place-name stems: village names are stem + suffix + 村 (张庄村). */
export const villageStems = [
  '张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '石', '柳', '杏', '桃', '枣', '槐', '榆', '柏',
];

/** Suffixes of villages in the North China plain (庄, 营, 寨, 岗 …). */
export const villageSuffixes = [
  '庄', '营', '寨', '岗', '店', '楼', '湾', '沟', '集', '屯', '园', '坡', '河', '桥', '洼', '庙',
  '堂', '台', '庄头', '家',
];

/** Township stems: township names are stem + 镇 or 乡. */
export const townshipStems = [
  '东岭', '西河', '南岗', '北坡', '青龙', '白石', '红旗', '新华', '太平', '长乐', '永安', '安乐',
  '大营', '小集', '双庙', '三里', '五里', '七里', '马岭', '杨桥', '柳林', '桃园', '枣林', '梨园',
];

/** Two-character trade names for enterprises (字號). */
export const tradeNames = [
  '丰源', '绿源', '金穗', '华康', '裕丰', '豫农', '恒兴', '鑫达', '宏达', '康源', '福瑞', '瑞丰',
  '嘉禾', '田园', '润农', '金田', '禾丰', '兴农', '永丰', '鼎盛', '天润', '富民', '惠农', '众鑫',
  '沃野', '谷丰', '农康', '盛源', '民丰', '乐农', '中禾', '汇丰', '百川', '泰和', '广源', '益农',
];

/** Industries of synthetic borrowers: GB/T 4754-2017 section and class, and a name part. */
export const industries: readonly (readonly [section: string, code: string, namePart: string, weight: number])[] = [
  ['A', '0313', '生猪养殖', 14],
  ['A', '0311', '牧业', 8],
  ['A', '0321', '禽业', 8],
  ['A', '0112', '农业开发', 8],
  ['A', '0141', '蔬菜种植', 10],
  ['C', '1311', '米业', 5],
  ['C', '1312', '面业', 8],
  ['C', '1351', '肉类加工', 8],
  ['C', '1441', '乳业', 6],
  ['F', '5111', '粮油贸易', 15],
  ['F', '5171', '农机销售', 10],
];
