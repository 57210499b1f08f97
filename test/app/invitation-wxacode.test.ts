import { createDispatch } from '../../backend/app/dispatch';
import type { MiniProgramCodes } from '../../backend/app/ports/mini-program-code.port';
import { defaultCalendar } from '../../backend/domain/calendar';
import { WeChatMiniProgramCodes, type WxaCodeApi } from '../../backend/wechat/wxacode';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';
import { createApp, dataOf, expectRefused, noonOf, START } from '../support/app-harness';

/** WeChat's mini-program code API stand-in: it records what it was asked and answers PNG bytes. */
function fakeWxacode(answer: { buffer?: Uint8Array; errCode?: number } = { buffer: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }) {
  const asked: unknown[] = [];
  const api: WxaCodeApi = {
    async getUnlimited(request) {
      asked.push(request);
      return answer;
    },
  };
  return { asked, codes: new WeChatMiniProgramCodes({ openapi: { wxacode: api } } as never) };
}

function appWith(codes: MiniProgramCodes | undefined) {
  const app = createApp();
  const dispatch = createDispatch({ store: app.store, calendar: defaultCalendar, contentCheck: new LocalContentCheck(), photos: new StoredPhotos(app.store), miniProgramCodes: codes, logError: () => undefined });
  return { app, call: (openid: string, action: string, payload: unknown) => dispatch(action, payload, { openid }, noonOf(START)) };
}

describe('invitation.wxacode', () => {
  it('makes the mini-program code of an open invitation with the code as scene, opening the invitation page', async () => {
    const wechat = fakeWxacode();
    const { call } = appWith(wechat.codes);
    const { code } = dataOf(await call('u-street-shatoujiao', 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    expect(dataOf(await call('u-street-shatoujiao', 'invitation.wxacode', { code }))).toEqual({ image: 'data:image/png;base64,iVBORw==' });
    expect(wechat.asked).toEqual([{ scene: code, page: 'onboarding/pages/accept/index', checkPath: false, width: 430 }]);
  });

  it('is for the issuer\'s scope, for open invitations, and not made where WeChat is not (locally)', async () => {
    const { app, call } = appWith(fakeWxacode().codes);
    const { code } = dataOf(await call('u-street-shatoujiao', 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    expectRefused(await call('u-street-haishan', 'invitation.wxacode', { code }), 'forbidden');
    expectRefused(await call('u-street-haishan', 'invitation.wxacode', { code: 'ZZZZZZZZ' }), 'not_found', 'code');
    expectRefused(await app.call('u-street-shatoujiao', START, 'invitation.wxacode', { code }), 'invalid_state');
    await call('u-street-shatoujiao', 'invitation.cancel', { code });
    expectRefused(await call('u-street-shatoujiao', 'invitation.wxacode', { code }), 'invalid_state', 'code');
  });

  it('a refusal by WeChat is an internal error that leaks nothing', async () => {
    const { call } = appWith(fakeWxacode({ errCode: 41030 }).codes);
    const { code } = dataOf(await call('u-street-shatoujiao', 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    expectRefused(await call('u-street-shatoujiao', 'invitation.wxacode', { code }), 'internal');
  });

  it('the adapter refuses to run where the openapi has no wxacode', async () => {
    await expect(new WeChatMiniProgramCodes({ openapi: {} } as never).make({ scene: 'A', page: 'p' })).rejects.toThrow('wxacode');
  });
});
