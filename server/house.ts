import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import { MODULES } from './modules/index.ts';
import { registerScopeMover } from './platform/access/scope-moves.ts';
import type { ActorLoader } from './platform/auth/plugin.ts';
import type { Platform } from './platform/context.ts';
import type { Dialect } from './platform/db/index.ts';
import { platformPart } from './platform/descriptor.ts';
import { eventJobHandlers } from './platform/events/index.ts';
import { type JobHandlers, mergeHandlers } from './platform/jobs/handlers.ts';
import type { HouseView, JobWiring, ModuleDescriptor, WithPlatform } from './platform/module.ts';

/**
 * The composition root's one loop: the platform first, then every business module in the order of
 * `modules/index.ts`. app.ts, the migration runner, the job runner, main.ts and the CLI take what
 * they need from here and know no module by name.
 */
export const PARTS: readonly ModuleDescriptor[] = [platformPart, ...MODULES];

export const house: HouseView = {
  anchoredChains: PARTS.flatMap((p) => p.anchoredChains ?? []),
};

/** Every migration of every part; two parts claiming one name is a start-up error. */
export function houseMigrations(dialect: Dialect): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const part of PARTS) {
    for (const [name, migration] of Object.entries(part.migrations(dialect))) {
      if (all[name]) throw new Error(`migration "${name}" is claimed by two parts (${part.name})`);
      all[name] = migration;
    }
  }
  return all;
}

export function registerHouseRoutes(app: FastifyInstance, platform: Platform): void {
  for (const part of PARTS) part.routes?.(app, platform, house);
}

export function houseJobHandlers(wiring: JobWiring): JobHandlers {
  // Every part's own kinds, plus the dispatch of domain events and one delivery kind per subscriber.
  const subscriptions = PARTS.flatMap((p) => p.subscriptions ?? []);
  return mergeHandlers([
    ...PARTS.map((p) => p.jobHandlers?.(wiring, house) ?? {}),
    eventJobHandlers(subscriptions),
  ]);
}

/** Start-up work of every part, once the app listens (each is idempotent across processes). */
export async function startHouse(platform: Platform): Promise<void> {
  for (const part of PARTS) await part.start?.(platform);
}

/** Registers every part's scope movers (idempotent: a second platform in one process replaces them). */
export function registerHouseScopeMovers(): void {
  for (const part of PARTS) for (const mover of part.scopeMovers ?? []) registerScopeMover(mover);
}

/** The one actor loader of the house (the org module's staff actor). */
export function houseActorLoader(): ActorLoader {
  const loaders = PARTS.flatMap((p) => (p.actorLoader ? [p.actorLoader] : []));
  if (loaders.length !== 1) throw new Error(`exactly one part must load actors; ${loaders.length} do`);
  return loaders[0] as ActorLoader;
}

export function registerHouseCommands(program: Command, withPlatform: WithPlatform): void {
  for (const part of PARTS) part.commands?.(program, withPlatform, house);
}
