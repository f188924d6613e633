// The Plan screen's added words (the maturity ladder, the frontier, links to approval), Chinese first; the English
// keys and signatures must match (messages.test.ts). Merged into src/i18n/messages.ts.

export const planZh = {
  maturityTitle: '到期阶梯',
  maturityNote: '每月末仍在存的定期、大额存单、协定和通知存款及国债，按产品和期限堆叠（精确账本的头寸：存量和本计划新存的）。',
  maturityEmpty: '这个计划在规划期内没有任何存款或国债。',
  maturingTitle: '每月到期收回的本金',
  maturingNone: '规划期内没有到期。',
  ladderSeries: (product: string, term: string) => `${product} ${term}`,
  frontierTitle: '置信度与利息的前沿',
  frontierNote: '每个置信度下计划的利息（精确账本）和由计划造成缺口的概率：安全要得越多，利息越少。',
  frontierNone: '这次运行没有计算前沿。优化时勾选“计算置信度前沿”即可得到（会多花几倍时间）。',
  frontierInterest: '利息',
  frontierGap: '由计划造成缺口的概率',
  frontierConfidence: '置信度',
  frontierOption: '计算置信度前沿（较慢）',
  frontierTableCaption: '前沿各点（先看风险，再看利息）',
  frontierInterestColumn: (unit: string) => `利息（${unit}，精确账本）`,
  frontierStatus: { infeasible: '无可行计划', tooFewPaths: (n: number | undefined) => `情景不足${n ? `（需 ${n} 条）` : ''}`, error: '出错' },
  toApproval: '审批与导出 →',
};

export type PlanMessages = typeof planZh;

export const planEn: PlanMessages = {
  maturityTitle: 'Maturity ladder',
  maturityNote: 'At each month’s end, the time deposits, CDs, agreed and call deposits and bonds still held, stacked by product and term (the exact ledger’s positions: those held today and those this plan places).',
  maturityEmpty: 'This plan holds no deposit or bond over the horizon.',
  maturingTitle: 'Principal coming back each month',
  maturingNone: 'Nothing matures over the horizon.',
  ladderSeries: (product, term) => `${product} ${term}`,
  frontierTitle: 'Confidence–interest frontier',
  frontierNote: 'For each confidence, the plan’s interest (exact ledger) and the probability of a gap the plan causes: the more safety, the less interest.',
  frontierNone: 'This run has no frontier. Tick “compute the confidence frontier” when optimizing to get one (it takes several times as long).',
  frontierInterest: 'Interest',
  frontierGap: 'Probability of a plan-caused gap',
  frontierConfidence: 'Confidence',
  frontierOption: 'Compute the confidence frontier (slower)',
  frontierTableCaption: 'The frontier’s points (risk first, then interest)',
  frontierInterestColumn: (unit) => `Interest (${unit}, exact ledger)`,
  frontierStatus: { infeasible: 'no feasible plan', tooFewPaths: (n) => `too few paths${n ? ` (needs ${n})` : ''}`, error: 'error' },
  toApproval: 'Approval and export →',
};
