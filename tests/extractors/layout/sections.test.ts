import { describe, expect, it } from 'vitest';
import { findSections, HEADING_STYLES, numberValue } from '../../../extractors/layout/sections.js';
import { documentFromText } from '../../helpers/document.js';

/** The tree as "level number title [kind]" lines. */
async function tree(lines: string[]): Promise<string[]> {
  const document = await documentFromText(lines.join('\n'));
  return findSections(document).map((s) => `${s.level} ${s.number} ${s.title} [${s.kind}]`);
}

describe('heading styles', () => {
  it.each(HEADING_STYLES.map((entry) => [entry.style, entry.example]))('%s: %s is a heading of its own style', async (style, example) => {
    const document = await documentFromText(`${example}\n本节的正文写在这里，共有若干句话。`);
    const sections = findSections(document);
    expect(sections.map((s) => s.style)).toEqual([style]);
  });

  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['③', 3],
    ['12', 12],
    ['附表2', 2],
  ] as const)('number %s is %i', (number, value) => {
    expect(numberValue(number)).toBe(value);
  });
});

describe('levels from the order the numbering styles appear in', () => {
  it('nests 一、 under 第一部分 and （一） under 一、 as this filing does', async () => {
    expect(
      await tree([
        '第一部分 部门概况',
        '一、主要职责',
        '（一）贯彻执行财政法规',
        '正文。',
        '二、机构设置',
        '第二部分 项目支出',
        '一、项目基本情况',
      ]),
    ).toEqual([
      '1 一 部门概况 [department]',
      '2 一 主要职责 [other]',
      '3 一 贯彻执行财政法规 [other]',
      '2 二 机构设置 [department]',
      '1 二 项目支出 [other]',
      '2 一 项目基本情况 [other]',
    ]);
  });

  it('takes （一） as the outer level where a filing opens with it, and 1. under it', async () => {
    expect(await tree(['（一）城市道路养护项目', '1.项目内容', '正文。', '2.资金测算', '（二）公交补贴项目', '1.项目内容'])).toEqual([
      '1 一 城市道路养护项目 [other]',
      '2 1 项目内容 [other]',
      '2 2 资金测算 [other]',
      '1 二 公交补贴项目 [other]',
      '2 1 项目内容 [other]',
    ]);
  });

  it('reads 项目一： and 附表1 headings', async () => {
    expect(await tree(['项目一：农村道路养护', '（一）项目概况', '项目二：校舍维修', '附表1 收支总表'])).toEqual([
      '1 一 农村道路养护 [other]',
      '2 一 项目概况 [other]',
      '1 二 校舍维修 [other]',
      '2 附表1 收支总表 [statement]',
    ]);
  });
});

describe('what is not a heading', () => {
  it('一是…二是… inside a paragraph, and 1. opening a running sentence', async () => {
    expect(
      await tree([
        '一、绩效目标',
        '一是完成日常接访工作；二是开展网上信访宣传。',
        '1.加强资金管理。确保专款专用，提高资金使用效益，年内完成全部支出。',
        '二、绩效指标',
      ]),
    ).toEqual(['1 一 绩效目标 [other]', '1 二 绩效指标 [other]']);
  });

  it('a numbered line out of its sequence (a list item whose 一 and 二 ran on) is not a section', async () => {
    expect(
      await tree([
        '一、主要职责',
        '（一）负责全市审计工作，统筹审计资源，组织实施审计项目，提出审计意见和建议。',
        '（三）向市政府提出审计结果',
        '二、机构设置',
      ]),
    ).toEqual(['1 一 主要职责 [other]', '1 二 机构设置 [department]']);
  });

  it('a table of contents is not a section; the headings after it are', async () => {
    expect(await tree(['目录', '一、部门概况……1', '二、收支总表……5', '一、部门概况', '正文。', '二、收支总表'])).toEqual([
      '1 一 部门概况 [department]',
      '1 二 收支总表 [statement]',
    ]);
  });

  it('a part heading whose title stands on the next line is one heading', async () => {
    expect(await tree(['第三部分', '2026年部门预算情况说明', '一、预算收支增减变化情况说明'])).toEqual([
      '1 三 2026年部门预算情况说明 [other]',
      '2 一 预算收支增减变化情况说明 [statement]',
    ]);
  });
});

describe('kinds', () => {
  it('the department’s parts and a disclosure’s statements are not projects', async () => {
    expect(await tree(['一、部门职责', '二、“三公”经费支出情况', '三、政府采购情况', '四、保障措施', '五、社区矫正项目'])).toEqual([
      '1 一 部门职责 [department]',
      '1 二 “三公”经费支出情况 [statement]',
      '1 三 政府采购情况 [statement]',
      '1 四 保障措施 [department]',
      '1 五 社区矫正项目 [other]',
    ]);
  });
});
