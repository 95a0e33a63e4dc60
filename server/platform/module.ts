import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { Action } from '../../contracts/access.ts';
import type { ErrorCode } from '../../contracts/error-codes.ts';
import type { ScopeMover } from './access/scope-moves.ts';
import type { AnchoredChain } from './audit/anchored-chain.ts';
import type { ActorLoader } from './auth/plugin.ts';
import type { Platform } from './context.ts';
import type { Dialect } from './db/index.ts';
import type { EventSubscription } from './events/index.ts';
import type { JobHandlers } from './jobs/handlers.ts';
import type { SmsProvider } from './notify/providers.ts';

/**
 * The one contract every part of the house keeps. The platform (`platform/descriptor.ts`) and each
 * business module (`modules/<name>/index.ts`) export one descriptor; `modules/index.ts` lists the
 * modules in order, and the composition root (`server/house.ts`) loops over platform + modules for
 * migrations, routes, job handlers, start-up work and operator commands. Adding a module is one
 * folder plus one line in that list (docs/adding-a-module.md).
 */
export interface ModuleDescriptor {
  /** Lower-case name; the prefix of its job kinds, events, audit actions and error codes' family. */
  name: string;
  /**
   * Its migrations by name. Each part owns a numbered block (platform 0001–0099, org 0100–, catalog
   * 0200–, cases 0300–, the next module 0400–); a landed migration is never edited.
   */
  migrations(dialect: Dialect): Record<string, Migration>;
  /** Registers its HTTP routes (each route carries its own access check). */
  routes?(app: FastifyInstance, platform: Platform, house: HouseView): void;
  /** Its job handlers by kind (`name.verb`); two parts claiming one kind is a start-up error. */
  jobHandlers?(wiring: JobWiring, house: HouseView): JobHandlers;
  /** What it wants to hear of other parts' domain events (platform/events/README.md). */
  subscriptions?: readonly EventSubscription[];
  /** Work at process start once the app listens, e.g. making sure its daily job chain exists. */
  start?(platform: Platform): Promise<void>;
  /** Rows it scopes by org paths, moved with a moved org unit (platform/access/scope-moves.ts). */
  scopeMovers?: readonly ScopeMover[];
  /** Its append-only hash chains, anchored in every signed audit checkpoint. */
  anchoredChains?: readonly AnchoredChain[];
  /** Its operator commands (`npx onewindow …`). */
  commands?: CommandRegistrar;
  /** The module that resolves a session's actor (exactly one part provides it: org, the staff). */
  actorLoader?: ActorLoader;
  /**
   * What it owns of the house's vocabularies (server/house.test.ts checks that every audit action,
   * error code and access action belongs to exactly one part): the audit actions it writes (the
   * list its `auditFor` writer is typed by, `prefix.verbObject`), its error codes (its block of
   * contracts/error-codes.ts, by prefix), and its access actions (contracts/access.ts).
   */
  auditActions: readonly string[];
  errorCodes: readonly ErrorCode[];
  accessActions: readonly Action[];
}

/** What the composition root knows about the whole house, for the parts that serve all of it. */
export interface HouseView {
  anchoredChains: readonly AnchoredChain[];
}

/** What job handlers need from the process that runs them (chosen by configuration in main). */
export interface JobWiring {
  sms: SmsProvider;
}

/** Opens the platform for one operator command and always closes it. */
export type WithPlatform = <T>(
  work: (platform: Platform) => Promise<T>,
  options?: { migrate?: boolean },
) => Promise<T>;

/** Adds a group of operator commands to the CLI program. */
export type CommandRegistrar = (program: Command, withPlatform: WithPlatform, house: HouseView) => void;
