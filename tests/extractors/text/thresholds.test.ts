import { describe, expect, it } from 'vitest';
import {
  findThresholds,
  isPlaceholder,
  parseTableValue,
  parseTableValues,
  type ThresholdValue,
} from '../../../extractors/text/thresholds.js';

type Expected = [ThresholdValue['op'], number | null, string | null, (string | null)?];

/** op, value, unit and period of each threshold found. */
const found = (text: string): Expected[] => findThresholds(text).map((t) => [t.op, t.value, t.unit, t.period]);
const one = (op: ThresholdValue['op'], value: number | null, unit: string | null, period: string | null = null): Expected[] => [
  [op, value, unit, period],
];

describe('findThresholds: at least', () => {
  it.each([
    ['结合工作实际情况制定案件解决率至少达90%', 90, '%'],
    ['完成率不低于95%', 95, '%'],
    ['培训人次不少于500人次', 500, '人次'],
    ['覆盖率达到90%以上', 90, '%'],
    ['合格率达95%以上', 95, '%'],
    ['完成率≥85%', 85, '%'],
    ['完成率>=85%', 85, '%'],
    ['本年度至少宣传3次', 3, '次'],
    ['保证书率至少达90%以上', 90, '%'],
    ['完成率大于等于80%', 80, '%'],
  ])('%s', (text, value, unit) => {
    expect(found(text)).toEqual(one('>=', value, unit));
  });

  it('reads 超过 and 高于 as strictly greater', () => {
    expect(found('参与人数超过200人')).toEqual(one('>', 200, '人'));
    expect(found('知晓率高于80%')).toEqual(one('>', 80, '%'));
  });
});

describe('findThresholds: at most', () => {
  it.each([
    ['我区再犯罪率不得超过10%', 10, '%'],
    ['保障再犯罪不得大于10%才能达到社会稳定的效果', 10, '%'],
    ['结合工作实际情况制定最多不能超过2人', 2, '人'],
    ['投诉率不高于5%', 5, '%'],
    ['差错率控制在3%以内', 3, '%'],
    ['办结时间在15个工作日以内', 15, '个工作日'],
    ['3个工作日内办结', 3, '个工作日'],
    ['人均成本最多200元', 200, '元'],
    ['费用不超过50万元', 50, '万元'],
    ['处理时限≤10天', 10, '天'],
    ['空置率降至5%以下', 5, '%'],
  ])('%s', (text, value, unit) => {
    expect(found(text)).toEqual(one('<=', value, unit));
  });

  it('reads 低于, 少于 and 不足 as strictly less', () => {
    expect(found('事故率低于1%')).toEqual(one('<', 1, '%'));
    expect(found('投诉少于3件')).toEqual(one('<', 3, '件'));
  });
});

describe('findThresholds: reaching a level, and exact targets', () => {
  it('达 and 达到 reach a level: at least', () => {
    expect(found('平安创建完成率达80%')).toEqual(one('>=', 80, '%'));
    expect(found('被救助对象满意度至少达到90%')).toEqual(one('>=', 90, '%'));
  });

  it('为, 保持 and target verbs set the figure', () => {
    expect(found('结合实际工作制定覆盖率为80%')).toEqual(one('=', 80, '%'));
    expect(found('运行率保持98%')).toEqual(one('=', 98, '%'));
    expect(found('为保障工作日内办公设备、设施正常运转制定90%')).toEqual(one('=', 90, '%'));
    expect(found('完成率=100%')).toEqual(one('=', 100, '%'));
  });

  it('a multi-part phrase gives one threshold per part', () => {
    expect(
      found(
        '按照上级要求设定覆盖范围制定定为大学生达5000人，机关人员达1000人，其他人员达24000人，才可能超过往年国家安全知识宣传的受众人数',
      ),
    ).toEqual([
      ['>=', 5000, '人', null],
      ['>=', 1000, '人', null],
      ['>=', 24000, '人', null],
    ]);
  });

  it('keeps a figure written with 万 as written', () => {
    expect(found('受益人数达1.5万人')).toEqual(one('>=', 1.5, '万人'));
  });

  it('quotes the phrase that states the target', () => {
    expect(findThresholds('结合工作实际情况制定最多不能超过2人，才能达到效果').map((t) => t.text)).toEqual(['最多不能超过2人']);
    expect(findThresholds('保证书率至少达90%以上').map((t) => t.text)).toEqual(['至少达90%以上']);
    const text = '完成率至少达90%';
    const [match] = findThresholds(text);
    expect(text.slice(match.start, match.end)).toBe(match.text);
  });
});

