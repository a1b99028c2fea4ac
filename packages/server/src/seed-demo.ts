import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock.js';
import { hashPassword } from './auth/passwords.js';
import { DEFAULT_PLAN_ID } from './pricing-plans.js';
import { createAssociation } from './store/associations.js';
import type { Database } from './store/database.js';
import { createUser } from './store/users.js';

export const DEMO_ASSOCIATION_NAME = 'Dansk Autoværksteds Forening (demo)';
/** Any constant; shared by the processes of one deployment so only one of them seeds. */
const SEED_LOCK_KEY = 7_245_310_002;

export interface DemoCredentials {
  associationId: string;
  publishableKey: string;
  secretKey: string;
  operator: { email: string; password: string };
}

export interface SeedResult {
  /** True on the start that created the demo association. */
  created: boolean;
  /** From this start, or from `<dataDir>/demo-keys.json`; undefined if that file is gone. */
  credentials?: DemoCredentials;
}

/**
 * On the first start (no association at all), creates the demo association with a publishable and
 * a secret key and an operator account. Keys are stored hashed, so they are known only now: they go
 * to `<dataDir>/demo-keys.json` (mode 0600) so later starts can print them again. Later starts add
 * the origins they serve from to the demo association's allowed origins.
 */
export async function seedDemo(db: Database, clock: Clock, options: { dataDir: string; allowedOrigins: string[] }): Promise<SeedResult> {
  const keysFile = join(options.dataDir, 'demo-keys.json');
  const created = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const existing = await tx.query('SELECT 1 FROM associations LIMIT 1');
    if (existing.length > 0) return undefined;
    const now = clock.now();
    const association = await createAssociation(
      tx,
      { name: DEMO_ASSOCIATION_NAME, country: 'DK', allowedOrigins: options.allowedOrigins, pricingPlanId: DEFAULT_PLAN_ID },
      now,
    );
    const operator = { email: 'operator@demo.collectkit.local', password: randomBytes(12).toString('base64url') };
    await createUser(tx, {
      associationId: association.associationId,
      creditorId: null,
      role: 'operator',
      email: operator.email,
      passwordHash: await hashPassword(operator.password),
      now,
    });
    return { ...association, operator };
  });
  if (created) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(keysFile, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
    return { created: true, credentials: created };
  }
  if (!existsSync(keysFile)) return { created: false };
  const credentials = JSON.parse(readFileSync(keysFile, 'utf8')) as DemoCredentials;
  // A restart on another PORT or PUBLIC_URL must still let the demo pages call the API.
  await db.query(
    `UPDATE associations SET allowed_origins = ARRAY(SELECT DISTINCT o FROM unnest(allowed_origins || $2::text[]) AS o ORDER BY o)
      WHERE id = $1 AND NOT (allowed_origins @> $2::text[])`,
    [credentials.associationId, options.allowedOrigins],
  );
  return { created: false, credentials };
}
