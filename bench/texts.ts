/**
 * Words for generated records: titles, descriptions, reports, comments and ratings that read like
 * the real thing, so that JSON records and pages have realistic sizes.
 */
import type { Category } from '../types/domain';

export interface ProjectIdea {
  item: string;
  category: Category;
  need: string;
  overview: string;
  plan: string;
  lines: string[];
}

export const IDEAS: ProjectIdea[] = [
  { item: '小区主干道破损路面修复', category: 'works', need: '路面坑洼积水，老人和孩子经过容易摔倒，雨天更是没法走。', overview: '修复破损路面约 600 平方米', plan: '委托施工单位分段施工，夜间设置警示灯和临时通道', lines: ['沥青路面修复', '排水沟清理', '交通疏导'] },
  { item: '楼道扶手加装', category: 'works', need: '老楼没有电梯，楼梯没有扶手，高龄老人上下楼很吃力。', overview: '为 12 栋老旧楼宇加装楼道扶手', plan: '采用不锈钢扶手，由施工单位逐栋安装，完工后由物业管养', lines: ['不锈钢扶手', '安装施工'] },
  { item: '人行道无障碍坡道改造', category: 'works', need: '人行道台阶高，轮椅和婴儿车上下很不方便。', overview: '改造台阶 6 处为无障碍坡道', plan: '社区委托施工单位施工，施工期间设置围挡', lines: ['坡道土建', '防滑铺装'] },
  { item: '篮球场翻新', category: 'works', need: '球场地面开裂，篮板老化，年轻人只能去很远的地方打球。', overview: '翻新篮球场地面并更换篮架', plan: '铺设硅 PU 地面，更换篮架两副，完工后向居民免费开放', lines: ['硅 PU 地面', '篮架更换', '围网维修'] },
  { item: '雨污管网疏通改造', category: 'works', need: '一下大雨就倒灌，一楼住户家里进水，气味也很大。', overview: '疏通改造雨污管网约 300 米', plan: '先清淤疏通，再更换破损管段，施工期间保障居民出行', lines: ['管道清淤', '破损管段更换', '检查井修复'] },
  { item: '儿童游乐场地面改造', category: 'works', need: '游乐场是水泥地，孩子摔倒容易受伤。', overview: '铺设 EPDM 安全地垫约 200 平方米', plan: '铲除原水泥面层，铺设彩色安全地垫', lines: ['EPDM 安全地垫', '基层处理'] },
  { item: '垃圾分类投放点改造', category: 'works', need: '投放点露天，夏天气味大，下雨时垃圾泡水。', overview: '改造分类投放点 4 处，加装雨棚和洗手池', plan: '按标准化投放点建设，配套照明和洗手设施', lines: ['雨棚搭建', '洗手池及给排水', '照明'] },
  { item: '休息座椅增设', category: 'goods', need: '公园里没有座椅，老人散步走累了只能站着休息。', overview: '采购并安装带靠背户外座椅 10 张', plan: '社区采购防腐木座椅，由物业配合安装并日常管养', lines: ['户外座椅', '运输安装'] },
  { item: '智能健身器材更新', category: 'goods', need: '健身器材用了十几年，生锈松动，存在安全隐患。', overview: '更换户外健身器材 12 件', plan: '采购符合国标的户外健身器材，拆除旧器材后安装', lines: ['健身器材', '拆除及安装'] },
  { item: '共享图书角', category: 'goods', need: '希望有个安静的地方给孩子和老人看书。', overview: '配置书架和图书 1000 册', plan: '采购书架、桌椅和图书，由社区志愿者管理借阅', lines: ['书架及桌椅', '图书'] },
  { item: '应急救援物资配置', category: 'goods', need: '台风季节社区缺少应急物资，遇到险情只能临时找。', overview: '配置应急救援物资一批', plan: '采购应急照明、救生衣、沙袋等物资，存放于社区应急仓库', lines: ['应急照明', '救生器材', '防汛物资'] },
  { item: '巷道太阳能照明', category: 'goods', need: '老巷子晚上太暗，下班回家不安全。', overview: '采购安装太阳能巷道灯 20 盏', plan: '安装于巷道两侧墙面，由社区统一管养', lines: ['太阳能巷道灯', '安装调试'] },
  { item: 'AED 除颤仪配置', category: 'goods', need: '社区老人多，附近没有急救设备，出了事只能等救护车。', overview: '在人流密集处配置 AED 3 台', plan: '采购 AED 及户外机柜，组织居民急救培训', lines: ['AED 设备', '户外机柜'] },
  { item: '电动自行车充电棚', category: 'goods', need: '电动车在楼道里充电，很危险，大家都担心着火。', overview: '配置智能充电桩 40 个及充电棚', plan: '在空地建设充电棚，安装具备自动断电功能的充电桩', lines: ['智能充电桩', '充电棚'] },
  { item: '长者智能手机课堂', category: 'services', need: '很多老人不会用手机挂号、缴费，希望社区开设手机使用课。', overview: '开设 12 期智能手机使用课堂', plan: '委托社会组织每周开课一次，每期 20 人，课后一对一辅导', lines: ['授课及辅导服务', '教材印制'] },
  { item: '四点半课堂', category: 'services', need: '双职工家庭孩子放学后没人照看。', overview: '开设学期内四点半课堂', plan: '委托社工机构提供课后托管和作业辅导', lines: ['托管辅导服务', '活动物资'] },
  { item: '心理健康讲座', category: 'services', need: '青少年和上班族压力大，希望有专业的心理辅导。', overview: '举办心理健康讲座和团体辅导 10 场', plan: '委托专业心理机构开展讲座和个案咨询', lines: ['讲座及辅导服务', '宣传物料'] },
  { item: '居家养老探访服务', category: 'services', need: '独居老人多，子女不在身边，有事没人知道。', overview: '为 80 名独居老人提供每月探访', plan: '委托社工机构组织志愿者定期探访并建立台账', lines: ['探访服务', '志愿者保险'] },
  { item: '防范电信网络欺诈宣传', category: 'services', need: '最近不少老人接到冒充客服的电话，有人上当受骗。', overview: '开展防骗宣传活动 8 场', plan: '联合派出所开展讲座、情景剧和入户宣传', lines: ['宣传活动服务', '宣传物料'] },
  { item: '青少年暑期托管', category: 'services', need: '暑假孩子在家没人管，整天玩手机。', overview: '开设暑期托管班 6 周', plan: '委托社会组织提供托管、阅读和体育活动', lines: ['托管服务', '活动物资', '保险'] },
];

