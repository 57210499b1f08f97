/**
 * A new proposal (R-COL-1, R-SRC-1, R-SUP-3): what it must hold, and the record it starts as.
 * The lengths and the number of photos are the ones the forms and the payload schemas use
 * (common/limits.ts).
 */
import type { Category, DateString, InstantString, Place, ProposalChannel, ProposalRecord, Source } from '../../types/domain';
import { CATEGORY_LABELS, isCategory, isSource, SOURCE_LABELS } from '../../common/glossary';
import { LIST_LIMITS, TEXT_LIMITS } from '../../common/limits';
import type { DomainEvent } from './events';
import { compact, firstRefusal, requireLength, requireText, type Check } from './lifecycle.checks';
import { refusal, type Failure } from './result';

export interface SubmissionInput {
  title: string;
  /** R-CAT-1; checked here too, because it arrives from a form. */
  category: string;
  location: string;
  description: string;
  /** R-SRC-1 */
  source: string;
  libraryEntryId?: string;
  photos?: string[];
  /** Issue 18: a proposal received offline, keyed in by community staff for its originator. */
  onBehalfOf?: { name: string; channel: string };
}

/** How an offline proposal reached the community (issue 18). */
export const PROPOSAL_CHANNELS: readonly ProposalChannel[] = ['paper', 'phone', 'visit', 'mailbox', 'other'];

function checkOnBehalfOf(input: SubmissionInput, submitter: SubmissionContext['submitter']): Check {
  const given = input.onBehalfOf;
  if (given === undefined) return null;
  if (submitter !== 'community') return refusal('invalid_input', '只有社区工作人员可代为录入线下收到的提议', 'onBehalfOf');
  return firstRefusal(
    requireText(given.name, 'onBehalfOf.name', '提议人姓名'),
    requireLength(given.name, 20, 'onBehalfOf.name', '提议人姓名'),
    (PROPOSAL_CHANNELS as string[]).includes(given.channel) ? null : refusal('invalid_input', '收集渠道无效', 'onBehalfOf.channel'),
  );
}

export interface SubmissionContext {
  /** The id and the instant the store gives the new record. */
  id: string;
  createdAt: InstantString;
  today: DateString;
  place: Place;
  proposer: { openid: string; name: string };
  /** A resident proposes as a resident; a community worker also records proposals of others. */
  submitter: 'resident' | 'community';
}

export type SubmissionResult = { ok: true; record: ProposalRecord; events: DomainEvent[] } | Failure;

/** The sources a resident may give: their own suggestion, or a pick from the project library. */
const RESIDENT_SOURCES: readonly Source[] = ['resident', 'library'];

function checkSubmission(input: SubmissionInput, submitter: SubmissionContext['submitter']): Check {
  const photos = input.photos ?? [];
  return firstRefusal(
    requireText(input.title, 'title', '标题'),
    requireLength(input.title, TEXT_LIMITS.proposalTitle, 'title', '标题'),
    isCategory(input.category)
      ? null
      : refusal('invalid_input', `类别须为${Object.values(CATEGORY_LABELS).join('、')}之一`, 'category'),
    requireText(input.location, 'location', '地点'),
    requireLength(input.location, TEXT_LIMITS.location, 'location', '地点'),
    requireText(input.description, 'description', '需求描述'),
    requireLength(input.description, TEXT_LIMITS.description, 'description', '需求描述'),
    isSource(input.source)
      ? null
      : refusal('invalid_input', `来源须为${Object.values(SOURCE_LABELS).join('、')}之一`, 'source'),
    submitter === 'resident' && !(RESIDENT_SOURCES as string[]).includes(input.source)
      ? refusal('invalid_input', '居民提议的来源须为居民意见建议或项目库', 'source')
      : null,
    input.source === 'library'
      ? requireText(input.libraryEntryId, 'libraryEntryId', '项目库条目')
      : input.libraryEntryId === undefined
        ? null
        : refusal('invalid_input', '只有来源为项目库的提议可关联项目库条目', 'libraryEntryId'),
    photos.length <= LIST_LIMITS.photos ? null : refusal('invalid_input', `照片不得超过 ${LIST_LIMITS.photos} 张`, 'photos'),
    checkOnBehalfOf(input, submitter),
  );
}

/**
 * R-COL-1, R-SRC-1, R-SUP-3: a proposal arrives at any time, with its source recorded. A new
 * record starts at version 1; the store inserts it under its `id`.
 */
export function submitProposal(input: SubmissionInput, context: SubmissionContext): SubmissionResult {
  const refused = checkSubmission(input, context.submitter);
  if (refused) return { ok: false, error: refused };
  const record: ProposalRecord = compact({
    id: context.id,
    ...context.place,
    state: 'submitted' as const,
    title: input.title,
    category: input.category as Category,
    location: input.location,
    description: input.description,
    source: input.source as Source,
    libraryEntryId: input.libraryEntryId,
    photos: [...(input.photos ?? [])],
    proposerOpenid: context.proposer.openid,
    // Issue 18: an offline proposal names its originator as the proposer, with the channel.
    proposerName: input.onBehalfOf ? input.onBehalfOf.name.trim() : context.proposer.name,
    onBehalfOf: input.onBehalfOf ? { name: input.onBehalfOf.name.trim(), channel: input.onBehalfOf.channel as ProposalChannel } : undefined,
    createdAt: context.createdAt,
    version: 1,
  });
  const event: DomainEvent = {
    type: 'ProposalSubmitted',
    proposalId: record.id,
    communityId: record.communityId,
    from: null,
    to: 'submitted',
    on: context.today,
  };
  return { ok: true, record, events: [event] };
}

