import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from '../../../src/model/decimal.js';
import { findAmounts, toWan, type MoneyMatch } from '../../../extractors/text/money.js';

const only = (text: string): MoneyMatch => {
  const amounts = findAmounts(text);
  expect(amounts, JSON.stringify(amounts.map((a) => a.text))).toHaveLength(1);
  return amounts[0];
};

describe('toWan', () => {
  it.each([
    ['10000', '元', '1'],
    ['10308000', '元', '1030.8'],
    ['3', '千元', '0.3'],
    ['243.08', '万元', '243.08'],
    ['1.5', '亿元', '15000'],
    ['0', '元', '0'],
    ['-12.5', '元', '-0.00125'],
  ] as const)('%s %s → %s 万元', (value, unit, wan) => {
    expect(toWan(value, unit)).toBe(wan);
  });
});

describe('findAmounts: forms', () => {
  it.each([
    ['安排一般公共预算资金共计50万元', '50万元', '50', '万元', '50'],
    ['共计243.08万元', '243.08万元', '243.08', '万元', '243.08'],
    ['车辆租赁费12.28万元', '12.28万元', '12.28', '万元', '12.28'],
    ['印刷宣传手册，安排10000元', '10000元', '10000', '元', '1'],
    ['项目资金10,308,000元', '10,308,000元', '10308000', '元', '1030.8'],
    ['总投资1.5亿元', '1.5亿元', '1.5', '亿元', '15000'],
    ['补助3千元', '3千元', '3', '千元', '0.3'],
    ['壹佰贰拾万元整', '壹佰贰拾万元整', '120', '万元', '120'],
    ['贰拾万零伍佰元', '贰拾万零伍佰元', '200500', '元', '20.05'],
    ['人民币100万元', '人民币100万元', '100', '万元', '100'],
    ['￥1,200.00', '￥1,200.00', '1200', '元', '0.12'],
    ['¥300', '¥300', '300', '元', '0.03'],
    ['8亿元人民币', '8亿元人民币', '8', '亿元', '80000'],
    ['4人民币', '4人民币', '4', '元', '0.0004'],
    ['一千万元', '一千万元', '1000', '万元', '1000'],
    ['一亿二千万元', '一亿二千万元', '12000', '万元', '12000'],
    ['4.78万亿元', '4.78万亿元', '47800', '亿元', '478000000'],
    ['我有一千元', '一千元', '1000', '元', '0.1'],
    ['肆佰叁拾萬圆整', '肆佰叁拾萬圆整', '430', '万元', '430'],
    ['九千块钱', '九千块钱', '9000', '元', '0.9'],
    ['１２３万元', '１２３万元', '123', '万元', '123'],
    ['预算增加27.45万\n元', '27.45万\n元', '27.45', '万元', '27.45'],
    ['公务用车购置费0\n万元', '0\n万元', '0', '万元', '0'],
    ['年度资金申请总额 226,145,100.00 元', '226,145,100.00 元', '226145100', '元', '22614.51'],
    // as 评价标准 prose writes them: separators, bare digits, Chinese numerals
    ['项目总投资 1,250,000 元', '1,250,000 元', '1250000', '元', '125'],
    ['年度预算 4500000 元', '4500000 元', '4500000', '元', '450'],
    ['安排专项资金三百六十万元', '三百六十万元', '360', '万元', '360'],
  ] as const)('%s', (text, span, value, unit, wan) => {
    expect(only(text)).toMatchObject({ text: span, value, unit, wan, approximate: false, standard: false });
  });

  it('reads 角 and 分', () => {
    expect(only('123元1角1分')).toMatchObject({ value: '123.11', unit: '元', printedDecimals: 2, fen: 12311n });
    expect(only('六十四万零一百四十三元一角七分')).toMatchObject({ value: '640143.17', unit: '元' });
    expect(only('十块三毛')).toMatchObject({ value: '10.3', unit: '元', printedDecimals: 1 });
    expect(only('人民币壹万贰仟元伍角整')).toMatchObject({ text: '人民币壹万贰仟元伍角整', value: '12000.5' });
  });

  it('keeps the printed decimals and the value in 分', () => {
    expect(only('￥1,200.00')).toMatchObject({ printedDecimals: 2, fen: 120000n });
    expect(only('243.08万元')).toMatchObject({ printedDecimals: 2, fen: 243080000n });
    expect(only('434.344元').fen).toBeUndefined();
  });

  it('returns amounts in order with their spans', () => {
    const text = '安排7万元（供水1万元、供电3万元、取暖3万元）';
    expect(findAmounts(text).map((a) => [a.start, a.end, a.wan])).toEqual([
      [2, 5, '7'],
      [8, 11, '1'],
      [14, 17, '3'],
      [20, 23, '3'],
    ]);
  });
});

describe('findAmounts: bare 万', () => {
  it('counts 安排2万 in a funding sentence', () => {
    expect(only('4、院外费用及工作组差旅费，安排2万。')).toMatchObject({ text: '2万', unit: '万元', wan: '2' });
    expect(findAmounts('常年法律服务费28万元，其中北京中伦律师事务所8万').map((a) => a.wan)).toEqual(['28', '8']);
  });

  it('does not count people or a sentence without money', () => {
    expect(findAmounts('安排经费覆盖2万人')).toEqual([]);
    expect(findAmounts('辖区人口5万')).toEqual([]);
    expect(findAmounts('江苏彩民中大乐透1600万 奖池36.57亿')).toEqual([]);
  });

  it('can be switched off', () => {
    expect(findAmounts('安排2万', { bareWan: false })).toEqual([]);
  });
});

