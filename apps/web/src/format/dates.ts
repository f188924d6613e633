/**
 * An ISO timestamp from the API in the reader's local time, as `YYYY-MM-DD HH:mm` (the form Chinese finance systems
 * print; the same in both languages). Text that is not a date is shown as it is.
 * @example localDateTime('2026-01-05T02:03:00Z') //=> '2026-01-05 10:03' (in Asia/Shanghai)
 */
export function localDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
