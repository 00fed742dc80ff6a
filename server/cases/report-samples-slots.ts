/**
 * Slot values for generated demo reports: places in the demo county 青禾县 (its real communities and villages from
 * the demo plan, plus fictional estates, roads and shops), times, sums of money and relatives. A template writes
 * {estate}, {road}, {village} …; one report fills each slot once, so its title and description name the same place.
 */
import { townshipPlans } from '../org/demo-plan.js';
import { pick } from '../org/prng.js';

const allVillages = townshipPlans.flatMap((t) => t.villages);
const communities = allVillages.filter((v) => v.endsWith('社区'));
const villages = allVillages.filter((v) => !v.endsWith('社区'));

/** Values of each slot; a value may itself hold slots. */
const slotValues: Record<string, readonly string[]> = {
  community: communities,
  village: villages,
  estate: [
    '锦绣花园', '青禾家园', '翠柳苑小区', '和平里小区', '金桂园', '东湖湾小区', '文昌花园', '阳光新城',
    '府前公寓', '建设路家属院', '新华里小区', '惠民小区', '南关新村', '书香苑', '禾丰佳苑', '滨河名居',
  ],
  road: ['青禾大道', '文昌路', '府前街', '建设路', '新华街', '东关大街', '柳河路', '人民路', '解放路', '长青路', '迎宾路', '南环路'],
  road2: ['光明路', '育才街', '胜利路', '朝阳街', '北环路', '工业路'],
  school: ['县实验小学', '城关一小', '东关中学', '文昌小学', '柳河镇中心小学', '石桥中学', '县第二幼儿园'],
  market: ['东关农贸市场', '府前菜市场', '柳河大集', '石桥镇集市', '南关早市'],
  river: ['柳河', '青禾河', '杏园沟', '双井渠', '石桥河'],
  hospital: ['县人民医院', '县中医院', '城关社区卫生服务中心', '镇卫生院'],
  bus: ['3路', '5路', '11路', '城乡1路', '城乡4路', '7路'],
  shop: ['一家烧烤店', '一家小饭馆', '一家火锅店', '一家超市', '一家水果店', '一家五金店', '一家快餐店', '一家便利店'],
  factory: ['一家塑料厂', '一家板材加工厂', '一家小化工厂', '一家砖厂', '一家铸造厂', '一家饲料厂'],
  company: ['一家物流公司', '一家装修公司', '一家建筑劳务公司', '县城一家超市', '一家服装厂', '一家保安公司'],
  project: ['{road}边上的一个楼盘', '{village}那边的厂房工地', '{road}改造工程', '城南的一个安置房项目'],
  bldg: ['1号楼', '2号楼', '3号楼', '5号楼', '6号楼', '8号楼', '9号楼', '11号楼', '12号楼', '15号楼'],
  floor: ['三楼', '五楼', '六楼', '七楼', '九楼', '十一楼', '十五楼', '十八楼'],
  kin: ['我家老人', '我母亲', '我父亲', '我婆婆', '我岳父', '我爱人', '我姥姥'],
  age: ['六十多岁', '七十多岁', '七十五岁', '八十一岁', '八十多岁'],
  money: ['四千五', '八千多块钱', '一万二', '两万块', '三万多', '五千块钱', '一万六千多'],
  months: ['三个月', '两个多月', '小半年', '四个月', '大半年'],
  dur: ['一个多星期', '半个多月', '好几天', '两三个月', '快一个月', '大半年'],
  time: ['每天早上', '每天傍晚', '一到周末', '这段时间', '最近天天', '几乎每天'],
  night: ['晚上十一点多', '半夜十二点', '凌晨两三点', '晚上十点以后', '夜里一两点'],
  spot: ['{estate}门口', '{road}和{road2}路口', '{school}门口', '{market}旁边', '{community}{estate}', '{road}'],
  rspot: ['{village}村口', '{village}村委会旁边', '{village}东头的坑塘边', '{village}南边的地里', '{village}西头的大路边'],
  place: ['{spot}', '{rspot}', '{spot}'],
};

const SLOT = /\{([a-z0-9]+)\}/g;

/** Fills every {slot} of a text, reusing the values already drawn for this report; unknown slots are a bug. */
export function fillSlots(rng: () => number, text: string, drawn: Map<string, string>): string {
  return text.replace(SLOT, (_, name: string) => {
    const known = drawn.get(name);
    if (known !== undefined) return known;
    const values = slotValues[name];
    if (!values) throw new Error(`unknown report slot {${name}}`);
    const value = fillSlots(rng, pick(rng, values), drawn);
    drawn.set(name, value);
    return value;
  });
}

/** The names of all known slots, for tests of the templates. */
export function slotNames(): string[] {
  return Object.keys(slotValues);
}
