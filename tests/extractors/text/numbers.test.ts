import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findFractions,
  findNumbers,
  foldWidth,
  NOT_A_NUMBER,
  parseChineseNumeral,
  parseNumberToken,
} from '../../../extractors/text/numbers.js';

/** [text, value] of every number found. */
const found = (text: string): [string, string][] => findNumbers(text).map((n) => [n.text, n.value]);
const percents = (text: string): [string, string][] =>
  findNumbers(text)
    .filter((n) => n.isPercent)
    .map((n) => [n.text, n.value]);

describe('parseChineseNumeral', () => {
  it.each([
    ['一百二十', '120'],
    ['二十万零五百', '200500'],
    ['一千二百三十四点五', '1234.5'],
    ['两', '2'],
    ['〇', '0'],
    ['零', '0'],
    ['壹佰贰拾万', '1200000'],
    ['贰拾万零伍佰', '200500'],
    ['十', '10'],
    ['十五', '15'],
    ['一亿二千万', '120000000'],
    ['两千四百五', '2450'],
    ['一千零一', '1001'],
    ['一万三', '13000'],
    ['九万零四百', '90400'],
    ['四万万', '400000000'],
    ['一万五千亿', '1500000000000'],
    ['五亿零六', '500000006'],
    ['一百零十万', '1100000'],
    ['拾万零五十六', '100056'],
    ['四百亿点零五零', '40000000000.05'],
    ['负三十二', '-32'],
    ['一点五亿', '150000000'],
    ['四十九兆九千五百九十二亿', '49959200000000'],
    ['肆佰陸拾', '460'],
    ['倆千两百贰拾二', '2222'],
    ['十 余 万', '100000'],
    ['二十几万', '200000'],
    ['千三', '1300'],
    ['百三', '130'],
  ])('%s → %s', (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  it.each(['', '十四五', '二三十', '五十千', '万', '一二', '1.5亿', '一百元', '两百点两'])('rejects %j', (numeral) => {
    expect(parseChineseNumeral(numeral)).toBeNull();
  });
});

describe('parseNumberToken', () => {
  it.each([
    ['1.5亿', '150000000'],
    ['3千', '3000'],
    ['1,250,000.00', '1250000'],
    ['１２３', '123'],
    ['2万', '20000'],
    ['４，５６５', '4565'],
    ['5万4千6百', '54600'],
    ['3万4000', '34000'],
    ['1千零20', '1020'],
    ['1,100.9亿', '110090000000'],
    ['4.78万亿', '4780000000000'],
    ['40k', '40000'],
    ['2e5', '200000'],
    ['-1.5', '-1.5'],
    ['.5', '0.5'],
    ['7 万5 千4 百', '75400'],
    ['二十', '20'],
  ])('%s → %s', (token, value) => {
    expect(parseNumberToken(token)).toBe(value);
  });

  it.each(['', 'abc', '1, 234', '12.4万元', '90%'])('rejects %j', (token) => {
    expect(parseNumberToken(token)).toBeNull();
  });
});

describe('foldWidth', () => {
  it('folds full-width digits and punctuation without changing the length', () => {
    const text = '１２３，４５６．７８％　～';
    expect(foldWidth(text)).toBe('123,456.78% ~');
    expect(foldWidth(text)).toHaveLength(text.length);
  });
});

describe('findNumbers: plain numbers', () => {
  it('reports offsets into the original text, end exclusive', () => {
    const [match] = findNumbers('共计１２３万元');
    expect(match).toMatchObject({ start: 2, end: 6, text: '１２３万', value: '1230000', kind: 'mixed', isPercent: false });
  });

  it.each([
    ['公开信息共58条', [['58', '58']]],
    ['至少4次', [['4', '4']]],
    ['全年不少于12次', [['12', '12']]],
    ['每月一次', [['一', '1']]],
    ['每季度至少一次', [['一', '1']]],
    ['按照四个原则', [['四', '4']]],
    [
      '聘请常年法律顾问4家（3家参与双随机，1家参加）',
      [
        ['4', '4'],
        ['3', '3'],
        ['1', '1'],
      ],
    ],
    ['辖区人口数至少为2000人', [['2000', '2000']]],
    [
      '道路全长约985米，规划红线宽度为52.5米',
      [
        ['985', '985'],
        ['52.5', '52.5'],
      ],
    ],
    ['合同工期490天', [['490', '490']]],
    ['年度资金申请总额 226,145,100.00', [['226,145,100.00', '226145100']]],
    [
      '下属一家机关和一家行政执法机构',
      [
        ['一', '1'],
        ['一', '1'],
      ],
    ],
    [
      '二百三十三，五百七十七，一千六点五。',
      [
        ['二百三十三', '233'],
        ['五百七十七', '577'],
        ['一千六点五', '1600.5'],
      ],
    ],
    [
      '1, 234, 567',
      [
        ['1', '1'],
        ['234', '234'],
        ['567', '567'],
      ],
    ],
    [
      '“一”和“五”',
      [
        ['一', '1'],
        ['五', '5'],
      ],
    ],
    ['五百 余万', [['五百 余万', '5000000']]],
    ['1000  万', [['1000  万', '10000000']]],
    [
      '一千零十二章和一千八百零三章',
      [
        ['一千零十二', '1012'],
        ['一千八百零三', '1803'],
      ],
    ],
    [
      '袜子五双九点九',
      [
        ['五', '5'],
        ['九点九', '9.9'],
      ],
    ],
    [
      '负10000与-1.1',
      [
        ['负10000', '-10000'],
        ['-1.1', '-1.1'],
      ],
    ],
    ['近三年', [['三', '3']]],
    ['二十分钟', [['二十', '20']]],
    [
      '共有208名干部，服务210余人',
      [
        ['208', '208'],
        ['210', '210'],
      ],
    ],
    [
      '道路长3千米，建设220千伏变电站',
      [
        ['3', '3'],
        ['220', '220'],
      ],
    ],
    ['装机5万千瓦', [['5万', '50000']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('marks vague figures as approximate', () => {
    expect(findNumbers('十几万')[0]).toMatchObject({ value: '100000', approximate: true });
    expect(findNumbers('500余万')[0]).toMatchObject({ value: '5000000', approximate: true });
    expect(findNumbers('一千多万')[0]).toMatchObject({ value: '10000000', approximate: true });
    expect(findNumbers('四百多')[0]).toMatchObject({ text: '四百', approximate: false });
  });

  it('counts printed decimals', () => {
    expect(findNumbers('243.08')[0].printedDecimals).toBe(2);
    expect(findNumbers('1,200.00')[0].printedDecimals).toBe(2);
    expect(findNumbers('一点五亿')[0].printedDecimals).toBe(1);
    expect(findNumbers('58')[0].printedDecimals).toBe(0);
  });

  it('tells the kinds apart', () => {
    const kinds = (text: string) => findNumbers(text).map((n) => n.kind);
    expect(kinds('58')).toEqual(['arabic']);
    expect(kinds('一百二十')).toEqual(['chinese']);
    expect(kinds('壹佰贰拾')).toEqual(['financial']);
    expect(kinds('1.5亿')).toEqual(['mixed']);
    expect(kinds('90%')).toEqual(['percent']);
  });

  it('joins a figure to 万 across a PDF line break', () => {
    expect(found('政府采购服务预算518.18\n万元')).toEqual([['518.18\n万', '5181800']]);
  });

  it('keeps two table cells apart', () => {
    expect(found('50万 30万')).toEqual([
      ['50万', '500000'],
      ['30万', '300000'],
    ]);
    expect(found('7万 5千 4百')).toEqual([['7万 5千 4百', '75400']]);
  });
});

describe('findNumbers: percentages', () => {
  it.each([
    ['至少达90%', '90%', '90'],
    ['达到90.5％以上', '90.5％', '90.5'],
    ['满意度≥90.00(%)', '90.00(%)', '90'],
    ['项目验收达标率=100%', '100%', '100'],
    ['百分之九十五', '百分之九十五', '95'],
    ['合格达到百分之百', '百分之百', '100'],
    ['百分百完成', '百分百', '100'],
    ['百分之一百二十点五', '百分之一百二十点五', '120.5'],
    ['百分之零点五', '百分之零点五', '0.5'],
    ['百分之2.4', '百分之2.4', '2.4'],
    ['误差不超过千分之三', '千分之三', '0.3'],
    ['万分之五', '万分之五', '0.05'],
    ['3.5‰', '3.5‰', '0.35'],
    ['减少2个百分点', '2个百分点', '2'],
    ['增长-5%', '-5%', '-5'],
    ['负3.9%', '负3.9%', '-3.9'],
    ['九成', '九成', '90'],
    ['九成以上的群众满意', '九成', '90'],
    ['两成', '两成', '20'],
    ['9.5成', '9.5成', '95'],
    ['三成半', '三成半', '35'],
    // 五成五 reads as 55%, like 七成六 = 76%.
    ['五成五', '五成五', '55'],
    ['打八折', '八折', '80'],
    ['七五折', '七五折', '75'],
    ['9.9折', '9.9折', '99'],
  ])('%s → %s = %s%%', (text, span, value) => {
    expect(percents(text)).toEqual([[span, value]]);
  });

  it('reads a percentage after a label: 满意度目标90%', () => {
    expect(percents('满意度目标90%以上')).toEqual([['90%', '90']]);
  });

  it.each(['三成员单位', '一成不变', '半成品', '折合人民币', '设备折旧3年', '十折', '百分比', '百分点', '百分之二三十'])(
    '%s has no percentage',
    (text) => {
      expect(percents(text)).toEqual([]);
    },
  );

  it('reads both ends of a percentage range, and only the percent end of 5-20%', () => {
    expect(found('80%-90%')).toEqual([
      ['80%', '80'],
      ['90%', '90'],
    ]);
    expect(findNumbers('5-20%').map((n) => [n.value, n.isPercent])).toEqual([
      ['5', false],
      ['20', true],
    ]);
  });
});

describe('findNumbers: what is not a number', () => {
  it.each([
    // dates and periods
    '做好“12.4”法宣日的宣传工作',
    '根据国安规定的重要宣传日：4.15、12.4等日期全部完成',
    '12.4国家宪法日',
    '3.15消费者权益日',
    '2022年6月',
    '2015年 6月-2020年 12月',
    '2022-01-05',
    '2026/1/1至2027/12/31',
    '2022.01.05',
    '12月31日',
    '每月15日前',
    '10月正式开工',
    '十二月',
    '一季度完成',
    '第3季度',
    '9:30',
    '8点30分',
    // years
    '2022年',
    '2021年度',
    '2021-2025年',
    '（2024-2026）',
    '二〇二二年',
    // document numbers and numbered items
    '〔2021〕101号',
    '[2021]5号',
    '冀财预〔2022〕3号',
    '3号楼',
    // phone numbers, identifiers, codes
    '电话0314-2051234',
    '(0314)2051234',
    '手机13912345678',
    '400-123-4567',
    '账号6222021234567890123',
    'A202107211321363588510367',
    'commit 5888e194d7bc0120',
    'PM2.5浓度',
    '5G基站',
    'GB/T 50300-2013',
    '版本3.1.2',
    '编码 06 01',
    '2080501行政单位离退休',
    '208社会保障和就业支出',
    'https://x.cn/?q=30%25',
    // list markers and ordinals
    '1、日常接访',
    '其中：1、日常接访',
    '2. 其他',
    '（一）严格审核',
    '(十五)法制工作',
    '一、总体绩效目标',
    '一是按照条例要求',
    '第一部分',
    '第3条',
    '目标一对应指标',
    '指标1完成思想政治工作',
    '附件2',
    '一年级',
    '- 3 -',
    // numeral characters inside words
    '一系列方针',
    '统一对接',
    '一般公共预算',
    '万一发生',
    '千万不要',
    '进一步加强',
    '同一天',
    '一次性补助',
    '十分重要',
    '十四五规划',
    '“七五”普法',
    '三公经费',
    '两学一做',
    '一户一档',
    '二次供水',
    '四川',
    '入伍',
    '收拾房间',
    '上千万',
    // fractions and ratios
    '三分之一以上',
    '1/2的努力',
    '1:1配套',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('keeps a count with a label: 产出指标1项', () => {
    expect(found('设置产出指标1项')).toEqual([['1', '1']]);
  });

  it('keeps a count in 卷 or 箱 that looks like a budget subject code', () => {
    expect(found('整理历史档案不少于20200卷')).toEqual([['20200', '20200']]);
    expect(found('发放宣传品230箱')).toEqual([['230', '230']]);
    expect(found('2080501行政单位离退休')).toEqual([]);
  });

  it('keeps amounts that look like a month.day', () => {
    expect(found('12.4万元')).toEqual([['12.4万', '124000']]);
    expect(found('12.4公里')).toEqual([['12.4', '12.4']]);
  });

  it('keeps the amount but not the period: 服务费44万元（2015年 6月-2020年 12月）', () => {
    expect(found('偿还服务费44万元（2015年 6月-2020年 12月）')).toEqual([['44万', '440000']]);
  });

  // 两镇一社区 names a coverage area; 镇 and 社区 are not measure words, so neither numeral counts.
  it('reads no count in 两镇一社区', () => {
    expect(found('以两镇一社区为总范围')).toEqual([]);
  });

  it('names every rule with an example', () => {
    for (const rule of NOT_A_NUMBER) {
      expect(rule.name).not.toBe('');
      expect(rule.example).not.toBe('');
    }
  });
});

describe('findFractions', () => {
  it.each([
    ['竣工验收合格路段不低于三分之二', '三分之二', '2', '3', '66.67', false],
    ['覆盖率达到四分之三', '四分之三', '3', '4', '75', true],
    ['五分之一的村完成改造', '五分之一', '1', '5', '20', true],
    ['十分之七以上的学校', '十分之七', '7', '10', '70', true],
    ['六分之一', '六分之一', '1', '6', '16.67', false],
    ['一百分之二', '一百分之二', '2', '100', '2', true],
  ] as const)('%s', (text, span, numerator, denominator, percent, exact) => {
    expect(findFractions(text)).toEqual([
      { start: text.indexOf(span), end: text.indexOf(span) + span.length, text: span, numerator, denominator, percent, exact },
    ]);
  });

  it.each([
    ['percentages, which findNumbers reads', '满意度达到百分之九十五，千分之三，万分之五'],
    ['no fraction at all', '十分重要，三分钟，二分之'],
  ])('%s', (_name, text) => {
    expect(findFractions(text)).toEqual([]);
  });

  it('leaves fractions out of findNumbers all the same', () => {
    expect(findNumbers('不低于三分之二')).toEqual([]);
  });
});

describe('findNumbers on the sample filing', () => {
  const samplePath = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    '..',
    'fixtures',
    'seed',
    '000_96c11c9fa2daaa8c.txt',
  );
  const sample = readFileSync(samplePath, 'utf8');
  const numbers = findNumbers(sample);

  // Printed page numbers glued into this raw text (成效。5) are the normaliser's to cut.
  it('finds no year or date', () => {
    const values = new Set(numbers.map((n) => n.value));
    for (const notANumber of ['2022', '2021', '2020', '2015', '12.4', '4.15']) {
      expect(values.has(notANumber), notANumber).toBe(false);
    }
  });

  it('finds the thresholds and counts of the prose', () => {
    const inContext = (before: string, text: string, after: string) =>
      numbers.some((n) => n.text === text && sample.slice(n.start - before.length, n.end + after.length) === before + text + after);
    expect(inContext('解决率至少达', '90%', '，')).toBe(true);
    expect(inContext('排查至少', '4', '次')).toBe(true);
    expect(inContext('合格达到', '百分之百', '，')).toBe(true);
    expect(inContext('每月维修维护', '一', '次')).toBe(true);
  });
});
