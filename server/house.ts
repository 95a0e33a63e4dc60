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
 * What app.ts, the migration runner, the job runner, main.ts and the CLI take from the composition
 * root: one loop over the parts (the platform first, then the business modules in order), so none
 * of them knows a module by name.
 */
export interface House {
  parts: readonly ModuleDescriptor[];
  view: HouseView;
  /** Every migration of every part; two parts claiming one name is a start-up error. */
  migrations(dialect: Dialect): Record<string, Migration>;
  registerRoutes(app: FastifyInstance, platform: Platform): void;
  /** Every part's own job kinds, plus the dispatch of domain events and one delivery kind per subscriber. */
  jobHandlers(wiring: JobWiring): JobHandlers;
  /** The event types the parts subscribe to: the others are recorded without a dispatch job. */
  subscribedEventTypes(): Set<string>;
  /** Start-up work of every part, once the app listens (each is idempotent across processes). */
  start(platform: Platform): Promise<void>;
  /** Registers every part's scope movers (idempotent: a second platform in one process replaces them). */
  registerScopeMovers(): void;
  /** The one actor loader of the house (the org module's staff actor). */
  actorLoader(): ActorLoader;
  registerCommands(program: Command, withPlatform: WithPlatform): void;
}

/** A house of these parts, in this order (the platform must be among them, first). */
export function composeHouse(parts: readonly ModuleDescriptor[]): House {
  const names = new Set<string>();
  for (const part of parts) {
    if (names.has(part.name)) throw new Error(`two parts are named "${part.name}"`);
    names.add(part.name);
  }
  const view: HouseView = { anchoredChains: parts.flatMap((p) => p.anchoredChains ?? []) };
  return {
    parts,
    view,
    migrations(dialect) {
      const all: Record<string, Migration> = {};
      for (const part of parts) {
        for (const [name, migration] of Object.entries(part.migrations(dialect))) {
          if (all[name]) throw new Error(`migration "${name}" is claimed by two parts (${part.name})`);
          all[name] = migration;
        }
      }
      return all;
    },
    registerRoutes(app, platform) {
      for (const part of parts) part.routes?.(app, platform, view);
    },
    jobHandlers(wiring) {
      const subscriptions = parts.flatMap((p) => p.subscriptions ?? []);
      return mergeHandlers([
        ...parts.map((p) => p.jobHandlers?.(wiring, view) ?? {}),
        eventJobHandlers(subscriptions),
      ]);
    },
    subscribedEventTypes() {
      return new Set(parts.flatMap((p) => (p.subscriptions ?? []).flatMap((s) => [...s.types])));
    },
    async start(platform) {
      for (const part of parts) await part.start?.(platform);
    },
    registerScopeMovers() {
      for (const part of parts) for (const mover of part.scopeMovers ?? []) registerScopeMover(mover);
    },
    actorLoader() {
      const loaders = parts.flatMap((p) => (p.actorLoader ? [p.actorLoader] : []));
      if (loaders.length !== 1) throw new Error(`exactly one part must load actors; ${loaders.length} do`);
      return loaders[0] as ActorLoader;
    },
    registerCommands(program, withPlatform) {
      for (const part of parts) part.commands?.(program, withPlatform, view);
    },
  };
}

/**
 * The house that runs: the platform first, then every business module in the order of
 * `modules/index.ts`. Tests may compose a larger one (the harness's `modules` option mounts the
 * template module `modules/example/`, which production never does).
 */
export const defaultHouse: House = composeHouse([platformPart, ...MODULES]);

export const PARTS: readonly ModuleDescriptor[] = defaultHouse.parts;
export const house: HouseView = defaultHouse.view;

/** The default house with extra modules after its own (tests only: production mounts MODULES). */
export function houseWith(extra: readonly ModuleDescriptor[]): House {
  return extra.length === 0 ? defaultHouse : composeHouse([...PARTS, ...extra]);
}

// The default house's loops by their former names (main.ts, the CLI and tests call these).
export const houseMigrations = (dialect: Dialect) => defaultHouse.migrations(dialect);
export const registerHouseRoutes = (app: FastifyInstance, platform: Platform) =>
  defaultHouse.registerRoutes(app, platform);
export const houseJobHandlers = (wiring: JobWiring) => defaultHouse.jobHandlers(wiring);
export const startHouse = (platform: Platform) => defaultHouse.start(platform);
export const registerHouseScopeMovers = () => defaultHouse.registerScopeMovers();
export const houseActorLoader = () => defaultHouse.actorLoader();
export const registerHouseCommands = (program: Command, withPlatform: WithPlatform) =>
  defaultHouse.registerCommands(program, withPlatform);
