import type { MeJoinRequest } from '../../types/api';
import { send } from './transport';

// One typed function per action of spec/api.md; each resolves with the answer envelope.

export const getMe = () => send('me.get', {});
export const joinCommunity = (request: MeJoinRequest) => send('me.join', request);
export const getDirectory = () => send('directory.get', {});
