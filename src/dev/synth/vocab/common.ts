import { costCeiling, count, duration, frequency, incident, items, qualitative, rate, theme, timely, type ThemeSpec } from './specs.js';

/** Fictional place names; a department is printed as "{place}{department}" ("青山县教育局"). */
export const PLACES = [
  '青山县',
  '临河区',
  '白水县',
  '南湖区',
  '东川县',
  '柳林县',
  '云岭区',
  '石门县',
  '安平县',
  '北塘区',
  '清溪县',
  '龙泉区',
  '凤台县',
  '松原区',
  '桃源县',
  '高新区',
  '平川县',
  '西岭县',
  '永宁区',
  '长乐县',
] as const;

/** Projects any department may carry (office upkeep, IT, training…). */
export const GENERIC_THEMES: readonly ThemeSpec[] = [
  theme({
    name: '办公楼日常维护',
    alias: '办公楼维护',
    activity: '后勤保障',
    contents: ['对机关办公楼进行日常维修维护', '保障水电暖网正常运行', '做好办公区域安保及保洁工作'],
    items: items('水电暖费用:供水/供电/取暖', '保安保洁人员工资', '日常维修维护费', '物业管理费', '网络租赁费'),
    outputs: [
      frequency('办公楼维修维护次数'),
      rate('办公设施完好率'),
      duration('报修响应时间', '小时', 2, 24),
      qualitative('维修维护及时性', ['及时'], '时效指标'),
    ],
    effects: [qualitative('机关日常办公秩序', ['保持正常', '运转良好'])],
    serviceObject: '工作人员',
  }),
  theme({
    name: '信息化系统运维',
    alias: '信息系统运维',
    activity: '信息化运维',
    contents: ['保障业务信息系统稳定运行', '开展网络安全等级保护测评', '对系统数据进行定期备份'],
    items: items('系统运维服务费', '等保测评费', '服务器租赁费', '软件升级费'),
    outputs: [
      rate('系统正常运行率'),
      frequency('数据备份次数'),
      duration('故障修复时间', '小时', 4, 48),
      qualitative('系统运行安全性', ['有效', '有效保障'], '质量指标'),
    ],
    effects: [incident('网络安全事件', '起', '可持续影响')],
    serviceObject: '使用人员',
  }),
  theme({
    name: '业务能力培训',
    alias: '业务培训',
    activity: '业务培训',
    contents: ['组织干部职工开展业务能力培训', '选派业务骨干参加上级培训', '开展岗位练兵活动'],
    items: items('培训讲课费', '培训场地费', '培训资料费', '学员食宿费'),
    outputs: [count('培训人次', '人次', 50, 600), count('举办培训班', '期', 2, 12), rate('培训考核合格率')],
    effects: [qualitative('干部职工业务能力', ['明显提升', '有效提高'])],
    serviceObject: '参训人员',
  }),
  theme({
    name: '政策宣传经费',
    alias: '政策宣传',
    activity: '政策宣传',
    contents: ['通过报刊和新媒体开展政策宣传', '印制发放政策宣传资料', '开展政策宣传进社区活动'],
    items: items('新媒体宣传服务费', '宣传资料印制费', '宣传活动经费'),
    outputs: [count('发放宣传资料', '份', 2000, 40000), frequency('集中宣传活动次数'), rate('宣传覆盖率')],
    effects: [rate('政策知晓率')],
    serviceObject: '群众',
  }),
  theme({
    name: '档案整理与数字化',
    alias: '档案整理',
    activity: '档案管理',
    contents: ['对历年文书档案进行整理编目', '开展档案数字化扫描', '改善档案库房保管条件'],
    items: items('档案整理服务费', '数字化扫描费', '档案密集架购置'),
    outputs: [count('整理档案', '卷', 1000, 15000), rate('数字化成果合格率'), timely('整理任务按期完成率')],
    effects: [qualitative('档案查阅利用效率', ['明显提高'], '可持续影响')],
    serviceObject: '查档人员',
  }),
  theme({
    name: '公务用车运行维护',
    alias: '公务用车运维',
    activity: '公务用车保障',
    contents: ['保障执法执勤车辆正常运行', '做好车辆定期保养和年检', '规范公务用车使用管理'],
    items: items('车辆燃油费', '维修保养费', '车辆保险费', '过路过桥费'),
    outputs: [
      count('保障车辆数', '辆', 3, 30),
      rate('车辆完好率'),
      costCeiling('单车年均运行费用'),
      qualitative('用车保障及时性', ['及时'], '时效指标'),
    ],
    effects: [qualitative('公务出行保障', ['及时有效'])],
    serviceObject: '用车人员',
  }),
  theme({
    name: '法律顾问服务',
    alias: '法律顾问',
    activity: '法律顾问服务',
    contents: ['聘请常年法律顾问参与重大决策合法性审查', '代理涉诉案件', '审查各类合同'],
    items: items('常年法律顾问费', '案件代理费', '合同审查服务费'),
    outputs: [count('审查合同', '份', 20, 200), rate('重大决策合法性审查率'), duration('合同审查时限', '个工作日', 3, 10)],
    effects: [qualitative('依法决策水平', ['明显提升'])],
    serviceObject: '机关科室',
  }),
  theme({
    name: '专项督查检查',
    alias: '督查检查',
    activity: '督查检查',
    contents: ['围绕重点工作开展专项督查', '对督查发现问题跟踪整改', '编发督查通报'],
    items: items('督查工作经费', '第三方评估费', '督查通报印制费'),
    outputs: [
      frequency('专项督查次数'),
      rate('问题整改完成率'),
      duration('督查通报印发时限', '个工作日', 5, 15),
      qualitative('问题整改及时性', ['及时'], '时效指标'),
    ],
    effects: [qualitative('重点工作落实', ['有力推进'])],
  }),
  theme({
    name: '第三方绩效评价服务',
    alias: '绩效评价',
    activity: '预算绩效管理',
    contents: ['委托第三方机构开展重点项目绩效评价', '对评价发现问题督促整改', '推进评价结果应用'],
    items: items('第三方评价服务费', '专家评审费', '评价报告印制费'),
    outputs: [count('开展重点项目评价', '个', 3, 20), rate('评价报告按期提交率', '时效指标'), rate('评价问题整改率')],
    effects: [qualitative('财政资金使用效益', ['进一步提高'], '经济效益')],
    serviceObject: '被评价单位',
  }),
];