describe('findThresholds: all and none', () => {
  it.each([
    ['按规定时限必须将上访人全部接回'],
    ['合格达到百分之百'],
    ['网络化覆盖面积达100%'],
    ['必须保障工作日内基地100%正常运行'],
    ['使工作人员对整体工作情况达到百分之百满意'],
    ['实现辖区全覆盖'],
    ['卫生村创建达标率百分之百完成'],
  ])('%s is = 100 %%', (text) => {
    expect(found(text)).toEqual(one('=', 100, '%'));
  });

  it('keeps an explicit 不低于100% as at least, for the checks to flag on a capped rate', () => {
    expect(found('完成率不低于100%')).toEqual(one('>=', 100, '%'));
  });

  it.each([
    ['重点时期病患家属不可以上访'],
    ['安全事故不得发生'],
    ['重大责任事故为零'],
    ['杜绝重复上访'],
    ['实现零事故'],
    ['群体性事件零发生'],
  ])('%s is = 0', (text) => {
    expect(found(text)).toEqual(one('=', 0, null));
  });

  it('控制为0起 keeps its unit', () => {
    expect(found('安全事故控制为0起')).toEqual(one('=', 0, '起'));
  });

  it('a template left unfilled gives a threshold without a value', () => {
    expect(found('要求规划编制按期完成率超过%。')).toEqual(one('>', null, '%'));
    expect(found('制定接入重大危险源至少达处。')).toEqual(one('>=', null, '处'));
    expect(found('接警出动时间最多**分钟，才可能达到预期目标')).toEqual(one('<=', null, '分钟'));
    expect(found('达到人民群众的要求')).toEqual([]);
    expect(found('坚持以人为本，做好工作')).toEqual([]);
  });
});

describe('findThresholds: frequencies', () => {
  it.each([
    ['设定每月维修维护一次', '=', 1, '每月'],
    ['病患每月集中报销各类费用一次', '=', 1, '每月'],
    ['按市局要求每月至少集中培训一次', '>=', 1, '每月'],
    ['每季度至少一次', '>=', 1, '每季度'],
    ['每季度不少于一次', '>=', 1, '每季度'],
    ['全年不少于12次', '>=', 12, '全年'],
    ['每年至少开展4次', '>=', 4, '全年'],
    ['全年开展6次', '=', 6, '全年'],
    ['每周巡查一次', '=', 1, '每周'],
  ] as const)('%s', (text, op, value, period) => {
    expect(found(text)).toEqual(one(op, value, '次', period));
  });

  it('a count without a period word has none: 本年度 is the filing year, not a frequency', () => {
    expect(found('制定本年度排查至少4次')).toEqual(one('>=', 4, '次'));
  });

  it('a period does not make a rate a frequency', () => {
    expect(found('全年完成率达90%')).toEqual(one('>=', 90, '%'));
  });
});

describe('findThresholds: qualitative', () => {
  it.each([
    ['使大部分群众满意'],
    ['做到使大部分满意'],
    ['群众基本满意'],
    ['服务质量明显提升'],
    ['人居环境有效改善'],
    ['报销及时'],
    ['按时缴费'],
    ['今年完成比例要超过往年'],
    ['群众满意度达到满意'],
  ])('%s', (text) => {
    const [threshold] = findThresholds(text);
    expect(threshold).toMatchObject({ op: 'qualitative', value: null, unit: null });
  });

  it('a figure in the same clause wins over words', () => {
    expect(found('使工作人员达到百分之百满意')).toEqual(one('=', 100, '%'));
  });
});

