import { capFindingLines } from '@fundladder/app';
import { type Decimal, formatRate, sum } from '@fundladder/core';
import { REPORT_FONTS, forecastFanSvg, liquidityLadderSvg } from './charts';
import { bankAllocation, bindingLines, exportNames, planRows, riskByFundType, verdictOf } from './figures';
import { cssString, escapeHtml as esc, pct, pctExact, shareText, wan } from './format';
import { EXPORT_FORECAST_LEVELS, type ExportInput } from './input';

/** A table: header cells and rows of cells, all text (escaped here); columns after the first `left` are right-aligned numbers. */
function table(head: readonly string[], rows: readonly (readonly string[])[], options: { left?: number; foot?: readonly string[]; className?: string } = {}): string {
  const left = options.left ?? 1;
  const cell = (tag: 'td' | 'th', text: string, i: number) => `<${tag}${i >= left ? ' class="num"' : ''}>${esc(text)}</${tag}>`;
  const foot = options.foot ? `<tfoot><tr>${options.foot.map((c, i) => cell('td', c, i)).join('')}</tr></tfoot>` : '';
  return `<table${options.className ? ` class="${esc(options.className)}"` : ''}><thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('')}</tbody>${foot}</table>`;
}

const p = (text: string, className?: string) => `<p${className ? ` class="${esc(className)}"` : ''}>${esc(text)}</p>`;
const list = (items: readonly string[]) => (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');

function styles(input: ExportInput): string {
  const header = `${input.fundName} · ${input.scenarioName}`;
  const ids = `运行编号 ${input.runId}\u3000情景版本 ${input.scenarioVersion}\u3000代码版本 ${input.codeVersion}`;
  // The page's margin boxes repeat the run on every printed page (Chromium ≥ 131 prints @page margin boxes).
  return `
@page {
  size: A4;
  margin: 20mm 14mm 18mm 14mm;
  @top-left { content: ${cssString(header)}; font-family: ${REPORT_FONTS}; font-size: 8pt; color: #555; }
  @top-right { content: ${cssString(ids)}; font-family: ${REPORT_FONTS}; font-size: 8pt; color: #555; }
  @bottom-left { content: ${cssString(ids)}; font-family: ${REPORT_FONTS}; font-size: 8pt; color: #555; }
  @bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-family: ${REPORT_FONTS}; font-size: 8pt; color: #555; }
}
html { font-family: ${REPORT_FONTS}; font-size: 10pt; color: #111; }
body { margin: 0; }
h1 { font-size: 17pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p, li { line-height: 1.55; margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 8.5pt; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: bold; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tfoot td { font-weight: bold; background: #f7f7f7; }
tr { break-inside: avoid; }
.allocation td:first-child { min-width: 30mm; }
.allocation td:nth-child(2) { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta td { border: none; padding: 0.5mm 2mm 0.5mm 0; }
.verdict { font-size: 11pt; font-weight: bold; padding: 2mm 3mm; border-left: 3mm solid #2b8a3e; background: #eef7ee; }
.verdict.unsafe, .verdict.meanFlows, .verdict.unchecked { border-left-color: #c92a2a; background: #fbeeee; }
.note { color: #555; font-size: 8.5pt; }
.chart { break-inside: avoid; margin: 3mm 0; }
.chart svg { width: 100%; height: auto; }
`;
}

function summarySection(input: ExportInput): string {
  const { optimize } = input;
  const st = optimize.stress;
  const c = optimize.safety.confidence;
  const verdict = verdictOf(input);
  const target = `${((1 - c) * 100).toFixed(1)}%`;
  const verdictText = {
    safe: `结论：按 ${(c * 100).toFixed(1)}% 置信度保障支付——样本外由计划造成支付缺口的概率 ${pct(st?.planCausedShortProbability)}，不高于目标 ${target}。`,
    unsafe: `结论：未达到 ${(c * 100).toFixed(1)}% 置信度——样本外由计划造成支付缺口的概率 ${pct(st?.planCausedShortProbability)}，高于目标 ${target}；应增加规划情景、提高置信度或缩短期限后重算。`,
    meanFlows: '结论：置信度为 0，计划只按平均流量制定，未按预测情景保障支付。',
    unchecked: '结论：本次运行没有预测情景，计划的支付风险未经核验。',
  }[verdict];
  const out = [`<h2>一、摘要：先看风险，再看收益</h2>`, p(verdictText, `verdict ${verdict}`)];
  out.push('<h3>1. 支付风险</h3>');
  if (st) {
    const sample = st.outOfSample
      ? `样本外核验：${st.paths} 条预测情景（互不相同 ${st.distinctPaths} 条），计划只按另外独立抽取的 ${optimize.safety.planningPaths ?? 0} 条情景制定。`
      : `核验情景 ${st.paths} 条（注意：不是样本外，计划制定时用过这些情景）。`;
    out.push(p(sample));
    out.push(p(`某险种某日无法按时足额支付的概率：整个规划期 ${pct(st.payoutShortProbability)}，头一个季度 ${pct(st.payoutShortFirstQuarterProbability)}；其中由计划造成的 ${pct(st.planCausedShortProbability)}（头一个季度 ${pct(st.planCausedShortFirstQuarterProbability)}），一分钱不存放也会出现的结构性缺口 ${pct(st.structuralShortProbability)}。`));
    const rows = riskByFundType(input).map((r) => [r.name, pct(r.planCaused), pct(r.planCausedFirstQuarter), pct(r.structural), r.structuralMedianShort ? wan(r.structuralMedianShort) : '—']);
    out.push(table(['险种', '由计划造成缺口（全期）', '头一个季度', '结构性缺口', '结构性缺口中位数（万元）'], rows));
  } else {
    out.push(p('没有预测情景，未做压力测试。'));
  }
  out.push('<h3>2. 收益</h3>');
  const mean = optimize.safety.meanFlowPlan;
  const k = optimize.evaluation.kpis;
  const rows: string[][] = [
    ['规划期内赚取利息（精确账本）', `${wan(optimize.interest)} 万元`],
    ['安全代价（较只按平均流量的计划少得）', optimize.safety.costOfSafety ? `${wan(optimize.safety.costOfSafety)} 万元` : '—'],
    ['只按平均流量的计划利息', mean ? `${wan(mean.interest)} 万元` : '—'],
    ['样本外情景利息：期望 / 5% 分位', st ? `${wan(st.expectedInterest)} / ${wan(st.p5Interest)} 万元` : '—'],
    ['年增殖率', pctExact(k.annualYieldRate)],
  ];
  out.push(table(['项目', '数值'], rows));
  out.push(p('利息、余额与指标均取自精确账本（按银行计息规则逐笔计算到分）；线性规划的目标值只作对照，不作依据。', 'note'));
  return out.join('\n');
}

function planSection(input: ExportInput): string {
  const rows = planRows(input);
  const body = rows.map((r) => [r.month, r.fundType, r.bank, r.product, String(r.termMonths), r.annualRate ? formatRate(r.annualRate) : '—', wan(r.amount)]);
  const foot = ['合计', '', '', '', '', '', wan(sum(rows.map((r) => r.amount)))];
  return [`<h2>二、存放计划（${rows.length} 笔，万元）</h2>`, table(['月份', '险种', '银行', '产品', '期限（月）', '年利率', '金额（万元）'], body, { left: 4, foot })].join('\n');
}

function allocationSection(input: ExportInput): string {
  const months = input.optimize.rollover.months;
  const status = { eligible: '可新存', suspended: '暂停新存', bond: '国债' } as const;
  const allocation = bankAllocation(input);
  const body = allocation.map((r) => [
    r.name,
    status[r.status],
    wan(r.nextQuarter),
    pctExact(r.nextQuarterShare, 1),
    wan(r.horizon),
    pctExact(r.horizonShare, 1),
    wan(r.interest),
    r.capBLimit ? wan(r.capBLimit) : '—',
    r.capUse ? [r.capUse.tranche, r.capUse.localDeposits, r.capUse.fundShare].map((u) => pctExact(u, 0)).join(' / ') : '—',
  ]);
  const total = (pick: (r: (typeof allocation)[number]) => Decimal) => sum(allocation.map(pick));
  const foot = ['合计', '', wan(total((r) => r.nextQuarter)), pctExact(total((r) => r.nextQuarterShare), 1), wan(total((r) => r.horizon)), pctExact(total((r) => r.horizonShare), 1), wan(total((r) => r.interest)), '', ''];
  const caps = input.scenario.policy.caps;
  return [
    '<h2>三、分存方案（按银行，万元）</h2>',
    p(`下一季度为 ${months[0]} 至 ${months.at(-1)}。上限A：单家银行占当月新增定期不超过 ${shareText(caps.trancheShare)}；上限B：定期不超过该行一般性存款的 ${shareText(caps.bankLocalDepositShare)}；上限C：单家银行不超过基金定期的 ${shareText(caps.fundTimeDepositShare)}；至少 ${input.scenario.policy.minBanks} 家银行。`),
    table(['银行', '状态', '下一季度新存放', '占比', '规划期新存放合计', '占比', '实收利息', '上限B额度', '上限使用率 A/B/C（最高）'], body, { left: 2, foot, className: 'allocation' }),
    p('规划期合计把每次续存各算一次。实收利息为精确账本中该行全部账户与存放在规划期内收到的利息（国债行为国债利息）。使用率为账本在规划期内的最高值，100% 即达上限。', 'note'),
  ].join('\n');
}

function rulesSection(input: ExportInput): string {
  const names = exportNames(input);
  const binding = bindingLines(input.optimize.binding, names);
  const caps = capFindingLines(input.optimize.capFindings, 'zh', names);
  const issues = input.optimize.evaluation.issues;
  return [
    '<h2>四、起约束作用的规则</h2>',
    p('下列规则限制了计划的利息（影子价格为线性外推，数值为“约”）：'),
    list(binding),
    ...(caps.length ? [p('银行上限的影响：'), list(caps)] : []),
    p(issues.length ? `精确账本核查：计划违反规则 ${issues.length} 处（明细见 Excel 附件“约束”表）。` : '精确账本核查：计划未违反任何规则。'),
  ].join('\n');
}

function stressSection(input: ExportInput): string {
  const st = input.optimize.stress;
  if (!st) return ['<h2>五、压力测试</h2>', p('本次运行没有预测情景，未做压力测试。')].join('\n');
  const rows: string[][] = [
    ['样本外', st.outOfSample ? '是' : '否'],
    ['情景数（互不相同）', `${st.paths}（${st.distinctPaths}）`],
    ['任一险种支付缺口概率：全期 / 头一个季度', `${pct(st.payoutShortProbability)} / ${pct(st.payoutShortFirstQuarterProbability)}`],
    ['由计划造成：全期 / 头一个季度', `${pct(st.planCausedShortProbability)} / ${pct(st.planCausedShortFirstQuarterProbability)}`],
    ['结构性缺口概率', pct(st.structuralShortProbability)],
    ['结算账户透支概率', pct(st.shortProbability)],
    ['流动性储备不足概率', pct(st.reserveBreachProbability)],
    ['最常见的首次透支月份', st.mostCommonShortMonth ? `${st.mostCommonShortMonth.month}（${st.mostCommonShortMonth.paths} 条）` : '—'],
    ['最大缺口', `${wan(st.largestShort)} 万元`],
    ['利息：期望 / 5% 分位', `${wan(st.expectedInterest)} / ${wan(st.p5Interest)} 万元`],
  ];
  const structural = riskByFundType(input)
    .filter((r) => r.structural > 0)
    .map((r) => `${r.name}：自有资金在 ${pct(r.structural)} 的情景中不够支付（中位首次月份 ${r.structuralMedianFirstMonth ?? '—'}，缺口中位数 ${r.structuralMedianShort ? wan(r.structuralMedianShort) : '—'} 万元），即使一分钱不存放也是如此：需要调剂金或财政补助，存放计划无法弥补，也不是计划造成的。`);
  return [
    '<h2>五、压力测试</h2>',
    p('每条预测情景都按精确账本逐日核算。'),
    table(['项目', '数值'], rows),
    ...(structural.length ? [p('结构性缺口：'), list(structural)] : []),
  ].join('\n');
}

function chartsSection(input: ExportInput): string {
  const f = input.forecast;
  const levels = f.levels.filter((l) => (EXPORT_FORECAST_LEVELS as readonly number[]).includes(l));
  return [
    '<h2>六、图表</h2>',
    `<div class="chart">${forecastFanSvg(f.total, levels)}</div>`,
    p(`预测：${f.history.first} 至 ${f.history.last} 的历史，按回测选出的模型；合计为联合情景，不是各险种区间之和。均值为预测的中心值；阴影为 ${levels.join('% 与 ')}% 区间。`, 'note'),
    `<div class="chart">${liquidityLadderSvg(input.optimize.evaluation.months)}</div>`,
    p('期末流动资金低于储备要求线的月份即储备不足。', 'note'),
  ].join('\n');
}

/**
 * The printable report a finance bureau attaches to a rollover request (续存/转存申请), in Chinese: the summary with
 * risk before reward (payout-gap probabilities, whole horizon and first quarter, by fund type, out of sample; then the
 * ledger's interest in 万元 and the cost of safety), the plan, the 分存方案, the binding rules, the stress test, and
 * the forecast fan and liquidity ladder as SVG. Print CSS for A4; the run id, scenario version and code version are
 * in the page's margin boxes on every printed page. Every text is HTML-escaped.
 * @param input - the export's input ({@link exportInputFor})
 * @returns a complete HTML document
 * @example buildReportHtml(input).includes(`运行编号 ${input.runId}`) //=> true
 * @see docs/exports.md "The report"
 */
export function buildReportHtml(input: ExportInput): string {
  const o = input.optimize;
  const meta: string[][] = [
    ['情景', `${input.scenarioName}（版本 ${input.scenarioVersion}）`],
    ['规划期', `${o.scenario.startMonth} 起 ${o.scenario.horizonMonths} 个月；基准日 ${input.scenario.asOf}`],
    ['运行编号', input.runId],
    ['代码版本', input.codeVersion],
    ['金额单位', '万元（四舍五入到 0.01 万元；到分的明细见 Excel 附件）'],
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(`${input.fundName} 存款存放方案 ${input.runId}`)}</title>
<style>${styles(input)}</style>
</head>
<body>
<h1>${esc(input.fundName)} 存款存放方案报告</h1>
<table class="meta"><tbody>${meta.map(([k, v]) => `<tr><td>${esc(k!)}</td><td>${esc(v!)}</td></tr>`).join('')}</tbody></table>
${summarySection(input)}
${planSection(input)}
${allocationSection(input)}
${rulesSection(input)}
${stressSection(input)}
${chartsSection(input)}
</body>
</html>
`;
}
