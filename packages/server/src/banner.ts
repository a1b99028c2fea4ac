import type { ServerConfig } from './config.js';
import type { SeedResult } from './seed-demo.js';

/** What a person starting the server needs to see once: where it is and how to call it. */
export function startBanner(
  config: ServerConfig,
  baseUrl: string,
  storage: string,
  seed: SeedResult,
  dunning?: { scheduler: string; simulatedToday: string | null },
): string {
  const lines = [
    '',
    '  Collectkit server is running',
    '',
    `  API           ${baseUrl}/v1`,
    `  API docs      ${baseUrl}/api`,
    `  OpenAPI       ${baseUrl}/v1/openapi.json`,
    `  Health        ${baseUrl}/health`,
    `  Demo site     ${baseUrl}/demo/  (svenska: ${baseUrl}/demo/sv/)`,
    `  Docs          ${baseUrl}/docs/`,
    `  Embed script  ${baseUrl}/embed/collect.js`,
    `  Storage       ${storage}`,
    ...(dunning ? [`  Dunning       scheduler ${dunning.scheduler}`] : []),
    ...(dunning?.simulatedToday ? [`  Simulated day ${dunning.simulatedToday} (collectkit-server simulate --days N moves it on)`] : []),
    '',
  ];
  if (seed.credentials) {
    const { publishableKey, secretKey, operator } = seed.credentials;
    lines.push(
      `  Demo association${seed.created ? ' (created now)' : ''}: Dansk Autoværksteds Forening (demo)`,
      `  Publishable key   ${publishableKey}`,
      `  Secret key        ${secretKey}`,
      `  Operator login    ${operator.email} / ${operator.password}`,
      `  (kept in ${config.dataDir}/demo-keys.json)`,
      '',
    );
  } else {
    lines.push(`  Demo keys: not available (${config.dataDir}/demo-keys.json is missing; keys are stored hashed).`, '');
  }
  return lines.join('\n');
}
