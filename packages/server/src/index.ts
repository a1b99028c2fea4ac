/**
 * @collectkit/server — the self-hostable reference backend. `collectkit-server` (bin.ts) is the
 * command; these exports let you embed the app or drive it from tests.
 * @packageDocumentation
 */
export { buildApp, type AppConfig } from './app.js';
export { systemClock, adjustableClock, type Clock, type AdjustableClock } from './clock.js';
export { readConfig, type ServerConfig } from './config.js';
export type { Database, Queryable } from './store/database.js';
export { openDatabase, DEFAULT_DATA_DIR } from './store/open-database.js';
export { migrate, type MigrationResult } from './store/migrate.js';
export { seedDemo, type DemoCredentials } from './seed-demo.js';
export type { AuthContext, AuthKind } from './auth/auth-context.js';
