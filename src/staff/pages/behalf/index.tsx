import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS } from '../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../common/limits';
import type { ProposalView } from '../../../../types/api';
import type { Category, ProposalChannel } from '../../../../types/domain';
import { submitProposal } from '../../../api';
import { Action } from '../../../components/Action';
import { Field } from '../../../components/Field';
import { newRequestId } from '../../../lib/request-id';
import { StaffContextPage, NoRole } from '../../workbench/gate';
import { FormError } from '../../workbench/feedback';
import { Chips, TextBox, TextInput } from '../../workbench/fields';
import { STAFF_PAGES, pageWithId } from '../../workbench/proposal-info';
import { grantsOf, placeNames, type StaffContext } from '../../workbench/scope';
import { useAction } from '../../workbench/use-action';
import { CommunityChips } from '../../workbench/grant-scope';
import '../../workbench/staff.css';

const CHANNELS = Object.keys(CHANNEL_LABELS) as ProposalChannel[];
const FIELDS = ['name', 'channel', 'category', 'title', 'location', 'description'] as const;

/**
 * 代录提议 (issue 18): a proposal a resident gave on paper, by phone, at a visit or through the
 * mailbox, keyed in by the community worker. The proposal shows the channel and the resident
 * (masked) as its proposer, not the worker.
 */
export default function BehalfPage() {
  const router = useRouter();
  return (
    <StaffContextPage>
      {(context) => <BehalfForm context={context} communityId={router?.params?.communityId} />}
    </StaffContextPage>
  );
}

function BehalfForm({ context, communityId: asked }: { context: StaffContext; communityId?: string }) {
  const grants = grantsOf(context.me, ['community']);
  const names = placeNames(context.directory);
  const [communityId, setCommunityId] = useState(grants.find((grant) => grant.scopeId === asked)?.scopeId ?? grants[0]?.scopeId ?? '');
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<ProposalChannel | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const requestId = useRef(newRequestId());
  const action = useAction<ProposalView>();
  if (grants.length === 0) return <NoRole message='只有社区工作人员可以代录提议' />;

  const send = () => {
    if (!name.trim()) return action.refuse('name', '请填写提议人姓名');
    if (!channel) return action.refuse('channel', '请选择收到提议的渠道');
    if (!category) return action.refuse('category', '请选择项目类别');
    if (!title.trim()) return action.refuse('title', '请填写标题');
    if (!location.trim()) return action.refuse('location', '请填写地点');
    if (!description.trim()) return action.refuse('description', '请填写具体情况');
    void action.run(
      () =>
        submitProposal({
          communityId,
          title: title.trim(),
          category,
          location: location.trim(),
          description: description.trim(),
          source: 'resident',
          onBehalfOf: { name: name.trim(), channel },
          requestId: requestId.current,
        }),
      (proposal) => {
        requestId.current = newRequestId();
        void Taro.redirectTo({ url: pageWithId(STAFF_PAGES.proposal, proposal.id) });
      },
    );
  };
  // The server names `onBehalfOf.name` and `onBehalfOf.channel`.
  const errorOf = (field: string) => action.fieldError(field) ?? action.fieldError(`onBehalfOf.${field}`);

  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{names.community(communityId)} · 代录提议</Text>
        <Text className='staff__sub'>居民通过纸质意见、电话、上门走访或意见箱提出的提议，由您代为录入；公开时显示提议人（隐去部分姓名）和来源渠道。</Text>
        <CommunityChips grants={grants} names={names} value={communityId} onChange={setCommunityId} />
      </View>
      <View className='card' data-testid='behalf-form'>
        <TextInput label='提议人姓名' name='name' required value={name} onChange={setName} maxlength={TEXT_LIMITS.name} placeholder='如：王秀英' error={errorOf('name')} />
        <Field label='收到渠道' name='channel' required error={errorOf('channel')}>
          <Chips label='收到渠道' options={CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))} value={channel} onChange={setChannel} />
        </Field>
        <Field label='项目类别' name='category' required error={action.fieldError('category')}>
          <Chips label='项目类别' options={CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))} value={category} onChange={setCategory} />
        </Field>
        <TextInput label='标题' name='title' required value={title} onChange={setTitle} maxlength={TEXT_LIMITS.proposalTitle} error={action.fieldError('title')} />
        <TextInput label='地点' name='location' required value={location} onChange={setLocation} maxlength={TEXT_LIMITS.location} error={action.fieldError('location')} />
        <TextBox label='具体情况' name='description' required value={description} onChange={setDescription} maxlength={TEXT_LIMITS.description} placeholder='照录居民的原话' error={action.fieldError('description')} />
        <FormError message={action.formError([...FIELDS, 'onBehalfOf'])} />
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='behalf-submit'>
          提交代录的提议
        </Action>
      </View>
    </View>
  );
}
