import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CATEGORIES, CATEGORY_LABELS } from '../../common/glossary';
import { LIST_LIMITS, TEXT_LIMITS } from '../../common/limits';
import type { Answer } from '../../types/api';
import ProposalNewPage from '../../src/pages/proposal-new/index';
import { uploadPhoto } from '../../src/api/upload';
import { buildMe, buildProposal, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';
import { imagePicks, navigations, pickImagesNext } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));
// Pages render through Taro's web components: on two cores shared with builds and Chromium, a
// test may take longer than jest's default 5 s without anything being wrong.
jest.setTimeout(30_000);
// Photo uploads go through their own door (multipart on H5, cloud storage on weapp): faked too.
// The picker stays real (it calls Taro.chooseImage, faked below); the upload is faked.
jest.mock('../../src/api/upload', () => ({
  uploadPhoto: jest.fn(),
  photoSrc: (id: string) => id,
  choosePhotos: jest.requireActual('../../src/api/upload').choosePhotos,
}));
const fakeUpload = uploadPhoto as jest.MockedFunction<typeof uploadPhoto>;

/** Types into the native field inside Taro's Input / Textarea, as a keyboard would. */
async function typeInto(placeholder: string, value: string) {
  // The native field appears once Taro's web component has rendered.
  const field = await waitFor(() => {
    const native = screen.getAllByPlaceholderText(placeholder).find((element) => element.matches('input, textarea'));
    if (!native) throw new Error(`no field with the placeholder ${placeholder}`);
    return native;
  });
  fireEvent.input(field, { target: { value } });
}

/** Fills every required field the way a resident would. */
async function fillTheForm() {
  fireEvent.click(await screen.findByText('工程类'));
  await typeInto('一句话说明，如：3 栋门口路灯不亮', '3 栋门口路灯不亮');
  await typeInto('如：中英街 3 号楼东侧', '中英街 3 号楼东侧');
  await typeInto('现在是什么情况？影响了哪些人？希望怎样改善？', '路灯坏了两周，晚上老人出门看不清台阶。');
}

