// Actuals and variance as the API sends them (apps/api/src/routes/actuals.ts; docs/api.md "Actuals and variance").
import { z } from 'zod';
import { yuan } from './schemas';

export const actualSchema = z.object({ id: z.string(), month: z.string(), fundType: z.string(), inflow: yuan, outflow: yuan, source: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string(), supersededBy: z.string().nullable() });
export type Actual = z.output<typeof actualSchema>;
export const actualListSchema = z.object({ actuals: z.array(actualSchema) });

export const actualsRecordedSchema = z.object({
  actuals: z.array(actualSchema),
  superseded: z.array(z.object({ id: z.string(), supersededBy: z.string() })),
  unchanged: z.array(z.object({ month: z.string(), fundType: z.string(), id: z.string() })),
});
export type ActualsRecorded = z.output<typeof actualsRecordedSchema>;

/** Forecast, actual, their difference in yuan and in % of the forecast (null where the scenario forecasts nothing). */
const figures = z.object({ forecast: yuan.nullable(), actual: yuan, variance: yuan.nullable(), variancePercent: z.string().regex(/^-?\d+(\.\d+)?$/).nullable() });
export type VarianceFigures = z.output<typeof figures>;

export const varianceSchema = z.object({
  scenarioVersion: z.string(),
  rows: z.array(z.object({ month: z.string(), fundType: z.string(), inflow: figures, outflow: figures })),
  totals: z.array(z.object({ fundType: z.string(), months: z.number(), inflow: figures, outflow: figures })),
});
export type Variance = z.output<typeof varianceSchema>;
