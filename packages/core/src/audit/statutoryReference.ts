import type { IsoDate } from '../dates/isoDate';
import type { Benchmark, Scenario } from '../schemas/scenario';
import { quotedRate } from '../schemas/lookup';

/**
 * The rate table a statutory demand-rate rule points at for one bank on one day: the frozen PBOC benchmark of
 * 2015-10-24 when `statutory.reading` is `benchmark` (the default), or the bank's own listed demand and time rates
 * (its dated `banks[].quotes`) when it is `listed`; a term the bank does not quote falls back to the benchmark.
 *
 * @param scenario - the validated scenario (its `statutory` block and banks)
 * @param bankId - the bank that holds the account
 * @param onDate - the day the table is read on
 * @returns the table the rules read (`time3m` is "the 3-month rate" of 银发〔1997〕567号)
 * @example statutoryReference(sample, 'icbc', isoDate('2025-06-20')).time3m.toString() //=> '0.011' (benchmark reading)
 * @see docs/domain.md §2.2 (the two readings of "the 3-month rate"), §6.1 (the benchmark), §6.2 (listed rates)
 */
export function statutoryReference(scenario: Pick<Scenario, 'statutory' | 'banks'>, bankId: string, onDate: IsoDate): Benchmark {
  const table = scenario.statutory.benchmark;
  if (scenario.statutory.reading === 'benchmark') return table;
  const bank = scenario.banks.find((b) => b.id === bankId);
  if (!bank) return table;
  const listed = (product: 'demandDeposit' | 'timeDeposit', termMonths?: number) => quotedRate(bank, product, termMonths, onDate);
  return {
    ...table,
    demand: listed('demandDeposit') ?? table.demand,
    time3m: listed('timeDeposit', 3) ?? table.time3m,
    time6m: listed('timeDeposit', 6) ?? table.time6m,
    time1y: listed('timeDeposit', 12) ?? table.time1y,
    time2y: listed('timeDeposit', 24) ?? table.time2y,
    time3y: listed('timeDeposit', 36) ?? table.time3y,
  };
}
