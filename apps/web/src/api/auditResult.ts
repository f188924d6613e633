// The interest audit's result (docs/audit.md §2), checked with the application layer's own schema through
// `@fundladder/app/wire` as results.ts checks the others (`checkedResult`): the screen then reads the wire form the
// decode accepted — money as yuan text, rates as decimal text. Kept in its own module so the audit screen's chunk
// carries it.
import type { z } from 'zod';
import { auditInterestResult } from '@fundladder/app/wire';

export { auditInterestResult };

export type AuditInterestResult = z.input<typeof auditInterestResult>;
export type AuditedLine = AuditInterestResult['lines'][number];
