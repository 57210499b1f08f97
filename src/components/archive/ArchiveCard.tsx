import { useCallback, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { DOCUMENT_KIND_LABELS, STATE_LABELS } from '../../../common/glossary';
import type { DocumentView, ProposalView } from '../../../types/api';
import type { DocumentKind } from '../../../types/domain';
import { call, getMe } from '../../api';
import { PAPER_SOURCES, choosePaper, openPaper, uploadPaper, type ChosenPaper, type PaperSource } from '../../api/document-upload';
import { photoSrc } from '../../api/upload';
import { formatInstant } from '../../lib/dates';
import { messageOf } from '../../lib/labels';
import { allows } from '../../lib/proposal';
import { newRequestId } from '../../lib/request-id';
import { useAnswer } from '../../lib/use-answer';
import { Action } from '../Action';
import { Field } from '../Field';
import { ErrorState, Skeleton } from '../PageStates';
import { Section } from '../Section';
import './ArchiveCard.css';

/** The archive's title bound: the server's (backend/domain/archive.ts DOCUMENT_TITLE_MAX). */
const TITLE_MAX = 60;
const KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

const isPdfFile = (fileId: string) => /\.pdf$/i.test(fileId);

/**
 * 资料: the papers of a project (document.list) — everyone sees the notice photo and the acceptance
 * and audit reports, the staff in scope the whole archive — and, while `document.attach` is in the
 * record's allowedActions, a form to add one from the phone at whatever stage the project is.
 */
export function ArchiveCard({ proposal }: { proposal: ProposalView }) {
  const load = useCallback(() => call('document.list', { proposalId: proposal.id }), [proposal.id]);
  const { state, refresh, reload } = useAnswer(load);
  const canAttach = allows(proposal, 'document.attach');
  const count = state.status === 'ready' ? state.data.items.length : 0;
  if (!canAttach && state.status === 'ready' && count === 0) return null;
  return (
    <Section title='资料' extra={state.status === 'ready' ? <Text>{count} 份</Text> : undefined} testId='archive'>
      {state.status === 'loading' && <Skeleton rows={1} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
      {state.status === 'ready' && count === 0 ? <Text className='archive__empty'>还没有存档的资料</Text> : null}
      {state.status === 'ready'
        ? state.data.items.map((paper) => <PaperRow key={paper.id} paper={paper} />)
        : null}
      {canAttach ? <AttachForm proposal={proposal} onAttached={() => void refresh()} /> : null}
    </Section>
  );
}

function PaperRow({ paper }: { paper: DocumentView }) {
  const pdf = isPdfFile(paper.fileId);
  return (
    <View className='card archive__row' data-testid='archive-paper' role='button' onClick={() => void openPaper(paper.fileId, pdf)}>
      {pdf ? <View className='archive__pdf'>PDF</View> : <Image className='archive__thumb' src={photoSrc(paper.fileId)} mode='aspectFill' />}
      <View className='archive__text'>
        <Text className='archive__title'>{paper.title}</Text>
        <Text className='archive__meta'>
          {DOCUMENT_KIND_LABELS[paper.kind]} · {STATE_LABELS[paper.stage]}时存档 · {formatInstant(paper.attachedAt)}
        </Text>
      </View>
    </View>
  );
}

function AttachForm({ proposal, onAttached }: { proposal: ProposalView; onAttached: () => void }) {
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [title, setTitle] = useState('');
  const [paper, setPaper] = useState<ChosenPaper | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [requestId, setRequestId] = useState(newRequestId);

  const pick = async (source: PaperSource) => {
    const chosen = await choosePaper(source);
    if (chosen.message) setError({ field: 'file', message: chosen.message });
    else if (chosen.path) {
      setPaper(chosen);
      setError(null);
    }
  };

  const submit = async () => {
    setDone(null);
    if (!kind) return setError({ field: 'kind', message: '请选择材料类别' });
    if (!title.trim()) return setError({ field: 'title', message: '请填写标题' });
    if (!paper?.path) return setError({ field: 'file', message: '请拍照、从相册选择或选择 PDF 文件' });
    setBusy(true);
    setError(null);
    const me = await getMe();
    const uploaded = me.ok ? await uploadPaper(paper, me.data.openid) : me;
    const answer = uploaded.ok ? await call('document.attach', { proposalId: proposal.id, kind, fileId: uploaded.data.fileId, title: title.trim(), requestId }) : uploaded;
    setBusy(false);
    if (!answer.ok) return setError({ field: answer.error.field === 'fileId' ? 'file' : answer.error.field ?? 'form', message: messageOf(answer.error) });
    setDone(`已存档：${answer.data.title}`);
    setKind(null);
    setTitle('');
    setPaper(null);
    setRequestId(newRequestId());
    onAttached();
  };

  const errorOf = (field: string) => (error?.field === field ? error.message : null);
  // A refusal no field shows (a state, a limit) stands at the foot of the form.
  const formMessage = error && !['kind', 'title', 'file'].includes(error.field) ? error.message : null;
  return (
    <View className='card archive__form' data-testid='archive-attach'>
      <Text className='archive__form-title'>添加资料（当前阶段：{STATE_LABELS[proposal.state]}）</Text>
      {done ? (
        <View className='archive__done' role='status' data-testid='archive-done'>
          {done}
        </View>
      ) : null}
      <Field label='材料类别' name='kind' required error={errorOf('kind')}>
        <View className='choice-row' role='radiogroup' aria-label='材料类别'>
          {KINDS.map((option) => (
            <View key={option} className={`choice${option === kind ? ' choice--on' : ''}`} role='radio' aria-checked={option === kind} onClick={() => setKind(option)}>
              {DOCUMENT_KIND_LABELS[option]}
            </View>
          ))}
        </View>
      </Field>
      <Field label='标题' name='title' required hint={`${title.length}/${TITLE_MAX}`} error={errorOf('title')}>
        <Input className='field__input' value={title} maxlength={TITLE_MAX} placeholder='例如：第一次议事会会议记录' onInput={(event) => setTitle(event.detail.value)} />
      </Field>
      <Field label='文件' name='file' required hint='照片或 PDF' error={errorOf('file')}>
        <View className='choice-row'>
          {PAPER_SOURCES.map((source) => (
            <Action key={source.value} variant='secondary' onClick={() => void pick(source.value)} testId={`archive-pick-${source.value}`}>
              {source.label}
            </Action>
          ))}
        </View>
        {paper?.path ? (
          <Text className='archive__chosen' data-testid='archive-chosen'>
            已选择：{paper.isPdf ? 'PDF 文件' : '照片'}
          </Text>
        ) : null}
      </Field>
      {formMessage ? (
        <View className='field__error' role='alert'>
          {formMessage}
        </View>
      ) : null}
      <Action block busy={busy} busyLabel='正在上传…' onClick={() => void submit()} testId='archive-submit'>
        存档
      </Action>
    </View>
  );
}
