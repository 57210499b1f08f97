/**
 * The inbox (消息): what a notification says, and which notices a change posts to a whole
 * community. Every message of the outbox is also an inbox item for its recipient (the stores
 * write both in one transaction), so a new kind of message lands in the inbox without any change
 * here; this module only gives it better words than the fallback.
 */
import type { ChangeKind, ProposalState } from '../../types/domain';
import { CHANGE_KIND_LABELS, NOTIFICATION_FALLBACK_LABEL, NOTIFICATION_KIND_LABELS, STATE_LABELS } from '../../common/glossary';
import type { DomainEvent } from './events';

/** What an inbox item says: a heading and one sentence. */
export interface NotificationWords {
  title: string;
  text: string;
}

/** A notice to every resident of a community, written once and read by each at list time. */
export interface CommunityNoticeDraft {
  communityId: string;
  kind: string;
  proposalId: string;
  payload: Record<string, unknown>;
}

/**
 * How long a community notice stays in residents' inboxes. It keeps a resident's list and unread
 * count bounded by what happened lately in their community, and a newcomer is not greeted by
 * years of old notices.
 */
export const COMMUNITY_NOTICE_DAYS = 60;

/** The earliest instant whose community notices are still shown at `at` (both ISO 8601). */
export function communityNoticesSince(at: string): string {
  return new Date(Date.parse(at) - COMMUNITY_NOTICE_DAYS * 86_400_000).toISOString();
}

/** 2026-12-05 → 12月5日 (the year is the reader's own). */
export function monthDay(date: unknown): string {
  const match = typeof date === 'string' ? /^\d{4}-(\d{2})-(\d{2})$/.exec(date) : null;
  return match ? `${Number(match[1])}月${Number(match[2])}日` : '';
}

function textOf(payload: Record<string, unknown>, key: string): string {
  const value = payload[key];
  return typeof value === 'string' ? value : '';
}

function sentence(kind: string, payload: Record<string, unknown>): string {
  const project = textOf(payload, 'title') ? `「${textOf(payload, 'title')}」` : '项目';
  switch (kind) {
    case 'proposal_state_changed': {
      const to = STATE_LABELS[payload.to as ProposalState] as string | undefined;
      return to ? `您的提议${project}：${to}` : `您的提议${project}有新进展`;
    }
    case 'comment_answered': {
      const reply = textOf(payload, 'reply');
      return reply ? `社区回复了您对${project}的意见：${reply}` : `社区回复了您对${project}的意见`;
    }
    case 'rating_opened':
      return `${project}已完工，欢迎为项目打分`;
    case 'proposal_submitted':
      return `社区收到新提议${project}，请及时筛选`;
    case 'comment_received':
      return payload.status === 'pending' ? `${project}有一条待审核的意见，请审核后回复` : `${project}有新的居民意见，请及时回复`;
    case 'change_requested': {
      const change = CHANGE_KIND_LABELS[payload.changeKind as ChangeKind] as string | undefined;
      return `${project}申请${change ?? '变更'}，请审批`;
    }
    case 'deadline_near': {
      const left = typeof payload.workingDaysLeft === 'number' ? payload.workingDaysLeft : null;
      const due = monthDay(payload.dueOn);
      const when = left === 0 ? '今天截止' : left === null ? `${due}截止` : `${due}截止，还剩 ${left} 个工作日`;
      return `${project}${textOf(payload, 'label') || '办理期限将至'}：${when}`;
    }
    case 'deadline_overdue':
      return `${project}${textOf(payload, 'label') || '办理已逾期'}：${monthDay(payload.dueOn)}已到期，请尽快处理`;
    default:
      // A kind without words of its own (a message added later): its own text if it carries one.
      return textOf(payload, 'text') || project;
  }
}

/** The words of an inbox item of `kind`, from the message's payload. */
export function notificationWords(kind: string, payload: Record<string, unknown>): NotificationWords {
  return { title: NOTIFICATION_KIND_LABELS[kind] ?? NOTIFICATION_FALLBACK_LABEL, text: sentence(kind, payload) };
}

/**
 * The community notices a transition's events post (R-EVA-1): ratings open when a project is
 * completed, for every resident of its community — one notice, not one message per resident.
 */
export function communityNoticesOf(events: DomainEvent[], title: string): CommunityNoticeDraft[] {
  return events
    .filter((event) => event.type === 'ProjectCompleted')
    .map((event) => ({ communityId: event.communityId, kind: 'rating_opened', proposalId: event.proposalId, payload: { proposalId: event.proposalId, title } }));
}
