import type {
  CommentAddRequest,
  CommentListRequest,
  MeJoinRequest,
  ProposalListRequest,
  ProposalSubmitRequest,
  RatingSetRequest,
} from '../../types/api';
import { send } from './transport';

// One typed function per action of spec/api.md; each resolves with the answer envelope.

export const getMe = () => send('me.get', {});
export const joinCommunity = (request: MeJoinRequest) => send('me.join', request);
export const getDirectory = () => send('directory.get', {});

export const submitProposal = (request: ProposalSubmitRequest) => send('proposal.submit', request);
export const getProposal = (id: string) => send('proposal.get', { id });
export const listProposals = (request: ProposalListRequest) => send('proposal.list', request);

export const addComment = (request: CommentAddRequest) => send('comment.add', request);
export const listComments = (request: CommentListRequest) => send('comment.list', request);

export const setRating = (request: RatingSetRequest) => send('rating.set', request);
export const getRatingSummary = (proposalId: string) => send('rating.summary', { proposalId });

export const getLedger = (communityId: string, year: number) => send('ledger.get', { communityId, year });
export const listLibrary = (cursor?: string) => send('library.list', cursor ? { cursor } : {});
