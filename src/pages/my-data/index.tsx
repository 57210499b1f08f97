import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ERASED_PERSON_NAME, ROLE_LABELS, STATE_LABELS } from '../../../common/glossary';
import type { Answer, Directory } from '../../../types/api';
import type { AnswerOf } from '../../api';
import { deleteMyAccount, exportMyData, getDirectory } from '../../api';
import { Action } from '../../components/Action';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { findCommunity } from '../../lib/community';
import { formatInstant } from '../../lib/dates';
import { messageOf } from '../../lib/labels';
import { PAGES } from '../../lib/navigation';
import { saveTextFile } from '../../lib/save-file';
import { useAnswer } from '../../lib/use-answer';
import './index.css';

type MyData = AnswerOf<'me.export'>;

/** The export, with the directory to name the community. */
async function loadMyData(): Promise<Answer<{ data: MyData; directory: Directory }>> {
  const [data, directory] = await Promise.all([exportMyData(), getDirectory()]);
  if (!data.ok) return data;
  if (!directory.ok) return directory;
  return { ok: true, data: { data: data.data, directory: directory.data } };
}

/** What stays after deleting, said before the person confirms (spec: me.delete). */
export const WHAT_STAYS_PUBLIC = [
  `您提交的提议、发表的意见和评价是民生微实事公开的项目记录，注销后内容仍会公开，署名改为“${ERASED_PERSON_NAME}”，不再与您的微信关联。`,
  '项目的操作记录是依法保存的档案，不会修改；其中您的名字显示为“' + ERASED_PERSON_NAME + '”。',
  '您的称呼、所在社区、隐私同意记录和待发送的消息会被删除；您担任的工作人员角色会被撤销。',
  '注销后再次登录，将是一个全新的空白账号。此操作不能撤销。',
] as const;

/**
 * 我的 → 个人信息 (PIPL): everything the server stores about me (me.export), downloadable as a
 * file, and deleting the account (me.delete) after a confirmation that says what stays public.
 */
export default function MyDataPage() {
  const { state, reload } = useAnswer(loadMyData);
  const [deleted, setDeleted] = useState(false);
  return (
    <PageShell>
      <View className='my-data' data-testid='my-data'>
        {deleted ? (
          <View className='my-data__done' data-testid='account-deleted'>
            <Text className='block'>账号已注销</Text>
            <View className='my-data__actions'>
              <Action block onClick={() => void Taro.reLaunch({ url: PAGES.home })}>
                返回首页
              </Action>
            </View>
          </View>
        ) : (
          <>
            {state.status === 'loading' && <Skeleton rows={4} />}
            {state.status === 'error' &&
              (state.error.code === 'unauthenticated' ? (
                <EmptyState message='您还没有登录。请在微信中打开“民生微实事”小程序。' />
              ) : (
                <ErrorState error={state.error} onRetry={() => void reload()} />
              ))}
            {state.status === 'ready' && (
              <View>
                <Stored data={state.data.data} directory={state.data.directory} />
                <Download data={state.data.data} />
                <DeleteAccount onDeleted={() => setDeleted(true)} />
              </View>
            )}
          </>
        )}
      </View>
    </PageShell>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='my-data__row'>
      <Text className='my-data__label'>{label}</Text>
      <Text className='my-data__value'>{value}</Text>
    </View>
  );
}

