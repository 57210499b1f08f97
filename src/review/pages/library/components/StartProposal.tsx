import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { LibraryEntry } from '../../../../../types/api';
import { submitProposal } from '../../../../api';
import { Action } from '../../../../components/Action';
import { newRequestId } from '../../../../lib/request-id';
import { FormError } from '../../../../staff/workbench/feedback';
import { TextInput } from '../../../../staff/workbench/fields';
import { STAFF_PAGES, pageWithId } from '../../../../staff/workbench/proposal-info';
import { useAction } from '../../../../staff/workbench/use-action';

/**
 * 用此方案发起提议 (R-SUP-3, R-SRC-1): a proposal of the worker's community with source 项目库,
 * the entry's title and plan as its text; only the place is asked. It then runs like any other.
 */
export function StartProposal({ entry, communityId, communityName, onCancel }: { entry: LibraryEntry; communityId: string; communityName: string; onCancel: () => void }) {
  const [location, setLocation] = useState('');
  const requestId = useMemo(newRequestId, []);
  const action = useAction<{ id: string }>();
  const start = () => {
    if (!location.trim()) return action.refuse('location', '请填写项目地点');
    void action.run(
      () =>
        submitProposal({
          communityId,
          title: entry.title,
          category: entry.category,
          location: location.trim(),
          description: entry.plan.slice(0, TEXT_LIMITS.description),
          source: 'library',
          libraryEntryId: entry.id,
          requestId,
        }),
      (proposal) => void Taro.navigateTo({ url: pageWithId(STAFF_PAGES.proposal, proposal.id) }),
    );
  };
  return (
    <View className='library__start' data-testid='start-proposal'>
      <Text className='block small muted'>在{communityName}按「{entry.title}」的标准方案发起提议，来源记为“项目库”。</Text>
      <TextInput label='项目地点' name='location' required value={location} onChange={setLocation} maxlength={TEXT_LIMITS.location} placeholder='如：中英街社区党群服务中心' error={action.fieldError('location')} />
      <FormError message={action.formError(['location'])} />
      <View className='form-actions'>
        <Action variant='plain' onClick={onCancel}>
          取消
        </Action>
        <Action busy={action.busy} busyLabel='正在提交…' onClick={start} testId='submit-from-library'>
          发起提议
        </Action>
      </View>
    </View>
  );
}
