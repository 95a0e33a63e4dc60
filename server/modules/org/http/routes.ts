import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/context.ts';
import { staffRoutes } from './routes-staff.ts';
import { orgUnitRoutes } from './routes-units.ts';
import { windowRoutes } from './routes-windows.ts';

/** HTTP wiring of the org module: org units, windows, staff. */
export function orgRoutes(app: FastifyInstance, platform: Platform): void {
  orgUnitRoutes(app, platform);
  windowRoutes(app, platform);
  staffRoutes(app, platform);
}