export const PLACES = ['中心广场', '文化公园', '老年活动中心', '党群服务中心', '幼儿园门口', '农贸市场旁', '1 号楼至 6 号楼', '滨河步道', '小学后门', '体育公园', '社区健康服务中心', '老旧小区'];

export const COMMENTS = [
  '支持这个项目，希望尽快实施。',
  '建议施工时间避开早晚高峰，方便大家出行。',
  '这个很有必要，家里老人一直盼着。',
  '希望材料选得结实一点，别用两年就坏了。',
  '能不能把我们楼后面那段也一起做了？',
  '预算看起来合理，支持。',
  '建议完工后安排专人管理，不要只建不管。',
  '施工期间噪音能不能控制一下，家里有小孩午睡。',
  '终于有人提了，点赞！',
  '希望公示的资金明细再细一点。',
  '我们小区的孩子很多，这个项目太好了。',
  '建议征求一下周边商户的意见。',
  '之前类似的项目做得不错，希望这次也一样。',
  '希望能多安排几场，名额太少了。',
  '有没有考虑无障碍的需求？',
];

export const REPLIES = ['感谢建议，已转交实施单位。', '已纳入实施方案，谢谢关注。', '施工时间安排在工作日白天，请您放心。', '我们会在完工后安排专人管养。'];

export const RATING_TEXTS = ['做得很好，老人们都说方便了。', '质量不错，希望后续维护跟上。', '总体满意，就是工期长了点。', '很实用，感谢社区。', '效果一般，有些地方还需要改进。', '孩子们很喜欢，谢谢！'];

export const IMPLEMENTERS = ['深圳市鹏城建设工程有限公司', '深圳市安居物业服务有限公司', '深圳市乐龄社工服务中心', '深圳市绿色园林服务有限公司', '深圳市启航社会工作服务社', '深圳市恒泰设备有限公司'];

export const DEPARTMENTS = ['区住房和建设局', '区城市管理和综合执法局', '区水务局', '区交通运输局', '区教育局'];

export const AUDITORS = ['深圳市正信会计师事务所', '深圳市鹏城审计事务所', '深圳市中审华会计师事务所'];

export const MAINTENANCE = [
  { unit: '社区物业服务中心', funding: '物业管理费列支' },
  { unit: '街道市政管养所', funding: '街道市政管养经费' },
  { unit: '社区工作站', funding: '社区党群服务经费' },
];
