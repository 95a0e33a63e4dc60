import type { ModuleDescriptor } from '../platform/module.ts';
import { casesModule } from './cases/index.ts';
import { catalogModule } from './catalog/index.ts';
import { orgModule } from './org/index.ts';
import { portalModule } from './portal/index.ts';

/**
 * The business modules of the house, in the order they build on each other: a module comes after
 * every module whose index.ts it imports. Migrations, routes, job handlers, event subscriptions,
 * start-up work and operator commands are taken from here (server/house.ts). Adding a module is
 * its folder plus one line here (docs/adding-a-module.md).
 */
export const MODULES: readonly ModuleDescriptor[] = [orgModule, catalogModule, casesModule, portalModule];
