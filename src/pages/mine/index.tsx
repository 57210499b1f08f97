import { useCallback, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../common/glossary';
import { TEXT_LIMITS } from '../../../common/limits';
import type { Directory, Me } from '../../../types/api';
import { joinCommunity, listProposals, recordConsent } from '../../api';
import { Action } from '../../components/Action';
import { Field } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { ProposalCard } from '../../components/ProposalCard';
import { Section } from '../../components/Section';
import { type CommunityContext, findCommunity, loadCommunityContext } from '../../lib/community';
import { messageOf } from '../../lib/labels';
import { useLargeText } from '../../lib/large-text';
import { PAGES, openPage } from '../../lib/navigation';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_TITLE, PRIVACY_NOTICE_VERSION } from '../../lib/privacy-notice';
import { useAnswer, usePaged } from '../../lib/use-answer';
import { MyComments, MyRatings } from './components/MyWords';
import { ACCEPT_PAGE, StaffProfile, staffGrantsOf, Workbench } from './components/Workbench';
import './index.css';

/**
 * 我的: join a community on first use (after reading the privacy notice in full), then my
 * proposals and their states, 大字模式, and for staff the way into their workbench.
 */
export default function MinePage() {
  const { state, reload, refresh } = useAnswer(loadCommunityContext);
  return (
    <PageShell>
      <View className='mine'>
        {state.status === 'loading' && <Skeleton rows={4} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === 'ready' && <MineContent context={state.data} onJoined={() => void refresh()} />}
        {state.status === 'error' ? <LargeTextSetting /> : null}
      </View>
    </PageShell>
  );
}

function MineContent({ context, onJoined }: { context: CommunityContext; onJoined: () => void }) {
  const { me, directory } = context;
  if (!me) {
    return (
      <View>
        <EmptyState message='您还没有登录。请在微信中打开“民生微实事”小程序。' />
        <LargeTextSetting />
      </View>
    );
  }
  // Staff who are not residents: their workbench, never the resident join form (issue 16).
  if (!me.communityId && staffGrantsOf(me).length > 0) {
    return (
      <View>
        <StaffProfile me={me} />
        <LargeTextSetting />
        <Workbench me={me} directory={directory} />
      </View>
    );
  }
  if (!me.communityId) {
    return (
      <View>
        {/* First: large text, so that the notice below can be read comfortably. */}
        <LargeTextSetting />
        <View className='mine__invited'>
          <Action variant='link' onClick={() => openPage(ACCEPT_PAGE)} testId='have-invitation'>
            我是工作人员，有邀请码
          </Action>
        </View>
        <JoinForm directory={directory} preselected={context.community?.id ?? null} onJoined={onJoined} />
        <MyDataEntry />
      </View>
    );
  }
  return (
    <View>
      <Profile me={me} directory={directory} />
      <LargeTextSetting />
      <Workbench me={me} directory={directory} />
      <MyProposals />
      <MyDataEntry />
      {/* issue 17: my comments and my ratings, each leading to its proposal */}
      <MyComments />
      <MyRatings />
    </View>
  );
}