describe('findThresholds: what is no target', () => {
  it.each([
    ['dates written as decimals', '根据国安规定的重要宣传日：4.15、12.4等日期全部完成的基础上增加一次'],
    ['a quoted date', '做好“12.4”法宣日的宣传工作'],
    ['a year', '按照全市2021年平安建设工作要点及以往工作经验'],
    ['a document title', '按照《2020年度信访工作年终考核细则要求》以及文件要求'],
    ['a population given as context', '结合高新区辖区人口数至少为2000人，才可能达到网上信访应有的宣传效果'],
    ['shares described, not set', '社区矫正对象中只有80%有劳动、学习能力，20%中有文盲、残疾、重病等身体疾病不具备学习、劳动能力'],
    ['a bare count', '对80%有劳动学习能力的矫正人员按要求进行集中教育学习劳动'],
    ['the rest, as context', '其余10%为办公设备、设施的折旧'],
    ['a consequence', '才可能超过往年国家安全知识宣传的受众人数'],
    ['a population share', '宣传资料每人人手一份'],
    ['a comparison without a figure', '支出不得超过预算'],
  ])('%s', (_name, text) => {
    expect(findThresholds(text)).toEqual([]);
  });

  it('a baseline does not hide a target stated after it', () => {
    expect(found('在去年完成的基础上，完成率至少达95%')).toEqual(one('>=', 95, '%'));
  });
});

describe('parseTableValue', () => {
  it.each([
    [null, '≥90.00(%)', null, '>=', 90, '%'],
    [null, '>=85', null, '>=', 85, null],
    [null, '＝100%', null, '=', 100, '%'],
    [null, '≤10天', null, '<=', 10, '天'],
    [null, '95%以上', null, '>=', 95, '%'],
    [null, '100', '%', '=', 100, '%'],
    ['=', '100', '%', '=', 100, '%'],
    ['≥', '95', '%', '>=', 95, '%'],
    ['＞', '0', '人', '>', 0, '人'],
    ['＜', '5', '%', '<', 5, '%'],
    ['大于等于', '90', '%', '>=', 90, '%'],
    ['小于等于', '10', '天', '<=', 10, '天'],
    ['等于', '1', '次', '=', 1, '次'],
    [null, '≤89.33万元', null, '<=', 89.33, '万元'],
    ['<=', '54.1', '万元', '<=', 54.1, '万元'],
    ['≥', '52700', '辆次', '>=', 52700, '辆次'],
  ] as const)('%s | %s | %s', (symbol, value, unit, op, number, expectedUnit) => {
    expect(parseTableValue(symbol, value, unit)).toMatchObject({ op, value: number, unit: expectedUnit });
  });

  it('splits a unit with its period: 次/年', () => {
    expect(parseTableValue('≥', '12', '次/年')).toMatchObject({ op: '>=', value: 12, unit: '次', period: '全年' });
    expect(parseTableValue(null, '≥1次/月', null)).toMatchObject({ op: '>=', value: 1, unit: '次', period: '每月' });
  });

  it.each([['及时'], ['提升'], ['可控'], ['有效'], ['优良'], ['组织健全，工作落实，做好普法宣传']])(
    'the word %s is qualitative',
    (word) => {
      expect(parseTableValue(null, word, null)).toMatchObject({ op: 'qualitative', value: null, unit: null, text: word });
    },
  );

  it('定性 and 文字描述 make a value qualitative', () => {
    expect(parseTableValue('定性', '明显提升', null)).toMatchObject({ op: 'qualitative', text: '定性明显提升' });
    expect(parseTableValue(null, '组织健全', '文字描述')).toMatchObject({ op: 'qualitative', text: '组织健全' });
  });

  it('a symbol without a value is a threshold whose value is missing', () => {
    expect(parseTableValue('=', '', '%')).toEqual({ op: '=', value: null, unit: '%', period: null, text: '=%' });
    expect(parseTableValue(null, '≥**%', null)).toMatchObject({ op: '>=', value: null, unit: '%' });
  });

  it('nothing at all is no threshold', () => {
    expect(parseTableValue(null, null, null)).toBeNull();
    expect(parseTableValue('', '', '%')).toBeNull();
  });
});

