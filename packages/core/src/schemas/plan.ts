import { z } from 'zod';
import { annualRate, couponFrequencySchema, idSchema, monthKeySchema, moneyString, termMonthsSchema } from './primitives';
import { bondKindSchema, fundTypeSchema, placeableKindSchema } from './enums';

/** One placement: on the month's placement day, put `amount` into a product and term at a bank. */
export const placementSchema = z.strictObject({
  month: monthKeySchema,
  product: placeableKindSchema,
  /**
   * Term in months. For call (通知) and agreed (协定) deposits, which have no term, it is how long the
   * plan keeps the money there before withdrawing it on the same day that many months later.
   */
  termMonths: termMonthsSchema,
  /** Required for deposits; bonds are not held at a bank. */
  bankId: idSchema.optional(),
  /** Whose money; omitted = drawn from every fund type's cash in proportion to its balance. */
  fundType: fundTypeSchema.optional(),
  amount: moneyString,
  /** The agreed rate; omitted = the bank's quote (or the bond yield) in force on the placement day. */
  annualRate: annualRate.optional(),
  couponFrequency: couponFrequencySchema.optional(),
  bondKind: bondKindSchema.optional(),
  note: z.string().optional(),
});

export const planSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  placements: z.array(placementSchema),
});

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Placement = z.output<typeof placementSchema>;