describe('findAmounts: approximate amounts', () => {
  it.each([
    ['约50万元', '约50万元'],
    ['大约50万元', '大约50万元'],
    ['近700万元', '近700万元'],
    ['约合人民币50万元', '约合人民币50万元'],
    ['50万元左右', '50万元左右'],
    ['30万元上下', '30万元上下'],
    ['50余万元', '50余万元'],
    ['50多万元', '50多万元'],
    ['10万余元', '10万余元'],
    ['1000余元', '1000余元'],
    ['十几万元', '十几万元'],
  ])('%s', (text, span) => {
    expect(only(text)).toMatchObject({ text: span, approximate: true });
  });

  it('is not fooled by 最近 / 附近', () => {
    expect(only('最近3年投入50万元')).toMatchObject({ text: '50万元', approximate: false });
  });
});

describe('findAmounts: ranges', () => {
  it.each([
    ['50-60万元', '50', '60', '万元'],
    ['50万至60万元', '50', '60', '万元'],
    ['50～60万元', '50', '60', '万元'],
    ['1万元--5万元', '1', '5', '万元'],
    ['1万(含)-5万元', '1', '5', '万元'],
    ['1万（含）-5万元', '1', '5', '万元'],
    ['5000元至2万元', '0.5', '2', '万元'],
    ['3千至5千元', '3', '5', '千元'],
    ['10~15k元', '10', '15', '千元'],
    ['一百二十到一百五十万元', '120', '150', '万元'],
    ['一千到两千万元', '1000', '2000', '万元'],
    ['七千到九千亿元', '7000', '9000', '亿元'],
  ] as const)('%s is one approximate match from %s to %s %s', (text, low, high, unit) => {
    const amount = only(text);
    expect(amount).toMatchObject({ text, value: low, unit, approximate: true, range: { high } });
    expect(amount.wan).toBe(toWan(low, unit));
    expect(amount.range?.highWan).toBe(toWan(high, unit));
  });

  it('does not pair a larger figure with a smaller one', () => {
    expect(findAmounts('80元-5元').map((a) => [a.text, a.range])).toEqual([
      ['80元', undefined],
      ['5元', undefined],
    ]);
  });
});

describe('findAmounts: standards are flagged, not dropped', () => {
  it.each([
    ['当地人口人均不低于1元标准保障', '1元'],
    ['每人每年补助10元', '10元'],
    ['按每人300元的标准发放', '300元'],
    ['补助标准为200元/人', '200元'],
    ['单价100万元（含）以上设备', '100万元'],
    ['按10元/平方米计算', '10元'],
  ])('%s', (text, span) => {
    expect(only(text)).toMatchObject({ text: span, standard: true });
  });

  it('does not take a 每月 of the item name, or a yearly budget, for a standard', () => {
    expect(only('王跃强每月的住院费方面，安排90万元').standard).toBe(false);
    expect(only('每年安排经费50万元').standard).toBe(false);
  });
});

describe('findAmounts: not amounts', () => {
  it.each([
    '完成率90%',
    '2022年安排',
    '〔2021〕101号',
    '5美元',
    '1200亿美元',
    '1.95港元',
    '东芝重组另需1万亿日元',
    '4欧元',
    '3元素',
    '五角大楼',
    '展板10块',
    '共58条',
    '数百万元',
  ])('%s', (text) => {
    expect(findAmounts(text)).toEqual([]);
  });

  it('keeps the amount of 服务费44万元（2015年 6月-2020年 12月） and ignores the period', () => {
    expect(findAmounts('偿还河北骥腾律师事务所服务费44万元（2015年 6月-2020年 12月）').map((a) => a.text)).toEqual(['44万元']);
  });

  it('does not read yuan after a foreign figure: 4人民币 5美元', () => {
    expect(findAmounts('4人民币 5美元').map((a) => a.text)).toEqual(['4人民币']);
  });
});

describe('findAmounts on the sample filing', () => {
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
  const amounts = findAmounts(sample);

  it('finds the itemised funding of 信访经费 and it adds up', () => {
    const start = sample.indexOf('资金共计50万元');
    const items = amounts.filter((a) => a.start > start).slice(0, 4);
    expect(items.map((a) => a.wan)).toEqual(['50', '6', '40', '4']);
    const parts = items.slice(1).reduce((sum, a) => sum.add(Decimal.parse(a.wan)), Decimal.ZERO);
    expect(parts.equals(Decimal.parse(items[0].wan))).toBe(true);
  });

  it('flags the 1元 standard and only it', () => {
    expect(amounts.filter((a) => a.standard).map((a) => a.text)).toEqual(['1元']);
  });

  it('finds nothing approximate and every amount in 元 or 万元', () => {
    expect(amounts.filter((a) => a.approximate)).toEqual([]);
    expect(new Set(amounts.map((a) => a.unit))).toEqual(new Set(['元', '万元']));
  });
});
