import { describe, expect, it } from 'vitest';
import { extractGoals } from '../../../extractors/fields/goals.js';
import { findStructure } from '../../../extractors/layout/structure.js';
import { documentFromText } from '../../helpers/document.js';

/** A one-project filing whose 绩效目标 sub-section holds `lines`. */
async function goalsOf(lines: string[], before: string[] = []) {
  const document = await documentFromText(
    [
      '关于校舍维修项目绩效目标指标的说明',
      '一、项目基本情况',
      '（一）项目概况',
      '校舍维修项目是我局为改善办学条件设置的。',
      ...before,
      '二、绩效目标和指标设置情况',
      '（一）绩效目标',
      ...lines,
      '（二）绩效指标',
      '1、对应目标一设置1项产出指标，是维修面积。',
    ].join('\n'),
  );
  const [section] = findStructure(document).projects;
  const result = extractGoals(section, document);
  for (const goal of result.goals) expect(goal.source.quote).toBe(goal.text);
  return result;
}

const texts = (result: Awaited<ReturnType<typeof goalsOf>>) => result.goals.map((g) => `${g.kind}${g.index}:${g.text}`);

describe('declared goal counts', () => {
  it.each([
    ['信访经费项目主要设置了2项绩效目标：一是完成日常接访。二是完成值班工作。', 2],
    ['本项目设置了1项绩效目标：是加大宣传力度。', 1],
    ['本项目共设置三个绩效目标：一是甲；二是乙；三是丙。', 3],
    ['围绕项目实施，本项目设定了两项年度绩效目标，即：一是甲；二是乙。', 2],
    ['本项目绩效目标共2项：（1）完成维修；（2）保障安全。', 2],
  ])('%s', async (line, count) => {
    const result = await goalsOf([line]);
    expect(result.declaredCount).toBe(count);
    expect(result.declaredSource?.quote).toMatch(/目标/);
  });

  it('is null when the filing declares none', async () => {
    expect((await goalsOf(['协助双桥区法院做好高新区法庭办公用房改造、数字化法庭建设等工作'])).declaredCount).toBeNull();
  });

  it('keeps a count that differs from the goals listed, for the checks', async () => {
    const result = await goalsOf(['本项目主要设置了3项绩效目标：一是完成维修；二是保障安全。']);
    expect(result.declaredCount).toBe(3);
    expect(result.goals).toHaveLength(2);
  });
});

describe('listed goals', () => {
  it('splits 一是…二是… inside the paragraph, without markers and end punctuation', async () => {
    const result = await goalsOf(['王跃强专项医疗费项目主要设置了2项绩效目标：一是做好医疗费工作；对家人稳控及时。二是做好差旅费工作。']);
    expect(texts(result)).toEqual(['listed1:做好医疗费工作；对家人稳控及时', 'listed2:做好差旅费工作']);
  });

  it('goes on in the next block: "…一是A。" then "二是B。"', async () => {
    const result = await goalsOf([
      '信访经费项目主要设置了2项绩效目标：一是完成日常接访、值班工作。',
      '二是完成特殊敏感期间信访维稳值班工作；开展网上信访知识宣传活动。',
    ]);
    expect(texts(result)).toEqual(['listed1:完成日常接访、值班工作', 'listed2:完成特殊敏感期间信访维稳值班工作；开展网上信访知识宣传活动']);
  });

  it('takes a single goal after "是" or "即"', async () => {
    expect(texts(await goalsOf(['综治工作经费项目主要设置了1项绩效目标：是加大对平安建设工作的宣传工作力度，提高知晓率。']))).toEqual([
      'listed1:加大对平安建设工作的宣传工作力度，提高知晓率',
    ]);
    expect(texts(await goalsOf(['本项目共设定1个绩效目标：即完成校舍维修。']))).toEqual(['listed1:完成校舍维修']);
  });

  it('reads numbered items after the declaration', async () => {
    const result = await goalsOf(['本项目共设置三个绩效目标，具体如下：', '1、完成校舍维修；', '2、保障师生安全；', '3、改善办学条件。']);
    expect(texts(result)).toEqual(['listed1:完成校舍维修', 'listed2:保障师生安全', 'listed3:改善办学条件']);
  });

  it('reads （1）…（2）… inline', async () => {
    expect(texts(await goalsOf(['本项目绩效目标共2项：（1）完成维修；（2）保障安全。']))).toEqual(['listed1:完成维修', 'listed2:保障安全']);
  });

  it('reads numbered items without a declaration', async () => {
    expect(texts(await goalsOf(['1、完成校舍维修；', '2、保障师生安全。']))).toEqual(['listed1:完成校舍维修', 'listed2:保障师生安全']);
  });

  it('takes a plain paragraph as the goal when nothing is declared or numbered', async () => {
    expect(texts(await goalsOf(['协助双桥区法院做好高新区法庭办公用房改造、数字化法庭建设等工作']))).toEqual([
      'listed1:协助双桥区法院做好高新区法庭办公用房改造、数字化法庭建设等工作',
    ]);
  });
});

describe('goal fields', () => {
  it('reads 年度目标：… as an annual goal and 总体目标：… as an overall one', async () => {
    const result = await goalsOf(['总体目标：实施期内完成全部校舍维修。', '年度目标：完成10所学校的校舍维修。']);
    expect(texts(result)).toEqual(['overall1:实施期内完成全部校舍维修', 'annual1:完成10所学校的校舍维修']);
  });

  it('reads 实施期目标 as overall', async () => {
    expect(texts(await goalsOf(['实施期目标：三年内完成改造。']))).toEqual(['overall1:三年内完成改造']);
  });

  it('splits an enumerated field: 年度目标：1.A；2.B。', async () => {
    expect(texts(await goalsOf(['年度目标：1.完成维修；2.保障安全。']))).toEqual(['annual1:完成维修', 'annual2:保障安全']);
  });

  it('counts a 年度目标 line pasted twice once', async () => {
    expect(texts(await goalsOf(['年度目标：1.完成维修；2.保障安全。', '年度目标：1.完成维修；2.保障安全。']))).toEqual([
      'annual1:完成维修',
      'annual2:保障安全',
    ]);
  });

  it('reads the list items under a bare 年度目标：', async () => {
    expect(texts(await goalsOf(['年度目标：', '1、完成维修；', '2、保障安全。']))).toEqual(['annual1:完成维修', 'annual2:保障安全']);
  });

  it('counts annual goals declared as such: 共设定2项年度目标：…', async () => {
    const result = await goalsOf(['共设定2项年度目标：1.完成维修；2.保障安全。']);
    expect(result.declaredCount).toBe(2);
    expect(texts(result)).toEqual(['annual1:完成维修', 'annual2:保障安全']);
  });

  it('reads a form cell beside its label', async () => {
    const result = await goalsOf(['详见下表。'], ['| 项目名称 | 校舍维修 |', '| 年度目标 | 完成10所学校的校舍维修 |']);
    expect(texts(result)).toEqual(['annual1:完成10所学校的校舍维修']);
  });

  it('reads form cells under a header row: 实施期目标 | 年度目标', async () => {
    const result = await goalsOf(['详见下表。'], ['| 实施期目标 | 年度目标 |', '| 三年内完成全部改造 | 完成首批改造 |']);
    expect(texts(result)).toEqual(['overall1:三年内完成全部改造', 'annual1:完成首批改造']);
  });
});