describe('findThresholds: prose targets as real filings write them', () => {
  it.each([
    ['新建农村公路不少于 35 公里', '>=', 35, '公里', '不少于 35 公里'],
    ['路面完好率不低于九成', '>=', 90, '%', '不低于九成'],
    ['竣工验收合格率 100%', '=', 100, '%', '100%'],
    ['单位面积造价不超过 1,250,000 元', '<=', 1250000, '元', '不超过 1,250,000 元'],
    ['项目总成本控制在4500000 元以内', '<=', 4500000, '元', '控制在4500000 元以内'],
    ['总投资控制在三百六十万元以内', '<=', 360, '万元', '控制在三百六十万元以内'],
    ['困难群众救助覆盖率达到95%', '>=', 95, '%', '达到95%'],
    ['全年接待来访群众500人次以上', '>=', 500, '人次', '全年接待来访群众500人次以上'],
    ['设备故障率5%以下', '<=', 5, '%', '5%以下'],
    ['至少开展专题培训3次', '>=', 3, '次', '至少开展专题培训3次'],
    ['力争达到98%', '>=', 98, '%', '达到98%'],
    ['力争村级综合服务站覆盖率95%', '>=', 95, '%', '95%'],
    ['群众满意度八成五以上', '>=', 85, '%', '八成五以上'],
    ['群众满意度达到百分之九十五', '>=', 95, '%', '达到百分之九十五'],
    ['新生儿死亡率控制在5‰以内', '<=', 0.5, '%', '控制在5‰以内'],
    ['受益人数达1.5万', '>=', 1.5, '万', '达1.5万'],
    ['第七次全国人口普查数据录入完成率达100%', '=', 100, '%', '达100%'],
    ['5G基站覆盖率达到90%', '>=', 90, '%', '达到90%'],
  ] as const)('%s', (text, op, value, unit, quote) => {
    const [threshold, ...more] = findThresholds(text);
    expect(more).toEqual([]);
    expect(threshold).toMatchObject({ op, value, unit, text: quote });
    expect(text.slice(threshold.start, threshold.end)).toBe(quote);
  });

  it('reads a fraction as its share in percent, rounded to two decimals, the fraction quoted', () => {
    expect(findThresholds('验收合格路段不低于三分之二')).toMatchObject([{ op: '>=', value: 66.67, unit: '%', text: '不低于三分之二' }]);
    expect(found('贫困户覆盖面达到四分之三')).toEqual(one('>=', 75, '%'));
  });

  it.each([
    ['满意度90%-95%', '%', null, '90%-95%'],
    ['合格率90-95%', '%', null, '90-95%'],
    ['满意度保持在90%至95%之间', '%', null, '90%至95%之间'],
    ['入户走访率90%～95%', '%', null, '90%～95%'],
    ['每月巡查1-2次', '次', '每月', '每月巡查1-2次'],
    ['受益群众1万-2万人', '万人', null, '1万-2万人'],
  ] as const)('a range %s is a floor and a ceiling', (text, unit, period, quote) => {
    expect(findThresholds(text)).toMatchObject([
      { op: '>=', unit, period, text: quote },
      { op: '<=', unit, period, text: quote },
    ]);
    expect(findThresholds(text).map((t) => t.value)).toEqual(/次|万/.test(text) ? [1, 2] : [90, 95]);
  });

  it.each([
    ['a number in a name', '第七次人口普查'],
    ['a technology in a name', '5G基站覆盖率'],
    ['a formula in a name', '资金执行率=实际支出/预算*100%'],
    ['a formula with ÷ and ×', '完成率=（实际完成数÷计划数）×100%'],
    ['a weight', '权重 10'],
    ['a weight with 为', '该指标权重为10'],
    ['a weight in percent', '权重100%'],
    ['a score', '分值 5'],
    ['a full score', '满分100'],
    ['a range of years', '2021-2025年规划'],
    ['days of the month', '每月5-10日报送'],
  ])('%s is no target: %s', (_name, text) => {
    expect(findThresholds(text)).toEqual([]);
  });

  it('a target after a formula is still read', () => {
    expect(found('资金执行率=实际支出/预算*100%，不低于90%')).toEqual(one('>=', 90, '%'));
  });

  it('a period counts visits too: 人次 and 户次 are counts of events', () => {
    expect(found('全年培训不少于500人次')).toEqual(one('>=', 500, '人次', '全年'));
  });
});

