import type { Block, DocumentModel, TableBlock } from '../../src/model/document.js';
import type { DepartmentGoalList, DepartmentIndicator } from '../../src/model/extraction.js';
import { goalsOfBlock } from './goals.js';
import { categoryOf, readIndicatorTable, valueSpan, weightOf } from './indicators.js';
import { locate } from '../../src/model/locate.js';
import type { Structure } from '../layout/structure.js';
import { parseTableValue } from '../text/thresholds.js';

/**
 * The department-level summary: the 分项绩效目标 list (each project's goals as the summary states them) and
 * the department indicator table — a real table in DOCX and PDF, lines of flattened cells in TXT.
 */

type Doc = Pick<DocumentModel, 'pageStarts' | 'text' | 'blocks'>;
type TextBlock = Exclude<Block, TableBlock>;

/** A project's heading in the list: "（一）、特殊疑难问题专项绩效目标：", "(十五)法制工作专项绩效目标". The name is `project`. */
export const LIST_HEADING = /^[（(]?[一二三四五六七八九十\d]{1,3}[)）]?[、.．]?\s*(?<project>\S.{0,38}?)(?:的)?绩效目标[：:]?\s*$/;

/** The 分项绩效目标 list: one entry per project heading, with the goals listed under it. */
export function extractDepartmentGoals(structure: Pick<Structure, 'departmentGoals'>, document: Doc): DepartmentGoalList[] {
  const lists: DepartmentGoalList[] = [];
  for (const block of structure.departmentGoals) {
    if (block.type === 'table') continue;
    const heading = LIST_HEADING.exec(block.text);
    if (heading?.groups && heading.groups.project.length >= 2) {
      const project = heading.groups.project.replace(/[、，,]+$/, '');
      const start = block.start + block.text.indexOf(project);
      lists.push({ project, source: locate(document, start, start + project.length), goals: [] });
      continue;
    }
    const current = lists[lists.length - 1];
    if (!current || block.type === 'heading') continue;
    for (const goal of goalsOfBlock(block, document, 'listed')) current.goals.push({ ...goal, index: current.goals.length + 1 });
  }
  return lists;
}

// ---------------------------------------------------------------------------------------------
// The indicator table
// ---------------------------------------------------------------------------------------------

function fromTables(tables: readonly TableBlock[], document: Doc): DepartmentIndicator[] {
  return tables.flatMap(readIndicatorTable).map((row) => {
    const last = row.row[row.row.length - 1];
    const source = locate(document, row.row[0].start, last.end);
    const span = valueSpan(row);
    return {
      category: row.category,
      subcategory: row.subcategory,
      name: row.name,
      symbol: row.symbol,
      value: row.value,
      unit: row.unit,
      threshold: row.threshold ? { ...row.threshold, source: locate(document, span.start, span.end) } : null,
      weight: weightOf(row.weightCell, document),
      source,
    };
  });
}

/** Lines of a flattened table (TXT): what each one can be. */
const CATEGORY_LINE = /^(?:产出|效果|效益|满意度|成本)指标$/;
const SYMBOL_LINE = /^(?:≥|≤|>=|<=|>|<|=|＞|＜|＝|定性|大于等于|小于等于|等于)$/;
const VALUE_LINE = /^[\d.]+$/;
const UNIT_LINE = /^(?:%|‰|次|人|人次|个|件|户|家|天|日|个工作日|元|万元|分)$/;
/** A cell that fits on one line: a short label with no sentence punctuation. Header and unit words are none. */
const LABEL_LINE = /^[\u4e00-\u9fff“”"（）()\d]{2,16}$/;
const NOT_A_LABEL = /^(?:文字描述|符号|值|单位|指标说明|一级指标|二级指标|三级指标)/;

interface Line {
  text: string;
  block: TextBlock;
}

/** The flattened table: from its first lone 一级 line up to the next heading, before the first project. */
function flattenedLines(document: Doc, before: number): Line[] {
  const blocks = document.blocks.filter((b) => b.start < before);
  const first = blocks.findIndex((b) => b.type === 'paragraph' && CATEGORY_LINE.test(b.text.trim()));
  if (first < 0) return [];
  const lines: Line[] = [];
  for (const block of blocks.slice(first)) {
    if (block.type === 'heading' || block.type === 'table') break;
    lines.push({ text: block.text.trim(), block });
  }
  return lines;
}

/**
 * Rows recoverable from a flattened table (TXT): after an 一级 line, either short label lines ending at a
 * symbol line ("完成率", "信息采集上报比例", "=", "100", "%" → 二级, 三级, 符号, 值, 单位), or a run of labels
 * right under the 一级 line with no symbol (二级 first, then each 三级). Cells whose text wrapped over several
 * lines cannot be told from their neighbours and are skipped.
 */
function fromLines(lines: readonly Line[], document: Doc): DepartmentIndicator[] {
  const rows: DepartmentIndicator[] = [];
  let category: DepartmentIndicator['category'] = null;
  let run: Line[] = [];
  let runUnderCategory = false;
  const emit = (
    subcategory: Line | null,
    name: Line,
    symbol: string | null,
    value: string | null,
    unit: string | null,
    last: Line,
  ): void => {
    // a 二级 line right before its 三级 belongs to the row; one shared by a run of rows does not
    const first = subcategory && lines.indexOf(subcategory) === lines.indexOf(name) - 1 ? subcategory : name;
    const source = locate(document, first.block.start, last.block.end);
    const threshold = parseTableValue(symbol, value, unit);
    rows.push({
      category,
      subcategory: subcategory?.text ?? null,
      name: name.text,
      symbol,
      value,
      unit,
      threshold: threshold ? { ...threshold, source } : null,
      weight: null,
      source,
    });
  };
  const closeRun = (): void => {
    if (runUnderCategory && run.length >= 2) for (const name of run.slice(1)) emit(run[0], name, null, null, null, name);
    run = [];
    runUnderCategory = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (CATEGORY_LINE.test(line.text)) {
      closeRun();
      category = categoryOf(line.text);
      runUnderCategory = true;
    } else if (SYMBOL_LINE.test(line.text) && run.length > 0) {
      const value = VALUE_LINE.test(lines[i + 1]?.text ?? '') ? lines[++i] : null;
      const unit = UNIT_LINE.test(lines[i + 1]?.text ?? '') ? lines[++i] : null;
      emit(
        run.length >= 2 ? run[run.length - 2] : null,
        run[run.length - 1],
        line.text,
        value?.text ?? null,
        unit?.text ?? null,
        unit ?? value ?? line,
      );
      run = [];
      runUnderCategory = false;
    } else if (LABEL_LINE.test(line.text) && !NOT_A_LABEL.test(line.text)) {
      run.push(line);
    } else {
      closeRun();
    }
  }
  closeRun();
  return rows;
}

/** The department indicator table: its rows from a real table, or what a flattened one (TXT) still shows. */
export function extractDepartmentIndicators(
  structure: Pick<Structure, 'departmentTables' | 'projects'>,
  document: Doc,
): DepartmentIndicator[] {
  const tabled = fromTables(structure.departmentTables, document);
  if (tabled.length > 0) return tabled;
  const firstProject = structure.projects[0]?.titleBlock.start ?? document.text.length;
  return fromLines(flattenedLines(document, firstProject), document);
}
