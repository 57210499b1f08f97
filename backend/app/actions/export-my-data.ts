import { z } from 'zod';
import type { ConsentView, NotificationView, RoleGrant } from '../../../types/api';
import type { ComplaintRecord, ProposalRecord } from '../../../types/domain';
import { defineAction } from '../action';
import { ok } from '../answers';
import { notificationView } from '../notifications';
import { everyItem } from '../cursor';
import type { Cursor, NotificationRecord, Store } from '../ports/store.port';

/** me.export: everything the store holds about the caller, as they may download it (PIPL art. 45). */
export interface MyDataExport {
  exportedAt: string;
  /** The caller's WeChat identity, also when nothing else is stored (the first administrator reads it here). */
  openid: string;
  profile: { openid: string; name: string | null; communityId: string | null; createdAt: string } | null;
  roles: RoleGrant[];
  consent: ConsentView | null;
  proposals: ProposalRecord[];
  comments: { id: string; proposalId: string; text: string; status: string; createdAt: string; reply?: { text: string; repliedAt: string } }[];
  ratings: { proposalId: string; stars: number; text?: string; updatedAt: string }[];
  /** The caller's own inbox items, newest first (community notices are the community's, not theirs). */
  notifications: NotificationView[];
  /** The caller's complaints and suggestions (投诉建议), newest first, with the answer when given. */
  complaints: {
    id: string;
    communityId: string;
    proposalId?: string;
    text: string;
    status: string;
    createdAt: string;
    answer?: { text: string; outcome: string; answeredAt: string };
  }[];
  /** The subscribe messages the outbox holds for the caller, sent or not. */
  messages: { kind: string; payload: Record<string, unknown>; createdAt: string; outcome: string | null }[];
  files: { id: string; contentType: string; bytes: number; createdAt: string }[];
}

/** The listings are read 200 at a time. */
const PAGE = 200;

/** Every item of a person's own inbox (community notices are the community's, not theirs). */
const ownInbox = (store: Store, openid: string): Promise<NotificationRecord[]> =>
  everyItem((after: Cursor | undefined) => store.listNotifications({ openid, community: null, after, limit: PAGE }), (item) => ({ createdAt: item.at, id: item.id }));

/** Every complaint the person made, wherever it was made. */
const ownComplaints = (store: Store, openid: string): Promise<ComplaintRecord[]> =>
  everyItem((after: Cursor | undefined) => store.listComplaints({ scope: { kind: 'all' }, authorOpenid: openid, after, limit: PAGE }), (item) => ({ createdAt: item.createdAt, id: item.id }));

export const exportMyData = defineAction({
  name: 'me.export',
  summary:
    'Everything the store holds about the caller: profile, roles, consent, proposals, comments (with the replies), ratings, notifications, complaints (with the answers), messages and uploaded files (PIPL). The page offers it as a file to download.',
  schema: z.object({}),
  access: { signIn: true, permission: 'me.export' },
  audit: [],
  next: ['me.delete'],
  async run(_input, context) {
    const openid = context.caller.openid as string;
    const data = await context.services.store.personalData(openid);
    return ok<MyDataExport>({
      exportedAt: context.at,
      openid,
      profile: data.user ? { openid, name: data.user.name, communityId: data.user.communityId, createdAt: data.user.createdAt } : null,
      roles: data.user?.grants ?? [],
      consent: data.consent,
      proposals: data.proposals,
      comments: data.comments.map((comment) => ({
        id: comment.id,
        proposalId: comment.proposalId,
        text: comment.text,
        status: comment.status,
        createdAt: comment.createdAt,
        ...(comment.reply ? { reply: { text: comment.reply.text, repliedAt: comment.reply.repliedAt } } : {}),
      })),
      ratings: data.ratings.map(({ proposalId, stars, text, updatedAt }) => ({ proposalId, stars, ...(text !== undefined ? { text } : {}), updatedAt })),
      notifications: (await ownInbox(context.services.store, openid)).map(notificationView),
      complaints: (await ownComplaints(context.services.store, openid)).map((complaint) => ({
        id: complaint.id,
        communityId: complaint.communityId,
        ...(complaint.proposalId ? { proposalId: complaint.proposalId } : {}),
        text: complaint.text,
        status: complaint.status,
        createdAt: complaint.createdAt,
        ...(complaint.answer ? { answer: { text: complaint.answer.text, outcome: complaint.answer.outcome, answeredAt: complaint.answer.answeredAt } } : {}),
      })),
      messages: data.messages,
      files: data.files.map(({ id, contentType, bytes, createdAt }) => ({ id, contentType, bytes, createdAt })),
    });
  },
});