describe('parseTableValue: shapes of real forms', () => {
  it.each([
    // operator, value and unit in separate cells: 指标性质 ＝ | 指标值 100 | 度量单位 %
    ['＝', '100', '%', '=', 100, '%', null],
    ['≥', '95', '%', '>=', 95, '%', null],
    ['≤', '15', '个工作日', '<=', 15, '个工作日', null],
    ['＞', '0', '家', '>', 0, '家', null],
    ['＜', '3', '%', '<', 3, '%', null],
    ['>=', '3000', '户次', '>=', 3000, '户次', null],
    ['<=', '20', '天', '<=', 20, '天', null],
    // a word before the operator
    [null, '全年≥3000户次', null, '>=', 3000, '户次', '全年'],
    [null, '每月≥2次', null, '>=', 2, '次', '每月'],
    [null, '合格率≥95%', null, '>=', 95, '%', null],
    // bare values
    [null, '150000册', null, '=', 150000, '册', null],
    [null, '3类', null, '=', 3, '类', null],
    [null, '100%支持', null, '=', 100, '%', null],
    [null, '提高10%', null, '=', 10, '%', null],
    // magnitudes and compound units
    [null, '≤5万', null, '<=', 5, '万', null],
    [null, '≥1.07亿元', null, '>=', 1.07, '亿元', null],
    [null, '≤560元/人/天', null, '<=', 560, '元/人/天', null],
    [null, '≤80元/人', null, '<=', 80, '元/人', null],
    [null, '3个月内', null, '<=', 3, '个月', null],
    // a direction in the symbol's place
    ['正向', '95', '%', '>=', 95, '%', null],
    ['反向指标', '5', '%', '<=', 5, '%', null],
  ] as const)('%s | %s | %s', (symbol, value, unit, op, number, expectedUnit, period) => {
    expect(parseTableValue(symbol, value, unit)).toMatchObject({ op, value: number, unit: expectedUnit, period });
  });

  it.each([['12月31日前'], ['2026年6月底前'], ['7月底前'], ['12月前完成'], ['2026年底前完成'], ['6.30前']])(
    'the deadline %s is qualitative, the date kept in the text',
    (cell) => {
      expect(parseTableValue(null, cell, null)).toEqual({ op: 'qualitative', value: null, unit: null, period: null, text: cell });
    },
  );

  it.each([['好'], ['较好'], ['有效提升'], ['达标'], ['有效促进'], ['及时'], ['明显高于去年']])('the word %s is qualitative', (cell) => {
    expect(parseTableValue(null, cell, null)).toMatchObject({ op: 'qualitative', value: null, unit: null, text: cell });
  });

  it('a template placeholder gives no value, and is recognisable as a placeholder', () => {
    expect(parseTableValue(null, '≥**%', null)).toMatchObject({ op: '>=', value: null, unit: '%' });
    expect(parseTableValue(null, '≤XX万元', null)).toMatchObject({ op: '<=', value: null, unit: '万元' });
    expect(isPlaceholder('≥**%')).toBe(true);
    expect(isPlaceholder('项目完成率(≥＊＊%)')).toBe(true);
    expect(isPlaceholder('≤XX万元')).toBe(true);
    expect(isPlaceholder('≥95%')).toBe(false);
    expect(isPlaceholder('XXL型号')).toBe(false);
  });

  it.each([['权重 10'], ['分值5'], ['满分：100']])('a weight %s where a value was expected is no threshold', (cell) => {
    expect(parseTableValue(null, cell, null)).toBeNull();
  });
});

describe('parseTableValues: two targets in one cell', () => {
  it('gives each target with its own part of the cell', () => {
    expect(parseTableValues(null, '≥95%；≤3天', null)).toEqual([
      { op: '>=', value: 95, unit: '%', period: null, text: '≥95%' },
      { op: '<=', value: 3, unit: '天', period: null, text: '≤3天' },
    ]);
    expect(parseTableValues(null, '≥90%，≤5个工作日', null).map((t) => [t.op, t.value, t.unit])).toEqual([
      ['>=', 90, '%'],
      ['<=', 5, '个工作日'],
    ]);
  });

  it('parseTableValue keeps the first', () => {
    expect(parseTableValue(null, '≥95%；≤3天', null)).toMatchObject({ op: '>=', value: 95, unit: '%', text: '≥95%' });
  });

  it('a sentence with parts that hold no figure stays one qualitative target', () => {
    expect(parseTableValues(null, '组织健全；工作落实', null)).toEqual([
      { op: 'qualitative', value: null, unit: null, period: null, text: '组织健全；工作落实' },
    ]);
  });

  it('one target gives one, nothing gives none', () => {
    expect(parseTableValues('=', '100', '%')).toHaveLength(1);
    expect(parseTableValues(null, null, null)).toEqual([]);
  });
});
