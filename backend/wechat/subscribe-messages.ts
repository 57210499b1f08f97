import type { ChangeKind, ProposalState } from '../../types/domain';
import { shanghaiDateOf } from '../domain/calendar';
import { CHANGE_KIND_LABELS, STATE_LABELS } from '../../common/glossary';
import type { OutboxMessage } from '../app/ports/store.port';
import type { SubscribeMessageRequest } from './wx-cloud';

/**
 * The outbox as WeChat subscribe messages. Each kind of message has a template chosen in the
 * mini-program's console (订阅消息 → 公共模板库); its id and, when the template's keywords differ
 * from the defaults below, the keyword of each field come from configuration:
 *
 *   WX_TEMPLATE_<KIND>          the template id (no id: the kind is not sent, and recorded so)
 *   WX_TEMPLATE_<KIND>_FIELDS   keyword:field pairs, e.g. "thing1:title,thing2:state,date3:date,thing4:note"
 *
 * with <KIND> one of PROPOSAL_STATE_CHANGED, COMMENT_ANSWERED, DEADLINE_OVERDUE, DEADLINE_NEAR,
 * and for staff PROPOSAL_SUBMITTED, CHANGE_REQUESTED, COMMENT_RECEIVED.
 * Fields: title (the project's), state (its new state), label (what is due), date, note.
 * Every message opens the proposal's page.
 */

export type MessageKind =
  | 'proposal_state_changed'
  | 'comment_answered'
  | 'deadline_overdue'
  | 'deadline_near'
  // Notifications: the staff's work (a new proposal, a change request, a comment to answer).
  | 'proposal_submitted'
  | 'change_requested'
  | 'comment_received';

export const MESSAGE_KINDS: readonly MessageKind[] = [
  'proposal_state_changed',
  'comment_answered',
  'deadline_overdue',
  'deadline_near',
  'proposal_submitted',
  'change_requested',
  'comment_received',
];

type Field = 'title' | 'state' | 'label' | 'date' | 'note';

const DEFAULT_FIELDS: Record<MessageKind, string> = {
  proposal_state_changed: 'thing1:title,thing2:state,date3:date,thing4:note',
  comment_answered: 'thing1:title,thing2:note,date3:date',
  deadline_overdue: 'thing1:title,thing2:label,date3:date,thing4:note',
  deadline_near: 'thing1:title,thing2:label,date3:date,thing4:note',
  proposal_submitted: 'thing1:title,thing2:note,date3:date',
  change_requested: 'thing1:title,thing2:label,date3:date,thing4:note',
  comment_received: 'thing1:title,thing2:note,date3:date',
};

export interface SubscribeTemplate {
  templateId: string;
  /** Keyword (thing1, date3 …) → field. */
  fields: [keyword: string, field: Field][];
}

export type SubscribeTemplates = Partial<Record<MessageKind, SubscribeTemplate>>;

const FIELDS = new Set<Field>(['title', 'state', 'label', 'date', 'note']);

function parseFields(text: string): [string, Field][] {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [keyword, field] = pair.split(':').map((part) => part.trim());
      if (!/^[a-z_]+\d+$/.test(keyword ?? '') || !FIELDS.has(field as Field)) throw new Error(`subscribe template fields: bad pair "${pair}"`);
      return [keyword, field as Field];
    });
}

/** The templates configured in the environment (the cloud function's 环境变量). */
export function templatesFromEnv(env: Record<string, string | undefined> = process.env): SubscribeTemplates {
  const templates: SubscribeTemplates = {};
  for (const kind of MESSAGE_KINDS) {
    const name = `WX_TEMPLATE_${kind.toUpperCase()}`;
    const templateId = env[name]?.trim();
    if (!templateId) continue;
    templates[kind] = { templateId, fields: parseFields(env[`${name}_FIELDS`] ?? DEFAULT_FIELDS[kind]) };
  }
  return templates;
}

export function proposalPage(proposalId: string): string {
  return `pages/proposal-detail/index?id=${encodeURIComponent(proposalId)}`;
}

/** 2026-08-28 → 2026年08月28日 (the `date` keyword's format). */
function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${match[2]}月${match[3]}日` : date;
}

function cut(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

/** A value in the limits of its keyword's type (thing ≤ 20 characters, phrase ≤ 5 …). */
function formatFor(keyword: string, value: string): string {
  const type = keyword.replace(/\d+$/, '');
  switch (type) {
    case 'thing':
      return cut(value, 20);
    case 'phrase':
      // Chinese characters only (≤ 5): no ellipsis.
      return Array.from(value).slice(0, 5).join('');
    case 'name':
      return cut(value, 10);
    case 'character_string':
      return cut(value, 32);
    case 'date':
    case 'time':
      return chineseDate(value);
    default:
      return cut(value, 20);
  }
}

function fieldsOf(message: OutboxMessage): Record<Field, string> {
  const payload = message.payload as Record<string, unknown>;
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : '');
  const title = text('title') || '民生微实事项目';
  const day = shanghaiDateOf(message.createdAt);
  switch (message.kind as MessageKind) {
    case 'proposal_state_changed': {
      const to = payload.to as ProposalState | undefined;
      return { title, state: to ? STATE_LABELS[to] : '', label: '', date: text('on') || day, note: '点击查看项目进度' };
    }
    case 'comment_answered':
      return { title, state: '', label: '', date: day, note: '社区已回复您的意见' };
    case 'deadline_overdue':
      return { title, state: '', label: text('label') || '办理逾期', date: text('dueOn') || day, note: '已超过办理期限，请尽快处理' };
    case 'deadline_near': {
      const left = typeof payload.workingDaysLeft === 'number' ? payload.workingDaysLeft : null;
      return {
        title,
        state: '',
        label: text('label') || '办理期限将至',
        date: text('dueOn') || day,
        note: left === null || left === 0 ? '今天是办理期限的最后一天' : `还剩 ${left} 个工作日，请及时处理`,
      };
    }
    case 'proposal_submitted':
      return { title, state: '', label: '', date: day, note: '社区收到新提议，请及时筛选' };
    case 'change_requested': {
      const kind = payload.changeKind as ChangeKind | undefined;
      return { title, state: '', label: (kind && CHANGE_KIND_LABELS[kind]) || '项目变更', date: day, note: '请审批变更申请' };
    }
    case 'comment_received':
      return { title, state: '', label: '', date: day, note: payload.status === 'pending' ? '有一条意见待审核' : '有新的居民意见待回复' };
    default:
      return { title, state: '', label: '', date: day, note: '' };
  }
}

/**
 * The subscribe message for an outbox message, or null when its kind has no template configured
 * (or it names no proposal to open).
 */
export function subscribeMessageFor(
  message: OutboxMessage,
  templates: SubscribeTemplates,
  options: { miniprogramState?: SubscribeMessageRequest['miniprogramState'] } = {},
): SubscribeMessageRequest | null {
  const template = templates[message.kind as MessageKind];
  const proposalId = (message.payload as { proposalId?: unknown }).proposalId;
  if (!template || typeof proposalId !== 'string') return null;
  const values = fieldsOf(message);
  const data: SubscribeMessageRequest['data'] = {};
  for (const [keyword, field] of template.fields) data[keyword] = { value: formatFor(keyword, values[field] || '—') };
  return {
    touser: message.recipientOpenid,
    templateId: template.templateId,
    page: proposalPage(proposalId),
    data,
    miniprogramState: options.miniprogramState ?? 'formal',
    lang: 'zh_CN',
  };
}
