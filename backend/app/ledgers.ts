import type { Ledger } from '../../types/domain';
import { emptyLedger } from '../domain/ledger';
import type { UseCaseContext } from './action';
import { policyFor } from './proposals';

/** A community's ledger of a year; before any allocation, empty under the district's quota. */
export async function ledgerOf(context: UseCaseContext, communityId: string, year: number): Promise<Ledger | null> {
  const { store } = context.services;
  const place = await store.findCommunity(communityId);
  if (!place) return null;
  const stored = await store.findLedger(communityId, year);
  if (stored) return stored;
  return emptyLedger((await policyFor(store, place.districtId, year)).quotaFen);
}
