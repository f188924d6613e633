import { FUND_TYPES, FUND_TYPE_NAMES_ZH, type FundType } from '@fundladder/core';
import { normalizeText } from './units';

/**
 * Names a fund type goes by in finance systems, besides its full name in {@link FUND_TYPE_NAMES_ZH} (docs/domain.md §1.1).
 * Compared after {@link foldFundName}, so 基本/基金 and spaces do not matter.
 */
const ALIASES: Record<FundType, readonly string[]> = {
  employeePension: ['企业职工基本养老保险基金', '城镇企业职工基本养老保险基金', '城镇职工基本养老保险基金', '企业养老保险', '企业职工养老', '企业养老', '职工养老', '企保'],
  residentPension: ['城乡居民基本养老保险基金', '居民养老保险', '城乡居民养老', '居民养老', '城乡养老', '城居保'],
  publicSectorPension: ['机关事业单位基本养老保险基金', '机关事业单位养老', '机关事业养老', '机关养老保险', '机关养老', '机保'],
  employeeMedical: ['城镇职工基本医疗保险基金', '职工基本医疗保险基金', '职工医疗保险', '城镇职工医疗', '职工医疗', '职工医保', '城镇职工医保'],
  residentMedical: ['城乡居民基本医疗保险基金', '居民医疗保险', '城乡居民医疗', '城乡居民医保', '居民医疗', '居民医保'],
  unemployment: ['失业保险基金', '失业'],
  workInjury: ['工伤保险基金', '工伤'],
  maternity: ['生育保险基金', '生育'],
};

/** Short forms that fit several fund types: resolved only when the scenario or file has just one of them. */
const AMBIGUOUS: Record<string, readonly FundType[]> = {
  养老: ['employeePension', 'residentPension', 'publicSectorPension'],
  医疗: ['employeeMedical', 'residentMedical'],
  医保: ['employeeMedical', 'residentMedical'],
  社会保险: [...FUND_TYPES],
};

/**
 * Folds a fund-type name for matching: NFKC, no spaces, without 基本, 基金, 保险 and a trailing 险.
 * @example foldFundName('企业职工基本养老保险基金') //=> '企业职工养老'
 * @example foldFundName('失业保险') //=> '失业'
 */
export function foldFundName(text: string): string {
  return normalizeText(text).replace(/基本/g, '').replace(/基金$/, '').replace(/保险$/, '').replace(/险$/, '');
}

const BY_NAME = new Map<string, FundType>();
for (const id of FUND_TYPES) {
  for (const name of [FUND_TYPE_NAMES_ZH[id], ...ALIASES[id]]) BY_NAME.set(foldFundName(name), id);
  BY_NAME.set(id.toLowerCase(), id);
}
const AMBIGUOUS_FOLDED = new Map(Object.entries(AMBIGUOUS).map(([name, ids]) => [foldFundName(name), ids]));

/**
 * Maps a fund type as a finance system writes it to the scenario's id: the full Chinese name
 * (企业职工基本养老保险基金), a common short form (失业, 工伤, 职工医保) or the id itself (any case). A short form that
 * fits several (养老, 医疗) is resolved only when exactly one of its fund types is among `among`.
 * @param text - the cell
 * @param among - the fund types the scenario (or the rest of the file) already has, to resolve 养老/医疗
 * @returns the id; or `ambiguous` with the candidates; or `unknown`
 * @example resolveFundType('企业职工基本养老保险基金') //=> { ok: true, fundType: 'employeePension' }
 * @example resolveFundType('养老') //=> { ok: false, problem: 'ambiguous', candidates: ['employeePension', 'residentPension', 'publicSectorPension'] }
 * @example resolveFundType('养老', ['employeePension', 'unemployment']) //=> { ok: true, fundType: 'employeePension' }
 */
export function resolveFundType(text: string, among: readonly string[] = []): { ok: true; fundType: FundType } | { ok: false; problem: 'ambiguous'; candidates: readonly FundType[] } | { ok: false; problem: 'unknown' } {
  const folded = foldFundName(text);
  if (folded === '') return { ok: false, problem: 'unknown' };
  const known = BY_NAME.get(folded) ?? BY_NAME.get(normalizeText(text));
  if (known) return { ok: true, fundType: known };
  const candidates = AMBIGUOUS_FOLDED.get(folded);
  if (!candidates) return { ok: false, problem: 'unknown' };
  const present = candidates.filter((c) => among.includes(c));
  return present.length === 1 ? { ok: true, fundType: present[0]! } : { ok: false, problem: 'ambiguous', candidates };
}
