import { TEXT_LIMITS, LIST_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { ProposalView } from '../../../types/api';
import { submitProposal as submitToDomain } from '../../domain/submission';
import { holdsRole } from '../../domain/scope';
import { yearOf } from '../../domain/calendar';
import { isLibraryEntryUsable } from '../../domain/library';
import { CITY_SCOPE_ID } from '../../domain/scope';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { messagesTo } from '../notifications';
import { commitRefused, indexingOf, policyFor, proposalChain, proposalView, transitionContextFor } from '../proposals';
import { category, personText, recordId, requestId, source } from '../schemas';
import { checkPhotos } from '../photos';
import { refuseRetiredCommunity } from '../onboarding';


export const submitProposal = defineAction({
  name: 'proposal.submit',
  summary: 'A proposal arrives at any time (R-COL-1) with its source (R-SRC-1); one started from the project library copies its plan and budget lines (R-SUP-3). The same requestId from the same caller answers the first proposal, never a second one. A retired community takes no new proposals (R-DIR-1, `invalid_state`).',
  schema: z.object({
    communityId: recordId,
    title: personText(TEXT_LIMITS.proposalTitle),
    category,
    location: personText(TEXT_LIMITS.location),
    description: personText(TEXT_LIMITS.description),
    source,
    libraryEntryId: recordId.optional(),
    photos: z.array(z.string().min(1).max(256).regex(/^[\w:/.-]+$/)).max(LIST_LIMITS.photos).optional(),
    // Issue 18: community staff keying in a proposal received offline
    onBehalfOf: z.object({ name: personText(20), channel: z.enum(['paper', 'phone', 'visit', 'mailbox', 'other']) }).optional(),
    requestId,
  }),
  access: { signIn: true, permission: 'proposal.submit' },
  audit: ['proposal'],
  next: ['proposal.screen'],
  async run(input, context) {
    const { store, contentCheck, limits, newId } = context.services;
    const openid = context.caller.openid as string;
    const place = await store.findCommunity(input.communityId);
    if (!place) return fail('not_found', '没有这个社区', 'communityId');
    const refused = context.authorize(place);
    if (refused) return refused;
    // A retired (撤销 or merged) community takes no new proposals; its records stay (issue 16).
    const retired = await refuseRetiredCommunity(store, input.communityId);
    if (retired) return retired;

    // The caller's own uploads, checked once in WeChat (issue 13: type, size, media check).
    const photoRefused = await checkPhotos(context, openid, input.photos ?? []);
    if (photoRefused) return photoRefused;

    const libraryEntry = input.libraryEntryId ? await store.findLibraryEntry(input.libraryEntryId) : null;
    if (input.libraryEntryId && !libraryEntry) return fail('not_found', '项目库中没有这个条目', 'libraryEntryId');
    // R-SUP-3: a street's entry is used inside that street, a district's inside that district, the city's everywhere.
    if (libraryEntry && !isLibraryEntryUsable(libraryEntry.scopeId ?? CITY_SCOPE_ID, place)) {
      return fail('forbidden', '该项目库条目不适用于本社区', 'libraryEntryId');
    }

    // Each field is checked on its own, so that a refusal names the field to change.
    const checked = ['title', 'location', 'description'] as const;
    const verdicts = await Promise.all(checked.map((field) => contentCheck.check(input[field], { openid, scene: 'proposal' }).catch(() => 'review' as const)));
    // A proposal is screened by the community anyway: only text the check refuses is turned away.
    const refusedField = checked.find((_, index) => verdicts[index] === 'risky');
    if (refusedField) return fail('content_rejected', '内容未通过安全检查，请修改后再提交', refusedField);

    const submitted = submitToDomain(
      {
        title: input.title,
        category: input.category,
        location: input.location,
        description: input.description,
        source: input.source,
        libraryEntryId: input.libraryEntryId,
        photos: input.photos,
        onBehalfOf: input.onBehalfOf,
      },
      {
        id: newId('p'),
        createdAt: context.at,
        today: context.today,
        place,
        proposer: { openid, name: context.user?.name ?? '居民' },
        submitter: holdsRole(context.actor, ['community'], place) ? 'community' : 'resident',
      },
    );
    if (!submitted.ok) return submitted;
    const record = libraryEntry
      ? { ...submitted.record, libraryTemplate: { plan: libraryEntry.plan, budgetLines: libraryEntry.budgetLines } }
      : submitted.record;
    const policy = await policyFor(store, place.districtId, yearOf(context.today));
    const created = await store.createProposal({
      record,
      indexing: indexingOf(record, policy, context),
      request: { openid, action: 'proposal.submit', requestId: input.requestId },
      rateLimit: { openid, action: 'proposal.submit', windowStart: context.today, max: limits.proposalsPerDay },
      audit: context.auditEntry({ chainId: proposalChain(record.id), to: 'submitted', detail: { event: 'ProposalSubmitted', source: record.source } }),
      // Notifications: the community's workers have a new proposal to screen (R-COL-1).
      outbox: messagesTo(await store.staffOf('community', place.communityId), 'proposal_submitted', { proposalId: record.id, title: record.title }, openid),
    });
    if (!created.ok) return commitRefused(created);
    const stored = created.value.stored;
    const view: ProposalView = proposalView(stored, context.actor, await transitionContextFor(context, stored.record));
    return ok(view);
  },
});
