// The answers the Overview and the Plan's maturity ladder read (apps/api/src/routes/overview.ts, warnings.ts), checked
// at the boundary like every answer (schemas.ts). Not strict: a field the API adds later does not break the app.
import { z } from 'zod';
import { decimalText, yuan } from './schemas';

const positionRow = z.object({ cash: yuan, liquidDeposits: yuan, termDeposits: yuan, bonds: yuan, total: yuan });
export type PositionRow = z.output<typeof positionRow>;

export const overviewSchema = z.object({
  scenarioVersionId: z.string(),
  scenarioName: z.string(),
  version: z.int(),
  asOf: z.string(),
  startMonth: z.string(),
  horizonMonths: z.int(),
  bankNames: z.record(z.string(), z.string()),
  position: z.object({ total: positionRow, byFundType: z.array(positionRow.extend({ fundType: z.string() })), byBank: z.array(positionRow.extend({ bankId: z.string().nullable() })) }),
  cover: z.object({
    windowMonths: z.int(),
    threshold: decimalText,
    byFundType: z.array(z.object({ fundType: z.string(), liquid: yuan, meanOutflow: yuan.optional(), monthsCovered: decimalText.optional(), months: z.array(z.object({ month: z.string(), outflow: yuan, source: z.enum(['actual', 'forecast']) })) })),
  }),
  maturities: z.array(z.object({ id: z.string(), fundType: z.string(), bankId: z.string().nullable(), product: z.string(), termMonths: z.int(), annualRate: decimalText, principal: yuan, maturityDate: z.string(), interest: yuan })),
  statutory: z.array(z.object({ accountId: z.string(), bankId: z.string().nullable(), fundType: z.string().nullable(), statutoryRule: z.string(), contractRate: decimalText, statutoryRate: decimalText, gapBp: decimalText, message: z.string() })),
  structural: z.object({ runId: z.string(), byFundType: z.array(z.object({ fundType: z.string(), structuralShortProbability: z.number().min(0).max(1), structuralMedianFirstMonth: z.string().optional(), structuralMedianShort: yuan.optional() })) }).nullable(),
});
export type Overview = z.output<typeof overviewSchema>;

export const WARNING_RULES = ['monthsCovered', 'bankCapNear', 'maturityUnplaced', 'belowStatutoryRate', 'structuralGap'] as const;

export const warningSchema = z.object({
  id: z.string(),
  rule: z.string(),
  subject: z.string(),
  state: z.enum(['open', 'cleared']),
  firstSeen: z.string(),
  lastSeen: z.string(),
  clearedAt: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type Warning = z.output<typeof warningSchema>;
export const warningListSchema = z.object({ warnings: z.array(warningSchema) });

const productTerm = z.object({ product: z.string(), termMonths: z.int(), amount: yuan });
export type ProductTermAmount = z.output<typeof productTerm>;
export const ladderSchema = z.object({ runId: z.string(), months: z.array(z.object({ month: z.string(), outstanding: z.array(productTerm), maturing: z.array(productTerm) })) });
export type MaturityLadder = z.output<typeof ladderSchema>;
