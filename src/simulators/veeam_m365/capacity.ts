// The storage, licence, coverage and proxy part of the VB365 simulator: its data, its modes and its routes.
import type { SimReply, SimRequest } from '../common';
import { type CapacityData, generateCapacity, shuffleCapacity } from './capacity-data';
import { capacityRoute, type ListReply } from './capacity-routes';
import type { CapacityMode } from './capacity-shapes';
import type { M365Data } from './data';
import type { ShapeCtx } from './shapes';

export interface CapacitySim {
  readonly data: CapacityData;
  /** The modes in force; tests may change them between requests. */
  readonly modes: Set<CapacityMode>;
  /** The answer of one of these endpoints, or undefined for any other path. */
  route(req: SimRequest, rest: string, c: ShapeCtx, now: number, list: ListReply): SimReply | undefined;
}

export interface CapacityOptions {
  licensedUsers?: number;
  modes?: CapacityMode[];
  /** Shuffle every list with this seed (a server with its own order). */
  shuffleSeed?: number;
}

/** Made from the organizations before they are shuffled: the estate must not depend on list order. */
export function createCapacitySim(m365: M365Data, now: number, o: CapacityOptions): CapacitySim {
  const data = generateCapacity(m365, now, o.licensedUsers);
  if (o.shuffleSeed !== undefined) shuffleCapacity(data, o.shuffleSeed);
  const modes = new Set(o.modes ?? []);
  return {
    data,
    modes,
    route: (req, rest, c, at, list) =>
      capacityRoute(req, rest.split('/'), { c: { ...c, modes }, cap: data, orgs: m365.orgs, now: at, list }),
  };
}
