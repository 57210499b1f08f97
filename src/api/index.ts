import type { RequestOf } from './transport.types';
import { send } from './transport';

// The typed client: every action of the API by name (`call`), typed from the backend's
// declarations, and a named function for each action the pages use, kept stable for them.

export type { ActionName, AnswerOf, RequestOf } from './transport.types';

/** Any action by its name, with its payload and answer types: a new action needs no new client code. */
export const call = send;

export type ProposalListRequest = RequestOf<'proposal.list'>;

export const getMe = () => send('me.get', {});
export const joinCommunity = (request: RequestOf<'me.join'>) => send('me.join', request);
export const getDirectory = () => send('directory.get', {});

export const submitProposal = (request: RequestOf<'proposal.submit'>) => send('proposal.submit', request);
export const getProposal = (id: string) => send('proposal.get', { id });
export const listProposals = (request: ProposalListRequest) => send('proposal.list', request);

export const addComment = (request: RequestOf<'comment.add'>) => send('comment.add', request);
export const listComments = (request: RequestOf<'comment.list'>) => send('comment.list', request);

export const setRating = (request: RequestOf<'rating.set'>) => send('rating.set', request);
export const getRatingSummary = (proposalId: string) => send('rating.summary', { proposalId });

export const getLedger = (communityId: string, year: number) => send('ledger.get', { communityId, year });
/** R-SUP-3: the entries usable in `scopeId` (a community: its street's, its district's and the city's). */
export const listLibrary = (cursor?: string, scopeId?: string) => send('library.list', { ...(cursor ? { cursor } : {}), ...(scopeId ? { scopeId } : {}) });

// Issue 14 (audit anchoring) and issue 17 (personal data)
export const listAuditHeads = (request: RequestOf<'audit.heads'>) => send('audit.heads', request);
export const exportMyData = () => send('me.export', {});
export const deleteMyAccount = () => send('me.delete', { confirm: true });
export const recordConsent = (version: string) => send('me.consent', { version });
// Notifications (the inbox)
export const listNotifications = (cursor?: string) => send('notification.list', cursor ? { cursor } : {});
export const readNotifications = (request: RequestOf<'notification.read'>) => send('notification.read', request);
// issue 17 (first paint): the home page's first screen in one request
export const getHome = (request: RequestOf<'home.get'>) => send('home.get', request);