describe('the proposal form', () => {
  beforeEach(() => {
    freshStart();
    fakeUpload.mockReset();
  });

  it('shows a loading skeleton while it finds out who is proposing', async () => {
    const me = held();
    answering({ 'me.get': me.reply });
    render(<ProposalNewPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    me.release(ok(buildMe()));
    expect(await screen.findByText('提交提议')).toBeInTheDocument();
  });

  it('asks a user who has not joined a community to join one first', async () => {
    answering({ 'me.get': ok(buildMe({ communityId: null, name: null, roles: [] })) });
    render(<ProposalNewPage />);
    expect(await screen.findByText('加入社区后才能提议')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去加入社区'));
    expect(navigations).toEqual([{ api: 'switchTab', url: '/pages/mine/index' }]);
  });

  it('shows the error with a retry when it cannot load', async () => {
    let calls = 0;
    answering({ 'me.get': async () => (++calls === 1 ? networkDown : ok(buildMe())) });
    render(<ProposalNewPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('提交提议')).toBeInTheDocument();
  });

  it('offers the three categories in the glossary words and counts the description up to the server limit', async () => {
    answering({ 'me.get': ok(buildMe()) });
    render(<ProposalNewPage />);
    const categories = within(await screen.findByRole('radiogroup', { name: '项目类别' }));
    expect(categories.getAllByRole('radio').map((choice) => choice.querySelector('.proposal-new__category-name')?.textContent)).toEqual(
      CATEGORIES.map((category) => CATEGORY_LABELS[category]),
    );
    expect(CATEGORY_LABELS.works).toBe('工程类');
    expect(TEXT_LIMITS.description).toBe(2000);
    expect(within(screen.getByTestId('field-description')).getByText('0/2000')).toBeInTheDocument();
    await typeInto('现在是什么情况？影响了哪些人？希望怎样改善？', '路灯坏了');
    expect(within(screen.getByTestId('field-description')).getByText('4/2000')).toBeInTheDocument();
  });

  it('bounds every text field by the number the server checks (common/limits), so that the phone enforces it', async () => {
    answering({ 'me.get': ok(buildMe()) });
    render(<ProposalNewPage />);
    await screen.findByText('提交提议');
    const nativeField = (testId: string) =>
      waitFor(() => {
        const native = screen.getByTestId(testId).querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
        if (!native) throw new Error(`no native field in ${testId}`);
        return native;
      });
    expect((await nativeField('field-title')).maxLength).toBe(TEXT_LIMITS.proposalTitle);
    expect((await nativeField('field-location')).maxLength).toBe(TEXT_LIMITS.location);
    expect((await nativeField('field-description')).maxLength).toBe(TEXT_LIMITS.description);
    expect([TEXT_LIMITS.proposalTitle, TEXT_LIMITS.location, TEXT_LIMITS.description]).toEqual([50, 100, 2000]);
  });

  it('accepts a title of exactly 50 characters, counts it as full and sends all of it', async () => {
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': ok(buildProposal({ id: 'p-long' })) });
    render(<ProposalNewPage />);
    await fillTheForm();
    const fifty = '楼'.repeat(TEXT_LIMITS.proposalTitle);
    await typeInto('一句话说明，如：3 栋门口路灯不亮', fifty);
    expect(within(screen.getByTestId('field-title')).getByText('50/50')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交提议'));
    await waitFor(() => expect(payloadsOf('proposal.submit')).toHaveLength(1));
    expect(Array.from(payloadsOf('proposal.submit')[0].title as string)).toHaveLength(50);
    expect(within(screen.getByTestId('field-title')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('marks each missing field next to it and sends nothing', async () => {
    answering({ 'me.get': ok(buildMe()) });
    render(<ProposalNewPage />);
    fireEvent.click(await screen.findByText('提交提议'));
    expect(within(screen.getByTestId('field-category')).getByText('请选择项目类别')).toBeInTheDocument();
    expect(within(screen.getByTestId('field-title')).getByText('请填写标题')).toBeInTheDocument();
    expect(within(screen.getByTestId('field-location')).getByText('请填写地点')).toBeInTheDocument();
    expect(within(screen.getByTestId('field-description')).getByText('请说说具体情况')).toBeInTheDocument();
    expect(payloadsOf('proposal.submit')).toEqual([]);
  });

  it('shows a server invalid_input next to the field it names', async () => {
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': failure('invalid_input', '参数不正确：title', 'title') });
    render(<ProposalNewPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('提交提议'));
    expect(await within(screen.getByTestId('field-title')).findByText(`请填写标题，不超过 ${TEXT_LIMITS.proposalTitle} 字`)).toBeInTheDocument();
    expect(within(screen.getByTestId('field-location')).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('form-error')).toHaveTextContent('还有内容需要修改，请看标红的地方');
  });

  it('shows a refusal of the content check next to the field it names, in the server words', async () => {
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': failure('content_rejected', '描述中含有不当内容，请修改', 'description') });
    render(<ProposalNewPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('提交提议'));
    expect(await within(screen.getByTestId('field-description')).findByText('描述中含有不当内容，请修改')).toBeInTheDocument();
  });

  it('sends the proposal of the resident community and opens it, marked as just submitted', async () => {
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': ok(buildProposal({ id: 'p-new' })) });
    render(<ProposalNewPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('提交提议'));
    await waitFor(() => expect(navigations).toEqual([{ api: 'redirectTo', url: '/pages/proposal-detail/index?id=p-new&submitted=1' }]));
    expect(payloadsOf('proposal.submit')).toEqual([
      {
        communityId: 'c-zhongying',
        title: '3 栋门口路灯不亮',
        category: 'works',
        location: '中英街 3 号楼东侧',
        description: '路灯坏了两周，晚上老人出门看不清台阶。',
        source: 'resident',
        photos: [],
        requestId: expect.any(String),
      },
    ]);
  });

  it('retries a submit that met a network failure with the same requestId, and uses a new one after success', async () => {
    const replies: Answer<unknown>[] = [networkDown, ok(buildProposal({ id: 'p-first' })), ok(buildProposal({ id: 'p-second' }))];
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': () => replies.shift()! });
    render(<ProposalNewPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('提交提议'));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交提议'));
    await waitFor(() => expect(navigations).toHaveLength(1));

    await fillTheForm();
    fireEvent.click(screen.getByText('提交提议'));
    await waitFor(() => expect(navigations).toHaveLength(2));

    const [failed, retried, next] = payloadsOf('proposal.submit').map((payload) => payload.requestId);
    expect(retried).toBe(failed);
    expect(next).not.toBe(failed);
  });

  it('ignores a second tap while the first submit is on its way', async () => {
    const submit = held();
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': submit.reply });
    render(<ProposalNewPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('提交提议'));
    fireEvent.click(await screen.findByText('正在提交…'));
    submit.release(ok(buildProposal({ id: 'p-once' })));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(payloadsOf('proposal.submit')).toHaveLength(1);
  });

  it('uploads the chosen photos and sends their file ids', async () => {
    fakeUpload.mockImplementation(async (path) => ok({ fileId: `file-of-${path}` }));
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': ok(buildProposal({ id: 'p-photo' })) });
    render(<ProposalNewPage />);
    await fillTheForm();
    pickImagesNext(['blob:one', 'blob:two']);
    fireEvent.click(screen.getByLabelText('添加照片'));
    await waitFor(() => expect(screen.getAllByTestId('photo-slot')).toHaveLength(2));
    expect(within(screen.getByTestId('field-photos')).getByText('2/6，可不传')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument());
    fireEvent.click(screen.getByText('提交提议'));
    await waitFor(() => expect(payloadsOf('proposal.submit')).toHaveLength(1));
    expect(payloadsOf('proposal.submit')[0].photos).toEqual(['file-of-blob:one', 'file-of-blob:two']);
    // Each photo is uploaded for its owner (weapp puts it in the owner's own folder).
    expect(fakeUpload.mock.calls).toEqual([
      ['blob:one', 'u-res-1'],
      ['blob:two', 'u-res-1'],
    ]);
  });

  it('lets the resident pick at most the server number of photos (6) in all', async () => {
    expect(LIST_LIMITS.photos).toBe(6);
    fakeUpload.mockImplementation(async (path) => ok({ fileId: path }));
    answering({ 'me.get': ok(buildMe()) });
    render(<ProposalNewPage />);
    pickImagesNext(['a', 'b', 'c', 'd']);
    fireEvent.click(await screen.findByLabelText('添加照片'));
    await waitFor(() => expect(screen.getAllByTestId('photo-slot')).toHaveLength(4));
    pickImagesNext(['e', 'f', 'g']);
    fireEvent.click(screen.getByLabelText('添加照片'));
    await waitFor(() => expect(screen.getAllByTestId('photo-slot')).toHaveLength(6));
    expect(imagePicks.map((pick) => pick.count)).toEqual([6, 2]);
    expect(screen.queryByLabelText('添加照片')).not.toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('删除第 1 张照片'));
    expect(screen.getAllByTestId('photo-slot')).toHaveLength(5);
    expect(screen.getByLabelText('添加照片')).toBeInTheDocument();
  });

  it('holds the submit while a photo failed to upload, until it is retried', async () => {
    let attempts = 0;
    fakeUpload.mockImplementation(async () => (++attempts === 1 ? networkDown : ok({ fileId: 'file-1' })));
    answering({ 'me.get': ok(buildMe()), 'proposal.submit': ok(buildProposal({ id: 'p-retry-photo' })) });
    render(<ProposalNewPage />);
    await fillTheForm();
    pickImagesNext(['blob:one']);
    fireEvent.click(screen.getByLabelText('添加照片'));
    fireEvent.click(await screen.findByText('上传失败，点此重试'));
    await waitFor(() => expect(screen.queryByText('上传失败，点此重试')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument());
    fireEvent.click(screen.getByText('提交提议'));
    await waitFor(() => expect(payloadsOf('proposal.submit')).toHaveLength(1));
    expect(payloadsOf('proposal.submit')[0].photos).toEqual(['file-1']);
  });

  it('refuses to submit while a failed photo is neither retried nor removed', async () => {
    fakeUpload.mockResolvedValue(networkDown);
    answering({ 'me.get': ok(buildMe()) });
    render(<ProposalNewPage />);
    await fillTheForm();
    pickImagesNext(['blob:one']);
    fireEvent.click(screen.getByLabelText('添加照片'));
    await screen.findByText('上传失败，点此重试');
    fireEvent.click(screen.getByText('提交提议'));
    expect(within(screen.getByTestId('field-photos')).getByText('有照片没有上传成功：点一下重试，或删除它')).toBeInTheDocument();
    expect(payloadsOf('proposal.submit')).toEqual([]);
  });

  it('starts from a project library entry: source library with its id, category and title taken over', async () => {
    answering({
      'me.get': ok(buildMe()),
      'library.list': ok(
        pageOf([{ id: 'lib-7', title: '长者饭堂助餐服务', category: 'services', plan: '每周五天午餐配送', budgetLines: [], createdAt: '2026-01-01T00:00:00Z' }]),
      ),
      'proposal.submit': ok(buildProposal({ id: 'p-lib' })),
    });
    render(<ProposalNewPage />);
    fireEvent.click(await screen.findByText('从项目库选'));
    fireEvent.click(await screen.findByText('长者饭堂助餐服务'));
    await typeInto('如：中英街 3 号楼东侧', '社区党群服务中心');
    await typeInto('现在是什么情况？影响了哪些人？希望怎样改善？', '独居老人吃饭难。');
    fireEvent.click(screen.getByText('提交提议'));
    await waitFor(() => expect(payloadsOf('proposal.submit')).toHaveLength(1));
    expect(payloadsOf('proposal.submit')[0]).toMatchObject({
      source: 'library',
      libraryEntryId: 'lib-7',
      category: 'services',
      title: '长者饭堂助餐服务',
    });
  });

  it('asks for a library entry when the source is the library but none is picked', async () => {
    answering({ 'me.get': ok(buildMe()), 'library.list': ok(pageOf([])) });
    render(<ProposalNewPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('从项目库选'));
    expect(await screen.findByText('项目库里还没有项目')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交提议'));
    expect(within(screen.getByTestId('field-libraryEntryId')).getByText('请从项目库中选择一个项目')).toBeInTheDocument();
    expect(payloadsOf('proposal.submit')).toEqual([]);
  });
});
