import { z } from 'zod';
import type { AuthContext } from '../auth/auth-context.js';

/** The `Idempotency-Key` header as every idempotent route checks it (DESIGN.md §6). */
export const IdempotencyKeySchema = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, { message: 'printable ASCII without spaces' });

/** Who sent an idempotent request: stored responses are never shared between callers. */
export function callerOf(auth: AuthContext): string {
  if (auth.kind === 'member') return `creditor:${auth.creditorId}`;
  if (auth.kind === 'operator') return `operator:${auth.userId}`;
  return auth.kind;
}
