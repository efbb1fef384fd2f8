import { describe, expect, it } from 'vitest';
import {
  contentItems,
  filingDepartment,
  filingYear,
  projectAliases,
  projectDepartment,
  projectYear,
} from '../../../extractors/layout/projects.js';
import { findStructure } from '../../../extractors/layout/structure.js';
import { documentFromText } from '../../helpers/document.js';

async function firstProject(lines: string[]) {
  const document = await documentFromText(lines.join('\n'));
  return { document, project: findStructure(document).projects[0] };
}

describe('projects', () => {
  it('collects the other names the body uses for the project', async () => {
    const { project } = await firstProject([
      '关于王跃强专项医疗专项项目绩效目标指标的说明',
      '（一）项目概况',
      '王跃强专项医疗费项目是我部门为履行信访工作职责设置的。',
      '（二）资金安排情况',
      '2022年该项目主要安排资金共计120万元。',
      '（一）绩效目标',
      '王跃强医疗项目主要设置了2项绩效目标：一是…',
    ]);
    expect(projectAliases(project)).toEqual(['王跃强专项医疗费项目', '王跃强医疗项目']);
  });

  it('takes the department from the unit header, else from the form, and the year from the funding sentence', async () => {
    const withUnit = await firstProject([
      '综 治 办',
      '关于综治工作经费项目绩效目标指标的说明',
      '（二）资金安排情况',
      '2021年该项目安排资金共计33万元。',
    ]);
    expect(projectDepartment(withUnit.project, withUnit.document)?.name).toBe('综治办');
    expect(projectYear(withUnit.project, 2022)).toBe(2021);
    const fromForm = await firstProject(['项目名称 | 家庭医生签约服务', '主管部门 | 卫生健康委员会 | 实施单位 | 医政医管股']);
    expect(projectDepartment(fromForm.project, fromForm.document)?.name).toBe('医政医管股');
    expect(projectYear(fromForm.project, 2025)).toBe(2025);
    const fromLine = await firstProject(['项目一：农村人居环境整治', '责任科室：农业技术推广站。', '该项目预算资金11.34万元。']);
    expect(projectDepartment(fromLine.project, fromLine.document)?.name).toBe('农业技术推广站');
  });

  it.each([
    ['项目实施单位为文化馆。', '文化馆'],
    ['责任单位是县疾病预防控制中心，配合单位为各乡镇卫生院。', '县疾病预防控制中心'],
    ['该项目由公共服务股负责实施，主要用于旅游宣传推介工作。', '公共服务股'],
    ['项目按照“统筹规划、分步实施”的原则推进。该项目由县文化馆具体组织实施。', '县文化馆'],
    ['本项目主要由农村经济经营管理站牵头落实。', '农村经济经营管理站'],
    ['承担单位为县档案馆（县地方志办）。', '县档案馆（县地方志办）'],
  ])('takes the department from a sentence when there is no header or form: %s', async (sentence, unit) => {
    const { project, document } = await firstProject([
      '关于测试项目绩效目标的说明',
      '（一）项目概况',
      sentence,
      '（二）资金安排情况',
      '该项目预算资金10万元。',
    ]);
    const department = projectDepartment(project, document);
    expect(department?.name).toBe(unit);
    expect(department?.source.quote).toBe(unit);
  });

  it('reads no department from sentences that name no unit in charge', async () => {
    for (const sentence of ['该项目由财政资金保障，按进度拨付。', '实施地点为全县各乡镇。', '由于资金有限，项目分两年实施。']) {
      const { project, document } = await firstProject(['关于测试项目绩效目标的说明', sentence, '该项目预算资金10万元。']);
      expect(projectDepartment(project, document), sentence).toBeNull();
    }
  });

  it('reads unit headers ending in 馆, 场, 校 and the like, each for the projects below it', async () => {
    const document = await documentFromText(
      [
        '公 共 服 务 股',
        '全域旅游宣传推介项目绩效目标说明',
        '该项目预算资金167万元。',
        '文 化 馆',
        '文物保护修缮项目绩效目标说明',
        '该项目预算资金20万元。',
        '国 有 林 场',
        '森林防火项目绩效目标说明',
        '该项目预算资金5万元。',
      ].join('\n'),
    );
    const projects = findStructure(document).projects;
    expect(projects.map((p) => projectDepartment(p, document)?.name)).toEqual(['公共服务股', '文化馆', '国有林场']);
  });

  it.each([
    [
      '主要项目内容包括以下2个方面：',
      ['1、完成日常接访、值班工作；', '2、完成特殊敏感期间值班工作。'],
      2,
      ['完成日常接访、值班工作；', '完成特殊敏感期间值班工作。'],
    ],
    ['主要内容包括两个方面：', ['（一）培训教师；', '（二）购置设备。'], 2, ['培训教师；', '购置设备。']],
    ['项目主要包括3项内容：一是培训教师；二是购置设备；三是维修校舍。', [], 3, ['培训教师', '购置设备', '维修校舍']],
  ])('reads the declared content count and the items: %s', async (declaration, items, declared, texts) => {
    const { project, document } = await firstProject([
      '关于测试项目绩效目标指标的说明',
      '（一）项目概况',
      `测试项目是我部门设置的。${declaration}`,
      ...items,
      '（二）资金安排情况',
    ]);
    const content = contentItems(project, document);
    expect(content.declared).toBe(declared);
    expect(content.items.map((i) => i.text)).toEqual(texts);
  });

  it('reads the filing department and year from its title', async () => {
    for (const [title, department, year] of [
      ['临河区卫生健康委员会2025年度项目支出绩效目标表', '临河区卫生健康委员会', 2025],
      ['2023年龙泉区农业农村局项目绩效目标', '龙泉区农业农村局', 2023],
      ['青山县民政局2019年部门预算绩效目标', '青山县民政局', 2019],
    ] as const) {
      const document = await documentFromText(`${title}\n正文。`);
      expect(filingDepartment(document)?.name).toBe(department);
      expect(filingYear(document)).toBe(year);
    }
  });
});
