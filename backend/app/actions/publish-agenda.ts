import { z } from 'zod';
import type { Meeting, ProposalView } from '../../../types/api';
import { transition, type TransitionContext } from '../../domain/lifecycle';
import { targetOf } from '../../domain/permissions';
import type { ProposalWrite, TransitionBatch } from '../ports/store.port';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commitRefused, effectsOf, indexingOf, proposalView, transitionContextFor } from '../proposals';
import { dateString, recordId } from '../schemas';

export const publishAgenda = defineAction({
  name: 'council.publishAgenda',
  summary: 'One meeting of the residents\' council with the drafted proposals it will decide on, published at least 3 working days before it meets (R-COU-2). All its proposals move to `agenda_published` together, or none does.',
  schema: z.object({
    communityId: recordId,
    meetingOn: dateString,
    proposalIds: z.array(recordId).min(1).max(50),
  }),
  access: { signIn: true, permission: 'council.publishAgenda' },
  audit: ['proposal'],
  next: ['council.recordVote'],
  async run(input, context) {
    const { store, newId } = context.services;
    const place = await store.findCommunity(input.communityId);
    if (!place) return fail('not_found', '没有这个社区', 'communityId');
    const refused = context.authorize(place);
    if (refused) return refused;
    const proposalIds = [...new Set(input.proposalIds)];
    const meetingId = newId('m');

    const writes: ProposalWrite[] = [];
    const effects: Pick<TransitionBatch, 'ledgerMoves' | 'changes' | 'audit' | 'outbox'> = { ledgerMoves: [], changes: [], audit: [], outbox: [] };
    const contexts: TransitionContext[] = [];
    for (const [index, id] of proposalIds.entries()) {
      const stored = await store.findProposal(id);
      if (!stored || stored.record.communityId !== input.communityId) {
        return fail('not_found', '议题中有不属于本社区的项目', `proposalIds.${index}`);
      }
      const transitionContext = await transitionContextFor(context, stored.record);
      const forbidden = context.authorize(targetOf(stored.record, transitionContext.policy));
      if (forbidden) return forbidden;
      const result = transition(stored.record, { action: 'council.publishAgenda', meetingId, meetingOn: input.meetingOn }, transitionContext);
      if (!result.ok) return result.error.field === undefined ? { ok: false, error: { ...result.error, field: `proposalIds.${index}` } } : result;
      writes.push({
        record: result.record,
        indexing: indexingOf(result.record, transitionContext.policy, context),
        expectedVersion: stored.record.version,
        expectedState: stored.record.state,
      });
      const produced = effectsOf(result.events, result.record, 'council.publishAgenda', context);
      effects.audit.push(...produced.audit);
      effects.outbox.push(...produced.outbox);
      contexts.push(transitionContext);
    }
    const meeting = { id: meetingId, communityId: input.communityId, meetingOn: input.meetingOn, proposalIds, publishedOn: context.today };
    const committed = await store.commitTransitions({ at: context.at, proposals: writes, meeting, ...effects });
    if (!committed.ok) return commitRefused(committed);
    const { publishedOn: _publishedOn, ...shown } = meeting;
    return ok<Meeting & { proposals: ProposalView[] }>({ ...shown, proposals: committed.value.map((stored, index) => proposalView(stored, context.actor, contexts[index])) });
  },
});