/** What is stored, in words: the profile, then each kind of record with its count and items. */
function Stored({ data, directory }: { data: MyData; directory: Directory }) {
  const community = findCommunity(directory, data.profile?.communityId ?? null);
  return (
    <View>
      <Section title='我们保存的您的信息' testId='my-data-profile'>
        <View className='card'>
          <Row label='微信身份标识' value={data.openid} />
          <Row label='称呼' value={data.profile?.name ?? '（未填写）'} />
          <Row label='所在社区' value={community ? `${community.name} · ${community.streetName}` : (data.profile?.communityId ?? '（未加入）')} />
          <Row label='角色' value={data.roles.length > 0 ? data.roles.map((grant) => ROLE_LABELS[grant.role]).join('、') : '无'} />
          <Row label='隐私同意' value={data.consent ? `版本 ${data.consent.version}，${formatInstant(data.consent.at)}` : '无记录'} />
        </View>
      </Section>
      <Section title={`我的提议（${data.proposals.length}）`} testId='my-data-proposals'>
        <View className='card'>
          {data.proposals.length === 0 ? <Text className='muted'>无</Text> : null}
          {data.proposals.map((proposal) => (
            <View key={proposal.id} className='my-data__item'>
              <Text className='block'>{proposal.title}</Text>
              <Text className='block muted'>{STATE_LABELS[proposal.state]}</Text>
            </View>
          ))}
        </View>
      </Section>
      <Section title={`我的意见（${data.comments.length}）`} testId='my-data-comments'>
        <View className='card'>
          {data.comments.length === 0 ? <Text className='muted'>无</Text> : null}
          {data.comments.map((comment) => (
            <View key={comment.id} className='my-data__item'>
              <Text className='block'>{comment.text}</Text>
              {comment.reply ? <Text className='block muted'>社区答复：{comment.reply.text}</Text> : null}
            </View>
          ))}
        </View>
      </Section>
      <Section title={`我的评价（${data.ratings.length}）`} testId='my-data-ratings'>
        <View className='card'>
          {data.ratings.length === 0 ? <Text className='muted'>无</Text> : null}
          {data.ratings.map((rating) => (
            <View key={rating.proposalId} className='my-data__item'>
              <Text className='block'>{'★'.repeat(rating.stars)}{rating.text ? ` ${rating.text}` : ''}</Text>
            </View>
          ))}
        </View>
      </Section>
      <Section title={`我的投诉建议（${data.complaints.length}）`} testId='my-data-complaints'>
        <View className='card'>
          {data.complaints.length === 0 ? <Text className='muted'>无</Text> : null}
          {data.complaints.map((complaint) => (
            <View key={complaint.id} className='my-data__item'>
              <Text className='block'>{complaint.text}</Text>
              <Text className='block muted'>{complaint.answer ? `已答复：${complaint.answer.text}` : '待答复'}</Text>
            </View>
          ))}
        </View>
      </Section>
      <Section title='其他'>
        <View className='card'>
          <Row label='上传的照片' value={`${data.files.length} 张`} />
          <Row label='发给您的消息' value={`${data.messages.length} 条`} />
        </View>
      </Section>
    </View>
  );
}

/** The whole export as a JSON file (H5: a download; weapp: a file sent to a chat). */
function Download({ data }: { data: MyData }) {
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    const day = data.exportedAt.slice(0, 10);
    const problem = await saveTextFile(`weishishi-my-data-${day}.json`, JSON.stringify(data, null, 2));
    setMessage(problem ?? '已导出');
  };
  return (
    <Section title='下载' testId='my-data-download'>
      <View className='card'>
        <Text className='block muted'>把以上全部信息保存为一个文件（JSON 格式）。</Text>
        <View className='my-data__actions'>
          <Action variant='secondary' block onClick={() => void save()} testId='download-my-data'>
            下载我的信息
          </Action>
        </View>
        {message ? (
          <View role='status'>
            <Text className='my-data__message'>{message}</Text>
          </View>
        ) : null}
      </View>
    </Section>
  );
}

/** Deleting (注销): first the explanation and a confirmation, then me.delete. */
function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    const answer = await deleteMyAccount();
    setBusy(false);
    if (!answer.ok) {
      setProblem(messageOf(answer.error));
      return;
    }
    onDeleted();
  };
  return (
    <Section title='注销账号' testId='delete-account'>
      <View className='card'>
        {!confirming ? (
          <View>
            <Text className='block muted'>注销账号会删除您的个人信息。注销前会告诉您哪些内容仍会公开。</Text>
            <View className='my-data__actions'>
              <Action variant='secondary' block onClick={() => setConfirming(true)} testId='delete-start'>
                注销账号
              </Action>
            </View>
          </View>
        ) : (
          <View role='alertdialog' aria-label='确认注销账号' data-testid='delete-confirm'>
            <View className='my-data__warning'>
              {WHAT_STAYS_PUBLIC.map((part) => (
                <Text key={part} className='my-data__warning-part'>
                  {part}
                </Text>
              ))}
            </View>
            <View className='my-data__actions'>
              <Action block busy={busy} busyLabel='正在注销…' onClick={() => void remove()} testId='delete-confirmed'>
                确认注销
              </Action>
              <Action variant='plain' block onClick={() => setConfirming(false)}>
                取消
              </Action>
            </View>
            {problem ? (
              <View className='field__error' role='alert'>
                {problem}
              </View>
            ) : null}
          </View>
        )}
      </View>
    </Section>
  );
}