/** Funding lines printed without an amount ("其他欠款等"), as the last item of a list. */
export const UNPRICED_ITEMS = ['其他支出等', '其他相关费用等', '其他欠款等', '其他零星支出等'] as const;

/** Sentences a department-level overview is built from; `{dept}`, `{year}`, `{mission}` are filled in. */
export const OVERVIEW_SENTENCES = [
  '{year}年，{dept}在上级党委、政府的正确领导下，{mission}。',
  '{year}年，{dept}紧紧围绕中心工作，{mission}，各项工作取得了较好成效。',
  '{dept}坚持以人民为中心的发展思想，{mission}。',
  '全年将继续加强预算绩效管理，强化绩效目标约束，提高财政资金使用效益。',
  '坚持“谁申请资金、谁设置目标”的原则，将绩效目标细化分解为可衡量的绩效指标。',
  '严格执行财经纪律，厉行勤俭节约，确保资金使用规范、安全、有效。',
  '健全内部控制制度，做到事前有目标、事中有监控、事后有评价。',
] as const;

/** Openings of a 评价标准 sentence: where a threshold comes from. `{policy}` is a department policy document. */
export const CRITERIA_BASES = [
  '根据{policy}要求，结合工作实际情况制定',
  '按照上级主管部门工作要求，结合以往工作经验制定',
  '按照{policy}有关规定，结合本年度工作计划，设定',
  '结合近几年工作实际，本年度制定',
  '依据{policy}及年度工作安排，要求',
  '参照往年完成情况并结合本年度任务，确定',
] as const;

/** Why a threshold matters, closing a 评价标准 sentence. */
export const CRITERIA_PURPOSES = [
  '才能达到应有的工作效果',
  '才能保障项目顺利实施',
  '才可能达到预期目标',
  '确保项目取得实效',
  '以保证资金使用效益',
  '才能更好地开展下一步工作',
] as const;

/** Extra sentences for a project description (项目概况). `{name}`, `{dept}`, `{policy}` are filled in. */
export const DESCRIPTION_SENTENCES = [
  '该项目为经常性项目，已连续实施多年。',
  '项目实施周期为一年，资金由财政全额保障。',
  '项目依据{policy}设立，由{unit}具体组织实施。',
  '项目资金实行专款专用，严格按照预算执行。',
  '项目按照“统筹规划、分步实施”的原则推进。',
] as const;

/** The standard closing line of a prose explanation. copies.ts uses the first as the shared boilerplate. */
export const CLOSING_LINES = [
  '上述工作活动的绩效目标、指标和评价标准具体设置情况详见列表。',
  '具体绩效目标和指标详见项目支出绩效目标表。',
  '以上绩效目标和指标的具体设置情况详见附表。',
] as const;
