import { describe, expect, it } from 'vitest';
import { linkThresholds } from '../../../extractors/text/threshold-links.js';

describe('linkThresholds', () => {
  const link = (text: string, names: string[], goalIndex: number | null = 1) =>
    linkThresholds(
      [{ goalIndex, text, offset: 100 }],
      names.map((name) => ({ name, goalIndex: 1 })),
    ).map((l) => [l.target === null ? null : names[l.target], l.threshold.text]);

  it('links each clause to the indicator in its position', () => {
    expect(
      link('结合工作实际情况制定案件解决率至少达90%，才能确保案结事了；按照以往工作实际情况，制定本年度排查至少4次', [
        '符合条件的特殊疑难信访案件解决率',
        '开展特殊疑难信访案件排查专项行动次数',
      ]),
    ).toEqual([
      ['符合条件的特殊疑难信访案件解决率', '至少达90%'],
      ['开展特殊疑难信访案件排查专项行动次数', '至少4次'],
    ]);
  });

  it('follows the words when the clauses come in another order than the indicators', () => {
    expect(
      link('本年度排查至少4次；案件解决率至少达90%', ['符合条件的特殊疑难信访案件解决率', '开展特殊疑难信访案件排查专项行动次数']),
    ).toEqual([
      ['开展特殊疑难信访案件排查专项行动次数', '至少4次'],
      ['符合条件的特殊疑难信访案件解决率', '至少达90%'],
    ]);
  });

  it('gives every part of a multi-part phrase to the same indicator', () => {
    const links = link(
      '根据国安规定的重要宣传日：4.15、12.4等日期全部完成的基础上增加一次；按照上级要求制定定为大学生达5000人，机关人员达1000人',
      ['国家安全知识宣传次数', '国家安全知识宣传受众人数'],
    );
    expect(links).toEqual([
      ['国家安全知识宣传受众人数', '达5000人'],
      ['国家安全知识宣传受众人数', '达1000人'],
    ]);
  });

  it('only considers the indicators of the sentence’s goal', () => {
    const links = linkThresholds(
      [{ goalIndex: 2, text: '使大部分群众满意', offset: 0 }],
      [
        { name: '群众满意度', goalIndex: 1 },
        { name: '网上信访知识知晓人数', goalIndex: 2 },
        { name: '群众满意度', goalIndex: 2 },
      ],
    );
    expect(links.map((l) => l.target)).toEqual([2]);
  });

  it('a satisfaction clause beyond the listed positions goes to the satisfaction indicator', () => {
    expect(link('覆盖率达到90%；资料发放到位；做到使大部分满意', ['组织集中教育和社区服务覆盖率', '市局对矫正人员管理情况满意度'])).toEqual(
      [
        ['组织集中教育和社区服务覆盖率', '达到90%'],
        ['市局对矫正人员管理情况满意度', '大部分满意'],
      ],
    );
  });

  it('links a 指标值设定依据 paragraph by name, two targets in one part and a range', () => {
    expect(
      link(
        '新建农村公路不少于 35 公里；路面完好率不低于九成，竣工验收合格率 100%',
        ['新建农村公路里程', '路面完好率', '竣工验收合格率'],
        null,
      ),
    ).toEqual([
      ['新建农村公路里程', '不少于 35 公里'],
      ['路面完好率', '不低于九成'],
      ['竣工验收合格率', '100%'],
    ]);
    expect(link('群众满意度90%-95%；培训覆盖率不低于三分之二', ['群众满意度', '培训覆盖率'])).toEqual([
      ['群众满意度', '90%-95%'],
      ['群众满意度', '90%-95%'],
      ['培训覆盖率', '不低于三分之二'],
    ]);
  });

  it('leaves a threshold no indicator fits unlinked, with document offsets', () => {
    const [only] = linkThresholds([{ goalIndex: 1, text: '甲；乙；宣传至少3次', offset: 50 }], [{ name: '群众满意度', goalIndex: 1 }]);
    expect(only.target).toBeNull();
    expect(only.threshold.start).toBe(50 + '甲；乙；宣传'.length);
  });
});