function Profile({ me, directory }: { me: Me; directory: Directory }) {
  const community = findCommunity(directory, me.communityId);
  return (
    <View className='mine__profile' data-testid='profile'>
      <View className='mine__avatar'>
        <Text>{Array.from(me.name ?? '居')[0]}</Text>
      </View>
      <View className='mine__who'>
        <Text className='mine__name'>{me.name}</Text>
        <Text className='mine__community'>
          {community ? `${community.name} · ${community.streetName}` : me.communityId}
        </Text>
        <View className='mine__roles'>
          {me.roles.map((grant) => (
            <Text key={`${grant.role}@${grant.scopeId}`} className='mine__role'>
              {ROLE_LABELS[grant.role]}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}

/** Issue 17: 个人信息 — see, download and delete what is stored about me. */
function MyDataEntry() {
  return (
    <Section title='个人信息' testId='my-data-entry'>
      <View className='card'>
        <Text className='block muted'>查看、下载我们保存的您的信息，或注销账号。</Text>
        <Action variant='secondary' block onClick={() => openPage(PAGES.myData)} testId='open-my-data'>
          查看个人信息
        </Action>
      </View>
    </Section>
  );
}

function MyProposals() {
  const loadPage = useCallback((cursor?: string) => listProposals({ mine: true, cursor }), []);
  const list = usePaged(loadPage);
  return (
    <Section title='我的提议' extra={<Action variant='link' onClick={() => openPage(PAGES.proposalNew)}>＋ 新提议</Action>} testId='my-proposals'>
      {list.state.status === 'loading' && <Skeleton rows={2} />}
      {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
      {list.state.status === 'ready' &&
        (list.state.data.items.length === 0 ? (
          <EmptyState message='您还没有提过提议' actionLabel='我要提议' onAction={() => openPage(PAGES.proposalNew)} />
        ) : (
          <View>
            {list.state.data.items.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} />
            ))}
            <LoadMore
              hasMore={Boolean(list.state.data.nextCursor)}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={() => void list.loadMore()}
            />
          </View>
        ))}
    </Section>
  );
}

type JoinErrors = Partial<Record<'communityId' | 'name' | 'agree', string>>;

/** First use: pick the community, give a name, agree to the privacy notice read in full. */
function JoinForm({ directory, preselected, onJoined }: { directory: Directory; preselected: string | null; onJoined: () => void }) {
  const [communityId, setCommunityId] = useState<string | null>(preselected);
  const [name, setName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<JoinErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  const join = async () => {
    const found: JoinErrors = {};
    if (!communityId) found.communityId = '请选择您所在的社区';
    if (!name.trim()) found.name = '请填写您的称呼';
    if (!agreed) found.agree = '请先阅读并同意个人信息保护告知';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setJoining(true);
    // The agreement to the notice is recorded with its version and date (issue 17), then the join.
    const consent = await recordConsent(PRIVACY_NOTICE_VERSION);
    if (!consent.ok) {
      setJoining(false);
      setFormError(messageOf(consent.error));
      return;
    }
    const answer = await joinCommunity({ communityId: communityId as string, name: name.trim() });
    setJoining(false);
    if (!answer.ok) {
      const field = answer.error.field;
      if (field === 'name') setErrors({ name: answer.error.code === 'invalid_input' ? `请填写称呼，不超过 ${TEXT_LIMITS.name} 字` : messageOf(answer.error) });
      else if (field === 'communityId') setErrors({ communityId: messageOf(answer.error) });
      else setFormError(messageOf(answer.error));
      return;
    }
    onJoined();
  };

  return (
    <View className='mine__join' data-testid='join-form'>
      <View className='mine__join-intro'>
        <Text className='mine__join-title'>加入您的社区</Text>
        <Text className='block muted'>加入后，就可以提议、发表意见和评价。</Text>
      </View>
      <View className='card'>
        <Field label='您所在的社区' name='communityId' required error={errors.communityId}>
          {directory.districts.map((district) =>
            district.streets.map((street) => (
              <View key={street.id} className='mine__street'>
                <Text className='mine__street-name'>
                  {district.name} · {street.name}
                </Text>
                <View className='choice-row' role='radiogroup' aria-label={street.name}>
                  {street.communities.map((community) => (
                    <View
                      key={community.id}
                      className={`choice${communityId === community.id ? ' choice--on' : ''}`}
                      role='radio'
                      aria-checked={communityId === community.id}
                      onClick={() => {
                        setCommunityId(community.id);
                        setErrors((previous) => ({ ...previous, communityId: undefined }));
                      }}
                    >
                      {community.name}
                    </View>
                  ))}
                </View>
              </View>
            )),
          )}
        </Field>
        <Field label='您的称呼' name='name' required hint={`${Array.from(name).length}/${TEXT_LIMITS.name}`} error={errors.name}>
          <Input
            className='field__input'
            value={name}
            maxlength={TEXT_LIMITS.name}
            placeholder='如：张小明、张阿姨'
            onInput={(event) => {
              setName(event.detail.value);
              setErrors((previous) => ({ ...previous, name: undefined }));
            }}
          />
          <Text className='mine__name-hint'>公开时只显示遮盖后的称呼，如“张*明”。</Text>
        </Field>
      </View>

      <Section title={PRIVACY_NOTICE_TITLE} testId='privacy-notice'>
        <View className='card mine__privacy'>
          {PRIVACY_NOTICE.map((part) => (
            <View key={part.heading} className='mine__privacy-part'>
              <Text className='mine__privacy-heading'>{part.heading}</Text>
              <Text className='block'>{part.body}</Text>
            </View>
          ))}
        </View>
      </Section>

      <View className='mine__join-foot'>
        <View
          className={`mine__agree${agreed ? ' mine__agree--on' : ''}`}
          role='checkbox'
          aria-checked={agreed}
          onClick={() => {
            setAgreed(!agreed);
            setErrors((previous) => ({ ...previous, agree: undefined }));
          }}
        >
          <View className='mine__checkbox'>{agreed ? '✓' : ''}</View>
          <Text>我已阅读并同意《{PRIVACY_NOTICE_TITLE}》</Text>
        </View>
        {errors.agree ? (
          <View className='field__error' role='alert'>
            {errors.agree}
          </View>
        ) : null}
        {formError ? (
          <View className='field__error' role='alert'>
            {formError}
          </View>
        ) : null}
        <View className='mine__join-button'>
          <Action block busy={joining} busyLabel='正在加入…' onClick={() => void join()} testId='join'>
            同意并加入
          </Action>
        </View>
      </View>
    </View>
  );
}

/** 大字模式: remembered on this phone, applied to every page at once. */
function LargeTextSetting() {
  const [largeText, setLargeText] = useLargeText();
  return (
    <View className='mine__setting-wrap'>
      <View
        className='card mine__setting'
        role='switch'
        aria-checked={largeText}
        aria-label='大字模式'
        data-testid='large-text'
        onClick={() => setLargeText(!largeText)}
      >
        <View className='mine__setting-text'>
          <Text className='mine__setting-name'>大字模式</Text>
          <Text className='mine__setting-hint'>放大文字和按钮，看得更清楚</Text>
        </View>
        <View className={`switch${largeText ? ' switch--on' : ''}`}>
          <View className='switch__knob' />
        </View>
      </View>
    </View>
  );
}
