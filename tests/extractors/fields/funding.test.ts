import { describe, expect, it } from 'vitest';
import { extractFunding, sumWan } from '../../../extractors/fields/funding.js';
import { findStructure } from '../../../extractors/layout/structure.js';
import type { FundingItem } from '../../../src/model/extraction.js';
import { documentFromText } from '../../helpers/document.js';

/** The funding of the only project in a filing whose 资金安排情况 holds `lines`. */
async function fundingOf(lines: string[], title = '关于测试项目绩效目标指标的说明') {
  const document = await documentFromText([title, '（二）资金安排情况', ...lines, '二、绩效目标和指标设置情况'].join('\n'));
  const [project] = findStructure(document).projects;
  return { funding: extractFunding(project, document), document };
}

type Tree = [string, string | null, Tree[]?];
const tree = (items: FundingItem[]): Tree[] =>
  items.map((i) => (i.children.length ? [i.label, i.amount?.wan ?? null, tree(i.children)] : [i.label, i.amount?.wan ?? null]));

describe('funding breakdowns', () => {
  it('reads the total and a numbered list under 其中', async () => {
    const { funding, document } = await fundingOf([
      '2022年该项目主要安排一般公共预算资金共计50万元。其中：',
      '1、日常接访方面，安排6万元。',
      '2、敏感时期信访维稳值班，安排40万元。',
      '3、网上信访宣传，安排4万元。',
    ]);
    expect(funding.total?.wan).toBe('50');
    expect(funding.totalPhrase?.quote).toBe('2022年该项目主要安排一般公共预算资金共计50万元');
    expect(tree(funding.items)).toEqual([
      ['日常接访', '6'],
      ['敏感时期信访维稳值班', '40'],
      ['网上信访宣传', '4'],
    ]);
    const item = funding.items[0];
    expect(document.text.slice(item.amount!.source.start, item.amount!.source.end)).toBe('6万元');
    expect(item.source.quote).toBe('日常接访方面，安排6万元');
  });

  it('nests amounts in parentheses under their item', async () => {
    const { funding } = await fundingOf([
      '安排资金共计20万元。其中：',
      '1、供水、供电、供热方面，安排7万元（供水1万元、供电3万元、取暖3万元）；',
      '2、房屋租赁方面，安排13万元。',
    ]);
    expect(tree(funding.items)).toEqual([
      [
        '供水、供电、供热',
        '7',
        [
          ['供水', '1'],
          ['供电', '3'],
          ['取暖', '3'],
        ],
      ],
      ['房屋租赁', '13'],
    ]);
    expect(sumWan(funding.items)).toBe('20');
  });

  it('nests "28万元，其中A 8万元，B 20万元" and keeps an item without amount', async () => {
    const { funding } = await fundingOf([
      '2022年该项目主要安排一般公共预算资金共计243.08万元。其中：',
      '1.案件代理费90万元，以2020年案件数为基础；',
      '2.常年法律服务费28万元，其中北京中伦律师事务所8万元，河北骥腾律师事务所20万元；',
      '3、偿还河北骥腾律师事务所服务费44万元（2015年 6月-2020年 12月）',
      '4、其他欠款等',
    ]);
    expect(tree(funding.items)).toEqual([
      ['案件代理费', '90'],
      [
        '常年法律服务费',
        '28',
        [
          ['北京中伦律师事务所', '8'],
          ['河北骥腾律师事务所', '20'],
        ],
      ],
      ['偿还河北骥腾律师事务所服务费', '44'],
      ['其他欠款等', null],
    ]);
    expect(funding.total?.printed_decimals).toBe(2);
  });

  it('converts units in one place: 10000元 is 1万元, 1.5亿元, 3千元, 壹佰贰拾万元整', async () => {
    const { funding } = await fundingOf([
      '该项目安排资金共计1.50012亿元。其中：',
      '1、印刷宣传手册，安排10000元；',
      '2、设备购置，安排1.5亿元；',
      '3、办公用品，安排3千元；',
      '4、工程款，安排壹佰贰拾万元整。',
    ]);
    expect(tree(funding.items)).toEqual([
      ['印刷宣传手册', '1'],
      ['设备购置', '15000'],
      ['办公用品', '0.3'],
      ['工程款', '120'],
    ]);
    expect(funding.total?.wan).toBe('15001.2');
    expect(sumWan(funding.items)).toBe('15121.3');
  });

  it('does not take a standard for an item amount', async () => {
    const { funding } = await fundingOf([
      '2022年该项目主要安排一般公共预算资金共计33万元。其中：',
      '1、综治工作方面，安排8万元。当地人口人均不低于1元标准保障。',
    ]);
    expect(tree(funding.items)).toEqual([['综治工作', '8']]);
  });

  it('takes a bare 万 in a funding sentence as 万元', async () => {
    const { funding } = await fundingOf(['安排资金共计12万元。其中：', '1、院外费用及工作组差旅费，安排2万。', '2、护理费，安排10万元。']);
    expect(tree(funding.items)).toEqual([
      ['院外费用及工作组差旅费', '2'],
      ['护理费', '10'],
    ]);
  });

  it('splits an inline breakdown on "；"', async () => {
    const { funding } = await fundingOf(
      ['该项目预算资金120万元，其中：设备购置80万元；人员培训30万元；其他支出10万元。'],
      '项目一：智慧校园建设',
    );
    expect(funding.total?.wan).toBe('120');
    expect(tree(funding.items)).toEqual([
      ['设备购置', '80'],
      ['人员培训', '30'],
      ['其他支出', '10'],
    ]);
  });

  it('reads a breakdown in parentheses after the total', async () => {
    const { funding } = await fundingOf(
      ['资金安排：共17.01万元（补贴资金34000元；核实工作经费0.88万元；宣传费12.73万元）。'],
      '项目二：耕地地力保护补贴',
    );
    expect(funding.total?.wan).toBe('17.01');
    expect(tree(funding.items)).toEqual([
      ['补贴资金', '3.4'],
      ['核实工作经费', '0.88'],
      ['宣传费', '12.73'],
    ]);
  });

  it('flags approximate totals', async () => {
    const { funding } = await fundingOf(['该项目预计安排资金约50万元。']);
    expect(funding.total).toMatchObject({ wan: '50', approximate: true });
  });

  it('is not fooled by a printed page number next to a number', async () => {
    const document = await documentFromText(
      [
        '关于测试项目绩效目标指标的说明',
        '（二）资金安排情况',
        '2022年该项目安排资金共计50万元。其中：',
        '1、日常接访方面，安排6万元。12',
        '',
        '',
        '',
        '2、值班，安排413',
        '',
        '',
        '',
        '4万元。',
        '二、绩效目标',
      ].join('\n'),
    );
    const [project] = findStructure(document).projects;
    const funding = extractFunding(project, document);
    expect(tree(funding.items)).toEqual([
      ['日常接访', '6'],
      ['值班', '44'],
    ]);
  });

  it('drops 用于 before an item label, and reads a breakdown whose opening sentence was pasted twice', async () => {
    const { funding } = await fundingOf([
      '2018年该项目主要安排一般公共预算资金共计181000元。其中：',
      '2018年该项目主要安排一般公共预算资金共计181000元。其中：',
      '1.用于培训资料费3.1万元；',
      '2.主要用于学员食宿费15万元。',
    ]);
    expect(funding.total?.wan).toBe('18.1');
    expect(tree(funding.items)).toEqual([
      ['培训资料费', '3.1'],
      ['学员食宿费', '15'],
    ]);
  });

  it('keeps the parts of an item in brackets with it when the items are split on 、', async () => {
    const { funding } = await fundingOf([
      '2025年预算安排512万元，具体为：敬老院运转经费512万元（水电费152万元、取暖费259万元、伙食费101万元）。',
    ]);
    expect(tree(funding.items)).toEqual([
      [
        '敬老院运转经费',
        '512',
        [
          ['水电费', '152'],
          ['取暖费', '259'],
          ['伙食费', '101'],
        ],
      ],
    ]);
  });

  it('keeps 经费 or 资金 that name an item, and drops the wording around its amount', async () => {
    const { funding } = await fundingOf([
      '2022年该项目主要安排资金共计21万元。其中：',
      '（1）宣传教育活动经费，安排15万元；',
      '（2）日常接访方面，安排6万元。',
    ]);
    expect(tree(funding.items)).toEqual([
      ['宣传教育活动经费', '15'],
      ['日常接访', '6'],
    ]);
  });

  it('reads funding tables and form fields, in the unit their header gives', async () => {
    const document = await documentFromText(
      [
        '项目名称 | 家庭医生签约服务',
        '项目资金（元） | 年度资金总额 | 5,142,400.00',
        ' | 其中：当年财政拨款 | 4,000,000.00',
        ' | 上年结转资金 | 1,142,400.00',
        ' | 其他资金 | 0',
        '',
        '支出内容 | 金额（万元）',
        '随访交通补助 | 204.24',
        '团队培训费 | 310.00',
        '合计 | 514.24',
      ].join('\n'),
    );
    const [project] = findStructure(document).projects;
    const funding = extractFunding(project, document);
    expect(funding.formFields.map((f) => [f.field, f.role, f.amount.wan])).toEqual([
      ['年度资金总额', 'total', '514.24'],
      ['当年财政拨款', 'part', '400'],
      ['上年结转资金', 'part', '114.24'],
      ['其他资金', 'part', '0'],
    ]);
    expect(funding.total?.wan).toBe('514.24');
    expect(tree(funding.items)).toEqual([
      ['随访交通补助', '204.24'],
      ['团队培训费', '310'],
    ]);
  });

  it('reads the rows under 其中 in an expense table as parts of the row above', async () => {
    const document = await documentFromText(
      [
        '办公楼日常维护项目绩效目标表',
        '项目支出明细',
        '支出内容 | 金额（万元）',
        '物业费 | 35.00',
        '供水供电供热 | 34.00',
        '其中：供水 | 13.00',
        '其中：供电 | 12.00',
        '其中 取暖 | 9.00',
        '保安保洁工资 | 24.70',
        '合计 | 93.70',
      ].join('\n'),
    );
    const [project] = findStructure(document).projects;
    const funding = extractFunding(project, document);
    expect(tree(funding.items)).toEqual([
      ['物业费', '35'],
      [
        '供水供电供热',
        '34',
        [
          ['供水', '13'],
          ['供电', '12'],
          ['取暖', '9'],
        ],
      ],
      ['保安保洁工资', '24.7'],
    ]);
    expect(funding.items[1].children[0].source.quote).toContain('供水');
    expect(funding.total?.wan).toBe('93.7');
  });
});
