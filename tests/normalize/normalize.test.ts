import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/model/document.js';
import { normalize } from '../../src/normalize/normalize.js';
import { splitLines, type SourceItem } from '../../src/parsers/source-items.js';

function normalizeText(text: string): DocumentModel {
  return normalize({ format: 'txt', items: splitLines(text), sourceText: text, sourceBlocks: null, physicalPageCount: null, messages: [] });
}

/** PDF-like input: each string is a page's text, page numbers are physical. */
function normalizePages(pages: string[]): DocumentModel {
  const items: SourceItem[] = [];
  let offset = 0;
  pages.forEach((page, i) => {
    items.push(...splitLines(page, offset, i + 1));
    offset += page.length + 1;
  });
  return normalize({
    format: 'pdf',
    items,
    sourceText: pages.join('\f'),
    sourceBlocks: null,
    physicalPageCount: pages.length,
    messages: [],
  });
}

const texts = (document: DocumentModel) => document.blocks.map((b) => (b.type === 'table' ? '<table>' : b.text));
const blank = '\n\n\n\n';

describe('printed page numbers', () => {
  it('removes numbers glued to the end of a page and rejoins the split word', () => {
    const doc = normalizeText(
      `第一段文字很长很长，结束。15${blank}第二段按照要求做好宣传，达到应有的宣传覆16${blank}盖效果；完成率至少90%。`,
    );
    expect(texts(doc)).toEqual(['第一段文字很长很长，结束。', '第二段按照要求做好宣传，达到应有的宣传覆盖效果；完成率至少90%。']);
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([15, 16]);
  });

  it('never lets a page number join a following number', () => {
    const doc = normalizeText(`甲乙丙，完成工作。26${blank}我区再犯罪率不得超过27${blank}10%，才能完成市局指标。`);
    expect(doc.text).toContain('不得超过10%');
    expect(doc.text).not.toContain('2710');
  });

  it.each([
    ['a bare number', ['3', '4']],
    ['dashes', ['- 3 -', '- 4 -']],
    ['em dashes', ['— 3 —', '— 4 —']],
    ['第N页', ['第3页', '第4页']],
    ['第N页 共M页', ['第 3 页 共 9 页', '第 4 页 共 9 页']],
    ['pdf-parse joiner', ['-- 3 of 9 --', '-- 4 of 9 --']],
    ['N/M', ['3/9', '4/9']],
  ])('removes standalone page markers: %s', (_name, [first, second]) => {
    const doc = normalizeText(`第一页的正文，说明项目情况，\n${first}\n继续正文内容。\n第二页正文。\n${second}\n最后一页。`);
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([3, 4]);
    expect(texts(doc)).toEqual(['第一页的正文，说明项目情况，继续正文内容。', '第二页正文。', '最后一页。']);
  });

  it('removes a number split over three lines as "(", "36", ")"', () => {
    const doc = normalizeText(`正文一。\n35\n正文二，\n (\n36\n)\n继续。`);
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([35, 36]);
    expect(texts(doc)).toEqual(['正文一。', '正文二，继续。']);
  });

  it('keeps amounts that hard wrapping split at a line end, even when two of them look like pages in sequence', () => {
    const doc = normalizeText(
      '资金12.43万元，其中：测量标志维护费3万元；数据更新费8\n.33万元；航空摄影费1.1万元；其他支\n出等。资金113万元，其中：耕地保护补偿18万元；执法监察经费29\n万元；卫片图斑核查费33万元。',
    );
    expect(doc.printedPageNumbers).toEqual([]);
    expect(doc.text).toContain('数据更新费8\n.33万元');
    expect(doc.text).toContain('执法监察经费29\n万元');
  });

  it('does not cut a number that the next line goes on with, its unit or its digits, inside a page', () => {
    const doc = normalizeText(
      `正文一结束。1${blank}正文二结束。2${blank}资金安排：共516.56万元（评价报告印制费43万元；第三方评价服务费193\n万元；专家评审费96.56万元）。`,
    );
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.text).toContain('第三方评价服务费193\n万元');
  });

  it('still takes three numbers glued to line ends in sequence as pages, blank lines or not', () => {
    const doc = normalizeText('第一页的正文内容在这里结束1\n第二页的正文内容在这里结束2\n第三页的正文内容在这里结束3\n第四页。');
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('cuts a page number glued to an amount of two decimals at a page end, and keeps such amounts elsewhere', () => {
    const doc = normalizeText(
      `正文一结束。1${blank}项目资金（元） | 年度资金总额 | 192,200.002${blank} | 其中：财政拨款 | 192,200.00\n正文二结束。3${blank}名称 | 单价\n设备 | 12.3456\n正文四。`,
    );
    expect(doc.printedPageNumbers.map((p) => [p.number, p.raw])).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '3'],
    ]);
    const cells = doc.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat().map((c) => c.text) : []));
    expect(cells).toContain('192,200.00');
    expect(cells).not.toContain('192,200.002');
    expect(cells).toContain('12.3456');
  });

  it('cuts a page number glued to a percentage or a unit cell at a page end, or to a header cell ending in 号', () => {
    const doc = normalizeText(`正文一结束。1${blank}指标值\n＞80%2${blank}单位\n%3${blank}符号4${blank}正文五。5${blank}正文六。`);
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.text).toContain('＞80%');
    expect(doc.text).not.toMatch(/%2|%3|符号4/);
  });

  it('cuts a page number glued after a colon at a page end, and a lone 1 ending the first page', () => {
    const colon = normalizeText(
      `共设定2项年度目标：1${blank}（1）印制发放政策宣传资料；\n（2）开展政策宣传进社区活动。2${blank}正文三。3${blank}正文四。`,
    );
    expect(colon.printedPageNumbers.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(texts(colon)[0]).toBe('共设定2项年度目标：');
    const lone = normalizeText(`项目一：公路养护\n正文一。\n项目二：城乡公交运营补贴1${blank}实施单位：运输管理所。`);
    expect(lone.printedPageNumbers.map((p) => p.number)).toEqual([1]);
    expect(texts(lone)).toEqual(['项目一：公路养护', '正文一。', '项目二：城乡公交运营补贴', '实施单位：运输管理所。']);
    const content = normalizeText(`正文一。\n附件2${blank}正文二。`);
    expect(content.printedPageNumbers).toEqual([]);
  });

  it('takes no value of a table flattened one cell per line for a page number, and cuts one in the empty last cell of a row', () => {
    const cells = normalizeText(`正文一。1${blank}产出指标\n培训人次\n≥\n90\n人次\n合格率\n大于等于\n92\n%\n满意度\n≥\n95\n%\n正文二。`);
    expect(cells.printedPageNumbers.map((p) => p.number)).toEqual([1]);
    expect(texts(cells)).toEqual(expect.arrayContaining(['90', '92', '95']));
    const rows = normalizeText(
      `正文一。1${blank}一级指标 | 三级指标 | 符号 | 值 | 单位\n产出指标 | 问题整改及时性 | 定性 | 及时 | 2${blank}效益指标 | 群众满意度 | ≥ | 90 | %\n正文三。3${blank}正文四。`,
    );
    expect(rows.printedPageNumbers.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('cuts a page number glued to a comparison cell whose value opens the next page', () => {
    const doc = normalizeText(`正文一。1${blank}质量指标\n宣传覆盖率\n≥2${blank}90\n%\n正文三。3${blank}正文四。`);
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([1, 2, 3]);
    // outside a table the two lines run on across the page break, without the page number between them
    expect(texts(doc)).toContain('≥90');
  });

  it('keeps digits after 号 or 年 inside a page', () => {
    const doc = normalizeText(`正文一结束。1${blank}文件编号12\n正文二，截至2022年12\n月底完成。2${blank}正文三。3${blank}正文四。`);
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(doc.text).toContain('文件编号12');
  });

  it('keeps numbers that are content: a table value, a lone count', () => {
    const doc = normalizeText(`正文一。5${blank}符号\n=\n100\n%\n正文二。6${blank}正文三。`);
    expect(texts(doc)).toContain('100');
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([5, 6]);
    const single = normalizeText('项目数量\n3\n说明文字。');
    expect(texts(single)).toContain('3');
    expect(single.printedPageNumbers).toEqual([]);
  });

  it('finds page numbers on the first or last line of PDF pages only', () => {
    const doc = normalizePages(['标题\n表格值\n100\n正文结束。\n1', '正文二，\n继续。\n2', '2\n正文三。']);
    expect(doc.printedPageNumbers.map((p) => [p.number, p.physicalPage])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(texts(doc)).toContain('100');
    expect(doc.pageCount).toBe(3);
  });
});

describe('pipe tables across a page break', () => {
  const rowsOf = (document: DocumentModel) =>
    document.blocks.flatMap((b) => (b.type === 'table' ? [b.rows.map((row) => row.map((cell) => cell.text).join(' | '))] : []));
  const form = (gap: string) =>
    `正文开头一段。\n项目名称 | 危桥改造\n主管部门 | 交通运输局 | 实施单位 | 养护中心${gap}项目资金（万元） | 年度资金总额 | 147.00\n | 其中：财政拨款 | 147.00\n下一段正文。3${blank}正文四。`;

  it('keeps one table when the page number is glued to the last row of the page', () => {
    const doc = normalizeText(form(`1${blank}`));
    expect(rowsOf(doc)).toEqual([
      [
        '项目名称 | 危桥改造',
        '主管部门 | 交通运输局 | 实施单位 | 养护中心',
        '项目资金（万元） | 年度资金总额 | 147.00',
        ' | 其中：财政拨款 | 147.00',
      ],
    ]);
    expect(doc.printedPageNumbers.map((p) => p.number)).toEqual([1, 3]);
  });

  it('keeps one table when the page number stands on its own line in the gap', () => {
    const doc = normalizeText(form(`\n\n- 1 -\n\n\n`));
    expect(rowsOf(doc)).toHaveLength(1);
    expect(rowsOf(doc)[0]).toHaveLength(4);
  });

  it('keeps two tables apart when blank lines without a page number separate them', () => {
    const doc = normalizeText(form('\n\n'));
    expect(rowsOf(doc)).toEqual([
      ['项目名称 | 危桥改造', '主管部门 | 交通运输局 | 实施单位 | 养护中心'],
      ['项目资金（万元） | 年度资金总额 | 147.00', ' | 其中：财政拨款 | 147.00'],
    ]);
  });
});

describe('wrapped lines', () => {
  const wrapped = [
    '（一）项目概况',
    '该项目是我部门为履行信访工作职责，开展信访稳定工作活动设置的，主要',
    '项目内容包括以下两个方面，具体说明如下，详细情况请见附表所列的内容',
    '说明完毕。',
    '1、完成日常接访、值班工作；',
    '2、完成特殊敏感期间信访维稳值班、督导、接权返工作；开展网上信访知识宣传活',
    '动。',
    '一是保障车辆租赁项目及时运行。',
    '二、绩效目标和指标设置情况',
    '信 访 办',
    '关于信访维稳项目绩效目标指标的说明',
  ];

  it('joins lines wrapped at a number of characters, whose widths vary with their digits', () => {
    // the prose sets the width (38 Chinese characters, 76 columns); the amounts' lines are far narrower
    const prose =
      '该项目是我部门为履行卫生健康工作职责，开展家庭医生签约服务工作活动设置的，主要内容包括组建家庭医生签约服务团队，开展签约居民上门随访，做好慢性病患者健康管理，提高基层首诊率和群众获得感。';
    const amounts =
      '项目年度预算6263000元，主要用于：签约服务补助116万元；团队培训费119万元；随访交通补助910000元；资料印刷费115.3万元；办公用品购置81万元；差旅费64万元；专家咨询费40万元；其他支出等。';
    const wrap = (text: string) => Array.from({ length: Math.ceil(text.length / 38) }, (_, k) => text.slice(k * 38, k * 38 + 38));
    const doc = normalizeText(['（一）项目概况', ...wrap(prose), '（二）资金安排', ...wrap(amounts), '（三）绩效目标'].join('\n'));
    expect(texts(doc)).toEqual(['（一）项目概况', prose, '（二）资金安排', amounts, '（三）绩效目标']);
  });

  it('does not join short lines of one length that end where a sentence could', () => {
    const doc = normalizeText(
      ['一、基本情况', '本单位共有职工二十人', '本单位共有车辆一十辆', '本单位共有房屋三十间', '二、绩效目标'].join('\n'),
    );
    expect(texts(doc)).toHaveLength(5);
  });

  it('joins hard-wrapped lines inside a paragraph and keeps headings and list items apart', () => {
    const doc = normalizeText(wrapped.join('\n'));
    expect(texts(doc)).toEqual([
      '（一）项目概况',
      '该项目是我部门为履行信访工作职责，开展信访稳定工作活动设置的，主要项目内容包括以下两个方面，具体说明如下，详细情况请见附表所列的内容说明完毕。',
      '1、完成日常接访、值班工作；',
      '2、完成特殊敏感期间信访维稳值班、督导、接权返工作；开展网上信访知识宣传活动。',
      '一是保障车辆租赁项目及时运行。',
      '二、绩效目标和指标设置情况',
      '信访办',
      '关于信访维稳项目绩效目标指标的说明',
    ]);
    const kinds = doc.blocks.map((b) => b.type);
    expect(kinds).toEqual(['heading', 'paragraph', 'list_item', 'list_item', 'list_item', 'heading', 'heading', 'heading']);
  });

  it('joins lines across a PDF page break when the sentence is unfinished', () => {
    const doc = normalizePages(['按照文件要求，结合实际情况，制定本年度排查至少\n1', '4次，才能保证效果。\n2']);
    expect(texts(doc)).toEqual(['按照文件要求，结合实际情况，制定本年度排查至少4次，才能保证效果。']);
  });

  it('splits a numbered heading run into the first list item', () => {
    expect(texts(normalizeText('（三）评价标准1、目标一对应指标的评价标准是至少达90%。'))).toEqual([
      '（三）评价标准',
      '1、目标一对应指标的评价标准是至少达90%。',
    ]);
    expect(texts(normalizeText('（三）评价标准 1、目标一对应指标。'))).toEqual(['（三）评价标准', '1、目标一对应指标。']);
  });

  it('keeps a blank line as a paragraph break', () => {
    expect(texts(normalizeText('第一段没有句号\n\n第二段'))).toEqual(['第一段没有句号', '第二段']);
  });

  it('drops conversion debris lines', () => {
    expect(texts(normalizeText('正文。\n[bookmark: _GoBack]\n---page---\n下一段。'))).toEqual(['正文。', '下一段。']);
  });
});

describe('characters', () => {
  it('folds full-width digits, letters, ％ and ．, and removes spaces between CJK and digits', () => {
    const doc = normalizeText('２０２２ 年共 58 条，完成率９０％，金额１２．５万元，ＰＰＰ项目\t3 家');
    expect(doc.text).toBe('2022年共58条，完成率90%，金额12.5万元，PPP项目3家');
  });

  it('keeps a space between Latin words and collapses runs of spaces', () => {
    expect(normalizeText('PPP   project 合同').text).toBe('PPP project合同');
  });

  it('keeps offsets: every character maps back to the source', () => {
    const source = '  ２０２２ 年，共 58 条。';
    const doc = normalizeText(source);
    expect(doc.text).toBe('2022年，共58条。');
    const offsets = [...doc.text].map((_, i) => doc.sourceRuns.find(([n, , len]) => i >= n && i < n + len)!);
    offsets.forEach((run, i) => expect(source[run[1] + (i - run[0])]).toMatch(new RegExp(`[${doc.text[i]}０-９]`)));
  });
});
